// Finding the header row of an export (below title rows such as a merged title and an
// "导出时间：…" line) and mapping its columns to fields by their Chinese synonyms.
import type { FieldDef } from './fields';
import { amountUnitOfHeader, normalizeHeader, synonymMap } from './fields';
import { isBlankRow } from './rows';
import { cleanText } from './text';
import type { ColumnMapping, SourceRow } from './types';

/** How many non-blank rows from the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 30;
/** A row is a header when it names at least this many distinct fields (or all required ones). */
export const HEADER_MIN_FIELDS = 3;

export interface HeaderMatch {
  /** Index into the rows array passed in (not the spreadsheet row number). */
  headerIndex: number;
  /** The header row's cells as text ('' for an empty cell), one per column. */
  headers: string[];
  mapping: ColumnMapping;
  /** Columns with a non-empty header that no field took. */
  unmappedColumns: number[];
}

/**
 * Maps header names to fields: a column maps to the field one of whose synonyms it equals after
 * normalizeHeader. Each field takes the first (leftmost) column that names it, and no column is
 * used twice, so a second 当事人 column stays unmapped.
 */
export function mapHeaders(
  headers: readonly string[],
  fields: readonly FieldDef[],
): { mapping: ColumnMapping; unmappedColumns: number[] } {
  const map = synonymMap(fields);
  const mapping: ColumnMapping = {};
  const unmappedColumns: number[] = [];
  for (let c = 0; c < headers.length; c++) {
    const h = headers[c] ?? '';
    if (h === '') continue;
    const field = map.get(normalizeHeader(h));
    if (field !== undefined && mapping[field] === undefined) mapping[field] = c;
    else unmappedColumns.push(c);
  }
  return { mapping, unmappedColumns };
}

function headerTexts(row: SourceRow): string[] {
  return row.cells.map((c) => cleanText(c) ?? '');
}

/**
 * Finds the header row among the first HEADER_SEARCH_ROWS non-blank rows.
 *
 * Rule: every candidate row is scored by the number of distinct fields its cells name (exact
 * synonym match after normalizeHeader). The row with the highest score wins, the upper one on a
 * tie. It is accepted as the header when it names at least HEADER_MIN_FIELDS (3) distinct fields,
 * or every required field of the kind (so a pool sheet with just 姓名 and 所在单位 still works).
 * Title rows ("东湖区2025年度行政执法案卷目录", "导出时间：…") name no field and are skipped that
 * way. Returns null when no row qualifies.
 */
export function detectHeader(
  rows: readonly SourceRow[],
  fields: readonly FieldDef[],
): HeaderMatch | null {
  const map = synonymMap(fields);
  const required = fields.filter((f) => f.required).map((f) => f.key);
  let bestIndex = -1;
  let bestScore = 0;
  let seen = 0;
  for (let i = 0; i < rows.length && seen < HEADER_SEARCH_ROWS; i++) {
    const row = rows[i]!;
    if (isBlankRow(row)) continue;
    seen++;
    const found = new Set<string>();
    for (const cell of row.cells) {
      const text = cleanText(cell);
      if (text === null || text.length > 40) continue;
      const field = map.get(normalizeHeader(text));
      if (field !== undefined) found.add(field);
    }
    const hasRequired = required.length > 0 && required.every((k) => found.has(k));
    const qualifies = found.size >= HEADER_MIN_FIELDS || hasRequired;
    if (qualifies && found.size > bestScore) {
      bestIndex = i;
      bestScore = found.size;
    }
  }
  if (bestIndex < 0) return null;
  const headers = headerTexts(rows[bestIndex]!);
  // Trailing empty header cells carry nothing.
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  const { mapping, unmappedColumns } = mapHeaders(headers, fields);
  return { headerIndex: bestIndex, headers, mapping, unmappedColumns };
}

/**
 * A stable signature of a header row, used to remember a user's column mapping per source:
 * the normalised header names joined with '|', trailing empty columns dropped.
 */
export function headerSignature(headers: readonly string[]): string {
  const names = headers.map((h) => normalizeHeader(h));
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  return names.join('|');
}

/** The unit of the amount column (from its header), for validateCaseRow's context. */
export function amountUnitOf(headers: readonly string[], mapping: ColumnMapping): 'yuan' | 'wan' {
  const c = mapping.amount;
  return c === undefined ? 'yuan' : amountUnitOfHeader(headers[c] ?? '');
}

/** Fields whose column is missing from a mapping (for "the file has no 执法部门 column" messages). */
export function missingRequiredFields(
  mapping: ColumnMapping,
  fields: readonly FieldDef[],
): FieldDef[] {
  return fields.filter((f) => f.required && mapping[f.key] === undefined);
}
