import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { excelSerialToIso, parseDate } from './dates';
import type { CellValue } from './types';
import { hasUnfilledPlaceholder } from '../i18n/placeholders';

const value = (v: CellValue) => {
  const r = parseDate(v);
  if (!r.ok) throw new Error(`expected a date for ${String(v)}: ${r.problem.key}`);
  return r.value;
};
const problemOf = (v: CellValue) => {
  const r = parseDate(v);
  if (r.ok) throw new Error(`expected a problem for ${String(v)}`);
  return r.problem;
};

describe('parseDate: the forms real exports use (samples README)', () => {
  it('2025-03-05', () => expect(value('2025-03-05')).toBe('2025-03-05'));
  it('2025/3/5', () => expect(value('2025/3/5')).toBe('2025-03-05'));
  it('2025年3月5日', () => expect(value('2025年3月5日')).toBe('2025-03-05'));
  it('2025.03.05', () => expect(value('2025.03.05')).toBe('2025-03-05'));
  it('20250305 as text and as a number', () => {
    expect(value('20250305')).toBe('2025-03-05');
    expect(value(20250305)).toBe('2025-03-05');
  });
  it('real date cells (UTC components)', () => {
    expect(value(new Date(Date.UTC(2025, 2, 5)))).toBe('2025-03-05');
    expect(value(new Date(Date.UTC(2025, 2, 5, 23, 59)))).toBe('2025-03-05');
  });
  it('Excel serial day numbers, 1900 system', () => {
    expect(value(45658)).toBe('2025-01-01');
    expect(value(45829)).toBe('2025-06-21'); // a date cell of the XLSX sample
    expect(value(46011)).toBe('2025-12-20');
    expect(value(45658.75)).toBe('2025-01-01'); // a time of day
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull(); // Excel's 1900-02-29, which never was
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(problemOf(60).key).toBe('import.problems.dateSerialInvalid');
  });
  it('full-width digits, stray spaces and line breaks', () => {
    expect(value('２０２５－０３－０５')).toBe('2025-03-05');
    expect(value('２０２５年３月５日')).toBe('2025-03-05');
    expect(value(' 2025-03-\n05 ')).toBe('2025-03-05');
    expect(value('2025 年 3 月 5 日')).toBe('2025-03-05');
    expect(value('2025年\r\n3月5日')).toBe('2025-03-05');
  });
  it('a trailing time', () => {
    expect(value('2025-03-05 10:30')).toBe('2025-03-05');
    expect(value('2025-03-05 10:30:00')).toBe('2025-03-05');
    expect(value('2025/3/5 9:05')).toBe('2025-03-05');
    expect(value('2025-03-05T10:30:00.000Z')).toBe('2025-03-05');
    expect(problemOf('2025-03-05 25:00').key).toBe('import.problems.dateUnrecognised');
  });
  it('empty cells are null', () => {
    expect(value(null)).toBeNull();
    expect(value('')).toBeNull();
    expect(value('  \n ')).toBeNull();
  });
});

describe('parseDate: impossible and unrecognised dates', () => {
  it('2025-02-30 (planted in the sample) says the day is impossible', () => {
    const p = problemOf('2025-02-30');
    expect(p).toEqual({
      key: 'import.problems.dateImpossible',
      params: { value: '2025-02-30', year: 2025, month: 2, day: 30, days: 28 },
    });
    expect(translate('zh-CN', p.key, p.params)).toBe(
      '日期“2025-02-30”不存在：2025年2月只有 28 天，没有 30 日。请对照原始文书改正后重新导入。',
    );
  });
  it('month 13 and day 0', () => {
    expect(problemOf('2025-13-01').key).toBe('import.problems.dateMonthImpossible');
    expect(problemOf('2025年0月1日').key).toBe('import.problems.dateMonthImpossible');
    expect(problemOf('2025/3/0').key).toBe('import.problems.dateImpossible');
    expect(problemOf(20251301).key).toBe('import.problems.dateMonthImpossible');
  });
  it('leap years', () => {
    expect(value('2024-02-29')).toBe('2024-02-29');
    expect(value('2000-02-29')).toBe('2000-02-29');
    expect(problemOf('2025-02-29').params).toMatchObject({ days: 28 });
    expect(problemOf('2100-02-29').params).toMatchObject({ days: 28 });
    expect(value('2025-04-30')).toBe('2025-04-30');
    expect(problemOf('2025-04-31').key).toBe('import.problems.dateImpossible');
  });
  it('years outside 1949–2100', () => {
    expect(problemOf('1900-01-01').key).toBe('import.problems.dateYearOutOfRange');
    expect(problemOf('2101-01-01').key).toBe('import.problems.dateYearOutOfRange');
    expect(problemOf(61).key).toBe('import.problems.dateYearOutOfRange');
    expect(value('1949-10-01')).toBe('1949-10-01');
    expect(value('2100-12-31')).toBe('2100-12-31');
  });
  it('unrecognised forms list the accepted ones', () => {
    for (const v of [
      'abc',
      '2025年3月',
      '25-3-5',
      '2025-03/05',
      '45658',
      '三月五日',
      true,
      0,
      -1,
      123456789,
    ]) {
      const p = problemOf(v);
      expect(p.key, String(v)).toBe('import.problems.dateUnrecognised');
      expect(String(p.params?.forms)).toContain('2025年3月5日');
    }
    expect(problemOf(NaN).key).toBe('import.problems.dateUnrecognised');
  });
});

describe('parseDate properties', () => {
  it('never throws, and every problem renders completely in both languages', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('2025-02-30', '２０２５年１３月１日', '2025.1.1 99:99'),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.date({ noInvalidDate: false }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(cell, (v) => {
        const r = parseDate(v);
        if (r.ok) {
          if (r.value !== null) expect(r.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
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

  it('reads back every valid date it could be given', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1949-01-01T00:00:00Z'),
          max: new Date('2100-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
          expect(value(d)).toBe(iso);
          expect(value(iso)).toBe(iso);
          expect(value(`${y}/${m}/${day}`)).toBe(iso);
          expect(value(`${y}年${m}月${day}日`)).toBe(iso);
          expect(value(iso.replace(/-/g, '.'))).toBe(iso);
          expect(value(iso.replace(/-/g, ''))).toBe(iso);
        },
      ),
    );
  });

  it('converts Excel serials like the calendar does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 99_999 }), (serial) => {
        const expected = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000)
          .toISOString()
          .slice(0, 10);
        expect(excelSerialToIso(serial)).toBe(expected);
      }),
    );
  });

  it('reads separated and compact forms the same with or without the fast path', () => {
    // Spaces force the regex path; the result must not depend on it.
    const part = (n: number) => fc.integer({ min: 0, max: n }).map(String);
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }).map(String),
        fc.oneof(
          part(14),
          part(14).map((m) => m.padStart(2, '0')),
        ),
        fc.oneof(
          part(33),
          part(33).map((d) => d.padStart(2, '0')),
        ),
        fc.constantFrom('-', '/', '.', '年'),
        (y, m, d, sep) => {
          const text = sep === '年' ? `${y}年${m}月${d}日` : `${y}${sep}${m}${sep}${d}`;
          const spaced = sep === '年' ? `${y} 年${m}月${d}日` : `${y} ${sep}${m}${sep}${d}`;
          const a = parseDate(text);
          const b = parseDate(spaced);
          expect(a.ok).toBe(b.ok);
          if (a.ok && b.ok) expect(a.value).toBe(b.value);
          if (!a.ok && !b.ok) expect(a.problem.key).toBe(b.problem.key);
        },
      ),
    );
  });
});
