// The evaluator's findings as the scoring screen edits them: one finding per item, veto item or
// bonus item at most, kept in template order, and dropped again once it records nothing. Plus
// the rows the keyboard walks through and the occurrence limits of score.ts. Pure functions.
import type { SheetContent } from '../../../core/scoring/schemas';
import type { Finding, Item, TemplateContent } from '../../../core/standards/model';
import { itemDeduction } from '../../../core/standards/score';

export type ItemFinding = Extract<Finding, { kind: 'item' }>;
export type VetoFinding = Extract<Finding, { kind: 'veto' }>;
export type BonusFinding = Extract<Finding, { kind: 'bonus' }>;
export type Kind = Finding['kind'];

/** What the item form changes: every field of an item finding but its identity. */
export type ItemPatch = Partial<Omit<ItemFinding, 'kind' | 'code'>>;
export type NotePatch = Partial<Pick<VetoFinding, 'reason' | 'pages' | 'tags'>>;

/** One row of the form, in the order the keyboard moves through them. */
export interface Row {
  kind: Kind;
  code: string;
  /** `kind:code`, also the DOM id suffix of the row. */
  key: string;
}

export const rowKey = (kind: Kind, code: string) => `${kind}:${code}`;

export function rowsOf(t: TemplateContent): Row[] {
  const rows: Row[] = [];
  for (const v of t.vetoItems)
    rows.push({ kind: 'veto', code: v.code, key: rowKey('veto', v.code) });
  for (const c of t.categories)
    for (const i of c.items) rows.push({ kind: 'item', code: i.code, key: rowKey('item', i.code) });
  if (t.bonus.enabled)
    for (const b of t.bonus.items)
      rows.push({ kind: 'bonus', code: b.code, key: rowKey('bonus', b.code) });
  return rows;
}

export function findingOf<K extends Kind>(
  content: SheetContent,
  kind: K,
  code: string,
): Extract<Finding, { kind: K }> | undefined {
  return content.findings.find((f) => f.kind === kind && f.code === code) as
    Extract<Finding, { kind: K }> | undefined;
}

/** An item finding that records nothing (no deduction, no note) is not kept. */
function isEmptyItem(f: ItemFinding): boolean {
  return (
    !f.count && !f.missing && !f.amount && !f.na && !f.reason && !f.pages && f.tags.length === 0
  );
}

/** Without undefined and false fields, so that what is saved is what a reload shows. */
function cleanItem(f: ItemFinding): ItemFinding {
  const out: ItemFinding = {
    kind: 'item',
    code: f.code,
    reason: f.reason,
    pages: f.pages,
    tags: f.tags,
  };
  if (f.count) out.count = f.count;
  if (f.missing) out.missing = true;
  if (f.amount) out.amount = f.amount;
  if (f.na) out.na = true;
  return out;
}

/** Findings in template order (veto items, items, bonus items), whatever order they came in. */
function ordered(t: TemplateContent, findings: Finding[]): Finding[] {
  const index = new Map(rowsOf(t).map((r, i) => [r.key, i]));
  const at = (f: Finding) => index.get(rowKey(f.kind, f.code)) ?? Number.MAX_SAFE_INTEGER;
  return [...findings].sort((a, b) => at(a) - at(b));
}

function replace(
  t: TemplateContent,
  content: SheetContent,
  kind: Kind,
  code: string,
  next: Finding | null,
): SheetContent {
  const rest = content.findings.filter((f) => !(f.kind === kind && f.code === code));
  return { ...content, findings: ordered(t, next ? [...rest, next] : rest) };
}

export function patchItem(
  t: TemplateContent,
  content: SheetContent,
  code: string,
  patch: ItemPatch,
): SheetContent {
  const before: ItemFinding = findingOf(content, 'item', code) ?? {
    kind: 'item',
    code,
    reason: '',
    pages: '',
    tags: [],
  };
  const next = cleanItem({ ...before, ...patch });
  return replace(t, content, 'item', code, isEmptyItem(next) ? null : next);
}

/** Checks or unchecks a veto or bonus item; unchecking drops its note as well. */
export function toggleMark(
  t: TemplateContent,
  content: SheetContent,
  kind: 'veto' | 'bonus',
  code: string,
  on: boolean,
): SheetContent {
  const existing = findingOf(content, kind, code);
  if (on === !!existing) return content;
  return replace(
    t,
    content,
    kind,
    code,
    on ? { kind, code, reason: '', pages: '', tags: [] } : null,
  );
}

export function patchMark(
  t: TemplateContent,
  content: SheetContent,
  kind: 'veto' | 'bonus',
  code: string,
  patch: NotePatch,
): SheetContent {
  const existing = findingOf(content, kind, code);
  if (!existing) return content;
  return replace(t, content, kind, code, { ...existing, ...patch });
}

/** Most occurrences an item accepts: refuse items stop where the item reaches zero. */
export function mostOccurrences(item: Item): number | null {
  if (item.mode === 'per_occurrence') {
    return item.overflow === 'refuse' && item.unit ? Math.floor(item.max / item.unit) : null;
  }
  return null;
}

/** True when the item's points are gone already (扣完为止): more occurrences change nothing. */
export function exhausted(item: Item, f: ItemFinding | undefined): boolean {
  return !!f && itemDeduction(item, f).deducted >= item.max;
}

/** The amounts a range item offers, in tenths: min, min + step, …, max. */
export function rangeAmounts(item: Item): number[] {
  const min = item.rangeMin ?? 0;
  const max = item.rangeMax ?? item.max;
  const step = item.step && item.step > 0 ? item.step : 5;
  const out: number[] = [];
  for (let a = min > 0 ? min : step; a <= max && out.length < 400; a += step) out.push(a);
  if (!out.length && max > 0) out.push(max);
  return out;
}

/** The item as the keyboard sets it: a count (occurrences, defects) or its nearest equivalent. */
export function keyboardPatch(item: Item, count: number): ItemPatch {
  switch (item.mode) {
    case 'per_occurrence':
      return { count, na: false };
    case 'fixed':
      if (item.partialUnit) return { count, missing: false, na: false };
      return { missing: count > 0, na: false };
    case 'range': {
      const amounts = rangeAmounts(item);
      const amount = count === 0 ? undefined : amounts[Math.min(count, amounts.length) - 1];
      return { amount, na: false };
    }
  }
}

/** The count the keyboard's + and − start from. */
export function keyboardCount(item: Item, f: ItemFinding | undefined): number {
  if (!f) return 0;
  switch (item.mode) {
    case 'per_occurrence':
      return f.count ?? 0;
    case 'fixed':
      return item.partialUnit ? (f.count ?? 0) : f.missing ? 1 : 0;
    case 'range': {
      const i = f.amount ? rangeAmounts(item).indexOf(f.amount) : -1;
      return i + 1;
    }
  }
}

/** The upper bound of the keyboard's count for the item (refused overflow, range steps, switch). */
export function keyboardMax(item: Item): number {
  switch (item.mode) {
    case 'per_occurrence':
      return mostOccurrences(item) ?? 10_000;
    case 'fixed':
      return item.partialUnit ? 10_000 : 1;
    case 'range':
      return rangeAmounts(item).length;
  }
}
