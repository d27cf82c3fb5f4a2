// Writing tables to XLSX with exceljs's streaming writer: a bold, frozen header row, column
// widths, number formats and an auto-filter — used for registry exports, import problem reports
// and score workbooks. Rows are written as they come (no second copy of a large table in
// memory), progress is reported and the event loop gets a turn every few thousand rows.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../core/api/errors';

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

const YIELD_EVERY = 2000;

export async function writeWorkbook(
  sheets: AnySheet[],
  opts: { onRows?: (written: number) => void; signal?: AbortSignal } = {},
): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'anjuan-pingcha';
  wb.created = new Date();
  let written = 0;
  for (const s of sheets) {
    const headerRow = s.title ? 2 : 1;
    const ws = wb.addWorksheet(s.name.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: headerRow }],
    });
    ws.columns = s.columns.map((c) => ({
      width: c.width ?? Math.min(40, Math.max(10, c.header.length * 2 + 4)),
      ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
    }));
    if (s.title) {
      const title = ws.addRow([s.title]);
      title.font = { bold: true, size: 13 };
      ws.mergeCells(1, 1, 1, Math.max(1, s.columns.length));
      title.commit();
    }
    const header = ws.addRow(s.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    });
    header.commit();
    ws.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: Math.max(1, s.columns.length) },
    };
    for (const r of s.rows) {
      ws.addRow(s.columns.map((c) => c.value(r))).commit();
      if (++written % YIELD_EVERY === 0) {
        opts.onRows?.(written);
        await new Promise((res) => setImmediate(res));
        if (opts.signal?.aborted) throw new AppError('CANCELLED', 'export cancelled');
      }
    }
    ws.commit();
  }
  await wb.commit();
  await finished;
  opts.onRows?.(written);
  return new Uint8Array(Buffer.concat(chunks));
}
