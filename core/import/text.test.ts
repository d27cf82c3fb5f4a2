import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellToString, cleanText, columnLetter, splitList, toHalfWidth } from './text';

describe('toHalfWidth', () => {
  it('turns full-width ASCII and the ideographic space into ASCII', () => {
    expect(toHalfWidth('２０２５ＡＢｃ－／．，：')).toBe('2025ABc-/.,:');
    expect(toHalfWidth('a\u3000b')).toBe('a b');
    expect(toHalfWidth('［２０２５］')).toBe('[2025]');
  });

  it('leaves Chinese punctuation alone', () => {
    expect(toHalfWidth('（杭临）〔2025〕、【】《》。')).toBe('（杭临）〔2025〕、【】《》。');
  });

  it('changes nothing in plain text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (s) => {
        expect(toHalfWidth(s)).toBe(s);
      }),
    );
  });
});

describe('cleanText', () => {
  it('trims and gives null for empty cells', () => {
    expect(cleanText(null)).toBeNull();
    expect(cleanText('')).toBeNull();
    expect(cleanText(' \n\t\u3000 ')).toBeNull();
    expect(cleanText('  东湖区  ')).toBe('东湖区');
  });

  it('removes line breaks and spaces next to CJK characters', () => {
    expect(cleanText('东湖区\n市场监督管理局')).toBe('东湖区市场监督管理局');
    expect(cleanText('东湖区\r\n市场 监督管理局')).toBe('东湖区市场监督管理局');
    expect(cleanText('张 三')).toBe('张三');
    expect(cleanText('ABC 有限公司')).toBe('ABC有限公司');
  });

  it('collapses other whitespace runs to one space', () => {
    expect(cleanText('ABC   Trading\n\nCo.')).toBe('ABC Trading Co.');
    expect(cleanText('a\u200Bb')).toBe('ab');
  });

  it('shows numbers, booleans and dates as a user would see them', () => {
    expect(cleanText(30)).toBe('30');
    expect(cleanText(0.1 + 0.2)).toBe('0.3');
    expect(cleanText(15815975248)).toBe('15815975248');
    expect(cleanText(true)).toBe('TRUE');
    expect(cleanText(new Date(Date.UTC(2025, 2, 5)))).toBe('2025-03-05');
    expect(cellToString(new Date(Date.UTC(2025, 2, 5, 10, 30)))).toBe('2025-03-05 10:30');
    expect(cellToString(new Date(NaN))).toBe('');
    expect(cellToString(1e21)).toBe('1000000000000000000000');
  });

  it('never leaves leading or trailing whitespace or a line break', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = cleanText(s);
        if (out === null) return;
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/[\r\n]|\s\s/);
      }),
    );
  });
});

describe('cleanText against a regex reference', () => {
  const CJK = /[\u2e80-\u2fff\u3001-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\ud800-\udfff]/;
  const reference = (s: string): string | null => {
    // eslint-disable-next-line no-control-regex -- control characters count as spaces here
    const out = s.replace(/[\s\u200B-\u200D\u2060\x00-\x1f\x7f\x85]+/g, (run, offset: number) => {
      if (offset === 0 || offset + run.length === s.length) return '';
      if (/^[\u200B-\u200D\u2060\uFEFF]+$/.test(run)) return '';
      return CJK.test(s[offset - 1]!) || CJK.test(s[offset + run.length]!) ? '' : ' ';
    });
    return out === '' ? null : out;
  };
  it('agrees on arbitrary text', () => {
    const unit = fc.constantFrom(
      'a',
      'B',
      '东',
      '、',
      '（',
      ' ',
      '\n',
      '\r',
      '\t',
      '\u3000',
      '\u00a0',
      '\u200b',
      '\ufeff',
      '1',
      '\x01',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit }), fc.string()), (s) => {
        expect(cleanText(s)).toBe(reference(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('columnLetter', () => {
  it('names columns like a spreadsheet', () => {
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
    expect(columnLetter(27)).toBe('AB');
    expect(columnLetter(51)).toBe('AZ');
    expect(columnLetter(52)).toBe('BA');
    expect(columnLetter(701)).toBe('ZZ');
    expect(columnLetter(702)).toBe('AAA');
    expect(columnLetter(16383)).toBe('XFD');
  });
});

describe('splitList', () => {
  it('splits names on 、，,;；/ and whitespace', () => {
    expect(splitList('宋娟、袁静')).toEqual(['宋娟', '袁静']);
    expect(splitList('宋娟，袁静,李四;王五；赵六/钱七 孙八')).toEqual([
      '宋娟',
      '袁静',
      '李四',
      '王五',
      '赵六',
      '钱七',
      '孙八',
    ]);
    expect(splitList(' 、 ')).toEqual([]);
  });
});
