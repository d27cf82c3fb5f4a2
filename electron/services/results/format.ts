// Formatting shared by the results documents: dates as official documents write them, numbers
// from the results model (tenths of a point, hundredths of a point or a percent) as text, and
// the anonymisation of evaluators' reasons for the notice's typical examples.
import type { Locale } from '../../../core/accounts/schemas';
import { formatHundredths } from '../../../core/results/collate';
import { formatPoints } from '../../../core/standards/model';
import { translate } from '../../../core/i18n';

export const points = (tenths: number) => formatPoints(tenths);
export const hundredths = (h: number) => formatHundredths(h);

/**
 * 成文日期 as GB/T 9704 writes it: Arabic numerals, year in full, no zero padding
 * (2026-01-05 → 2026年1月5日).
 */
export function officialDate(locale: Locale, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return translate(locale, 'resultsDocs.notice.date', { year: y, month: m, day: d });
}

/** The calendar date `days` after an ISO date (no time zone involved: both are dates). */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Removes names from a reason before it is quoted as a "typical example" (the notice names no
 * department and no party there): every known department name, party name and case number is
 * replaced (longest first, so 东湖区市场监督管理局 goes before 东湖区). A name the app does not
 * know (a person typed into the reason) cannot be found this way; reasons are written about the
 * file, and the form lets the coordinator read the notice before it is sent.
 */
export function anonymiser(
  locale: Locale,
  known: { departments: Iterable<string>; parties: Iterable<string>; caseNos: Iterable<string> },
): (text: string) => string {
  const t = (k: string) => translate(locale, `resultsDocs.notice.${k}`);
  const pairs: [string, string][] = [];
  for (const d of known.departments)
    if (d.trim().length >= 2) pairs.push([d.trim(), t('anonUnit')]);
  for (const p of known.parties) if (p.trim().length >= 2) pairs.push([p.trim(), t('anonParty')]);
  for (const c of known.caseNos) if (c.trim().length >= 2) pairs.push([c.trim(), t('anonCase')]);
  pairs.sort((a, b) => b[0].length - a[0].length);
  return (text) => {
    let out = text;
    for (const [name, by] of pairs) if (out.includes(name)) out = out.split(name).join(by);
    return out;
  };
}

/** A reason as one clause of a sentence: trimmed, without its own end punctuation. */
export const clause = (s: string) =>
  s
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[。；;，,.、！!？?\s]+$/u, '');

/** File names without characters Windows or a ZIP reader would refuse. */
export const safeFileName = (s: string) =>
  s
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .trim()
    .slice(0, 120);
