// The problems a department is asked to rectify: every problem of the final result of each of its
// files, exactly as the results model lists them (core/results/results.ts FileProblem: the union
// over the sheets the final score rests on, in the template's order, reason and pages from one
// note). Nothing is recounted here; a file whose score is not final has no settled problems and
// gives none.
import type { FileProblem, ResultsModel } from '../results/results';

export interface ProblemDraft {
  caseId: string;
  caseNo: string;
  /** Position in the department's list (0-based): files in the model's order, then problems. */
  position: number;
  source: FileProblem['source'];
  code: string;
  /** The item's (or veto item's) text: what is wrong. */
  text: string;
  categoryName: string | null;
  tags: string[];
  reason: string;
  pages: string;
}

/** Problems of the final results of the files in `caseIds`, in the model's order. */
export function problemsOf(model: ResultsModel, caseIds: ReadonlySet<string>): ProblemDraft[] {
  const out: ProblemDraft[] = [];
  for (const f of model.files) {
    if (!f.final || !caseIds.has(f.caseId)) continue;
    for (const p of f.problems) {
      out.push({
        caseId: f.caseId,
        caseNo: f.caseNo,
        position: out.length,
        source: p.source,
        code: p.code,
        text: p.text,
        categoryName: p.categoryName,
        tags: [...p.tags],
        reason: p.reason.trim(),
        pages: p.pages.trim(),
      });
    }
  }
  return out;
}
