// Assignment of drawn files to drawn evaluators (design §5; issue 5 §6). Hard constraints are
// missing edges: never an evaluator of the file's own department, never two evaluators of one
// department on one file, declared conflicts, a maximum load. Loads are as even as the
// constraints allow: max − min ≤ 1 whenever any assignment achieves it (checked exactly with a
// maximum flow with lower bounds), otherwise the smallest maximum load, then the largest minimum.
// Ties follow an order derived from the seed, so the same inputs give the same assignment.
import { sha256Hex } from '../hash';
import { FlowGraph } from './maxflow';

export interface AssignFile {
  id: string;
  departmentId: string;
  /** Names of the handlers (承办人) on the file: an evaluator named there is not eligible. */
  handlers: readonly string[];
}

export interface AssignPerson {
  id: string;
  name: string;
  departmentId: string;
}

/** A declared conflict of a person with a department, or with a handler's name. */
export interface Conflict {
  personId: string;
  departmentId?: string;
  handlerName?: string;
}

export interface AssignInput {
  files: readonly AssignFile[];
  people: readonly AssignPerson[];
  perFile: number;
  maxLoad?: number;
  conflicts?: readonly Conflict[];
  /** The draw's seed: orders ties. */
  seed: string;
}

export type Reason =
  | { kind: 'noPeople' }
  | { kind: 'capacity'; needed: number; available: number; people: number; maxLoad: number }
  | { kind: 'file'; fileId: string; eligibleDepartments: number; perFile: number }
  | {
      kind: 'department';
      departmentId: string;
      files: number;
      places: number;
      eligiblePeople: number;
      capacity: number;
    }
  | { kind: 'combination'; fileIds: string[] };

export type AssignResult =
  | { ok: true; assignment: Map<string, string[]>; loads: Map<string, number>; spread: number }
  | { ok: false; reasons: Reason[] };

export function eligible(
  file: AssignFile,
  person: AssignPerson,
  conflicts: readonly Conflict[],
): boolean {
  if (person.departmentId === file.departmentId) return false;
  if (file.handlers.includes(person.name)) return false;
  for (const c of conflicts) {
    if (c.personId !== person.id) continue;
    if (c.departmentId && c.departmentId === file.departmentId) return false;
    if (c.handlerName && file.handlers.includes(c.handlerName)) return false;
  }
  return true;
}

function seededOrder<T extends { id: string }>(
  items: readonly T[],
  seed: string,
  label: string,
): T[] {
  const keyed = items.map((x) => ({ x, k: sha256Hex(`${seed},${label},${x.id}`) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  return keyed.map((y) => y.x);
}

interface Prepared {
  files: AssignFile[];
  people: AssignPerson[];
  /** For each file, for each department with eligible people: those people (indices). */
  options: Map<string, number[]>[];
}

function prepare(input: AssignInput): Prepared {
  const files = seededOrder(input.files, input.seed, 'assign/files');
  const people = seededOrder(input.people, input.seed, 'assign/people');
  const conflicts = input.conflicts ?? [];
  const options = files.map((f) => {
    const byDept = new Map<string, number[]>();
    people.forEach((p, i) => {
      if (!eligible(f, p, conflicts)) return;
      const list = byDept.get(p.departmentId) ?? [];
      list.push(i);
      byDept.set(p.departmentId, list);
    });
    return byDept;
  });
  return { files, people, options };
}

/**
 * One flow problem: every file gets exactly perFile evaluators, every person between lo and hi
 * files. Returns the assignment, or null when no assignment meets these bounds.
 */
function solveWithin(
  p: Prepared,
  perFile: number,
  lo: number,
  hi: number,
): { assignment: Map<string, string[]> } | null {
  const P = p.people.length;
  const F = p.files.length;
  // Nodes: S, T, S', T', people, (file, department) slots, files.
  const S = 0;
  const T = 1;
  const SS = 2;
  const TT = 3;
  const personNode = (i: number) => 4 + i;
  let next = 4 + P;
  const slotNodes: { node: number; people: number[] }[][] = [];
  for (let f = 0; f < F; f++) {
    const row: { node: number; people: number[] }[] = [];
    for (const list of p.options[f]!.values()) row.push({ node: next++, people: list });
    slotNodes.push(row);
  }
  const fileNode = (f: number) => next + f;
  const g = new FlowGraph(next + F);
  const excess = new Float64Array(next + F);

  for (let i = 0; i < P; i++) {
    if (hi > lo) g.addEdge(S, personNode(i), hi - lo);
    excess[personNode(i)]! += lo;
    excess[S]! -= lo;
  }
  const personEdges: { f: number; person: number; edge: number }[] = [];
  for (let f = 0; f < F; f++) {
    for (const slot of slotNodes[f]!) {
      for (const i of slot.people)
        personEdges.push({ f, person: i, edge: g.addEdge(personNode(i), slot.node, 1) });
      g.addEdge(slot.node, fileNode(f), 1);
    }
    // file → T with lower = upper = perFile.
    excess[fileNode(f)]! -= perFile;
    excess[T]! += perFile;
  }
  g.addEdge(T, S, Number.MAX_SAFE_INTEGER);
  let required = 0;
  for (let v = 0; v < excess.length; v++) {
    if (excess[v]! > 0) {
      g.addEdge(SS, v, excess[v]!);
      required += excess[v]!;
    } else if (excess[v]! < 0) {
      g.addEdge(v, TT, -excess[v]!);
    }
  }
  if (g.maxFlow(SS, TT) < required) return null;
  const assignment = new Map<string, string[]>(p.files.map((f) => [f.id, []]));
  for (const e of personEdges) {
    if (g.flowOn(e.edge) > 0) assignment.get(p.files[e.f]!.id)!.push(p.people[e.person]!.id);
  }
  return { assignment };
}

/**
 * Fast path: files in seeded order, each given the least-loaded eligible people of distinct
 * departments (ties by seeded order), nobody above `hi`. Kept only when every load ends within
 * [lo, hi] with hi − lo ≤ 1 (then no assignment is more even); otherwise the flow method decides.
 */
function greedy(
  p: Prepared,
  perFile: number,
  lo: number,
  hi: number,
): Map<string, string[]> | null {
  const load = new Int32Array(p.people.length);
  const out = new Map<string, string[]>();
  const best: number[] = [];
  for (let f = 0; f < p.files.length; f++) {
    best.length = 0;
    for (const list of p.options[f]!.values()) {
      let b = -1;
      for (const i of list) if (load[i]! < hi && (b < 0 || load[i]! < load[b]!)) b = i;
      if (b >= 0) best.push(b);
    }
    if (best.length < perFile) return null;
    best.sort((x, y) => load[x]! - load[y]! || x - y);
    const chosen = best.slice(0, perFile);
    for (const i of chosen) load[i]!++;
    out.set(
      p.files[f]!.id,
      chosen.map((i) => p.people[i]!.id),
    );
  }
  for (const l of load) if (l < lo) return null;
  return out;
}

function explain(input: AssignInput, p: Prepared, maxLoad: number): Reason[] {
  const reasons: Reason[] = [];
  const K = input.perFile;
  const needed = input.files.length * K;
  const available = input.people.length * Math.min(maxLoad, input.files.length);
  if (!input.people.length) return [{ kind: 'noPeople' }];
  if (needed > available) {
    reasons.push({ kind: 'capacity', needed, available, people: input.people.length, maxLoad });
  }
  p.files.forEach((f, i) => {
    const depts = p.options[i]!.size;
    if (depts < K)
      reasons.push({ kind: 'file', fileId: f.id, eligibleDepartments: depts, perFile: K });
  });
  const byDept = new Map<string, AssignFile[]>();
  for (const f of input.files)
    byDept.set(f.departmentId, [...(byDept.get(f.departmentId) ?? []), f]);
  const conflicts = input.conflicts ?? [];
  for (const [departmentId, files] of byDept) {
    const outside = input.people.filter((x) => files.some((f) => eligible(f, x, conflicts)));
    const perDept = new Map<string, number>();
    for (const x of outside)
      perDept.set(
        x.departmentId,
        (perDept.get(x.departmentId) ?? 0) + Math.min(maxLoad, files.length),
      );
    let capacity = 0;
    for (const c of perDept.values()) capacity += Math.min(c, files.length); // one per department per file
    const places = files.length * K;
    if (capacity < places) {
      reasons.push({
        kind: 'department',
        departmentId,
        files: files.length,
        places,
        eligiblePeople: outside.length,
        capacity,
      });
    }
  }
  if (!reasons.length) {
    // Bounds individually fine, jointly not: name the files a maximum assignment leaves short.
    const partial = bestEffortShort(p, K, maxLoad);
    reasons.push({ kind: 'combination', fileIds: partial });
  }
  return reasons;
}

/** Files that stay short in a maximum (not necessarily complete) assignment. */
function bestEffortShort(p: Prepared, perFile: number, maxLoad: number): string[] {
  const P = p.people.length;
  const F = p.files.length;
  let next = 2 + P;
  const slots: { node: number; people: number[] }[][] = p.files.map((_f, f) =>
    [...p.options[f]!.values()].map((people) => ({ node: next++, people })),
  );
  const g = new FlowGraph(next + F);
  for (let i = 0; i < P; i++) g.addEdge(0, 2 + i, maxLoad);
  const fileEdges: number[] = [];
  for (let f = 0; f < F; f++) {
    for (const slot of slots[f]!) {
      for (const i of slot.people) g.addEdge(2 + i, slot.node, 1);
      g.addEdge(slot.node, next + f, 1);
    }
    fileEdges.push(g.addEdge(next + f, 1, perFile));
  }
  g.maxFlow(0, 1);
  return p.files.filter((_f, i) => g.flowOn(fileEdges[i]!) < perFile).map((f) => f.id);
}

/** The greedy fast path alone (null when it gives up): lets tests reach both paths. */
export function greedyOnly(input: AssignInput): Map<string, string[]> | null {
  const total = input.files.length * input.perFile;
  const q = Math.floor(total / input.people.length);
  return greedy(prepare(input), input.perFile, q, total % input.people.length ? q + 1 : q);
}

export function assign(input: AssignInput): AssignResult {
  const F = input.files.length;
  const P = input.people.length;
  const K = input.perFile;
  const maxLoad = Math.min(input.maxLoad ?? F, F);
  const p = prepare(input);
  const reasons = (): AssignResult => ({ ok: false, reasons: explain(input, p, maxLoad) });
  if (F === 0)
    return {
      ok: true,
      assignment: new Map(),
      loads: new Map(input.people.map((x) => [x.id, 0])),
      spread: 0,
    };
  if (P === 0 || K <= 0) return reasons();
  const total = F * K;
  const q = Math.floor(total / P);
  const r = total - q * P;
  const finish = (a: Map<string, string[]>): AssignResult => {
    const loads = new Map(input.people.map((x) => [x.id, 0]));
    for (const list of a.values()) for (const id of list) loads.set(id, loads.get(id)! + 1);
    const values = [...loads.values()];
    return { ok: true, assignment: a, loads, spread: Math.max(...values) - Math.min(...values) };
  };
  // Spread ≤ 1: everyone carries q or q + 1.
  const hiBalanced = r > 0 ? q + 1 : q;
  if (hiBalanced <= maxLoad) {
    const fast = greedy(p, K, q, hiBalanced);
    if (fast) return finish(fast);
    const balanced = solveWithin(p, K, q, hiBalanced);
    if (balanced) return finish(balanced.assignment);
  }
  // Otherwise the smallest maximum load …
  let lo = Math.max(1, Math.ceil(total / P));
  let hi = maxLoad;
  if (!solveWithin(p, K, 0, hi)) return reasons();
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (solveWithin(p, K, 0, mid)) hi = mid;
    else lo = mid + 1;
  }
  const top = hi;
  // … then the largest minimum under it.
  let a = 0;
  let b = Math.min(top, Math.floor(total / P));
  while (a < b) {
    const mid = Math.ceil((a + b) / 2);
    if (solveWithin(p, K, mid, top)) a = mid;
    else b = mid - 1;
  }
  return finish(solveWithin(p, K, a, top)!.assignment);
}

export type Violation =
  | { kind: 'ownDepartment'; fileId: string; personId: string }
  | { kind: 'handler'; fileId: string; personId: string }
  | { kind: 'conflict'; fileId: string; personId: string }
  | { kind: 'sameDepartmentTwice'; fileId: string; departmentId: string }
  | { kind: 'count'; fileId: string; count: number; perFile: number }
  | { kind: 'twice'; fileId: string; personId: string }
  | { kind: 'overload'; personId: string; load: number; maxLoad: number }
  | { kind: 'unknownPerson'; fileId: string; personId: string };

/** Every hard constraint an assignment breaks (for manual swaps and for tests). */
export function checkAssignment(
  input: AssignInput,
  assignment: ReadonlyMap<string, readonly string[]>,
): Violation[] {
  const out: Violation[] = [];
  const people = new Map(input.people.map((x) => [x.id, x]));
  const conflicts = input.conflicts ?? [];
  const loads = new Map<string, number>();
  for (const f of input.files) {
    const ids = assignment.get(f.id) ?? [];
    if (ids.length !== input.perFile)
      out.push({ kind: 'count', fileId: f.id, count: ids.length, perFile: input.perFile });
    const seen = new Set<string>();
    const depts = new Set<string>();
    for (const id of ids) {
      const person = people.get(id);
      if (!person) {
        out.push({ kind: 'unknownPerson', fileId: f.id, personId: id });
        continue;
      }
      if (seen.has(id)) out.push({ kind: 'twice', fileId: f.id, personId: id });
      seen.add(id);
      if (person.departmentId === f.departmentId)
        out.push({ kind: 'ownDepartment', fileId: f.id, personId: id });
      else if (f.handlers.includes(person.name))
        out.push({ kind: 'handler', fileId: f.id, personId: id });
      else if (!eligible(f, person, conflicts))
        out.push({ kind: 'conflict', fileId: f.id, personId: id });
      if (depts.has(person.departmentId))
        out.push({ kind: 'sameDepartmentTwice', fileId: f.id, departmentId: person.departmentId });
      depts.add(person.departmentId);
      loads.set(id, (loads.get(id) ?? 0) + 1);
    }
  }
  if (input.maxLoad !== undefined) {
    for (const [id, load] of loads)
      if (load > input.maxLoad)
        out.push({ kind: 'overload', personId: id, load, maxLoad: input.maxLoad });
  }
  return out;
}
