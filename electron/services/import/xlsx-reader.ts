// A fast, read-only XLSX reader for catalogue imports: the first worksheet as rows of cell
// values. exceljs (used for writing) reads ~10k rows/s; this scanner reads the sheet XML with
// indexOf/slice and is several times faster, which the 100,000-row import needs.
import type { CellValue, SourceRow } from '../../../core/import/types';
import { ZipError, ZipReader } from './zip';

export class XlsxError extends Error {
  constructor(
    readonly reason: 'notXlsx' | 'noSheet' | 'corrupt' | 'tooManyRows',
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

/** indexOf that refuses a malformed file instead of looping: the needle must be there. */
function find(xml: string, needle: string, from: number, limit = xml.length): number {
  const i = xml.indexOf(needle, from);
  if (i < 0 || i >= limit)
    throw new XlsxError('corrupt', `malformed XML: expected ${needle} after offset ${from}`);
  return i;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(
    ENTITY,
    (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
      hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : dec
          ? String.fromCodePoint(parseInt(dec, 10))
          : NAMED[name!]!,
  );
}

function attr(tag: string, name: string): string | null {
  const i = tag.indexOf(` ${name}="`);
  if (i < 0) return null;
  const start = i + name.length + 3;
  const end = tag.indexOf('"', start);
  return end < 0 ? null : tag.slice(start, end);
}

/** Concatenates every <t>…</t> (plain and rich-text runs, not phonetic <rPh> hints). */
function textRuns(xml: string, from: number, to: number): string {
  let out = '';
  let p = from;
  // Bounded check: an unbounded indexOf would scan to the end of the file on every call.
  const hasPhonetic = xml.slice(from, to).includes('<rPh');
  for (;;) {
    const t = xml.indexOf('<t', p);
    if (t < 0 || t >= to) break;
    const next = xml.charCodeAt(t + 2);
    if (next !== 62 /* > */ && next !== 32 /* space */) {
      p = t + 2;
      continue;
    }
    // Phonetic hints (<rPh>…<t>…</t></rPh>) are not part of the text. Look for one only inside
    // this item: a backward search from t would scan the whole file on every call.
    const rph = hasPhonetic ? xml.indexOf('<rPh', p) : -1;
    if (rph >= 0 && rph < t) {
      p = find(xml, '</rPh>', rph, to) + 6;
      continue;
    }
    const open = find(xml, '>', t, to);
    if (xml.charCodeAt(open - 1) === 47 /* self-closing <t/> */) {
      p = open + 1;
      continue;
    }
    const close = find(xml, '</t>', open, to);
    out += unescapeXml(xml.slice(open + 1, close));
    p = close + 4;
  }
  return out;
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let p = 0;
  for (;;) {
    const si = xml.indexOf('<si', p);
    if (si < 0) break;
    const gt = find(xml, '>', si);
    if (xml.charCodeAt(gt - 1) === 47 /* <si/> */) {
      out.push('');
      p = gt + 1;
      continue;
    }
    const end = find(xml, '</si>', gt);
    out.push(textRuns(xml, gt, end));
    p = end + 5;
  }
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

function isDateFormat(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .toLowerCase();
  // A format with a year or day part shows a date; time-only formats (h:mm) are not dates.
  return stripped !== 'general' && /[yd]/.test(stripped);
}

/** Style index → whether numbers with that style are dates. */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  let p = 0;
  for (;;) {
    const i = xml.indexOf('<numFmt ', p);
    if (i < 0) break;
    const end = find(xml, '>', i);
    const tag = xml.slice(i, end);
    const id = Number(attr(tag, 'numFmtId'));
    custom.set(id, unescapeXml(attr(tag, 'formatCode') ?? ''));
    p = end;
  }
  const xfsStart = xml.indexOf('<cellXfs');
  if (xfsStart < 0) return [];
  const xfsEnd = find(xml, '</cellXfs>', xfsStart);
  const out: boolean[] = [];
  p = xfsStart + 8;
  for (;;) {
    const i = xml.indexOf('<xf ', p);
    if (i < 0 || i > xfsEnd) break;
    const end = find(xml, '>', i);
    const id = Number(attr(xml.slice(i, end), 'numFmtId') ?? 0);
    out.push(BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id)!)));
    p = end;
  }
  return out;
}

const DAY_MS = 86400000;
/** Excel serial day → UTC date (1900 system, with its fictitious 1900-02-29; or 1904 system). */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  return new Date(Date.UTC(1899, 11, 30) + Math.round(days * DAY_MS));
}

function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

interface SheetRef {
  name: string;
  path: string;
}

function resolveSheets(zip: ZipReader): { sheets: SheetRef[]; date1904: boolean } {
  const workbook = zip.readText('xl/workbook.xml');
  const date1904 = /date1904="(1|true)"/.test(workbook);
  const rels = zip.has('xl/_rels/workbook.xml.rels')
    ? zip.readText('xl/_rels/workbook.xml.rels')
    : '';
  const sheets: SheetRef[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const tag = m[0];
    const name = unescapeXml(attr(tag, 'name') ?? '');
    const rid = attr(tag, 'r:id');
    let target = `worksheets/sheet${sheets.length + 1}.xml`;
    if (rid && rels) {
      const rel = new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*>`).exec(rels)?.[0];
      const t = rel ? attr(rel, 'Target') : null;
      if (t) target = t;
    }
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    if (!zip.has(path)) throw new XlsxError('noSheet', `worksheet ${path} is missing`);
    sheets.push({ name, path });
  }
  if (!sheets.length) throw new XlsxError('noSheet', 'the workbook has no worksheet');
  return { sheets, date1904 };
}

export interface ReadXlsxOptions {
  maxRows: number;
  signal?: AbortSignal;
  onProgress?: (rowsRead: number) => void;
}

interface OpenWorkbook {
  zip: ZipReader;
  sheets: SheetRef[];
  date1904: boolean;
  strings: string[];
  dates: boolean[];
}

function openWorkbook(bytes: Uint8Array): OpenWorkbook {
  let zip: ZipReader;
  try {
    zip = new ZipReader(bytes);
  } catch (e) {
    throw new XlsxError('notXlsx', e instanceof ZipError ? e.message : 'not a ZIP file');
  }
  if (!zip.has('xl/workbook.xml'))
    throw new XlsxError('notXlsx', 'no xl/workbook.xml: not an XLSX workbook');
  try {
    const { sheets, date1904 } = resolveSheets(zip);
    const strings = zip.has('xl/sharedStrings.xml')
      ? sharedStrings(zip.readText('xl/sharedStrings.xml'))
      : [];
    const dates = dateStyles(zip.has('xl/styles.xml') ? zip.readText('xl/styles.xml') : null);
    return { zip, sheets, date1904, strings, dates };
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError('corrupt', e instanceof Error ? e.message : String(e));
  }
}

/** Reads the first worksheet. Yields to the event loop every few thousand rows. */
export async function readXlsx(
  bytes: Uint8Array,
  opts: ReadXlsxOptions,
): Promise<{ sheetName: string; rows: SourceRow[] }> {
  const wb = openWorkbook(bytes);
  const first = wb.sheets[0]!;
  return { sheetName: first.name, rows: await parseSheet(wb, first, opts) };
}

/** Reads every worksheet, by name (small workbooks, such as a standard typed into Excel). */
export async function readXlsxSheets(
  bytes: Uint8Array,
  opts: ReadXlsxOptions,
): Promise<Map<string, SourceRow[]>> {
  const wb = openWorkbook(bytes);
  const out = new Map<string, SourceRow[]>();
  for (const sheet of wb.sheets) out.set(sheet.name, await parseSheet(wb, sheet, opts));
  return out;
}

async function parseSheet(
  wb: OpenWorkbook,
  sheet: SheetRef,
  opts: ReadXlsxOptions,
): Promise<SourceRow[]> {
  const { strings, dates } = wb;
  let xml: string;
  try {
    xml = wb.zip.readText(sheet.path);
  } catch (e) {
    throw new XlsxError('corrupt', e instanceof Error ? e.message : String(e));
  }
  const dim = /<dimension ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(xml);
  if (dim && Number(dim[1]) > opts.maxRows + 50) {
    throw new XlsxError('tooManyRows', 'too many rows', {
      rows: Number(dim[1]),
      max: opts.maxRows,
    });
  }

  const rows: SourceRow[] = [];
  const dataStart = xml.indexOf('<sheetData');
  if (dataStart < 0) throw new XlsxError('corrupt', 'worksheet has no sheetData');
  const selfClosing = xml.charCodeAt(find(xml, '>', dataStart) - 1) === 47;
  const dataEnd = selfClosing ? dataStart : find(xml, '</sheetData>', dataStart);
  let p = dataStart;
  let lastRowNumber = 0;
  for (;;) {
    const r = xml.indexOf('<row', p);
    if (r < 0 || r >= dataEnd) break;
    const tagEnd = find(xml, '>', r, dataEnd);
    const rowTag = xml.slice(r, tagEnd);
    const rowNumber = Number(attr(rowTag, 'r') ?? lastRowNumber + 1);
    if (!Number.isInteger(rowNumber) || rowNumber <= lastRowNumber) {
      throw new XlsxError('corrupt', `row numbers out of order at ${rowNumber}`);
    }
    lastRowNumber = rowNumber;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      p = tagEnd + 1;
      continue;
    }
    const rowEnd = find(xml, '</row>', tagEnd, dataEnd);
    const cells: CellValue[] = [];
    let c = xml.indexOf('<c', tagEnd);
    let nextCol = 0;
    while (c >= 0 && c < rowEnd) {
      const ch = xml.charCodeAt(c + 2);
      if (ch !== 32 && ch !== 62 && ch !== 47) {
        c = xml.indexOf('<c', c + 2);
        continue;
      }
      const cEnd = find(xml, '>', c, rowEnd);
      const cTag = xml.slice(c, cEnd);
      const ref = attr(cTag, 'r');
      const col = ref ? columnIndex(ref) : nextCol;
      if (col < 0 || col > 16383) throw new XlsxError('corrupt', `bad cell reference ${ref}`);
      nextCol = col + 1;
      if (xml.charCodeAt(cEnd - 1) === 47) {
        c = xml.indexOf('<c', cEnd);
        continue;
      }
      const close = find(xml, '</c>', cEnd, rowEnd + 1);
      const type = attr(cTag, 't');
      let value: CellValue = null;
      if (type === 'inlineStr') {
        value = textRuns(xml, cEnd, close);
      } else {
        const v = xml.indexOf('<v>', cEnd);
        if (v >= 0 && v < close) {
          const raw = xml.slice(v + 3, find(xml, '</v>', v, close + 1));
          if (type === 's') value = strings[Number(raw)] ?? '';
          else if (type === 'str' || type === 'e') value = unescapeXml(raw);
          else if (type === 'b') value = raw === '1';
          else if (type === 'd') {
            const d = new Date(raw);
            value = Number.isNaN(d.getTime()) ? raw : d;
          } else {
            const n = Number(raw);
            const style = Number(attr(cTag, 's') ?? 0);
            value = !Number.isFinite(n)
              ? raw
              : dates[style] && n >= 0 && n < 2958466
                ? excelSerialToDate(n, wb.date1904)
                : n;
          }
        }
      }
      while (cells.length < col) cells.push(null);
      cells[col] = value;
      c = xml.indexOf('<c', close + 4);
    }
    rows.push({ rowNumber, cells });
    if (rows.length > opts.maxRows + 50) {
      throw new XlsxError('tooManyRows', 'too many rows', { rows: rows.length, max: opts.maxRows });
    }
    if (rows.length % 5000 === 0) {
      opts.onProgress?.(rows.length);
      await new Promise((res) => setImmediate(res));
      if (opts.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    }
    p = rowEnd + 6;
  }
  return rows;
}
