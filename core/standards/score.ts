// The scoring function (domain.md §7.0): template + an evaluator's findings → item, category and
// total scores, veto hits, grade and the problems found. Pure; used by the scoring screen, the
// "try it" pane, reconciliation and statistics alike, so every screen shows the same numbers.
import type { Band, Category, Finding, Item, TemplateContent, VetoEffect } from './model';

export interface ScoringProblem {
  key: string;
  params: Record<string, string | number>;
}

/** Findings that cannot be scored: the scoring function refuses them rather than clamp them. */
export class ScoringError extends Error {
  constructor(readonly problems: ScoringProblem[]) {
    super(problems.map((p) => `${p.key} ${JSON.stringify(p.params)}`).join('; '));
    this.name = 'ScoringError';
  }
}

export interface ItemScore {
  code: string;
  categoryCode: string;
  max: number;
  deducted: number;
  score: number;
  na: boolean;
}

export interface ProblemFound {
  source: 'item' | 'veto';
  code: string;
  text: string;
  deducted: number;
  tags: string[];
  reason: string;
  pages: string;
}

export interface ScoreResult {
  items: ItemScore[];
  categories: { code: string; name: string; max: number; score: number }[];
  /** Sum of the category scores, before bonus and veto. */
  subtotal: number;
  bonus: number;
  /** The file's score (tenths), after bonus (capped) and veto. */
  total: number;
  maxTotal: number;
  vetoHits: { code: string; effect: VetoEffect }[];
  /** Index into template.bands (0 = best). */
  bandIndex: number;
  grade: string;
  problems: ProblemFound[];
}

type ItemFinding = Extract<Finding, { kind: 'item' }>;

const err = (key: string, params: Record<string, string | number>): ScoringProblem => ({
  key: `standards.scoring.${key}`,
  params,
});

/** The deduction one finding makes on its item (before the item's floor at zero), or problems. */
export function itemDeduction(
  item: Item,
  f: ItemFinding,
): { deducted: number; problems: ScoringProblem[] } {
  const p: ScoringProblem[] = [];
  const code = item.code;
  if (f.na) {
    if (!item.naFullMarks) p.push(err('naNotAllowed', { code }));
    if (f.count || f.missing || f.amount) p.push(err('naWithDeduction', { code }));
    return { deducted: 0, problems: p };
  }
  switch (item.mode) {
    case 'fixed': {
      if (f.amount !== undefined) p.push(err('amountNotAllowed', { code }));
      if (f.missing && f.count) p.push(err('missingAndDefects', { code }));
      if (f.count && !item.partialUnit) p.push(err('defectsNotAllowed', { code }));
      const d = f.missing ? (item.deduct ?? item.max) : (f.count ?? 0) * (item.partialUnit ?? 0);
      return { deducted: d, problems: p };
    }
    case 'per_occurrence': {
      if (f.amount !== undefined || f.missing) p.push(err('onlyOccurrences', { code }));
      const unit = item.unit ?? 0;
      const d = (f.count ?? 0) * unit;
      if (d > item.max && item.overflow === 'refuse') {
        p.push(
          err('tooManyOccurrences', {
            code,
            count: f.count ?? 0,
            most: unit ? Math.floor(item.max / unit) : 0,
          }),
        );
      }
      return { deducted: d, problems: p };
    }
    case 'range': {
      if (f.count || f.missing) p.push(err('onlyAmount', { code }));
      if (f.amount === undefined || f.amount === 0) return { deducted: 0, problems: p };
      const min = item.rangeMin ?? 0;
      const max = item.rangeMax ?? item.max;
      const step = item.step ?? 5;
      if (f.amount < min || f.amount > max || (step > 0 && (f.amount - min) % step !== 0)) {
        p.push(err('rangeOutOfBounds', { code, amount: f.amount, min, max, step }));
      }
      return { deducted: f.amount, problems: p };
    }
  }
}

/** Every reason the findings cannot be scored against the template (empty when they can). */
export function findingProblems(
  t: TemplateContent,
  findings: readonly Finding[],
): ScoringProblem[] {
  const items = new Map<string, Item>();
  for (const c of t.categories) for (const i of c.items) items.set(i.code, i);
  const vetoes = new Set(t.vetoItems.map((v) => v.code));
  const bonuses = new Set(t.bonus.items.map((b) => b.code));
  const seen = new Set<string>();
  const problems: ScoringProblem[] = [];
  for (const f of findings) {
    const key = `${f.kind}:${f.code}`;
    if (seen.has(key)) problems.push(err('duplicateFinding', { code: f.code }));
    seen.add(key);
    if (f.kind === 'item') {
      const item = items.get(f.code);
      if (!item) problems.push(err('unknownItem', { code: f.code }));
      else problems.push(...itemDeduction(item, f).problems);
    } else if (f.kind === 'veto') {
      if (!vetoes.has(f.code)) problems.push(err('unknownVeto', { code: f.code }));
    } else {
      if (!bonuses.has(f.code)) problems.push(err('unknownBonus', { code: f.code }));
      else if (!t.bonus.enabled) problems.push(err('bonusDisabled', { code: f.code }));
    }
  }
  return problems;
}

/** The band a total falls in (bands are ordered best first; the last band's minimum is 0). */
export function bandOf(bands: readonly Band[], total: number): number {
  const i = bands.findIndex((b) => total >= b.min);
  return i < 0 ? bands.length - 1 : i;
}

export function score(t: TemplateContent, findings: readonly Finding[]): ScoreResult {
  const problems = findingProblems(t, findings);
  if (problems.length) throw new ScoringError(problems);

  const byItem = new Map<string, ItemFinding>();
  for (const f of findings) if (f.kind === 'item') byItem.set(f.code, f);
  const found: ProblemFound[] = [];
  const items: ItemScore[] = [];
  const categories = t.categories.map((c: Category) => {
    let sum = 0;
    for (const item of c.items) {
      const f = byItem.get(item.code);
      const deducted = f ? Math.min(item.max, itemDeduction(item, f).deducted) : 0; // 扣完为止
      const scoreOf = item.max - deducted; // never below zero, and never −0: integers
      sum += scoreOf;
      items.push({
        code: item.code,
        categoryCode: c.code,
        max: item.max,
        deducted,
        score: scoreOf,
        na: !!f?.na,
      });
      if (f && deducted > 0) {
        found.push({
          source: 'item',
          code: item.code,
          text: item.text,
          deducted,
          tags: f.tags.length ? f.tags : item.tags, // the item's linked tags unless the evaluator chose
          reason: f.reason,
          pages: f.pages,
        });
      }
    }
    return { code: c.code, name: c.name, max: c.max, score: sum };
  });
  const subtotal = categories.reduce((a, c) => a + c.score, 0);

  let bonus = 0;
  if (t.bonus.enabled) {
    const points = new Map(t.bonus.items.map((b) => [b.code, b.points]));
    for (const f of findings) if (f.kind === 'bonus') bonus += points.get(f.code) ?? 0;
    bonus = Math.min(bonus, t.bonus.cap);
  }
  const total = Math.max(0, Math.min(t.total, subtotal + bonus));

  const vetoText = new Map(t.vetoItems.map((v) => [v.code, v]));
  const vetoHits = findings
    .filter((f): f is Extract<Finding, { kind: 'veto' }> => f.kind === 'veto')
    .map((f) => {
      const v = vetoText.get(f.code)!;
      found.push({
        source: 'veto',
        code: v.code,
        text: v.text,
        deducted: 0,
        tags: f.tags.length ? f.tags : v.tags,
        reason: f.reason,
        pages: f.pages,
      });
      return { code: v.code, effect: v.effect };
    });
  const graded = gradeOf(t, total, new Set(vetoHits.map((h) => h.effect)));
  return {
    items,
    categories,
    subtotal,
    bonus,
    total: graded.total,
    maxTotal: t.total,
    vetoHits,
    bandIndex: graded.bandIndex,
    grade: graded.grade,
    problems: found,
  };
}

/**
 * A total and the effects of the veto items hit → the file's total and grade: `zero` makes the
 * total 0 and the grade the worst band, `fail` keeps the total but gives the worst band,
 * `block_excellent` keeps the file out of the best band. Shared by one sheet's score and the
 * final score of a file (the mean of its sheets).
 */
export function gradeOf(
  t: TemplateContent,
  total: number,
  vetoEffects: ReadonlySet<VetoEffect>,
): { total: number; bandIndex: number; grade: string } {
  const last = t.bands.length - 1;
  let bandIndex = bandOf(t.bands, total);
  if (vetoEffects.has('zero')) {
    total = 0;
    bandIndex = last;
  } else if (vetoEffects.has('fail')) {
    bandIndex = last;
  } else if (vetoEffects.has('block_excellent') && bandIndex === 0) {
    bandIndex = Math.min(1, last);
  }
  return { total, bandIndex, grade: t.bands[bandIndex]!.name };
}
