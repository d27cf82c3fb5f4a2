// What a sheet must satisfy before it is submitted (issue 6): it can be scored against its
// template, and every deduction, veto and bonus says why. Pure; the scoring screen shows the same
// list before the evaluator presses 提交, and the service refuses a submit that has any.
import type { Finding, TemplateContent } from '../standards/model';
import { findingProblems, itemDeduction, type ScoringProblem } from '../standards/score';

export function submitProblems(t: TemplateContent, findings: readonly Finding[]): ScoringProblem[] {
  const problems = findingProblems(t, findings);
  if (problems.length) return problems;
  const items = new Map(t.categories.flatMap((c) => c.items.map((i) => [i.code, i] as const)));
  for (const f of findings) {
    if (f.reason.trim()) continue;
    if (f.kind === 'item') {
      const item = items.get(f.code)!;
      if (itemDeduction(item, f).deducted > 0) {
        problems.push({ key: 'scoring.submit.reasonRequired', params: { code: f.code } });
      }
    } else if (f.kind === 'veto') {
      problems.push({ key: 'scoring.submit.vetoReasonRequired', params: { code: f.code } });
    } else {
      problems.push({ key: 'scoring.submit.bonusReasonRequired', params: { code: f.code } });
    }
  }
  return problems;
}
