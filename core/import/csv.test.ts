import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvError, csvField, detectDelimiter, parseCsv } from './csv';

const cells = (text: string, delimiter?: ',' | '\t' | ';') =>
  parseCsv(text, delimiter ? { delimiter } : {}).rows.map((r) => r.cells);

describe('parseCsv', () => {
  it('reads plain and quoted fields, doubled quotes and empty fields', () => {
    expect(cells('a,b,c\n1,"2,5","say ""hi"""\n,,\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2,5', 'say "hi"'],
      ['', '', ''],
    ]);
  });

  it('accepts CR, LF and CRLF line ends, and line breaks inside quotes', () => {
    expect(cells('a,b\r\n1,2\r3,4\n5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    expect(cells('a,"x\r\ny"\n')).toEqual([['a', 'x\r\ny']]);
  });

  it('numbers rows by the line where each record starts', () => {
    const { rows } = parseCsv('h1,h2\r\n"a\r\nb",c\r\n\r\nd,"e\nf\rg"\nlast,x');
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 4, 5, 8]);
    expect(rows[2]!.cells).toEqual(['']);
  });

  it('strips a leading BOM and ignores a final line break', () => {
    const { rows } = parseCsv('\uFEFF文书编号,案件类别\r\n东市监处罚〔2025〕1号,行政处罚\r\n');
    expect(rows.map((r) => r.cells)).toEqual([
      ['文书编号', '案件类别'],
      ['东市监处罚〔2025〕1号', '行政处罚'],
    ]);
  });

  it('handles an empty text, a lone delimiter and a trailing delimiter', () => {
    expect(cells('')).toEqual([]);
    expect(cells('\uFEFF')).toEqual([]);
    expect(cells(',')).toEqual([['', '']]);
    expect(cells('a,')).toEqual([['a', '']]);
    expect(cells('""')).toEqual([['']]);
  });

  it('is lenient with quotes inside unquoted fields and text after a closing quote', () => {
    expect(cells('ab"c,d\n"x"y,z')).toEqual([
      ['ab"c', 'd'],
      ['xy', 'z'],
    ]);
  });

  it('throws CsvError with the line for an unterminated quote', () => {
    const text = 'a,b\n1,2\n3,"never closed\n4,5\n';
    expect(() => parseCsv(text)).toThrow(CsvError);
    try {
      parseCsv(text);
    } catch (e) {
      expect(e).toBeInstanceOf(CsvError);
      expect((e as CsvError).line).toBe(3);
      expect((e as CsvError).problem).toEqual({
        key: 'import.problems.csvUnterminatedQuote',
        params: { line: 3 },
      });
    }
  });

  it('detects the delimiter among , tab and ;', () => {
    expect(parseCsv('a,b,c\n1,2,3').delimiter).toBe(',');
    expect(parseCsv('a\tb\tc\n1\t2,5\t3').delimiter).toBe('\t');
    expect(parseCsv('a;b;c\n1;"2;5";3\n4;5,5;6').delimiter).toBe(';');
    expect(cells('a;b\n1,5;2')).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
    expect(detectDelimiter('just one column\nno delimiters')).toBe(',');
    expect(parseCsv('a;b\n1;2', { delimiter: ',' }).rows[0]!.cells).toEqual(['a;b']);
  });

  it("honours Excel's sep= line", () => {
    const { rows, delimiter } = parseCsv('sep=;\r\na;b\r\n1,5;2\r\n');
    expect(delimiter).toBe(';');
    expect(rows).toEqual([
      { rowNumber: 2, cells: ['a', 'b'] },
      { rowNumber: 3, cells: ['1,5', '2'] },
    ]);
  });

  it('reads the shape of the GB18030 sample (after decoding)', () => {
    const text =
      '文书编号,案件类别,适用程序,违法行为,当事人名称,办案单位,经办人,受案时间,作出决定日期,办结日期,罚款金额,状态\r\n' +
      '东医保处罚〔2025〕2号,行政处罚,普通程序,未取得许可从事经营活动,东湖区天成便利店,东湖区医疗保障局,宋娟、袁静,2025/11/24,2026年1月14日,2026-02-04,"57,906.00",已结案\r\n' +
      '东环处罚〔2025〕1号,行政处罚,简易程序,未按规定开展安全生产培训,东湖区鑫源食品店,东湖区生态环境分局,唐燕、曹豪,2025/2/26,2025年5月2日,2025-05-20,１００,已结案\r\n';
    const { rows, delimiter } = parseCsv(text);
    expect(delimiter).toBe(',');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.cells[10]).toBe('57,906.00');
    expect(rows[2]!.cells).toHaveLength(12);
    expect(rows[2]!.rowNumber).toBe(3);
  });

  it('parses 100,000 rows of 20 columns', () => {
    const line = Array.from({ length: 20 }, (_, i) =>
      i === 3 ? '"东湖区, ""天成""便利店"' : i === 7 ? '2025/3/5' : `值${i}`,
    ).join(',');
    const text = `${Array.from({ length: 20 }, (_, i) => `列${i}`).join(',')}\r\n${`${line}\r\n`.repeat(100_000)}`;
    const { rows } = parseCsv(text);
    expect(rows).toHaveLength(100_001);
    expect(rows[100_000]!.rowNumber).toBe(100_001);
    expect(rows[100_000]!.cells).toHaveLength(20);
    expect(rows[100_000]!.cells[3]).toBe('东湖区, "天成"便利店');
  });
});

// A serialiser for the round-trip: quotes what needs quoting, and a row that is one empty cell
// as "" so it is not mistaken for a blank final line.
function toCsv(grid: string[][], delimiter: string, eol: string, bom: boolean): string {
  const lines = grid.map((row) =>
    row.length === 1 && row[0] === ''
      ? '""'
      : row.map((f) => csvField(f, delimiter)).join(delimiter),
  );
  return (
    (bom ? '\uFEFF' : '') + lines.join(eol) + (grid.length > 0 && Math.random() < 0.5 ? eol : '')
  );
}

describe('parseCsv properties', () => {
  const field = fc.oneof(
    fc.string(),
    fc.string({ unit: fc.constantFrom('a', '东', '"', ',', ';', '\t', '\r', '\n', ' ', '\uFEFF') }),
  );
  const grid = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 12 });

  it('round-trips any grid serialised to CSV (quotes, delimiters, newlines, BOM)', () => {
    fc.assert(
      fc.property(
        grid,
        fc.constantFrom(',', '\t', ';'),
        fc.constantFrom('\r\n', '\n', '\r'),
        fc.boolean(),
        (g, delimiter, eol, bom) => {
          const text = toCsv(g, delimiter, eol, bom);
          const parsed = parseCsv(text, { delimiter });
          expect(parsed.rows.map((r) => r.cells)).toEqual(g);
          // Row numbers count the line breaks inside quoted fields.
          let line = 1;
          parsed.rows.forEach((r, i) => {
            expect(r.rowNumber).toBe(line);
            line += 1 + g[i]!.reduce((n, f) => n + (f.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('detects the delimiter of a regular grid', () => {
    // Values may hold the delimiter itself (quoted) but not the other candidates: with those, a
    // one-line file is genuinely ambiguous.
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom<',' | '\t' | ';'>(',', '\t', ';'),
        fc.infiniteStream(fc.nat()),
        (width, height, delimiter, picks) => {
          const units = ['a', '东', '1', ' ', '"', delimiter];
          const value = () => {
            const n = (picks.next().value as number) % 5;
            let s = '';
            for (let i = 0; i < n; i++) s += units[(picks.next().value as number) % units.length];
            return s;
          };
          const g = Array.from({ length: height }, () => Array.from({ length: width }, value));
          const text = toCsv(g, delimiter, '\r\n', false);
          expect(parseCsv(text).delimiter).toBe(delimiter);
          expect(parseCsv(text).rows.map((r) => r.cells)).toEqual(g);
        },
      ),
    );
  });

  it('never throws anything but CsvError on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', 'a', ';', '\t', '\uFEFF') }),
        ),
        (text) => {
          try {
            const { rows } = parseCsv(text);
            for (const r of rows) expect(r.cells.length).toBeGreaterThan(0);
          } catch (e) {
            expect(e).toBeInstanceOf(CsvError);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
