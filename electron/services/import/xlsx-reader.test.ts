import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx, XlsxError } from './xlsx-reader';
import { ZipReader, writeZip } from './zip';

const enc = (s: string) => new TextEncoder().encode(s);

async function build(
  fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  fill(ws, wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The same workbook with one entry replaced. */
function replaceEntry(xlsx: Uint8Array, name: string, text: string): Uint8Array {
  const zip = new ZipReader(xlsx);
  return writeZip(
    [...zip.entries.keys()].map((n) => ({ name: n, data: n === name ? enc(text) : zip.read(n) })),
  );
}

describe('the XLSX reader', () => {
  it('reads shared and rich-text strings, numbers, booleans, formulas and date cells', async () => {
    const bytes = await build((ws) => {
      ws.addRow(['文号', '金额', '是否', '日期', '公式']);
      ws.addRow([
        '东处罚〔2025〕1号',
        5000.5,
        true,
        new Date(Date.UTC(2025, 2, 5)),
        { formula: 'A2', result: '东处罚〔2025〕1号' },
      ]);
      ws.getCell('A3').value = {
        richText: [{ text: '东湖' }, { text: '区', font: { bold: true } }],
      };
      ws.getCell('D3').value = new Date(Date.UTC(2025, 1, 28));
      ws.getCell('D3').numFmt = 'yyyy"年"m"月"d"日"';
    });
    const { sheetName, rows } = await readXlsx(bytes, { maxRows: 100 });
    expect(sheetName).toBe('目录');
    expect(rows[1]).toEqual({
      rowNumber: 2,
      cells: [
        '东处罚〔2025〕1号',
        5000.5,
        true,
        new Date(Date.UTC(2025, 2, 5)),
        '东处罚〔2025〕1号',
      ],
    });
    expect(rows[2]!.cells[0]).toBe('东湖区');
    expect(rows[2]!.cells[3]).toEqual(new Date(Date.UTC(2025, 1, 28)));
  });

  it('reads inline strings (streaming writers) and skips phonetic hints', async () => {
    const base = await build((ws) => ws.addRow(['x']));
    const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="1"><c r="A1" t="inlineStr"><is><t>决定书&amp;文号</t></is></c><c r="C1" t="s"><v>0</v></c></row>
      <row r="4"><c r="B4" t="inlineStr"><is><r><t>东</t></r><r><t xml:space="preserve">湖 </t></r></is></c></row>
    </sheetData></worksheet>`;
    const strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>东湖</t><rPh sb="0" eb="2"><t>トウコ</t></rPh></si></sst>`;
    let bytes = replaceEntry(base, 'xl/worksheets/sheet1.xml', sheet);
    bytes = replaceEntry(bytes, 'xl/sharedStrings.xml', strings);
    const { rows } = await readXlsx(bytes, { maxRows: 10 });
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['决定书&文号', null, '东湖'] },
      { rowNumber: 4, cells: [null, '东湖 '] },
    ]);
  });

  it('honours the 1904 date system', async () => {
    const bytes = await build((ws, wb) => {
      wb.properties.date1904 = true;
      ws.addRow([new Date(Date.UTC(2025, 0, 1))]);
    });
    const { rows } = await readXlsx(bytes, { maxRows: 10 });
    expect(rows[0]!.cells[0]).toEqual(new Date(Date.UTC(2025, 0, 1)));
  });

  it('refuses malformed XML instead of looping, and too many rows before reading them', async () => {
    const base = await build((ws) => ws.addRow(['x']));
    for (const broken of [
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>unclosed',
      '<worksheet><sheetData><row r="2"></row><row r="1"></row></sheetData></worksheet>',
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</c></row>',
    ]) {
      const err = await readXlsx(replaceEntry(base, 'xl/worksheets/sheet1.xml', broken), {
        maxRows: 10,
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(XlsxError);
      expect((err as XlsxError).reason).toBe('corrupt');
    }
    const big = await build((ws) => {
      for (let i = 0; i < 200; i++) ws.addRow([i]);
    });
    const err = await readXlsx(big, { maxRows: 100 }).catch((e: unknown) => e);
    expect((err as XlsxError).reason).toBe('tooManyRows');
  });

  it('reads a large sheet in linear time (a 30,000-row sheet of unique strings completes)', async () => {
    const bytes = await build((ws) => {
      for (let i = 0; i < 30000; i++) ws.addRow([`东市监处罚〔2025〕${i}号`, `当事人${i}`, i]);
    });
    const { rows } = await readXlsx(bytes, { maxRows: 100000 });
    expect(rows).toHaveLength(30000);
    expect(rows[29999]!.cells).toEqual(['东市监处罚〔2025〕29999号', '当事人29999', 29999]);
  }, 20_000);
});
