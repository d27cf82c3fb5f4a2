import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCaseNumber } from './case-number';

const norm = (s: string) => normalizeCaseNumber(s).normalized;

describe('normalizeCaseNumber: real examples (domain.md §5)', () => {
  it('keeps numbers already in the normal form', () => {
    for (const n of [
      '马市监处罚〔2026〕193号',
      '石市监处罚〔2022〕120号',
      '平市监处罚〔2023〕179号',
      '国市监处罚〔2026〕10号',
      '京海市监处罚〔2022〕1234号',
    ]) {
      expect(normalizeCaseNumber(n)).toEqual({
        normalized: n,
        year: Number(n.match(/〔(\d{4})〕/)![1]),
      });
    }
  });
  it('keeps the prefix parentheses of (杭临)市监处罚〔2024〕131号', () => {
    expect(normalizeCaseNumber('(杭临)市监处罚〔2024〕131号')).toEqual({
      normalized: '(杭临)市监处罚〔2024〕131号',
      year: 2024,
    });
    expect(norm('（杭临）市监处罚（2024）131号')).toBe('（杭临）市监处罚〔2024〕131号');
  });
});

describe('normalizeCaseNumber: the bracket forms of the samples', () => {
  it('〔〕', () => expect(norm('东宗处罚〔2025〕3号')).toBe('东宗处罚〔2025〕3号'));
  it('[]', () => expect(norm('东市监处罚[2025]12号')).toBe('东市监处罚〔2025〕12号'));
  it('【】', () => expect(norm('东发改处罚【2025】4号')).toBe('东发改处罚〔2025〕4号'));
  it('()', () => expect(norm('东退役许(2025)2号')).toBe('东退役许〔2025〕2号'));
  it('（）', () => expect(norm('东退役许（2025）2号')).toBe('东退役许〔2025〕2号'));
  it('﹝﹞ and full-width ［］', () => {
    expect(norm('东市监处罚﹝2025﹞12号')).toBe('东市监处罚〔2025〕12号');
    expect(norm('东市监处罚［２０２５］１２号')).toBe('东市监处罚〔2025〕12号');
  });
  it('mixed brackets', () => {
    expect(norm('东市监处罚[2025〕12号')).toBe('东市监处罚〔2025〕12号');
    expect(norm('东市监处罚【2025)12号')).toBe('东市监处罚〔2025〕12号');
  });
});

describe('normalizeCaseNumber: digits, spaces, 第 and leading zeros', () => {
  it('full-width digits', () =>
    expect(norm('东市监处罚〔２０２５〕１２号')).toBe('东市监处罚〔2025〕12号'));
  it('whitespace anywhere', () => {
    expect(norm(' 东市监处罚 〔 2025 〕 12 号 ')).toBe('东市监处罚〔2025〕12号');
    expect(norm('东市监处罚\n〔2025〕\u300012号')).toBe('东市监处罚〔2025〕12号');
  });
  it('第 before the serial', () =>
    expect(norm('东市监处罚〔2025〕第12号')).toBe('东市监处罚〔2025〕12号'));
  it('leading zeros of the serial', () => {
    expect(norm('东市监处罚〔2025〕003号')).toBe('东市监处罚〔2025〕3号');
    expect(norm('东市监处罚[2025]第0012号')).toBe('东市监处罚〔2025〕12号');
    expect(norm('东市监处罚〔2025〕0号')).toBe('东市监处罚〔2025〕0号');
    expect(norm('东市监处罚〔2025〕100号')).toBe('东市监处罚〔2025〕100号');
  });
  it('year is null without a bracketed year; other brackets are not years', () => {
    expect(normalizeCaseNumber('东市监处罚12号')).toEqual({
      normalized: '东市监处罚12号',
      year: null,
    });
    expect(norm('东市监(0571)处罚〔2025〕1号')).toBe('东市监(0571)处罚〔2025〕1号');
  });
  it('every spelling of one number normalises to the same string', () => {
    const forms = [
      '东市监处罚〔2025〕3号',
      '东市监处罚[2025]3号',
      '东市监处罚【2025】3号',
      '东市监处罚(2025)3号',
      '东市监处罚（2025）3号',
      '东市监处罚〔2025〕003号',
      '东市监处罚〔2025〕第3号',
      '东 市监处罚〔２０２５〕３号',
    ];
    expect(new Set(forms.map(norm))).toEqual(new Set(['东市监处罚〔2025〕3号']));
  });
});

describe('normalizeCaseNumber properties', () => {
  it('never throws, is idempotent and leaves no whitespace', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const { normalized, year } = normalizeCaseNumber(s);
        expect(normalizeCaseNumber(normalized).normalized).toBe(normalized);
        expect(normalized).not.toMatch(/\s/);
        if (year !== null) expect(normalized).toContain(`〔${year}〕`);
      }),
    );
  });
  it('normalises any bracket spelling of a generated number', () => {
    const open = fc.constantFrom('[', '【', '(', '（', '〔', '﹝', '［');
    const close = fc.constantFrom(']', '】', ')', '）', '〕', '﹞', '］');
    fc.assert(
      fc.property(
        fc.constantFrom('东市监处罚', '(杭临)市监处罚', '东民许', '京海市监处罚'),
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 0, max: 99999 }),
        open,
        close,
        fc.nat({ max: 3 }),
        fc.boolean(),
        (prefix, year, serial, o, c, zeros, di) => {
          const raw = `${prefix}${o}${year}${c}${di ? '第' : ''}${'0'.repeat(zeros)}${serial}号`;
          expect(normalizeCaseNumber(raw)).toEqual({
            normalized: `${prefix}〔${year}〕${serial}号`,
            year,
          });
        },
      ),
    );
  });

  it('gives the same result as the plain regex rules (fast path included)', () => {
    const slow = (raw: string) => {
      const t = raw
        .replace(/[\uFF01-\uFF07\uFF0A-\uFF5E]/g, (c) =>
          String.fromCharCode(c.charCodeAt(0) - 0xfee0),
        )
        // eslint-disable-next-line no-control-regex -- control characters count as spaces here
        .replace(/[\s\u200B-\u200D\u2060\x00-\x1f\x7f\x85]/g, '')
        .replace(/[[【(（〔﹝〖［]((?:19|20|21)\d{2})[\]】)）〕﹞〗］]/g, '〔$1〕')
        .replace(/〔(\d{4})〕第?0*(\d)/g, '〔$1〕$2');
      const m = /〔((?:19|20|21)\d{2})〕/.exec(t);
      return { normalized: t, year: m ? Number(m[1]) : null };
    };
    const piece = fc.constantFrom(
      '东市监处罚',
      '〔',
      '〕',
      '[',
      ']',
      '（',
      '）',
      '(',
      ')',
      '【',
      '】',
      '2025',
      '0571',
      '1899',
      '第',
      '0',
      '03',
      '12',
      '号',
      ' ',
      '２',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const raw = parts.join('');
        expect(normalizeCaseNumber(raw)).toEqual(slow(raw));
      }),
      { numRuns: 2000 },
    );
  });
});
