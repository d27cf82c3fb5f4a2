// The arbiter's sheet in 复核 (issue 6): findings edited item by item, what changed against the
// kept sheet and which changes still lack a reason. The comparison mirrors the service
// (review.decide): a finding "changed" when its scored fields (everything but reason, pages and
// tags) differ from the kept sheet's, or when it was added or dropped; each such change must
// name its reason, or the service refuses the decision.
import { submitProblems } from '../../../core/scoring/submit';
import type { Finding, Item, TemplateContent } from '../../../core/standards/model';
import {
  findingProblems,
  score,
  ScoringError,
  type ScoreResult,
  type ScoringProblem,
} from '../../../core/standards/score';
import type { ItemEntry } from '../../components/ItemEntryControls';

export type ItemFinding = Extract<Finding, { kind: 'item' }>;
export type FindingKind = Finding['kind'];

/** `${kind}:${code}`, as the service keys findings and changes. */
export const keyOf = (f: { kind: FindingKind; code: string }) => `${f.kind}:${f.code}`;

/** The scored part of a finding in a canonical form (the service's own comparison). */
export function canonical(f: Finding): string {
  const { reason: _r, pages: _p, tags: _t, ...scored } = f;
  return JSON.stringify(scored, Object.keys(scored).sort());
}

/** Keys of the findings that differ between the kept sheet and the draft, in template order. */
export function changedKeys(
  t: TemplateContent,
  base: readonly Finding[],
  draft: readonly Finding[],
): string[] {
  const was = new Map(base.map((f) => [keyOf(f), canonical(f)]));
  const is = new Map(draft.map((f) => [keyOf(f), canonical(f)]));
  const all = new Set([...was.keys(), ...is.keys()]);
  const order = templateKeys(t);
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return [...all].filter((k) => was.get(k) !== is.get(k)).sort((a, b) => rank(a) - rank(b));
}

/** Every finding key of the template in its order: vetoes, items by category, bonus. */
export function templateKeys(t: TemplateContent): string[] {
  return [
    ...t.vetoItems.map((v) => keyOf({ kind: 'veto', code: v.code })),
    ...t.categories.flatMap((c) => c.items.map((i) => keyOf({ kind: 'item', code: i.code }))),
    ...t.bonus.items.map((b) => keyOf({ kind: 'bonus', code: b.code })),
  ];
}

/** What an evaluator entered on an item: occurrences/defects, missing, amount (tenths), n/a. */
export type Entry = ItemEntry;

export const entryOf = (f: Finding | undefined): Entry =>
  f && f.kind === 'item' ? { count: f.count, missing: f.missing, amount: f.amount, na: f.na } : {};

const normal = (e: Entry) => ({
  count: e.count ?? 0,
  missing: !!e.missing,
  amount: e.amount ?? 0,
  na: !!e.na,
});
const sameEntry = (a: Entry, b: Entry) => JSON.stringify(normal(a)) === JSON.stringify(normal(b));
const emptyEntry = (e: Entry) => sameEntry(e, {});

const blank = (kind: FindingKind, code: string): Finding => ({
  kind,
  code,
  reason: '',
  pages: '',
  tags: [],
});

function put(findings: readonly Finding[], key: string, next: Finding | null): Finding[] {
  const at = findings.findIndex((f) => keyOf(f) === key);
  if (at < 0) return next ? [...findings, next] : [...findings];
  const out = [...findings];
  if (next) out[at] = next;
  else out.splice(at, 1);
  return out;
}

/**
 * The findings with an item's entry set. An entry that comes back to the kept sheet's value takes
 * the kept finding's scored fields verbatim (so it no longer counts as a change); an empty entry
 * drops the finding unless the kept sheet had one like it.
 */
export function withEntry(
  findings: readonly Finding[],
  code: string,
  entry: Entry,
  base: readonly Finding[] = [],
): Finding[] {
  const key = keyOf({ kind: 'item', code });
  const current = findings.find((f) => keyOf(f) === key);
  const kept = base.find((f) => keyOf(f) === key);
  if (kept && kept.kind === 'item' && sameEntry(entryOf(kept), entry)) {
    const { reason, pages, tags } = current ?? kept;
    return put(findings, key, { ...kept, reason, pages, tags });
  }
  if (emptyEntry(entry)) return put(findings, key, null);
  const f = { ...(current ?? blank('item', code)) } as ItemFinding;
  delete f.count;
  delete f.missing;
  delete f.amount;
  delete f.na;
  if (entry.count) f.count = entry.count;
  if (entry.missing) f.missing = true;
  if (entry.amount) f.amount = entry.amount;
  if (entry.na) f.na = true;
  return put(findings, key, f);
}

/** A veto or bonus item ticked (kept finding's text when there was one) or cleared. */
export function withMark(
  findings: readonly Finding[],
  kind: 'veto' | 'bonus',
  code: string,
  on: boolean,
  base: readonly Finding[] = [],
): Finding[] {
  const key = keyOf({ kind, code });
  if (!on) return put(findings, key, null);
  const current = findings.find((f) => keyOf(f) === key);
  if (current) return [...findings];
  return put(findings, key, base.find((f) => keyOf(f) === key) ?? blank(kind, code));
}

export function withText(
  findings: readonly Finding[],
  key: string,
  field: 'reason' | 'pages',
  value: string,
): Finding[] {
  const current = findings.find((f) => keyOf(f) === key);
  if (!current) return [...findings];
  return put(findings, key, { ...current, [field]: value });
}

/** Takes another sheet's finding for one item (or its absence) into the draft. */
export function withCopy(
  findings: readonly Finding[],
  key: string,
  source: Finding | undefined,
): Finding[] {
  return put(findings, key, source ? { ...source, tags: [...source.tags] } : null);
}

export type Outcome = { result: ScoreResult } | { problems: ScoringProblem[] };

/** The live score of a set of findings, or why they cannot be scored. */
export function outcomeOf(t: TemplateContent, findings: readonly Finding[]): Outcome {
  try {
    return { result: score(t, findings) };
  } catch (e) {
    if (e instanceof ScoringError) return { problems: e.problems };
    throw e;
  }
}

/** Problems of one item's finding (a count the rule does not allow, an amount off the steps). */
export function itemProblems(
  t: TemplateContent,
  item: Item,
  f: Finding | undefined,
): ScoringProblem[] {
  return f && f.kind === 'item' && f.code === item.code ? findingProblems(t, [f]) : [];
}

export interface DraftProblems {
  /** The findings cannot be scored, or a deduction, veto or bonus has no reason. */
  sheet: ScoringProblem[];
  /** Changed findings (keys) whose change has no reason yet. */
  changesWithoutReason: string[];
}

export function draftProblems(
  t: TemplateContent,
  findings: readonly Finding[],
  changed: readonly string[],
  changeReasons: Readonly<Record<string, string>>,
): DraftProblems {
  return {
    sheet: submitProblems(t, findings),
    changesWithoutReason: changed.filter((k) => !(changeReasons[k] ?? '').trim()),
  };
}
