// The columns an import understands, with the header names real exports use for them.
import type { ImportMessageKey } from './problem';
import { lookupKey } from './text';

export interface FieldDef {
  key: string;
  /** i18n key of the field's label. */
  label: ImportMessageKey;
  required: boolean;
  /** Header names that mean this field (matched after normalizeHeader). */
  synonyms: string[];
}

export type CaseFieldKey =
  | 'caseNo'
  | 'filingNo'
  | 'caseType'
  | 'procedure'
  | 'cause'
  | 'partyName'
  | 'partyType'
  | 'partyCode'
  | 'department'
  | 'handlers'
  | 'handlerCertNos'
  | 'filedOn'
  | 'decidedOn'
  | 'closedOn'
  | 'penaltyKinds'
  | 'amount'
  | 'legalBasis'
  | 'status'
  | 'pageCount'
  | 'caseUid'
  | 'notes';

export type PersonFieldKey =
  'name' | 'department' | 'position' | 'legalOfficer' | 'certNo' | 'phone' | 'expertise' | 'notes';

function caseField(
  key: CaseFieldKey,
  required: boolean,
  synonyms: string[],
): FieldDef & { key: CaseFieldKey } {
  return { key, label: `import.fields.case.${key}`, required, synonyms };
}

function personField(
  key: PersonFieldKey,
  required: boolean,
  synonyms: string[],
): FieldDef & { key: PersonFieldKey } {
  return { key, label: `import.fields.person.${key}`, required, synonyms };
}

/** Case-catalogue columns. The first synonym is the name used in templates and messages. */
export const CASE_FIELDS: readonly (FieldDef & { key: CaseFieldKey })[] = [
  caseField('caseNo', true, [
    '决定书文号',
    '文书编号',
    '许可文号',
    '决定文号',
    '处罚决定书文号',
    '许可决定书文号',
    '强制执行决定文号',
    '案号',
    '文号',
  ]),
  caseField('filingNo', false, ['立案号', '受理号', '立案编号', '受案号', '受理编号']),
  caseField('caseType', true, ['案件类型', '案件类别', '执法类别', '执法行为类别', '类型']),
  caseField('procedure', false, ['程序类型', '适用程序', '程序', '办案程序']),
  caseField('cause', false, [
    '案由',
    '违法行为',
    '许可事项',
    '事项名称',
    '违法行为类型',
    '案件名称',
  ]),
  caseField('partyName', false, [
    '当事人',
    '当事人名称',
    '申请人',
    '行政相对人',
    '相对人',
    '相对人名称',
  ]),
  caseField('partyType', false, ['当事人类型', '相对人类型', '主体类型']),
  caseField('partyCode', false, [
    '统一社会信用代码',
    '信用代码',
    '证件号码',
    '身份证号码',
    '身份证号',
    '组织机构代码',
  ]),
  caseField('department', true, [
    '执法部门',
    '办案单位',
    '实施机关',
    '执法机关',
    '决定机关',
    '承办单位',
    '执法主体',
    '办案机关',
  ]),
  caseField('handlers', false, ['承办人', '经办人', '执法人员', '办案人员', '承办人员', '办案人']),
  caseField('handlerCertNos', false, ['执法证号', '执法证件号', '执法证编号']),
  caseField('filedOn', false, [
    '立案日期',
    '受案时间',
    '受理日期',
    '立案时间',
    '受理时间',
    '受案日期',
  ]),
  caseField('decidedOn', false, [
    '决定日期',
    '作出决定日期',
    '处罚决定日期',
    '许可决定日期',
    '决定时间',
  ]),
  caseField('closedOn', false, ['结案日期', '办结日期', '结案时间', '办结时间']),
  caseField('penaltyKinds', false, ['处罚种类', '处罚类型', '处罚内容']),
  caseField('amount', false, ['罚没金额', '罚款金额', '罚没款金额', '金额', '罚没金额（元）']),
  caseField('legalBasis', false, ['法律依据', '处罚依据', '适用依据', '依据']),
  caseField('status', false, ['案件状态', '状态', '办理状态']),
  caseField('pageCount', false, ['卷宗页数', '页数', '案卷页数']),
  caseField('caseUid', false, ['案件编号', '系统编号', '案件ID']),
  caseField('notes', false, ['备注']),
];

/** Evaluator-pool columns. */
export const PERSON_FIELDS: readonly (FieldDef & { key: PersonFieldKey })[] = [
  personField('name', true, ['姓名']),
  personField('department', true, ['所在单位', '单位', '工作单位', '部门', '执法部门']),
  personField('position', false, ['职务', '职位']),
  personField('legalOfficer', false, ['是否法制员', '法制员']),
  personField('certNo', false, ['执法证号', '执法证件号']),
  personField('phone', false, ['联系电话', '电话', '手机', '手机号码']),
  personField('expertise', false, ['专业领域', '擅长领域', '业务领域', '熟悉领域']),
  personField('notes', false, ['备注']),
];

// A trailing bracketed note such as （元）, (元), （页）, （必填）, (yyyy-mm-dd), （单位：元）.
const TRAILING_NOTE = /[(（][^()（）]{0,12}[)）]$/;
// Marks for required columns and trailing colons: *决定书文号, 案由：
const MARKS = /^[*＊※]+|[*＊※:：]+$/g;

/**
 * The form a header is compared in: half-width, no spaces, no required-marks, no trailing unit
 * or note in brackets, lower case. 罚没金额（元） and 罚没金额 (元) both become 罚没金额.
 */
export function normalizeHeader(header: string): string {
  let s = lookupKey(header).replace(MARKS, '');
  // Repeat: 金额(元)(必填) has two notes.
  for (let i = 0; i < 3 && TRAILING_NOTE.test(s); i++) {
    const stripped = s.replace(TRAILING_NOTE, '');
    if (stripped === '') break;
    s = stripped.replace(MARKS, '');
  }
  return s;
}

const WAN = /万元|万/;

/** The unit of an amount column's figures, from its header: 罚没金额（万元） → 'wan'. */
export function amountUnitOfHeader(header: string): 'yuan' | 'wan' {
  return WAN.test(header) ? 'wan' : 'yuan';
}

const synonymMaps = new WeakMap<readonly FieldDef[], Map<string, string>>();

/** Normalised header name → field key, built once per field list. */
export function synonymMap(fields: readonly FieldDef[]): Map<string, string> {
  let map = synonymMaps.get(fields);
  if (!map) {
    map = new Map();
    for (const f of fields) {
      for (const s of [f.key, ...f.synonyms]) {
        const k = normalizeHeader(s);
        if (k !== '' && !map.has(k)) map.set(k, f.key);
      }
    }
    synonymMaps.set(fields, map);
  }
  return map;
}

/** The field a header names, or null. */
export function matchHeader(header: string, fields: readonly FieldDef[]): string | null {
  return synonymMap(fields).get(normalizeHeader(header)) ?? null;
}
