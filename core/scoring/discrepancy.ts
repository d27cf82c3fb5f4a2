// Discrepancy rules (issue 6, domain.md §7.0 "Two evaluators"): run once every sheet of a file is
// in. A veto disagreement, grades in different bands or totals further apart than the campaign's
// threshold send the file to 复核; items deducted by some evaluators and not others are listed for
// information. Without a flag the final score is the mean of the totals, rounded to 0.5, and the
// grade follows from the template (veto effects included). Pure.
import type { ScoreResult } from '../standards/score';
import { gradeOf } from '../standards/score';
import type { TemplateContent, VetoEffect } from '../standards/model';

export type DiscrepancyFlag =
  | { kind: 'veto'; withVeto: number; without: number }
  | { kind: 'band'; grades: string[] }
  | { kind: 'threshold'; difference: number; threshold: number };

export interface SheetScore {
  sheetId: string;
  result: ScoreResult;
}

export interface Comparison {
  flags: DiscrepancyFlag[];
  /** Items (and veto items) deducted or hit on some sheets and not on others. */
  info: { source: 'item' | 'veto'; code: string; sheetIds: string[] }[];
  /** The final result when nothing is flagged; null otherwise. */
  final: { total: number; bandIndex: number; grade: string } | null;
}

/** Tenths rounded to the nearest half point (5 tenths), halves up. */
export function roundToHalfPoint(tenths: number): number {
  return Math.floor(tenths / 5 + 0.5) * 5;
}

export function compareSheets(
  t: TemplateContent,
  sheets: readonly SheetScore[],
  threshold: number,
): Comparison {
  if (sheets.length === 0) throw new Error('compareSheets needs at least one sheet');
  const flags: DiscrepancyFlag[] = [];
  const withVeto = sheets.filter((s) => s.result.vetoHits.length > 0).length;
  if (withVeto > 0 && withVeto < sheets.length) {
    flags.push({ kind: 'veto', withVeto, without: sheets.length - withVeto });
  }
  const bands = new Set(sheets.map((s) => s.result.bandIndex));
  if (bands.size > 1) {
    flags.push({ kind: 'band', grades: sheets.map((s) => s.result.grade) });
  }
  const totals = sheets.map((s) => s.result.total);
  const difference = Math.max(...totals) - Math.min(...totals);
  if (difference > threshold) flags.push({ kind: 'threshold', difference, threshold });

  const info: Comparison['info'] = [];
  const marks = new Map<string, { source: 'item' | 'veto'; code: string; sheetIds: string[] }>();
  for (const s of sheets) {
    for (const i of s.result.items) {
      if (i.deducted > 0) mark(marks, 'item', i.code, s.sheetId);
    }
    for (const v of s.result.vetoHits) mark(marks, 'veto', v.code, s.sheetId);
  }
  for (const m of marks.values()) if (m.sheetIds.length < sheets.length) info.push(m);

  if (flags.length) return { flags, info, final: null };
  const mean = roundToHalfPoint(totals.reduce((a, b) => a + b, 0) / totals.length);
  // Every sheet agrees on the veto status; the effects of the vetoes they hit apply to the mean.
  const effects = new Set<VetoEffect>(
    sheets.flatMap((s) => s.result.vetoHits.map((h) => h.effect)),
  );
  const graded = gradeOf(t, mean, effects);
  return { flags, info, final: graded };
}

function mark(
  marks: Map<string, { source: 'item' | 'veto'; code: string; sheetIds: string[] }>,
  source: 'item' | 'veto',
  code: string,
  sheetId: string,
) {
  const key = `${source}:${code}`;
  const m = marks.get(key) ?? { source, code, sheetIds: [] };
  if (!m.sheetIds.includes(sheetId)) m.sheetIds.push(sheetId);
  marks.set(key, m);
}
