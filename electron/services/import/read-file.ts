// Reading an uploaded spreadsheet into rows: XLSX (our scanner) or CSV/TSV text in UTF-8,
// GB18030/GBK, UTF-16 or Big5 (detected, or chosen by the user). Anything else is refused with a
// message that says what the file is and what to do.
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../core/api/methods/imports';
import { AppError } from '../../../core/api/errors';
import type { MessageKey } from '../../../core/i18n';
import { CsvError, parseCsv } from '../../../core/import/csv';
import type { SourceRow } from '../../../core/import/types';
import { XlsxError, readXlsx } from './xlsx-reader';

export type EncodingChoice = 'auto' | 'utf-8' | 'gb18030' | 'utf-16le' | 'big5';

export interface ReadResult {
  format: 'xlsx' | 'csv';
  encoding: string | null;
  sheetName: string | null;
  rows: SourceRow[];
}

function bad(
  key: MessageKey,
  message: string,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError('BAD_INPUT', message, { key, params });
}

const starts = (b: Uint8Array, ...sig: number[]) => sig.every((v, i) => b[i] === v);

/** Decodes CSV bytes: a BOM decides; otherwise valid UTF-8, then GB18030; else we cannot tell. */
export function decodeText(
  bytes: Uint8Array,
  choice: EncodingChoice,
  fileName: string,
): { text: string; encoding: string } {
  const decode = (label: string, fatal: boolean) => new TextDecoder(label, { fatal }).decode(bytes);
  if (choice !== 'auto') {
    try {
      return { text: decode(choice, true), encoding: choice };
    } catch {
      throw bad('importer.errors.encodingMismatch', `not valid ${choice}`, {
        file: fileName,
        encoding: choice,
      });
    }
  }
  if (starts(bytes, 0xef, 0xbb, 0xbf)) return { text: decode('utf-8', false), encoding: 'utf-8' };
  if (starts(bytes, 0xff, 0xfe)) return { text: decode('utf-16le', false), encoding: 'utf-16le' };
  if (starts(bytes, 0xfe, 0xff)) return { text: decode('utf-16be', false), encoding: 'utf-16be' };
  try {
    return { text: decode('utf-8', true), encoding: 'utf-8' };
  } catch {
    /* not UTF-8 */
  }
  try {
    const text = decode('gb18030', true);
    if (plausibleChinese(text)) return { text, encoding: 'gb18030' };
  } catch {
    /* not GB18030 either */
  }
  throw bad('importer.errors.encodingUnknown', 'unknown text encoding', { file: fileName });
}

/**
 * GB18030 decodes almost any byte string, so "it decoded" proves little. Text of a real
 * catalogue is mostly CJK ideographs from the common range, ASCII and Chinese punctuation; text
 * from another encoding read as GB18030 is full of rare characters and private-use points.
 */
function plausibleChinese(text: string): boolean {
  let odd = 0;
  let total = 0;
  for (let i = 0; i < text.length && total < 200_000; i++) {
    const c = text.charCodeAt(i);
    total++;
    const common =
      c < 0x80 ||
      (c >= 0x4e00 && c <= 0x9fa5) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      c === 0x2014 ||
      c === 0x2018 ||
      c === 0x2019 ||
      c === 0x201c ||
      c === 0x201d ||
      c === 0x2026 ||
      c === 0x00b7;
    if (!common) odd++;
  }
  return total === 0 || odd / total < 0.02;
}

/** UTF-16 without a BOM shows up as a NUL in every other byte of ASCII text. */
function looksUtf16le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return false;
  let zeros = 0;
  for (let i = 1; i < n; i += 2) if (bytes[i] === 0) zeros++;
  return zeros / (n / 2) > 0.3;
}

function hasBinaryContent(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i]!;
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32)) controls++;
  }
  return controls / Math.max(1, n) > 0.01;
}

export async function readSpreadsheet(
  file: { fileName: string; bytes: Uint8Array },
  opts: { encoding: EncodingChoice; signal?: AbortSignal; onProgress?: (rows: number) => void },
): Promise<ReadResult> {
  const { bytes, fileName } = file;
  if (bytes.length === 0) throw bad('importer.errors.emptyFile', 'empty file', { file: fileName });
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw bad('importer.errors.tooLarge', 'file too large', {
      file: fileName,
      sizeMb: Math.round(bytes.length / 1048576),
      maxMb: MAX_IMPORT_BYTES / 1048576,
    });
  }
  const tooMany = (rows: number) =>
    bad('importer.errors.tooManyRows', 'too many rows', {
      file: fileName,
      rows,
      max: MAX_IMPORT_ROWS,
    });

  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    try {
      const r = await readXlsx(bytes, {
        maxRows: MAX_IMPORT_ROWS,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
      return { format: 'xlsx', encoding: null, sheetName: r.sheetName, rows: r.rows };
    } catch (e) {
      if (e instanceof Error && e.name === 'AbortError')
        throw new AppError('CANCELLED', 'import cancelled');
      if (!(e instanceof XlsxError)) throw e;
      if (e.reason === 'tooManyRows') throw tooMany(Number(e.params.rows));
      if (e.reason === 'notXlsx')
        throw bad('importer.errors.notXlsx', e.message, { file: fileName });
      if (e.reason === 'noSheet')
        throw bad('importer.errors.noSheet', e.message, { file: fileName });
      throw bad('importer.errors.xlsxCorrupt', e.message, { file: fileName });
    }
  }
  if (starts(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    throw bad('importer.errors.oldXls', 'legacy .xls', { file: fileName });
  }
  let choice = opts.encoding;
  if (
    choice === 'auto' &&
    !starts(bytes, 0xff, 0xfe) &&
    !starts(bytes, 0xfe, 0xff) &&
    looksUtf16le(bytes)
  ) {
    choice = 'utf-16le';
  }
  if (
    choice === 'auto' &&
    !starts(bytes, 0xff, 0xfe) &&
    !starts(bytes, 0xfe, 0xff) &&
    hasBinaryContent(bytes)
  ) {
    throw bad('importer.errors.notSpreadsheet', 'binary file', { file: fileName });
  }
  const { text, encoding } = decodeText(bytes, choice, fileName);
  let rows: SourceRow[];
  try {
    rows = parseCsv(text).rows;
  } catch (e) {
    if (e instanceof CsvError) {
      throw new AppError('BAD_INPUT', e.message, {
        key: e.problem.key as MessageKey,
        ...(e.problem.params ? { params: e.problem.params } : {}),
      });
    }
    throw e;
  }
  if (rows.length > MAX_IMPORT_ROWS + 50) throw tooMany(rows.length);
  return { format: 'csv', encoding, sheetName: null, rows };
}
