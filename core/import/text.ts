// Text helpers for cells from real exports: full-width characters, stray spaces and line breaks.
import type { CellValue } from './types';

// Whitespace as JS \s knows it (incl. U+3000, NBSP, BOM), zero-width characters, and the other
// C0 control characters, which exports sometimes carry and nobody means; and the full-width forms
// toHalfWidth converts. A table, because this is asked for every character of every cell.
const SPACE = 1;
const FULL = 2;
const CHAR_FLAGS = new Uint8Array(0x10000);
for (let c = 0; c <= 0x20; c++) CHAR_FLAGS[c] = SPACE;
for (let c = 0x2000; c <= 0x200d; c++) CHAR_FLAGS[c] = SPACE;
for (const c of [0x7f, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x2060, 0xfeff]) {
  CHAR_FLAGS[c] = SPACE;
}
CHAR_FLAGS[0x3000] = SPACE | FULL;
for (let c = 0xff01; c <= 0xff5e; c++) if (c !== 0xff08 && c !== 0xff09) CHAR_FLAGS[c] = FULL;

/** Full-width ASCII (U+FF01–FF5E) except （ and ） (U+FF08/FF09), or the ideographic space. */
function isFullWidthCode(c: number): boolean {
  return (c >= 0xff01 && c <= 0xff5e && c !== 0xff08 && c !== 0xff09) || c === 0x3000;
}

const FULL_WIDTH_G = /[\uFF01-\uFF07\uFF0A-\uFF5E\u3000]/g;

function halfOf(ch: string): string {
  const code = ch.charCodeAt(0);
  return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0);
}

/**
 * Full-width ASCII (letters, digits, punctuation U+FF01–FF5E) → ASCII, ideographic space → space.
 * Chinese punctuation (（）〔〕【】、。《》) is left alone: （ and ） are in the full-width block but
 * are the ordinary Chinese parentheses, so they are kept.
 */
export function toHalfWidth(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if ((CHAR_FLAGS[s.charCodeAt(i)]! & FULL) !== 0) return s.replace(FULL_WIDTH_G, halfOf);
  }
  return s;
}

export function isSpaceCode(c: number): boolean {
  return (CHAR_FLAGS[c]! & SPACE) !== 0;
}

/** The characters of isSpaceCode as a regular-expression class, for the few regexes that need it. */
export const SPACE_CLASS =
  '[\\x00-\\x20\\x7f\\x85\\xa0\\u1680\\u2000-\\u200d\\u2028\\u2029\\u202f\\u205f\\u2060\\u3000\\ufeff]';

/** True when every character of s is a space (also for ''). */
export function isAllSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if ((CHAR_FLAGS[s.charCodeAt(i)]! & SPACE) === 0) return false;
  return true;
}

/** True when s has any character of isSpaceCode. */
export function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if ((CHAR_FLAGS[s.charCodeAt(i)]! & SPACE) !== 0) return true;
  return false;
}

/** Zero-width characters: removed, never turned into a space. */
function isZeroWidth(c: number): boolean {
  return (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/** Han ideographs, CJK punctuation and full-width forms (not the ideographic space). */
export function isCjkCode(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff && code !== 0x3000) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0xd800 && code <= 0xdfff) // supplementary planes (Han extension B and later)
  );
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 'YYYY-MM-DD' from the UTC components of a date, or null for an invalid date. */
export function isoDateOf(d: Date): string | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) return null;
  return `${String(y).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/**
 * The text a user sees in a cell. Numbers show at most 15 significant digits, as Excel does
 * (so 0.1+0.2 shows as 0.3); dates show as YYYY-MM-DD (plus the time when there is one).
 */
export function cellToString(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    if (Number.isInteger(v)) return Math.abs(v) < 1e21 ? String(v) : BigInt(v).toString();
    return String(Number(v.toPrecision(15)));
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    const day = isoDateOf(v);
    if (day === null) return '';
    const h = v.getUTCHours();
    const m = v.getUTCMinutes();
    const s = v.getUTCSeconds();
    if (h === 0 && m === 0 && s === 0) return day;
    return `${day} ${pad2(h)}:${pad2(m)}${s ? `:${pad2(s)}` : ''}`;
  }
  return '';
}

/**
 * The cleaned text of a cell, or null when it is empty. Trims; whitespace and line breaks next to
 * a CJK character are removed (a name broken over two lines in a cell is one name); any other run
 * of whitespace becomes one space; zero-width characters go.
 */
export function cleanText(v: CellValue): string | null {
  const s = cellToString(v);
  if (s === '') return null;
  if (!hasSpace(s)) return s;
  let out = '';
  let from = 0; // start of the pending non-space segment
  let i = 0;
  const n = s.length;
  while (i < n) {
    if (!isSpaceCode(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const runStart = i;
    let visible = false;
    while (i < n && isSpaceCode(s.charCodeAt(i))) {
      if (!isZeroWidth(s.charCodeAt(i))) visible = true;
      i++;
    }
    out += s.slice(from, runStart);
    from = i;
    if (runStart === 0 || i === n || !visible) continue;
    if (!isCjkCode(s.charCodeAt(runStart - 1)) && !isCjkCode(s.charCodeAt(i))) out += ' ';
  }
  out += s.slice(from);
  return out === '' ? null : out;
}

/** Removes every whitespace, zero-width and control character. */
export function removeSpaces(s: string): string {
  if (!hasSpace(s)) return s;
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (isSpaceCode(s.charCodeAt(i))) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return out + s.slice(from);
}

/**
 * The key under which a vocabulary word or a header is looked up: half-width, no whitespace at
 * all, lower case.
 */
export function lookupKey(s: string): string {
  return removeSpaces(toHalfWidth(s)).toLowerCase();
}

/** True when s has a space or a full-width character, i.e. halfWidthNoSpaces would change it. */
export function needsHalfWidthNoSpaces(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (CHAR_FLAGS[s.charCodeAt(i)] !== 0) return true;
  }
  return false;
}

/** toHalfWidth then removeSpaces, with one scan when there is nothing to change. */
export function halfWidthNoSpaces(s: string): string {
  return needsHalfWidthNoSpaces(s) ? removeSpaces(toHalfWidth(s)) : s;
}

/** Spreadsheet column letters: 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnLetter(index0: number): string {
  let n = Math.floor(index0);
  if (!(n >= 0)) return '';
  let out = '';
  while (n >= 0) {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  }
  return out;
}

/** Separators people put between names in one cell: 、，,;；/ | and whitespace. */
function isListSeparator(c: number): boolean {
  return (
    c === 0x3001 /* 、 */ ||
    c === 0xff0c /* ， */ ||
    c === 0x2c /* , */ ||
    c === 0x3b /* ; */ ||
    c === 0xff1b /* ； */ ||
    c === 0x2f /* / */ ||
    c === 0xff0f /* ／ */ ||
    c === 0x7c /* | */ ||
    isSpaceCode(c)
  );
}

/**
 * Names in one cell joined with '、' in the usual way (no other separator, no empty part), for
 * which splitting and re-joining would give the same text.
 */
export function isCanonicalList(s: string): boolean {
  if (s.length === 0 || s.charCodeAt(0) === 0x3001 || s.charCodeAt(s.length - 1) === 0x3001) {
    return false;
  }
  let prevSep = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3001) {
      if (prevSep) return false;
      prevSep = true;
    } else if (isListSeparator(c) || isFullWidthCode(c)) return false;
    else prevSep = false;
  }
  return true;
}

/** Splits a cell holding several names or numbers; empty parts are dropped. */
export function splitList(s: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || isListSeparator(s.charCodeAt(i))) {
      if (i > from) out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  return out;
}
