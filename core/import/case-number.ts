// Case (decision) numbers such as 东市监处罚〔2025〕12号. Exports write the year brackets as 〔〕,
// [], 【】, () or （）, sometimes mixed, with full-width digits, spaces, 第 and leading zeros;
// the normalised form uses 〔〕 and is what duplicate and update detection compares.
import { halfWidthNoSpaces } from './text';

// Opening and closing brackets seen around the year. After toHalfWidth, ［］ are already [].
const YEAR_IN_BRACKETS = /[[【(（〔﹝〖［]((?:19|20|21)\d{2})[\]】)）〕﹞〗］]/g;
// After the normalised year: an optional 第, then the serial number with its leading zeros.
const SERIAL = /〔(\d{4})〕第?0*(\d)/g;
const FIRST_YEAR = /〔((?:19|20|21)\d{2})〕/;

/** Brackets other than 〔〕 that may surround a year (after toHalfWidth). */
const OTHER_BRACKETS = new Uint8Array(0x10000);
for (const ch of '[]【】()（）﹝﹞〖〗［］') OTHER_BRACKETS[ch.charCodeAt(0)] = 1;
const OPEN = 0x3014; // 〔
const CLOSE = 0x3015; // 〕
const ZERO = 48;
const DI = 0x7b2c; // 第

export interface NormalizedCaseNumber {
  normalized: string;
  /** The year in brackets (1900–2199), or null when the number has none. */
  year: number | null;
}

/**
 * One scan for the usual case, a number already in the normal form: the year in 〔〕, no other
 * brackets, no 第 or leading zero after the year. Returns the year, 0 for a number without any
 * bracket (nothing to normalise, no year), or -1 when the regexes must do the work.
 */
function normalYear(s: string): number {
  let open = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === OPEN) {
      if (open >= 0) return -1;
      open = i;
    } else if (OTHER_BRACKETS[c] === 1) return -1;
  }
  if (open < 0) return 0;
  if (s.charCodeAt(open + 5) !== CLOSE) return -1;
  let year = 0;
  for (let i = open + 1; i <= open + 4; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (!(d >= 0 && d <= 9)) return -1;
    year = year * 10 + d;
  }
  const next = s.charCodeAt(open + 6);
  if (next === ZERO || next === DI || year < 1900 || year > 2199) return -1;
  return year;
}

/**
 * 东市监处罚[2025]第003号 → 东市监处罚〔2025〕3号. Brackets around a four-digit year (1900–2199)
 * become 〔〕; full-width digits and letters become ASCII; all whitespace goes; a 第 directly
 * before the serial and the serial's leading zeros go. Other parentheses, such as the prefix of
 * (杭临)市监处罚〔2024〕131号, are kept as written.
 */
export function normalizeCaseNumber(raw: string): NormalizedCaseNumber {
  let s = halfWidthNoSpaces(raw);
  const fast = normalYear(s);
  if (fast > 0) return { normalized: s, year: fast };
  if (fast === 0) return { normalized: s, year: null };
  s = s.replace(YEAR_IN_BRACKETS, '〔$1〕').replace(SERIAL, '〔$1〕$2');
  const m = FIRST_YEAR.exec(s);
  return { normalized: s, year: m ? Number(m[1]) : null };
}
