// Amounts → integer fen (分). Strings are parsed with exact decimal arithmetic on their digits;
// numbers from spreadsheets are first reduced to the 15 significant digits Excel shows, then go
// the same way, so 0.1+0.2 is 30 fen and 12.345 is an error rather than a silent rounding.
import { fail, ok } from './problem';
import { cellToString, halfWidthNoSpaces } from './text';
import type { CellValue, Parsed } from './types';

/** Unit of the figures in an amount column: 元, or 万元 when the header says so. */
export type AmountUnit = 'yuan' | 'wan';

/** Amounts above this many 元 are refused as obviously wrong (a unit or decimal-point slip). */
export const MAX_AMOUNT_YUAN = 1_000_000_000_000;
const MAX_AMOUNT_TEXT = '1,000,000,000,000';

/** What people write in an amount cell to mean "none". */
const NONE = new Set(['-', '—', '–', '/', '无', '——', '--', '空']);
const CHINESE_NUMERALS = /[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億角分]/;

function fromDecimal(
  intDigits: string,
  fracDigits: string,
  unit: AmountUnit,
  value: string,
): Parsed<number | null> {
  let int = intDigits;
  let frac = fracDigits;
  if (unit === 'wan') {
    // Multiply by 10,000: move the decimal point four places to the right.
    int = int + frac.padEnd(4, '0').slice(0, 4);
    frac = frac.slice(4);
  }
  let i = 0;
  while (i < int.length && int.charCodeAt(i) === 48) i++;
  if (i > 0) int = int.slice(i);
  let j = frac.length;
  while (j > 0 && frac.charCodeAt(j - 1) === 48) j--;
  if (j < frac.length) frac = frac.slice(0, j);
  // 10^12 元 is the 13-digit '1000000000000'; any other 13-digit integer is above it.
  if (int.length > 13 || (int.length === 13 && (int !== '1000000000000' || frac !== ''))) {
    return fail('import.problems.amountTooLarge', { value, max: MAX_AMOUNT_TEXT });
  }
  if (frac.length > 2) return fail('import.problems.amountTooManyDecimals', { value });
  return ok((int === '' ? 0 : Number(int)) * 100 + Number(frac.padEnd(2, '0')));
}

/** Only digits and at most one '.', with a digit somewhere: the common case, parsed directly. */
function isPlainNumber(s: string): boolean {
  let dots = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46) dots++;
    else return false;
  }
  return digits > 0 && dots <= 1;
}

function fromPlain(s: string, unit: AmountUnit, value: string): Parsed<number | null> {
  const dot = s.indexOf('.');
  return dot < 0
    ? fromDecimal(s, '', unit, value)
    : fromDecimal(s.slice(0, dot), s.slice(dot + 1), unit, value);
}

/** Strips a leading currency mark (人民币, RMB, CNY, ¥, ￥), case-insensitively. */
function stripCurrency(s: string): string {
  for (;;) {
    const c = s.charCodeAt(0);
    if (c === 0xa5 /* ¥ */ || c === 0xffe5 /* ￥ */) s = s.slice(1);
    else if (s.startsWith('人民币')) s = s.slice(3);
    else if (s.length >= 3 && CURRENCY_CODES.has(s.slice(0, 3).toLowerCase())) s = s.slice(3);
    else return s;
  }
}
const CURRENCY_CODES = new Set(['rmb', 'cny']);

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** 1,234,567 with commas every three digits; returns the digits, or null. */
function ungroup(int: string): string | null {
  const parts = int.split(',');
  const first = parts[0]!;
  if (first.length < 1 || first.length > 3) return null;
  for (let i = 1; i < parts.length; i++) if (parts[i]!.length !== 3) return null;
  const digits = parts.join('');
  return isDigits(digits) ? digits : null;
}

function parseString(raw: string, unit: AmountUnit): Parsed<number | null> {
  const value = raw.trim();
  let s = halfWidthNoSpaces(raw);
  if (s === '' || NONE.has(s)) return ok(null);
  if (isPlainNumber(s)) return fromPlain(s, unit, value);
  s = stripCurrency(s);
  let negative = false;
  const first = s.charCodeAt(0);
  if (first === 0x2d /* - */ || first === 0x2212 /* − */) {
    negative = true;
    s = stripCurrency(s.slice(1));
  } else if (first === 0x2b /* + */) {
    s = stripCurrency(s.slice(1));
  }
  // An explicit unit in the cell wins over the column's unit.
  let effectiveUnit = unit;
  if (s.endsWith('整')) s = s.slice(0, -1);
  if (s.endsWith('万元') || s.endsWith('万圆')) {
    s = s.slice(0, -2);
    effectiveUnit = 'wan';
  } else if (s.endsWith('元') || s.endsWith('圆')) {
    s = s.slice(0, -1);
    effectiveUnit = 'yuan';
  } else if (s.endsWith('万')) {
    s = s.slice(0, -1);
    effectiveUnit = 'wan';
  }
  let int: string | null;
  let frac = '';
  if (isPlainNumber(s)) {
    const dot = s.indexOf('.');
    int = dot < 0 ? s : s.slice(0, dot);
    frac = dot < 0 ? '' : s.slice(dot + 1);
  } else {
    const dot = s.indexOf('.');
    int = ungroup(dot < 0 ? s : s.slice(0, dot));
    if (dot >= 0) {
      frac = s.slice(dot + 1);
      if (!isDigits(frac)) int = null;
    }
    if (int === null) {
      return CHINESE_NUMERALS.test(s)
        ? fail('import.problems.amountInWords', { value })
        : fail('import.problems.amountNotANumber', { value });
    }
  }
  if (negative) return fail('import.problems.amountNegative', { value });
  return fromDecimal(int, frac, effectiveUnit, value);
}

/**
 * An amount cell → integer fen, null for an empty cell (or "无", "-", "/"), or a problem.
 * Accepts numbers, 100,000.00, 5000元, 0.5万元, ￥5,000, RMB 5000, full-width digits and spaces.
 * `unit` is 'wan' when the column header says the figures are in 万元.
 */
export function parseAmountFen(v: CellValue, unit: AmountUnit = 'yuan'): Parsed<number | null> {
  if (v === null || v === undefined) return ok(null);
  if (typeof v === 'string') return parseString(v, unit);
  if (typeof v === 'number') {
    const value = cellToString(v);
    if (Number.isNaN(v)) return fail('import.problems.amountNotANumber', { value });
    if (v < 0) return fail('import.problems.amountNegative', { value });
    if (v > MAX_AMOUNT_YUAN)
      return fail('import.problems.amountTooLarge', { value, max: MAX_AMOUNT_TEXT });
    if (Number.isInteger(v) && unit === 'yuan') return ok(v * 100);
    const shown = String(Number(v.toPrecision(15)));
    // Exponent notation is left only for values below 1e-6, far below one fen.
    if (shown.includes('e')) return fail('import.problems.amountTooManyDecimals', { value });
    return fromPlain(shown, unit, value);
  }
  return fail('import.problems.amountNotANumber', { value: cellToString(v) });
}
