// What happens when a sheet comes in, wherever it comes from (a submit on this machine, or a
// result package merged from an evaluator's laptop): once every sheet of a file is submitted, the
// file gets its final score (mean or joint) or is flagged for 复核 (core/scoring/discrepancy.ts).
// Also the score columns a sheet row keeps beside its content.
import { compareSheets } from '../../../core/scoring/discrepancy';
import { SheetContentSchema } from '../../../core/scoring/schemas';
import type { Finding, TemplateContent } from '../../../core/standards/model';
import { score, ScoringError, type ScoreResult } from '../../../core/standards/score';
import type { AppContext } from '../context';

/** The score of a sheet, or null while it cannot be scored yet (a sheet being filled in). */
export function scoreOf(t: TemplateContent, findings: readonly Finding[]): ScoreResult | null {
  try {
    return score(t, findings);
  } catch (e) {
    if (e instanceof ScoringError) return null;
    throw e;
  }
}

export const scoreColumns = (r: ScoreResult | null) => ({
  total: r?.total ?? null,
  bandIndex: r?.bandIndex ?? null,
  grade: r?.grade ?? null,
  veto: r ? (r.vetoHits.length ? 1 : 0) : null,
});

/** Once every sheet of a file is in: final score (mean or joint) or flagged for 复核. */
export function settleFile(
  app: AppContext,
  campaignId: string,
  caseId: string,
  threshold: number,
  templateOf: (versionId: string) => TemplateContent,
): void {
  const { repos } = app;
  const sheets = repos.scoring
    .ofFile(campaignId, caseId)
    .filter((s) => s.kind === 'evaluator' || s.kind === 'joint');
  if (!sheets.length || sheets.some((s) => s.status !== 'submitted')) return;
  const t = templateOf(sheets[0]!.templateVersionId);
  const scored = sheets.map((s) => ({
    sheetId: s.id,
    result: score(t, SheetContentSchema.parse(JSON.parse(s.content)).findings),
  }));
  const cmp = compareSheets(t, scored, threshold);
  const joint = sheets[0]!.kind === 'joint';
  repos.scoring.putResult({
    campaignId,
    caseId,
    state: cmp.final ? 'final' : 'review',
    flags: JSON.stringify(cmp.flags),
    info: JSON.stringify(cmp.info),
    total: cmp.final?.total ?? null,
    bandIndex: cmp.final?.bandIndex ?? null,
    grade: cmp.final?.grade ?? null,
    decision: cmp.final ? (joint ? 'joint' : 'mean') : null,
    keptSheetId: joint ? sheets[0]!.id : null,
    arbiterId: null,
    reason: null,
    decidedAt: cmp.final ? app.now().toISOString() : null,
  });
}
