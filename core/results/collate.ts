// Shared helpers of the results model: the zh-CN ordering of names and exact integer rounding.
// Every figure a reader can check by hand (means, percentages) is computed in integers, so the
// screen, the DOCX, the PDF and the XLSX can never disagree by a floating-point hair.

/**
 * One collator for every name sorted in the results (departments, case types, case numbers,
 * evaluators). `Intl.Collator('zh-CN').compare` orders exactly as `a.localeCompare(b, 'zh-CN')`
 * (ECMA-402 defines localeCompare through it) but is built once, which matters for 1,000 files.
 * zh-CN collation orders Han characters by pinyin, which is how 通报 tables list units.
 */
const zh = new Intl.Collator('zh-CN');

/**
 * zh-CN order, then code-point order, so that two different strings never compare equal (the
 * collator may call distinct strings equal, e.g. different Unicode normalisations) and every sort
 * is total and therefore deterministic.
 */
export function compareZh(a: string, b: string): number {
  return zh.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Code-point order (for ids and codes, where a linguistic order means nothing). */
export function compareCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** round(numerator / denominator), halves up, for a non-negative numerator and a positive denominator. */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * The mean of totals given in tenths of a point, as hundredths of a point (two decimals), halves
 * up: sum 1,855 tenths over 2 files → 9,275 (92.75 points). Null for no files.
 */
export function meanHundredths(sumTenths: number, count: number): number | null {
  return count > 0 ? divRoundHalfUp(sumTenths * 10, count) : null;
}

/** part / whole as hundredths of a percent (2268 = 22.68 %), halves up; null when whole is 0. */
export function percentHundredths(part: number, whole: number): number | null {
  return whole > 0 ? divRoundHalfUp(part * 10_000, whole) : null;
}

/** Hundredths as people write them: 9275 → "92.75", 900 → "9.00", -5 → "-0.05". */
export function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
