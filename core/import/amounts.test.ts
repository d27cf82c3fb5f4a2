import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { parseAmountFen } from './amounts';
import type { CellValue } from './types';
import { hasUnfilledPlaceholder } from '../i18n/placeholders';

const fen = (v: CellValue, unit: 'yuan' | 'wan' = 'yuan') => {
  const r = parseAmountFen(v, unit);
  if (!r.ok) throw new Error(`expected an amount for ${String(v)}: ${r.problem.key}`);
  return r.value;
};
const problemKey = (v: CellValue) => {
  const r = parseAmountFen(v);
  if (r.ok) throw new Error(`expected a problem for ${String(v)}`);
  return r.problem.key;
};

describe('parseAmountFen: the forms real exports use (samples README)', () => {
  it('numbers, including float noise from spreadsheets', () => {
    expect(fen(30000)).toBe(3_000_000);
    expect(fen(0.1 + 0.2)).toBe(30);
    expect(fen(1234.56)).toBe(123_456);
    expect(fen(100000.00000000001)).toBe(10_000_000);
  });
  it('100,000.00', () => expect(fen('100,000.00')).toBe(10_000_000));
  it('5000元', () => expect(fen('5000元')).toBe(500_000));
  it('0.5万元 and 5万元', () => {
    expect(fen('0.5万元')).toBe(500_000);
    expect(fen('5万元')).toBe(5_000_000);
    expect(fen('1.23456万')).toBe(1_234_560);
  });
  it('full-width digits', () => {
    expect(fen('１００')).toBe(10_000);
    expect(fen('１０００００')).toBe(10_000_000);
    expect(fen('５，０００．５０')).toBe(500_050);
  });
  it('empty', () => {
    expect(fen(null)).toBeNull();
    expect(fen('')).toBeNull();
    expect(fen('  ')).toBeNull();
    expect(fen('无')).toBeNull();
    expect(fen('-')).toBeNull();
    expect(fen('/')).toBeNull();
  });
  it('currency signs, RMB and spaces', () => {
    expect(fen('￥5,000')).toBe(500_000);
    expect(fen('¥5,000.5')).toBe(500_050);
    expect(fen('RMB 5000')).toBe(500_000);
    expect(fen('rmb5000')).toBe(500_000);
    expect(fen('人民币 5 000 元整')).toBe(500_000);
    expect(fen(' 5000 元 ')).toBe(500_000);
    expect(fen('0')).toBe(0);
    expect(fen('.5')).toBe(50);
    expect(fen('00012')).toBe(1200);
  });
  it('a 万元 column, and an explicit unit in the cell winning over it', () => {
    expect(fen(0.5, 'wan')).toBe(500_000);
    expect(fen('1.2', 'wan')).toBe(1_200_000);
    expect(fen('5000元', 'wan')).toBe(500_000);
    expect(fen('0.5万元', 'wan')).toBe(500_000);
  });
});

describe('parseAmountFen: errors', () => {
  it('amounts in Chinese words (五千元 is planted in the sample) ask for digits', () => {
    for (const v of ['五千元', '伍仟元', '伍仟元整', '五万元', '一百', '5000元5角', '叁佰']) {
      expect(problemKey(v), v).toBe('import.problems.amountInWords');
    }
    const r = parseAmountFen('五千元');
    if (r.ok) throw new Error('expected a problem');
    expect(translate('zh-CN', r.problem.key, r.problem.params)).toContain('5000');
    expect(translate('en-US', r.problem.key, r.problem.params)).toContain('digits');
  });
  it('negative amounts', () => {
    expect(problemKey('-5')).toBe('import.problems.amountNegative');
    expect(problemKey('－５０００元')).toBe('import.problems.amountNegative');
    expect(problemKey('-￥5')).toBe('import.problems.amountNegative');
    expect(problemKey(-0.01)).toBe('import.problems.amountNegative');
  });
  it('more than 2 decimals in 元', () => {
    expect(problemKey('1.234')).toBe('import.problems.amountTooManyDecimals');
    expect(problemKey(12.345)).toBe('import.problems.amountTooManyDecimals');
    expect(problemKey(1.005)).toBe('import.problems.amountTooManyDecimals');
    expect(problemKey('1.2345678万')).toBe('import.problems.amountTooManyDecimals');
    expect(problemKey(1e-9)).toBe('import.problems.amountTooManyDecimals');
    expect(fen('1.230')).toBe(123);
    expect(fen('1.234567万')).toBe(1_234_567);
  });
  it('not a number', () => {
    for (const v of ['abc', '1,00,000', '5,5', '1.2.3', '1e5', '元', '万', true, NaN, '12abc']) {
      expect(problemKey(v as CellValue), String(v)).toBe('import.problems.amountNotANumber');
    }
  });
  it('absurdly large', () => {
    expect(fen('1000000000000')).toBe(100_000_000_000_000);
    expect(problemKey('1000000000000.01')).toBe('import.problems.amountTooLarge');
    expect(problemKey('1000000000001')).toBe('import.problems.amountTooLarge');
    expect(problemKey('100000000000000000000000')).toBe('import.problems.amountTooLarge');
    expect(problemKey('10000000000万')).toBe('import.problems.amountTooLarge');
    expect(problemKey(1e13)).toBe('import.problems.amountTooLarge');
    expect(problemKey(Infinity)).toBe('import.problems.amountTooLarge');
  });
});

describe('parseAmountFen properties', () => {
  it('a cell that itself contains "{{" is refused with a message that renders', () => {
    const r = parseAmountFen('{{');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const text = translate('zh-CN', r.problem.key, r.problem.params);
      expect(text).toContain('{{');
      expect(hasUnfilledPlaceholder(text, r.problem.params)).toBe(false);
      expect(hasUnfilledPlaceholder('金额“{{value}}”', {})).toBe(true);
    }
  });

  it('never throws; results are safe integers; problems render in both languages', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[-￥¥ ]?[0-9０-９,，.]{0,12}(万|元|万元)?$/),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.date({ noInvalidDate: false }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(cell, (v) => {
        const r = parseAmountFen(v);
        if (r.ok) {
          if (r.value !== null) {
            expect(Number.isSafeInteger(r.value)).toBe(true);
            expect(r.value).toBeGreaterThanOrEqual(0);
          }
        } else {
          for (const locale of ['zh-CN', 'en-US'] as const) {
            const text = translate(locale, r.problem.key, r.problem.params);
            expect(text).not.toBe(r.problem.key);
            expect(hasUnfilledPlaceholder(text, r.problem.params)).toBe(false);
          }
        }
      }),
    );
  });

  it('reads any whole-fen amount exactly, as a string and as a number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000_000_000 }), (f) => {
        const yuan = `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`;
        expect(fen(yuan)).toBe(f);
        expect(fen(`${yuan}元`)).toBe(f);
        expect(fen(f / 100)).toBe(f);
        const grouped =
          String(Math.floor(f / 100)).replace(/\B(?=(\d{3})+$)/g, ',') +
          yuan.slice(yuan.indexOf('.'));
        expect(fen(grouped)).toBe(f);
      }),
    );
  });
});
