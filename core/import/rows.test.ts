import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { CASE_FIELDS, PERSON_FIELDS } from './fields';
import { detectHeader } from './header';
import { isBlankRow, isTotalRow, validateCaseRow, validatePersonRow } from './rows';
import type { CellValue, ColumnMapping, RowProblem, SourceRow } from './types';
import { DEFAULT_CASE_TYPES } from './vocab';
import { hasUnfilledPlaceholder } from '../i18n/placeholders';

const ctx = { caseTypes: DEFAULT_CASE_TYPES };

// The XLSX sample's columns (A = 序号).
const HEADER = [
  '序号',
  '决定书文号',
  '立案号',
  '案件类型',
  '程序类型',
  '案由',
  '当事人',
  '当事人类型',
  '统一社会信用代码',
  '执法部门',
  '承办人',
  '执法证号',
  '立案日期',
  '决定日期',
  '结案日期',
  '处罚种类',
  '罚没金额（元）',
  '法律依据',
  '案件状态',
  '卷宗页数',
];
const mapping: ColumnMapping = detectHeader(
  [{ rowNumber: 3, cells: HEADER }],
  CASE_FIELDS,
)!.mapping;

const GOOD: CellValue[] = [
  2,
  '东民处罚〔2025〕2号',
  '东民立〔2025〕233号',
  '行政处罚',
  '普通程序',
  '未取得许可从事经营活动',
  '东湖区瑞丰网络科技有限公司',
  '法人',
  '91398222MA93131828H',
  '东湖区民政局',
  '严豪志、贺明鹏',
  '11687439、11261371',
  '2025/4/14',
  '2025.06.04',
  45829,
  '罚款、没收违法所得',
  100000,
  '《中华人民共和国行政许可法》第八十一条',
  '已结案',
  53,
];

function row(changes: Record<number, CellValue> = {}, rowNumber = 5): SourceRow {
  const cells = [...GOOD];
  for (const [i, v] of Object.entries(changes)) cells[Number(i)] = v;
  return { rowNumber, cells };
}

const only = (problems: RowProblem[]) => {
  expect(problems).toHaveLength(1);
  return problems[0]!;
};

describe('blank and total rows', () => {
  it('isBlankRow', () => {
    expect(isBlankRow({ rowNumber: 1, cells: [] })).toBe(true);
    expect(isBlankRow({ rowNumber: 1, cells: [null, '', ' \n\u3000', '\u200B'] })).toBe(true);
    expect(isBlankRow({ rowNumber: 1, cells: [null, 0] })).toBe(false);
    expect(isBlankRow({ rowNumber: 1, cells: ['', 'x'] })).toBe(false);
  });
  it('isTotalRow: 合计 / 总计 / 小计 as the first non-empty cell, spaces allowed', () => {
    expect(isTotalRow({ rowNumber: 604, cells: ['合计', '600件'] })).toBe(true);
    expect(isTotalRow({ rowNumber: 1, cells: [null, '', '合 计', 123] })).toBe(true);
    expect(isTotalRow({ rowNumber: 1, cells: ['总计'] })).toBe(true);
    expect(isTotalRow({ rowNumber: 1, cells: ['小\u3000计：'] })).toBe(true);
    expect(isTotalRow({ rowNumber: 1, cells: ['合计：600件'] })).toBe(true);
    expect(isTotalRow({ rowNumber: 1, cells: [1, '合计'] })).toBe(false);
    expect(isTotalRow({ rowNumber: 1, cells: ['合计罚款案件'] })).toBe(false);
    expect(isTotalRow({ rowNumber: 1, cells: [] })).toBe(false);
  });
});

describe('validateCaseRow', () => {
  it('turns a good sample row into a draft', () => {
    const r = validateCaseRow(row(), mapping, ctx);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.draft).toEqual({
      caseNo: '东民处罚〔2025〕2号',
      caseNoRaw: '东民处罚〔2025〕2号',
      year: 2025,
      filingNo: '东民立〔2025〕233号',
      caseType: 'penalty',
      procedure: 'normal',
      cause: '未取得许可从事经营活动',
      partyName: '东湖区瑞丰网络科技有限公司',
      partyType: '法人',
      partyCode: '91398222MA93131828H',
      departmentName: '东湖区民政局',
      handlers: '严豪志、贺明鹏',
      handlerCertNos: '11687439、11261371',
      filedOn: '2025-04-14',
      decidedOn: '2025-06-04',
      closedOn: '2025-06-21',
      penaltyKinds: '罚款、没收违法所得',
      amountFen: 10_000_000,
      legalBasis: '《中华人民共和国行政许可法》第八十一条',
      status: 'closed',
      pageCount: 53,
      caseUid: null,
      notes: null,
    });
  });

  it('normalises the case number, keeping the original', () => {
    const d = validateCaseRow(row({ 1: ' 东发改处罚【2025】第004号 ' }), mapping, ctx).draft!;
    expect(d.caseNo).toBe('东发改处罚〔2025〕4号');
    expect(d.caseNoRaw).toBe('东发改处罚【2025】第004号');
    expect(d.year).toBe(2025);
  });

  it('takes the year from the decision date when the number has none', () => {
    const d = validateCaseRow(
      row({ 1: '东民处罚12号', 13: '2024年12月30日' }),
      mapping,
      ctx,
    ).draft!;
    expect(d.year).toBe(2024);
  });

  it('reports a missing 决定书文号 (planted) with row, column and a hint', () => {
    const r = validateCaseRow(row({ 1: '' }, 77), mapping, ctx);
    expect(r.draft).toBeNull();
    expect(only(r.errors)).toEqual({
      rowNumber: 77,
      column: 1,
      field: 'caseNo',
      value: '',
      problem: { key: 'import.problems.caseNoMissing' },
      hint: { key: 'import.hints.caseNoMissing' },
    });
  });

  it('reports a missing 执法部门 (planted)', () => {
    const e = only(validateCaseRow(row({ 9: null }), mapping, ctx).errors);
    expect(e).toMatchObject({
      column: 9,
      field: 'department',
      problem: { key: 'import.problems.departmentMissing' },
    });
    expect(e.hint?.key).toBe('import.hints.departmentMissing');
  });

  it('reports each missing required field separately', () => {
    const r = validateCaseRow(row({ 1: null, 3: ' ', 9: '' }), mapping, ctx);
    expect(r.errors.map((e) => [e.field, e.column])).toEqual([
      ['caseNo', 1],
      ['caseType', 3],
      ['department', 9],
    ]);
    expect(r.errors[1]!.hint).toEqual({
      key: 'import.hints.caseTypeMissing',
      params: { types: '行政处罚、行政许可、行政强制' },
    });
  });

  it('says to map the column when a required column is not mapped at all', () => {
    const partial = { ...mapping };
    delete partial.department;
    const e = only(validateCaseRow(row(), partial, ctx).errors);
    expect(e).toMatchObject({ column: null, field: 'department' });
    expect(e.hint).toEqual({ key: 'import.hints.mapRequiredColumn' });
  });

  it('reports the unknown case type 行政裁决 (planted), with what to do in 设置', () => {
    const e = only(validateCaseRow(row({ 3: '行政裁决' }), mapping, ctx).errors);
    expect(e).toMatchObject({
      column: 3,
      field: 'caseType',
      value: '行政裁决',
      problem: { key: 'import.problems.caseTypeUnknown', params: { value: '行政裁决' } },
    });
    const hint = translate('zh-CN', e.hint!.key, e.hint!.params);
    expect(hint).toContain('设置');
    expect(hint).toContain('同义词');
    expect(hint).toContain('重新导入');
    expect(translate('en-US', e.hint!.key, e.hint!.params)).toContain('Settings');
  });

  it('reports the impossible date 2025-02-30 (planted) in its column', () => {
    const e = only(validateCaseRow(row({ 13: '2025-02-30' }), mapping, ctx).errors);
    expect(e).toMatchObject({
      column: 13,
      field: 'decidedOn',
      value: '2025-02-30',
      problem: { key: 'import.problems.dateImpossible' },
    });
  });

  it('reports the amount in words 五千元 (planted)', () => {
    const e = only(validateCaseRow(row({ 16: '五千元' }), mapping, ctx).errors);
    expect(e).toMatchObject({ column: 16, field: 'amount', value: '五千元' });
    expect(e.problem.key).toBe('import.problems.amountInWords');
  });

  it('reads the amount forms of the samples', () => {
    const amount = (v: CellValue) => validateCaseRow(row({ 16: v }), mapping, ctx).draft!.amountFen;
    expect(amount('5,000.00')).toBe(500_000);
    expect(amount('53721元')).toBe(5_372_100);
    expect(amount('5万元')).toBe(5_000_000);
    expect(amount('２００')).toBe(20_000);
    expect(amount('')).toBeNull();
    expect(amount(null)).toBeNull();
    expect(
      validateCaseRow(row({ 16: 0.5 }), mapping, { ...ctx, amountUnit: 'wan' }).draft!.amountFen,
    ).toBe(500_000);
  });

  it('procedures: unknown is an error; 承诺制 imports without a procedure, with a warning', () => {
    const e = only(validateCaseRow(row({ 4: '特快程序' }), mapping, ctx).errors);
    expect(e).toMatchObject({
      column: 4,
      field: 'procedure',
      problem: { key: 'import.problems.procedureUnknown' },
    });
    const permit = validateCaseRow(row({ 3: '行政许可', 4: '承诺制' }), mapping, ctx);
    expect(permit.errors).toEqual([]);
    expect(permit.warnings).toEqual([]);
    expect(permit.draft!.procedure).toBeNull();
    const penalty = validateCaseRow(row({ 4: '承诺制' }), mapping, ctx);
    expect(penalty.draft!.procedure).toBeNull();
    expect(only(penalty.warnings).problem.key).toBe('import.problems.procedureOther');
    expect(validateCaseRow(row({ 4: '简易程序' }), mapping, ctx).draft!.procedure).toBe('simple');
    expect(validateCaseRow(row({ 4: '一般程序' }), mapping, ctx).draft!.procedure).toBe('normal');
    expect(validateCaseRow(row({ 4: null }), mapping, ctx).draft!.procedure).toBeNull();
  });

  it('status: inferred when empty, an error when unknown', () => {
    expect(validateCaseRow(row({ 18: null }), mapping, ctx).draft!.status).toBe('closed');
    expect(validateCaseRow(row({ 18: null, 14: '' }), mapping, ctx).draft!.status).toBe('open');
    expect(validateCaseRow(row({ 18: '办理中', 14: '' }), mapping, ctx).draft!.status).toBe('open');
    const e = only(validateCaseRow(row({ 18: '已撤销' }), mapping, ctx).errors);
    expect(e).toMatchObject({
      column: 18,
      field: 'status',
      problem: { key: 'import.problems.statusUnknown' },
    });
    expect(e.hint?.key).toBe('import.hints.statusUnknown');
    const w = validateCaseRow(row({ 18: '办理中' }), mapping, ctx);
    expect(w.draft!.status).toBe('open');
    expect(only(w.warnings).problem.key).toBe('import.problems.openButClosedOn');
  });

  it('handlers are split on 、，,;；/ and whitespace and joined with 、', () => {
    const handlers = (v: CellValue) =>
      validateCaseRow(row({ 10: v }), mapping, ctx).draft!.handlers;
    expect(handlers('宋娟，袁静')).toBe('宋娟、袁静');
    expect(handlers('宋娟, 袁静;李四 / 王五')).toBe('宋娟、袁静、李四、王五');
    expect(handlers('宋娟\n袁静')).toBe('宋娟、袁静');
    expect(handlers('宋娟\u3000袁静')).toBe('宋娟、袁静');
    expect(handlers('宋娟 、袁静')).toBe('宋娟、袁静');
    expect(handlers('  ')).toBeNull();
  });

  it('page count: a non-negative integer, 30页 and full-width digits accepted', () => {
    const pages = (v: CellValue) => validateCaseRow(row({ 19: v }), mapping, ctx);
    expect(pages(30).draft!.pageCount).toBe(30);
    expect(pages('30页').draft!.pageCount).toBe(30);
    expect(pages('３０').draft!.pageCount).toBe(30);
    expect(pages(' 30 页 ').draft!.pageCount).toBe(30);
    expect(pages(null).draft!.pageCount).toBeNull();
    for (const bad of [-1, 2.5, '三十页', 'abc', '-3']) {
      const e = only(pages(bad).errors);
      expect(e.problem.key, String(bad)).toBe('import.problems.pageCountInvalid');
      expect(e.column).toBe(19);
    }
  });

  it('warns about dates out of order, without blocking the row', () => {
    const r = validateCaseRow(
      row({ 12: '2025-07-01', 13: '2025-06-04', 14: '2025-06-01' }),
      mapping,
      ctx,
    );
    expect(r.errors).toEqual([]);
    expect(r.draft).not.toBeNull();
    expect(r.warnings.map((w) => [w.field, w.problem.key])).toEqual([
      ['decidedOn', 'import.problems.decidedBeforeFiled'],
      ['closedOn', 'import.problems.closedBeforeDecided'],
    ]);
  });

  it('party type and code', () => {
    const d = validateCaseRow(
      row({ 7: '个体户', 8: ' 91398222ma93131828h ' }),
      mapping,
      ctx,
    ).draft!;
    expect(d.partyType).toBe('个体工商户');
    expect(d.partyCode).toBe('91398222MA93131828H');
    const w = validateCaseRow(row({ 8: Number('330102199001011234') }), mapping, ctx);
    expect(only(w.warnings).problem.key).toBe('import.problems.numberPrecisionLost');
  });

  it('gives the normalised case number and department even for a row with errors', () => {
    const r = validateCaseRow(row({ 1: '东应急处罚【2025】4号', 12: '2025-02-30' }), mapping, ctx);
    expect(r.draft).toBeNull();
    expect(r.caseNo).toBe('东应急处罚〔2025〕4号');
    expect(r.departmentName).toBe('东湖区民政局');
    expect(validateCaseRow(row({ 1: null }), mapping, ctx).caseNo).toBeNull();
  });

  it('cuts a runaway cell in the problem it reports', () => {
    const long = '行'.repeat(5000);
    const e = only(validateCaseRow(row({ 3: long }), mapping, ctx).errors);
    expect(e.value).toHaveLength(201);
    expect(String(e.problem.params?.value)).toHaveLength(201);
  });

  it('reports several errors of one row together', () => {
    const r = validateCaseRow(row({ 3: '行政裁决', 13: '2025-02-30', 16: '五千元' }), mapping, ctx);
    expect(r.errors.map((e) => e.column)).toEqual([3, 13, 16]);
  });

  it('reads the CSV sample row shape', () => {
    const csvMap = detectHeader(
      [
        {
          rowNumber: 1,
          cells:
            '文书编号,案件类别,适用程序,违法行为,当事人名称,办案单位,经办人,受案时间,作出决定日期,办结日期,罚款金额,状态'.split(
              ',',
            ),
        },
      ],
      CASE_FIELDS,
    )!.mapping;
    const cells =
      '东退役许（2025）2号,行政许可,一般程序,取水许可,东湖区博远商贸有限公司,东湖区退役军人事务局,邓涛、段晓红,2025/3/24,2025年5月15日,2025-06-03,,已结案'.split(
        ',',
      );
    const r = validateCaseRow({ rowNumber: 15, cells }, csvMap, ctx);
    expect(r.errors).toEqual([]);
    expect(r.draft).toMatchObject({
      caseNo: '东退役许〔2025〕2号',
      caseNoRaw: '东退役许（2025）2号',
      caseType: 'permit',
      procedure: 'normal',
      departmentName: '东湖区退役军人事务局',
      filedOn: '2025-03-24',
      decidedOn: '2025-05-15',
      closedOn: '2025-06-03',
      amountFen: null,
      status: 'closed',
    });
  });

  it('never throws on arbitrary rows; every problem renders in both languages', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '行政处罚',
        '许可',
        '行政裁决',
        '2025-02-30',
        '五千元',
        '承诺制',
        '合计',
        '30页',
        '已结案',
      ),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.date({ noInvalidDate: false }),
      fc.constant(null),
    );
    const anyMapping = fc.dictionary(
      fc.constantFrom(...CASE_FIELDS.map((f) => f.key)),
      fc.nat({ max: 25 }),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 25 }), anyMapping, fc.boolean(), (cells, m, wan) => {
        const r = validateCaseRow({ rowNumber: 9, cells }, m, {
          ...ctx,
          amountUnit: wan ? 'wan' : 'yuan',
        });
        expect(r.draft === null).toBe(r.errors.length > 0);
        for (const p of [...r.errors, ...r.warnings]) {
          for (const locale of ['zh-CN', 'en-US'] as const) {
            for (const msg of [p.problem, p.hint]) {
              if (!msg) continue;
              const text = translate(locale, msg.key, msg.params);
              expect(text).not.toBe(msg.key);
              expect(hasUnfilledPlaceholder(text, msg.params)).toBe(false);
            }
          }
        }
        isBlankRow({ rowNumber: 9, cells });
        isTotalRow({ rowNumber: 9, cells });
      }),
      { numRuns: 500 },
    );
  });
});

describe('validatePersonRow', () => {
  const poolMap = detectHeader(
    [
      {
        rowNumber: 1,
        cells: [
          '序号',
          '姓名',
          '所在单位',
          '职务',
          '是否法制员',
          '执法证号',
          '联系电话',
          '专业领域',
          '备注',
        ],
      },
    ],
    PERSON_FIELDS,
  )!.mapping;
  const person = (changes: Record<number, CellValue> = {}) => {
    const cells: CellValue[] = [
      1,
      '方兰明',
      '东湖区市场监督管理局',
      '法制员',
      '是',
      '11130075',
      15815975248,
      null,
      null,
    ];
    for (const [i, v] of Object.entries(changes)) cells[Number(i)] = v;
    return validatePersonRow({ rowNumber: 2, cells }, poolMap);
  };

  it('turns a pool sample row into a draft', () => {
    const r = person();
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.draft).toEqual({
      name: '方兰明',
      departmentName: '东湖区市场监督管理局',
      position: '法制员',
      legalOfficer: true,
      certNo: '11130075',
      phone: '15815975248',
      expertise: [],
      notes: null,
    });
  });

  it('requires name and department', () => {
    const r = person({ 1: ' ', 2: null });
    expect(r.draft).toBeNull();
    expect(r.errors.map((e) => [e.field, e.column, e.problem.key])).toEqual([
      ['name', 1, 'import.problems.personNameMissing'],
      ['department', 2, 'import.problems.personDepartmentMissing'],
    ]);
  });

  it('reads 是否法制员; empty is no; an unknown word is an error', () => {
    expect(person({ 4: '否' }).draft!.legalOfficer).toBe(false);
    expect(person({ 4: '√' }).draft!.legalOfficer).toBe(true);
    expect(person({ 4: null }).draft!.legalOfficer).toBe(false);
    const e = only(person({ 4: '待定' }).errors);
    expect(e).toMatchObject({ field: 'legalOfficer', column: 4, value: '待定' });
    expect(e.hint?.key).toBe('import.hints.legalOfficerUnknown');
  });

  it('keeps digits and - of a phone, and warns about an unlikely one', () => {
    expect(person({ 6: '0571-8888 8888' }).draft!.phone).toBe('0571-88888888');
    expect(person({ 6: '１５８１５９７５２４８' }).draft!.phone).toBe('15815975248');
    const w = person({ 6: '12345' });
    expect(w.draft!.phone).toBe('12345');
    expect(only(w.warnings)).toMatchObject({
      field: 'phone',
      problem: { key: 'import.problems.phoneUnusual', params: { digits: 5 } },
    });
    const none = person({ 6: '无' });
    expect(none.draft!.phone).toBeNull();
    expect(only(none.warnings).field).toBe('phone');
  });

  it('splits fields of expertise', () => {
    expect(person({ 7: '市场监管、食品安全；价格' }).draft!.expertise).toEqual([
      '市场监管',
      '食品安全',
      '价格',
    ]);
  });

  it('never throws on arbitrary rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)), {
          maxLength: 10,
        }),
        (cells) => {
          const r = validatePersonRow({ rowNumber: 1, cells }, poolMap);
          expect(r.draft === null).toBe(r.errors.length > 0);
        },
      ),
    );
  });
});

describe('throughput', () => {
  it('validates 50,000 typical rows (sanity; timing is measured by the bench)', () => {
    const rows = Array.from({ length: 50_000 }, (_, i) =>
      row({ 1: `东民处罚〔2025〕${i}号` }, i + 4),
    );
    let ok = 0;
    for (const r of rows) if (validateCaseRow(r, mapping, ctx).draft) ok++;
    expect(ok).toBe(50_000);
  });
});
