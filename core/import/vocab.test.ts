import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import {
  CASE_TYPE_LABELS,
  DEFAULT_CASE_TYPES,
  isOtherProcedure,
  matchCaseType,
  matchProcedure,
  matchStatus,
  normalizePartyType,
  PARTY_TYPE_LABELS,
  PARTY_TYPES,
  parseYesNo,
  PROCEDURE_LABELS,
  STATUS_LABELS,
} from './vocab';

const typeCode = (s: string) => matchCaseType(s, DEFAULT_CASE_TYPES)?.code ?? null;

describe('case types', () => {
  it('match names and synonyms as the samples write them', () => {
    expect(typeCode('行政处罚')).toBe('penalty');
    expect(typeCode('行政处罚案件')).toBe('penalty');
    expect(typeCode('处罚')).toBe('penalty');
    expect(typeCode('行政处罚决定')).toBe('penalty');
    expect(typeCode('许可')).toBe('permit');
    expect(typeCode('行政许可')).toBe('permit');
    expect(typeCode('行政强制')).toBe('coercion');
    expect(typeCode('行政强制执行')).toBe('coercion');
    expect(typeCode('行政强制措施')).toBe('coercion');
  });
  it('ignore spaces, line breaks, full-width letters and case', () => {
    expect(typeCode(' 行政 处罚 ')).toBe('penalty');
    expect(typeCode('行政\n许可')).toBe('permit');
    expect(typeCode('PENALTY')).toBe('penalty');
    expect(typeCode('ｐｅｎａｌｔｙ')).toBe('penalty');
  });
  it('do not know 行政裁决 (planted in the sample as an unknown type)', () => {
    expect(typeCode('行政裁决')).toBeNull();
    expect(typeCode('')).toBeNull();
    expect(typeCode('其他')).toBeNull();
  });
  it('follow a configured list, with its own synonyms', () => {
    const types = [...DEFAULT_CASE_TYPES, { code: 'ruling', name: '行政裁决', synonyms: ['裁决'] }];
    expect(matchCaseType('行政裁决', types)?.code).toBe('ruling');
    expect(matchCaseType('裁决', types)?.code).toBe('ruling');
    expect(matchCaseType('处罚', types)?.code).toBe('penalty');
  });
  it('have labels in both languages', () => {
    for (const t of DEFAULT_CASE_TYPES) {
      expect(translate('zh-CN', CASE_TYPE_LABELS[t.code]!)).toBe(t.name);
      expect(translate('en-US', CASE_TYPE_LABELS[t.code]!)).toMatch(/^Administrative /);
    }
  });
});

describe('procedures', () => {
  it('match 普通 and 简易 with their synonyms', () => {
    for (const s of ['普通程序', '普通', '一般程序', '一般', '听证程序', 'normal']) {
      expect(matchProcedure(s), s).toBe('normal');
    }
    for (const s of ['简易程序', '简易', '当场处罚', '当场', ' 简易 程序 ']) {
      expect(matchProcedure(s), s).toBe('simple');
    }
    expect(matchProcedure('特殊程序')).toBeNull();
  });
  it('know the permit procedures that are neither (承诺制 in both samples)', () => {
    expect(matchProcedure('承诺制')).toBeNull();
    expect(isOtherProcedure('承诺制')).toBe(true);
    expect(isOtherProcedure('告知承诺制')).toBe(true);
    expect(isOtherProcedure('即办')).toBe(true);
    expect(isOtherProcedure('普通程序')).toBe(false);
  });
  it('have labels', () => {
    expect(translate('zh-CN', PROCEDURE_LABELS.normal)).toBe('普通程序');
    expect(translate('en-US', PROCEDURE_LABELS.simple)).toBe('Simplified procedure');
  });
});

describe('statuses', () => {
  it('match 已结案 and 办理中 with their synonyms', () => {
    for (const s of ['已结案', '结案', '已办结', '办结', '已归档', '归档']) {
      expect(matchStatus(s), s).toBe('closed');
    }
    for (const s of ['办理中', '在办', '未结案', '未办结', '审理中', '办理']) {
      expect(matchStatus(s), s).toBe('open');
    }
    expect(matchStatus('撤销')).toBeNull();
  });
  it('have labels', () => {
    expect(translate('zh-CN', STATUS_LABELS.closed)).toBe('已结案');
    expect(translate('en-US', STATUS_LABELS.open)).toBe('In progress');
  });
});

describe('party types', () => {
  it('normalise to the canonical name, or keep unknown text as written', () => {
    expect(normalizePartyType('个人')).toBe('自然人');
    expect(normalizePartyType('公民')).toBe('自然人');
    expect(normalizePartyType('企业')).toBe('法人');
    expect(normalizePartyType('企业法人')).toBe('法人');
    expect(normalizePartyType('其他组织')).toBe('非法人组织');
    expect(normalizePartyType('个体户')).toBe('个体工商户');
    expect(normalizePartyType(' 个体 ')).toBe('个体工商户');
    expect(normalizePartyType('个体工商户')).toBe('个体工商户');
    expect(normalizePartyType('事业单位 法人')).toBe('事业单位法人');
    expect(normalizePartyType('  ')).toBeNull();
  });
  it('have labels', () => {
    for (const code of Object.keys(PARTY_TYPES) as (keyof typeof PARTY_TYPES)[]) {
      expect(translate('zh-CN', PARTY_TYPE_LABELS[code])).toBe(PARTY_TYPES[code].name);
    }
  });
});

describe('yes/no', () => {
  it('reads the usual marks', () => {
    for (const v of ['是', 'Y', 'y', 'yes', '√', '1', 'true', 'TRUE', '法制员', 1, true]) {
      expect(parseYesNo(v), String(v)).toBe(true);
    }
    for (const v of ['否', 'N', 'no', '×', '0', 'false', 0, false, '不是']) {
      expect(parseYesNo(v), String(v)).toBe(false);
    }
    for (const v of [null, '', '也许', 2]) expect(parseYesNo(v), String(v)).toBeNull();
  });
});
