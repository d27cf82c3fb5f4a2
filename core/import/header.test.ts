import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import type { FieldDef } from './fields';
import {
  amountUnitOfHeader,
  CASE_FIELDS,
  matchHeader,
  normalizeHeader,
  PERSON_FIELDS,
} from './fields';
import {
  amountUnitOf,
  detectHeader,
  headerSignature,
  mapHeaders,
  missingRequiredFields,
} from './header';
import type { CellValue, SourceRow } from './types';

const grid = (rows: CellValue[][], first = 1): SourceRow[] =>
  rows.map((cells, i) => ({ rowNumber: first + i, cells }));

const XLSX_HEADER = [
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
const CSV_HEADER = [
  '文书编号',
  '案件类别',
  '适用程序',
  '违法行为',
  '当事人名称',
  '办案单位',
  '经办人',
  '受案时间',
  '作出决定日期',
  '办结日期',
  '罚款金额',
  '状态',
];

describe('field definitions', () => {
  it('no synonym means two fields of one kind', () => {
    for (const fields of [CASE_FIELDS, PERSON_FIELDS] as readonly (readonly FieldDef[])[]) {
      const seen = new Map<string, string>();
      for (const f of fields) {
        for (const s of [f.key, ...f.synonyms]) {
          const k = normalizeHeader(s);
          expect(seen.get(k) ?? f.key, `${s} in ${f.key}`).toBe(f.key);
          seen.set(k, f.key);
        }
      }
    }
  });
  it('every field has a label in both languages; required fields are the specified ones', () => {
    for (const f of [...CASE_FIELDS, ...PERSON_FIELDS]) {
      expect(translate('zh-CN', f.label)).not.toBe(f.label);
      expect(translate('en-US', f.label)).not.toBe(f.label);
    }
    expect(CASE_FIELDS.filter((f) => f.required).map((f) => f.key)).toEqual([
      'caseNo',
      'caseType',
      'department',
    ]);
    expect(PERSON_FIELDS.filter((f) => f.required).map((f) => f.key)).toEqual([
      'name',
      'department',
    ]);
  });
});

describe('header names', () => {
  it('normalise: half-width, no spaces, no unit suffix, no required mark, case-insensitive', () => {
    expect(normalizeHeader('罚没金额（元）')).toBe('罚没金额');
    expect(normalizeHeader('罚没金额 (元)')).toBe('罚没金额');
    expect(normalizeHeader('卷宗页数（页）')).toBe('卷宗页数');
    expect(normalizeHeader('*决定书\n文号')).toBe('决定书文号');
    expect(normalizeHeader('案件ＩＤ')).toBe('案件id');
    expect(normalizeHeader('立案日期(yyyy-mm-dd)')).toBe('立案日期');
    expect(normalizeHeader('（元）')).toBe('（元）'); // nothing but a note: kept
  });
  it('map the synonyms of both samples', () => {
    const expected: Record<string, string> = {
      文书编号: 'caseNo',
      案件类别: 'caseType',
      适用程序: 'procedure',
      违法行为: 'cause',
      当事人名称: 'partyName',
      办案单位: 'department',
      经办人: 'handlers',
      受案时间: 'filedOn',
      作出决定日期: 'decidedOn',
      办结日期: 'closedOn',
      罚款金额: 'amount',
      状态: 'status',
      许可文号: 'caseNo',
      实施机关: 'department',
      '罚没金额(元)': 'amount',
      案件ID: 'caseUid',
      案件id: 'caseUid',
    };
    for (const [h, key] of Object.entries(expected))
      expect(matchHeader(h, CASE_FIELDS), h).toBe(key);
    expect(matchHeader('序号', CASE_FIELDS)).toBeNull();
    expect(matchHeader('是否法制员', PERSON_FIELDS)).toBe('legalOfficer');
    expect(matchHeader('所在单位', PERSON_FIELDS)).toBe('department');
  });
  it('tell a 万元 amount column', () => {
    expect(amountUnitOfHeader('罚没金额（万元）')).toBe('wan');
    expect(amountUnitOfHeader('罚没金额（元）')).toBe('yuan');
    expect(matchHeader('罚没金额（万元）', CASE_FIELDS)).toBe('amount');
  });
});

describe('detectHeader', () => {
  it('finds the header of the XLSX sample below its title and export-time rows', () => {
    const rows = grid([
      ['东湖区2025年度行政执法案卷目录（各执法部门报送汇总）', ...Array<null>(19).fill(null)],
      ['导出时间：2025-12-20 09:31', ...Array<null>(19).fill(null)],
      XLSX_HEADER,
      [
        1,
        '东宗处罚〔2025〕3号',
        '东宗立〔2025〕781号',
        '行政处罚',
        '普通程序',
        '超标排放大气污染物',
      ],
      ['合计', '600件'],
    ]);
    const h = detectHeader(rows, CASE_FIELDS)!;
    expect(h.headerIndex).toBe(2);
    expect(h.headers).toEqual(XLSX_HEADER);
    expect(h.mapping).toEqual({
      caseNo: 1,
      filingNo: 2,
      caseType: 3,
      procedure: 4,
      cause: 5,
      partyName: 6,
      partyType: 7,
      partyCode: 8,
      department: 9,
      handlers: 10,
      handlerCertNos: 11,
      filedOn: 12,
      decidedOn: 13,
      closedOn: 14,
      penaltyKinds: 15,
      amount: 16,
      legalBasis: 17,
      status: 18,
      pageCount: 19,
    });
    expect(h.unmappedColumns).toEqual([0]); // 序号
    expect(amountUnitOf(h.headers, h.mapping)).toBe('yuan');
  });

  it('finds the header of the CSV sample on its first line', () => {
    const rows = grid([CSV_HEADER, ['东医保处罚〔2025〕2号', '行政处罚', '普通程序']]);
    const h = detectHeader(rows, CASE_FIELDS)!;
    expect(h.headerIndex).toBe(0);
    expect(h.mapping).toEqual({
      caseNo: 0,
      caseType: 1,
      procedure: 2,
      cause: 3,
      partyName: 4,
      department: 5,
      handlers: 6,
      filedOn: 7,
      decidedOn: 8,
      closedOn: 9,
      amount: 10,
      status: 11,
    });
    expect(h.unmappedColumns).toEqual([]);
    expect(missingRequiredFields(h.mapping, CASE_FIELDS)).toEqual([]);
  });

  it('finds the pool header', () => {
    const rows = grid([
      ['序号', '姓名', '所在单位', '职务', '是否法制员', '执法证号', '联系电话'],
      [1, '方兰明', '东湖区市场监督管理局', '法制员', '是', '11130075', '15815975248'],
    ]);
    const h = detectHeader(rows, PERSON_FIELDS)!;
    expect(h.headerIndex).toBe(0);
    expect(h.mapping).toEqual({
      name: 1,
      department: 2,
      position: 3,
      legalOfficer: 4,
      certNo: 5,
      phone: 6,
    });
  });

  it('accepts a header naming only the required fields, or 3 fields; not fewer', () => {
    expect(detectHeader(grid([['姓名', '单位']]), PERSON_FIELDS)?.mapping).toEqual({
      name: 0,
      department: 1,
    });
    expect(detectHeader(grid([['姓名', '职务']]), PERSON_FIELDS)).toBeNull();
    expect(detectHeader(grid([['案由', '当事人', '备注']]), CASE_FIELDS)?.headerIndex).toBe(0);
    expect(detectHeader(grid([['案由', '当事人']]), CASE_FIELDS)).toBeNull();
  });

  it('skips blank rows, looks only at the first 30 non-blank rows, and returns null without a header', () => {
    const blanks = Array.from({ length: 40 }, () => [null, '  ']);
    expect(detectHeader(grid([...blanks, CSV_HEADER]), CASE_FIELDS)?.headerIndex).toBe(40);
    const titles = Array.from({ length: 30 }, (_, i) => [`说明第${i}行`]);
    expect(detectHeader(grid([...titles, CSV_HEADER]), CASE_FIELDS)).toBeNull();
    expect(detectHeader(grid([]), CASE_FIELDS)).toBeNull();
    expect(
      detectHeader(
        grid([
          ['a', 'b', 'c'],
          [1, 2, 3],
        ]),
        CASE_FIELDS,
      ),
    ).toBeNull();
  });

  it('picks the row naming the most fields, the upper one on a tie', () => {
    const rows = grid([['案由', '当事人', '备注'], CSV_HEADER]);
    expect(detectHeader(rows, CASE_FIELDS)?.headerIndex).toBe(1);
    const tie = grid([
      ['案由', '当事人', '备注'],
      ['违法行为', '当事人名称', '备注'],
    ]);
    expect(detectHeader(tie, CASE_FIELDS)?.headerIndex).toBe(0);
  });

  it('maps each field to one column and uses no column twice', () => {
    const { mapping, unmappedColumns } = mapHeaders(
      ['当事人', '决定书文号', '当事人名称', '文号', '', '类型'],
      CASE_FIELDS,
    );
    expect(mapping).toEqual({ partyName: 0, caseNo: 1, caseType: 5 });
    expect(unmappedColumns).toEqual([2, 3]);
  });
});

describe('headerSignature', () => {
  it('is the same for headers that differ only in spelling', () => {
    expect(headerSignature(['决定书文号', '罚没金额（元）', '', ''])).toBe(
      headerSignature([' 决定书文号', '罚没金额 (元)']),
    );
    expect(headerSignature(CSV_HEADER)).not.toBe(headerSignature(XLSX_HEADER));
    expect(headerSignature(['A', '', 'B'])).toBe('a||b');
  });
});
