// Writing tables to XLSX (exceljs): a bold, frozen header row, column widths, number formats and
// an auto-filter — used for registry exports, import error reports and score workbooks.
import ExcelJS from 'exceljs';

export interface TableColumn<R> {
  header: string;
  width?: number;
  numFmt?: string;
  value(row: R): string | number | boolean | Date | null;
}

export interface TableSheet<R> {
  name: string;
  /** Optional title line above the header (e.g. what the export contains). */
  title?: string;
  columns: TableColumn<R>[];
  rows: Iterable<R>;
}

/** A sheet of any row type, ready for writeWorkbook. */
export type AnySheet = TableSheet<unknown>;

export function table<R>(sheet: TableSheet<R>): AnySheet {
  return sheet as unknown as AnySheet;
}

export async function writeWorkbook(sheets: AnySheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'anjuan-pingcha';
  wb.created = new Date();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    let headerRow = 1;
    if (s.title) {
      ws.addRow([s.title]).font = { bold: true, size: 13 };
      ws.mergeCells(1, 1, 1, Math.max(1, s.columns.length));
      headerRow = 2;
    }
    const header = ws.addRow(s.columns.map((c) => c.header));
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    header.alignment = { vertical: 'middle', wrapText: true };
    s.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width ?? Math.min(40, Math.max(10, c.header.length * 2 + 4));
      if (c.numFmt) col.numFmt = c.numFmt;
    });
    for (const r of s.rows) ws.addRow(s.columns.map((c) => c.value(r)));
    ws.views = [{ state: 'frozen', ySplit: headerRow }];
    ws.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: Math.max(1, s.columns.length) },
    };
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
