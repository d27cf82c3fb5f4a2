// The editor's operations on a template's content: nodes of the tree (keys and what they point
// at), adding, deleting and moving nodes, and where a validation problem belongs. Pure functions
// on plain data; every one returns a new template and leaves its input untouched.
import { issueToFieldError } from '../../../core/api/validation';
import {
  cloneTemplate,
  TemplateContentSchema,
  type Category,
  type DeductionMode,
  type Item,
  type TemplateContent,
  type VetoItem,
} from '../../../core/standards/model';
import { validateTemplate, type TemplateProblem } from '../../../core/standards/validate';

/** A node of the editor's tree. */
export type NodeRef =
  | { kind: 'settings' }
  | { kind: 'vetoGroup' }
  | { kind: 'veto'; index: number }
  | { kind: 'category'; index: number }
  | { kind: 'item'; category: number; index: number }
  | { kind: 'bonusGroup' }
  | { kind: 'bonus'; index: number };

export const SETTINGS_KEY = 'settings';
export const VETO_GROUP_KEY = 'veto';
export const BONUS_GROUP_KEY = 'bonus';

export function nodeKey(ref: NodeRef): string {
  switch (ref.kind) {
    case 'settings':
      return SETTINGS_KEY;
    case 'vetoGroup':
      return VETO_GROUP_KEY;
    case 'bonusGroup':
      return BONUS_GROUP_KEY;
    case 'veto':
      return `veto.${ref.index}`;
    case 'bonus':
      return `bonus.${ref.index}`;
    case 'category':
      return `cat.${ref.index}`;
    case 'item':
      return `cat.${ref.category}.item.${ref.index}`;
  }
}

export function parseKey(key: string): NodeRef | null {
  if (key === SETTINGS_KEY) return { kind: 'settings' };
  if (key === VETO_GROUP_KEY) return { kind: 'vetoGroup' };
  if (key === BONUS_GROUP_KEY) return { kind: 'bonusGroup' };
  let m = /^veto\.(\d+)$/.exec(key);
  if (m) return { kind: 'veto', index: Number(m[1]) };
  m = /^bonus\.(\d+)$/.exec(key);
  if (m) return { kind: 'bonus', index: Number(m[1]) };
  m = /^cat\.(\d+)$/.exec(key);
  if (m) return { kind: 'category', index: Number(m[1]) };
  m = /^cat\.(\d+)\.item\.(\d+)$/.exec(key);
  if (m) return { kind: 'item', category: Number(m[1]), index: Number(m[2]) };
  return null;
}

/** The dotted path of a node in the content, as validation problems name it. */
export function nodePath(ref: NodeRef): string {
  switch (ref.kind) {
    case 'settings':
      return '';
    case 'vetoGroup':
      return 'vetoItems';
    case 'bonusGroup':
      return 'bonus.items';
    case 'veto':
      return `vetoItems.${ref.index}`;
    case 'bonus':
      return `bonus.items.${ref.index}`;
    case 'category':
      return `categories.${ref.index}`;
    case 'item':
      return `categories.${ref.category}.items.${ref.index}`;
  }
}

/** The node a problem's path points to ('categories.1.items.3.unit' → the item's node). */
export function nodeOfPath(path: string): NodeRef {
  let m = /^categories\.(\d+)\.items\.(\d+)(?:\.|$)/.exec(path);
  if (m) return { kind: 'item', category: Number(m[1]), index: Number(m[2]) };
  m = /^categories\.(\d+)(?:\.|$)/.exec(path);
  if (m) return { kind: 'category', index: Number(m[1]) };
  m = /^vetoItems\.(\d+)(?:\.|$)/.exec(path);
  if (m) return { kind: 'veto', index: Number(m[1]) };
  if (path === 'vetoItems') return { kind: 'vetoGroup' };
  m = /^bonus\.items\.(\d+)(?:\.|$)/.exec(path);
  if (m) return { kind: 'bonus', index: Number(m[1]) };
  if (path === 'bonus.items') return { kind: 'bonusGroup' };
  return { kind: 'settings' };
}

/** The node's own data, or null when the key no longer points at anything. */
export function nodeExists(t: TemplateContent, ref: NodeRef): boolean {
  switch (ref.kind) {
    case 'veto':
      return ref.index < t.vetoItems.length;
    case 'bonus':
      return ref.index < t.bonus.items.length;
    case 'category':
      return ref.index < t.categories.length;
    case 'item':
      return ref.index < (t.categories[ref.category]?.items.length ?? 0);
    default:
      return true;
  }
}

// ---- problems ------------------------------------------------------------------------------

export interface EditorProblem extends TemplateProblem {
  /** 'rule': validateTemplate; 'field': the content schema (an empty text, a code too long). */
  source: 'rule' | 'field';
}

/**
 * Everything that keeps the template from being saved or published: schema problems (which
 * block saving too) and the rules of validateTemplate (which block publishing).
 */
export function templateProblems(
  t: TemplateContent,
  knownTags: ReadonlySet<string> | undefined,
): EditorProblem[] {
  const out: EditorProblem[] = [];
  const parsed = TemplateContentSchema.safeParse(t);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const f = issueToFieldError(issue, t);
      out.push({ path: f.path, key: f.key, params: cleanParams(f.params), source: 'field' });
    }
  }
  for (const p of validateTemplate(t, knownTags ? { knownTags } : {})) {
    out.push({ ...p, source: 'rule' });
  }
  return out;
}

function cleanParams(
  params: Record<string, string | number | boolean | null> | undefined,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  }
  return out;
}

/** The problems of one node, by field ('unit', 'code', …; '' for the node as a whole). */
export function problemsOfNode(
  problems: readonly EditorProblem[],
  ref: NodeRef,
): Map<string, EditorProblem[]> {
  const key = nodeKey(ref);
  const base = nodePath(ref);
  const out = new Map<string, EditorProblem[]>();
  for (const p of problems) {
    if (nodeKey(nodeOfPath(p.path)) !== key) continue;
    const rest = base ? p.path.slice(base.length).replace(/^\./, '') : p.path;
    const field = rest.split('.')[0] ?? '';
    out.set(field, [...(out.get(field) ?? []), p]);
  }
  return out;
}

// ---- totals --------------------------------------------------------------------------------

export const itemSum = (c: Category) => c.items.reduce((a, i) => a + i.max, 0);
export const categorySum = (t: TemplateContent) => t.categories.reduce((a, c) => a + c.max, 0);

// ---- adding --------------------------------------------------------------------------------

function usedCodes(t: TemplateContent): Set<string> {
  const codes = new Set<string>();
  const add = (c: string) => codes.add(c.trim().toUpperCase());
  t.vetoItems.forEach((v) => add(v.code));
  t.bonus.items.forEach((b) => add(b.code));
  t.categories.forEach((c) => {
    add(c.code);
    c.items.forEach((i) => add(i.code));
  });
  return codes;
}

/** The first `${prefix}${n}` not used anywhere in the template. */
function nextCode(t: TemplateContent, prefix: string, from = 1): string {
  const used = usedCodes(t);
  for (let n = from; ; n++) if (!used.has(`${prefix}${n}`.toUpperCase())) return `${prefix}${n}`;
}

function nextCategoryCode(t: TemplateContent): string {
  const used = usedCodes(t);
  for (let i = 0; i < 26; i++) {
    const c = String.fromCharCode(65 + i);
    if (!used.has(c)) return c;
  }
  return nextCode(t, 'K');
}

/** A new item of `mode` with the fields that mode needs (2 points; 1 point per occurrence). */
export function newItem(code: string, mode: DeductionMode): Item {
  const base: Item = {
    code,
    text: '',
    max: 20,
    mode,
    overflow: 'cap',
    naFullMarks: false,
    tags: [],
    guidance: '',
  };
  return withMode(base, mode);
}

/** The item in another mode: the fields of the old mode go, the new mode's get defaults. */
export function withMode(item: Item, mode: DeductionMode): Item {
  const {
    deduct: _d,
    partialUnit: _p,
    unit: _u,
    rangeMin: _a,
    rangeMax: _b,
    step: _s,
    ...rest
  } = item;
  switch (mode) {
    case 'fixed':
      return { ...rest, mode, deduct: item.deduct ?? item.max };
    case 'per_occurrence':
      return { ...rest, mode, unit: item.unit ?? Math.min(10, item.max || 10) };
    case 'range':
      return {
        ...rest,
        mode,
        rangeMin: item.rangeMin ?? Math.min(5, item.max || 5),
        rangeMax: item.rangeMax ?? (item.max || 5),
        step: item.step ?? 5,
      };
  }
}

export function addCategory(t: TemplateContent, name: string): [TemplateContent, NodeRef] {
  const next = cloneTemplate(t);
  next.categories.push({ code: nextCategoryCode(t), name, max: 0, items: [] });
  return [next, { kind: 'category', index: next.categories.length - 1 }];
}

export function addItem(
  t: TemplateContent,
  category: number,
  mode: DeductionMode = 'per_occurrence',
): [TemplateContent, NodeRef] {
  const next = cloneTemplate(t);
  const c = next.categories[category];
  if (!c) return [t, { kind: 'settings' }];
  c.items.push(newItem(nextCode(t, c.code.trim(), c.items.length + 1), mode));
  return [next, { kind: 'item', category, index: c.items.length - 1 }];
}

export function addVeto(t: TemplateContent): [TemplateContent, NodeRef] {
  const next = cloneTemplate(t);
  const v: VetoItem = {
    code: nextCode(t, 'V', t.vetoItems.length + 1),
    text: '',
    effect: t.vetoItems[t.vetoItems.length - 1]?.effect ?? 'zero',
    tags: [],
    guidance: '',
  };
  next.vetoItems.push(v);
  return [next, { kind: 'veto', index: next.vetoItems.length - 1 }];
}

export function addBonus(t: TemplateContent): [TemplateContent, NodeRef] {
  const next = cloneTemplate(t);
  next.bonus.items.push({
    code: nextCode(t, 'J', t.bonus.items.length + 1),
    text: '',
    points: 10,
    tags: [],
    guidance: '',
  });
  return [next, { kind: 'bonus', index: next.bonus.items.length - 1 }];
}

/** Removes a node; returns the node to select afterwards. */
export function removeNode(t: TemplateContent, ref: NodeRef): [TemplateContent, NodeRef] {
  const next = cloneTemplate(t);
  switch (ref.kind) {
    case 'veto':
      next.vetoItems.splice(ref.index, 1);
      return [next, { kind: 'vetoGroup' }];
    case 'bonus':
      next.bonus.items.splice(ref.index, 1);
      return [next, { kind: 'bonusGroup' }];
    case 'category':
      if (next.categories.length <= 1) return [t, ref];
      next.categories.splice(ref.index, 1);
      return [next, { kind: 'settings' }];
    case 'item':
      next.categories[ref.category]?.items.splice(ref.index, 1);
      return [next, { kind: 'category', index: ref.category }];
    default:
      return [t, ref];
  }
}

// ---- moving --------------------------------------------------------------------------------

function move<T>(list: T[], from: number, to: number): void {
  const [x] = list.splice(from, 1);
  if (x !== undefined) list.splice(Math.max(0, Math.min(to, list.length)), 0, x);
}

/**
 * Moves a node before position `to` of the list it lands in (indices of the list before the
 * move). Items can change category (`toCategory`); other nodes stay in their own list. Returns
 * the moved node's new place, or null when the move is not allowed.
 */
export function moveNode(
  t: TemplateContent,
  ref: NodeRef,
  to: number,
  toCategory?: number,
): [TemplateContent, NodeRef] | null {
  const next = cloneTemplate(t);
  const within = (from: number) => (to > from ? to - 1 : to);
  switch (ref.kind) {
    case 'veto': {
      const at = within(ref.index);
      move(next.vetoItems, ref.index, at);
      return [next, { kind: 'veto', index: Math.min(at, next.vetoItems.length - 1) }];
    }
    case 'bonus': {
      const at = within(ref.index);
      move(next.bonus.items, ref.index, at);
      return [next, { kind: 'bonus', index: Math.min(at, next.bonus.items.length - 1) }];
    }
    case 'category': {
      const at = within(ref.index);
      move(next.categories, ref.index, at);
      return [next, { kind: 'category', index: Math.min(at, next.categories.length - 1) }];
    }
    case 'item': {
      const target = toCategory ?? ref.category;
      const from = next.categories[ref.category];
      const into = next.categories[target];
      if (!from || !into) return null;
      if (target === ref.category) {
        const at = within(ref.index);
        move(from.items, ref.index, at);
        return [
          next,
          { kind: 'item', category: target, index: Math.min(at, from.items.length - 1) },
        ];
      }
      const [item] = from.items.splice(ref.index, 1);
      if (!item) return null;
      const at = Math.max(0, Math.min(to, into.items.length));
      into.items.splice(at, 0, item);
      return [next, { kind: 'item', category: target, index: at }];
    }
    default:
      return null;
  }
}
