// Dates as real exports write them: 2025-03-05, 2025/3/5, 2025年3月5日, 2025.03.05, 20250305,
// real date cells and Excel serial day numbers, with full-width digits, stray spaces and line
// breaks, and an optional time after the date.
import { fail, ok } from './problem';
import {
  cellToString,
  hasSpace,
  isoDateOf,
  needsHalfWidthNoSpaces,
  SPACE_CLASS,
  toHalfWidth,
} from './text';
import type { CellValue, Parsed } from './types';

export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;

/** The written forms a user is told about when a date is not recognised. */
export const ACCEPTED_DATE_FORMS = '2025-03-05、2025/3/5、2025年3月5日、2025.03.05、20250305';

const TIME = String.raw`(?:(?:\s+|\s*T\s*)(\d{1,2})\s*:\s*(\d{2})(?:\s*:\s*(\d{2})(?:\.\d{1,9})?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?`;
// Separated forms: the same separator twice (- / .), or 年…月…(日|号).
const SEPARATED = new RegExp(
  String.raw`^(\d{4})\s*(?:([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?)` +
    TIME +
    '$',
);
const COMPACT = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})` + TIME + '$');
const WS_RUNS = new RegExp(`${SPACE_CLASS}+`, 'g');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

const PAD2: string[] = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** Checks a year/month/day triple; `value` is the text shown back to the user. */
function ymd(year: number, month: number, day: number, value: string): Parsed<string> {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail('import.problems.dateYearOutOfRange', {
      value,
      year,
      min: MIN_YEAR,
      max: MAX_YEAR,
    });
  }
  if (month < 1 || month > 12) {
    return fail('import.problems.dateMonthImpossible', { value, month });
  }
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return fail('import.problems.dateImpossible', { value, year, month, day, days });
  }
  return ok(`${year}-${PAD2[month]}-${PAD2[day]}`);
}

function timeOk(h: string | undefined, m: string | undefined, s: string | undefined): boolean {
  if (h === undefined) return true;
  return Number(h) <= 23 && Number(m) <= 59 && (s === undefined || Number(s) <= 59);
}

const unrecognised = (value: string) =>
  fail<string | null>('import.problems.dateUnrecognised', { value, forms: ACCEPTED_DATE_FORMS });

/**
 * Year, month and day of a count of days since 1970-01-01 (proleptic Gregorian), in integer
 * arithmetic (H. Hinnant's civil_from_days), packed as YYYYMMDD.
 */
function civilFromDays(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10_000 + m * 100 + d;
}

// 1900 date system: serial 1 = 1900-01-01, and Excel counts a 1900-02-29 that never was (60).
// 1899-12-30 is day -25569 from 1970-01-01.
const SERIAL_EPOCH_AFTER_BUG = -25_569;

/** YYYYMMDD of an Excel serial day number (1900 system), or -1 for serial 60. */
function serialToPacked(serial: number): number {
  const day = Math.floor(serial);
  if (day === 60) return -1;
  return civilFromDays(SERIAL_EPOCH_AFTER_BUG + (day < 60 ? day + 1 : day));
}

/** 'YYYY-MM-DD' of an Excel serial day number (1900 system), or null for serial 60. */
export function excelSerialToIso(serial: number): string | null {
  const p = serialToPacked(serial);
  if (p < 0) return null;
  const y = Math.floor(p / 10_000);
  return `${String(y).padStart(4, '0')}-${PAD2[Math.floor(p / 100) % 100]}-${PAD2[p % 100]}`;
}

function fromPacked(p: number, value: string): Parsed<string> {
  return ymd(Math.floor(p / 10_000), Math.floor(p / 100) % 100, p % 100, value);
}

function parseNumber(v: number): Parsed<string | null> {
  const value = cellToString(v);
  if (!Number.isFinite(v)) return unrecognised(value);
  // 8-digit numbers such as 20250305 are dates written without separators.
  if (Number.isInteger(v) && v >= 10_000_000 && v <= 99_999_999) return fromPacked(v, value);
  if (v >= 1 && v < 100_000) {
    const p = serialToPacked(v);
    if (p < 0) return fail('import.problems.dateSerialInvalid', { value });
    return fromPacked(p, value);
  }
  return unrecognised(value);
}

const YEAR_CHAR = 0x5e74; // 年
const MONTH_CHAR = 0x6708; // 月
const DAY_CHARS = [0x65e5, 0x53f7]; // 日, 号

/** Reads 1–2 digits at i; returns value * 4 + digits read (0 when none). */
function digits12(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  if (!(a >= 0 && a <= 9)) return 0;
  const b = s.charCodeAt(i + 1) - 48;
  if (b >= 0 && b <= 9) return (a * 10 + b) * 4 + 2;
  return a * 4 + 1;
}

/**
 * The usual forms without spaces or a time (2025-03-05, 2025/3/5, 2025.03.05, 2025年3月5日,
 * 20250305), read without a regex: YYYYMMDD packed (month and day may be out of range, for ymd to
 * explain), or -1 for anything else, which then goes through the regexes.
 */
function parseFast(s: string): number {
  const n = s.length;
  if (n < 8 || n > 11) return -1;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    year = year * 10 + d;
  }
  const sep = s.charCodeAt(4);
  if (sep >= 48 && sep <= 57) {
    if (n !== 8) return -1;
    let rest = 0;
    for (let i = 4; i < 8; i++) {
      const d = s.charCodeAt(i) - 48;
      if (!(d >= 0 && d <= 9)) return -1;
      rest = rest * 10 + d;
    }
    return year * 10_000 + rest;
  }
  if (sep !== 45 && sep !== 47 && sep !== 46 && sep !== YEAR_CHAR) return -1;
  const m = digits12(s, 5);
  if (m === 0) return -1;
  let i = 5 + (m & 3);
  const sep2 = s.charCodeAt(i);
  if (sep === YEAR_CHAR ? sep2 !== MONTH_CHAR : sep2 !== sep) return -1;
  const d = digits12(s, i + 1);
  if (d === 0) return -1;
  i += 1 + (d & 3);
  if (i < n && sep === YEAR_CHAR && DAY_CHARS.includes(s.charCodeAt(i))) i++;
  if (i !== n) return -1;
  return year * 10_000 + (m >> 2) * 100 + (d >> 2);
}

/**
 * A date cell → 'YYYY-MM-DD', null for an empty cell, or a problem that says what is wrong:
 * which part of an impossible date, the accepted forms for an unrecognised one, or the year range.
 */
export function parseDate(v: CellValue): Parsed<string | null> {
  if (v === null || v === undefined) return ok(null);
  if (typeof v === 'number') return parseNumber(v);
  if (v instanceof Date) {
    const iso = isoDateOf(v);
    if (iso === null) return unrecognised('');
    return ymd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)), iso);
  }
  if (typeof v === 'boolean') return unrecognised(cellToString(v));
  // One scan decides whether the text needs any cleaning at all (it usually does not).
  const plain = !needsHalfWidthNoSpaces(v);
  const value = plain || !hasSpace(v) ? v : v.replace(WS_RUNS, ' ').trim();
  if (value === '') return ok(null);
  const s = plain ? value : toHalfWidth(value);
  const packed = parseFast(s);
  if (packed >= 0) return fromPacked(packed, value);
  let m = SEPARATED.exec(s);
  if (m) {
    const sep = m[2] !== undefined;
    if (!timeOk(m[7], m[8], m[9])) return unrecognised(value);
    return ymd(Number(m[1]), Number(sep ? m[3] : m[5]), Number(sep ? m[4] : m[6]), value);
  }
  m = COMPACT.exec(s);
  if (m) {
    if (!timeOk(m[4], m[5], m[6])) return unrecognised(value);
    return ymd(Number(m[1]), Number(m[2]), Number(m[3]), value);
  }
  return unrecognised(value);
}
