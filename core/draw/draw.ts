// The 双随机 draw (issue 5): files per sampling plan and evaluators from the pool, each through a
// labelled stream of Rivest's sampler over a population sorted by a stable key. Everything a
// third party needs to recompute it goes into the record: the seed and its parts, every stream's
// label, population size and manifest, and every pick with its counter.
import { sha256Hex } from '../hash';
import type { ALGORITHM } from './sampler';
import { byCodePoint, manifest, sample, streamSeed } from './sampler';

export interface SeedPart {
  contributor: string;
  /** dice: digits thrown in front of witnesses; lottery: a published lottery number; generated: by the app. */
  kind: 'dice' | 'lottery' | 'generated';
  digits: string;
}

export const MIN_SEED_DIGITS = 20;

/** The seed is the parts' digits, concatenated in order. */
export function seedOf(parts: readonly SeedPart[]): string {
  return parts.map((p) => p.digits).join('');
}

export function seedCommitment(seed: string): string {
  return sha256Hex(seed);
}

export interface PopulationFile {
  id: string;
  /** Stable key: the normalised case number and the department, tab-separated. */
  key: string;
  caseType: string;
  typeName: string;
  departmentId: string;
  departmentName: string;
}

export type FilePlan =
  | { kind: 'type_totals'; totals: Record<string, number> }
  | { kind: 'department_quota'; quota: number; byType: boolean }
  | { kind: 'proportional'; total: number; min: number; max: number };

export interface StreamRecord {
  label: string;
  size: number;
  manifest: string;
  /** How many the plan asked of this stream. */
  want: number;
  /** At most this many picks per group (evaluators: per department), when set. */
  maxPerGroup?: number;
  /** Members per group already taken before the stream ran (must-include people). */
  groupStart?: Record<string, number>;
  picks: { counter: number; index: number; key: string }[];
}

export interface StreamPopulation {
  label: string;
  keys: string[];
  /** What the stream covers (for plans recomputed later, and for readers). */
  caseType?: string;
  departmentName?: string;
  /** Group of each key (the evaluator's department), when the stream limits picks per group. */
  groups?: string[];
}

export function fileKey(caseNo: string, departmentName: string): string {
  return `${caseNo}\t${departmentName}`;
}

function runStream(
  seed: string,
  label: string,
  keys: string[],
  want: number,
  groups?: { of: string[]; max: number; start?: Map<string, number> },
): StreamRecord {
  const counts = new Map(groups?.start ?? []);
  const accept = groups
    ? (index: number) => {
        const g = groups.of[index - 1]!;
        if ((counts.get(g) ?? 0) >= groups.max) return false;
        counts.set(g, (counts.get(g) ?? 0) + 1);
        return true;
      }
    : undefined;
  const picks = sample(streamSeed(seed, label), keys.length, want, accept);
  return {
    label,
    size: keys.length,
    manifest: manifest(keys),
    want,
    ...(groups ? { maxPerGroup: groups.max } : {}),
    ...(groups?.start?.size ? { groupStart: Object.fromEntries(groups.start) } : {}),
    picks: picks.map((p) => ({ ...p, key: keys[p.index - 1]! })),
  };
}

/**
 * Seats per department proportional to its volume, each within [min, max] and never above the
 * department's own volume. Departments that hit a bound are fixed there and the remaining seats
 * are shared among the others in proportion again; the last seats go by largest remainder (ties
 * by department name). The total is met exactly when the bounds allow it.
 */
export function proportionalQuotas(
  volumes: ReadonlyMap<string, number>,
  total: number,
  min: number,
  max: number,
): Map<string, number> {
  const names = [...volumes.keys()].sort(byCodePoint);
  const cap = (n: string) => Math.min(max, volumes.get(n)!);
  const floorOf = (n: string) => Math.min(min, cap(n));
  const fixed = new Map<string, number>();
  let exact = new Map<string, number>();
  for (;;) {
    const free = names.filter((n) => !fixed.has(n));
    const remaining = total - [...fixed.values()].reduce((a, b) => a + b, 0);
    const volume = free.reduce((a, n) => a + volumes.get(n)!, 0);
    exact = new Map(free.map((n) => [n, volume ? (remaining * volumes.get(n)!) / volume : 0]));
    const over = free.filter((n) => exact.get(n)! > cap(n));
    const under = free.filter((n) => exact.get(n)! < floorOf(n));
    if (over.length) for (const n of over) fixed.set(n, cap(n));
    else if (under.length) for (const n of under) fixed.set(n, floorOf(n));
    else break;
  }
  const seats = new Map(names.map((n) => [n, fixed.get(n) ?? Math.floor(exact.get(n)!)]));
  const remainder = (n: string) => (fixed.has(n) ? -1 : exact.get(n)! - seats.get(n)!);
  let assigned = [...seats.values()].reduce((a, b) => a + b, 0);
  const order = (dir: 1 | -1) =>
    [...names].sort((a, b) => dir * (remainder(b) - remainder(a)) || byCodePoint(a, b));
  while (assigned < total) {
    const n = order(1).find((x) => seats.get(x)! < cap(x));
    if (!n) break;
    seats.set(n, seats.get(n)! + 1);
    assigned++;
  }
  while (assigned > total) {
    const n = order(-1).find((x) => seats.get(x)! > floorOf(x));
    if (!n) break;
    seats.set(n, seats.get(n)! - 1);
    assigned--;
  }
  return seats;
}

export interface FileDraw {
  streams: StreamRecord[];
  populations: StreamPopulation[];
  /** Drawn file ids in record order: streams by label, picks in order. */
  selected: string[];
  /** The same, with the stream and counter that drew each file. */
  picked: { id: string; stream: string; counter: number }[];
}

/** One stream's population: the files of one case type, department, or both. */
export interface Stratum {
  label: string;
  caseType: string | null;
  departmentName: string | null;
  /** Sorted by key. */
  files: { id: string; key: string }[];
}

/** Groups the population into the plan's strata, each sorted by key, labels in code-point order. */
export function strataOf(population: readonly PopulationFile[], plan: FilePlan): Stratum[] {
  // One stratum per (type, department) pair the plan distinguishes; labels built once per pair.
  const byType = plan.kind === 'type_totals' || (plan.kind === 'department_quota' && plan.byType);
  const byDepartment = plan.kind !== 'type_totals';
  const strata = new Map<string, Map<string, Stratum>>();
  for (const f of population) {
    if (plan.kind === 'type_totals' && !plan.totals[f.caseType]) continue;
    const typeKey = byType ? f.caseType : '';
    const deptKey = byDepartment ? f.departmentName : '';
    let inner = strata.get(typeKey);
    if (!inner) strata.set(typeKey, (inner = new Map()));
    let s = inner.get(deptKey);
    if (!s) {
      const parts = [...(byType ? [f.typeName] : []), ...(byDepartment ? [f.departmentName] : [])];
      s = {
        label: `files/${parts.join('/')}`,
        caseType: byType ? f.caseType : null,
        departmentName: byDepartment ? f.departmentName : null,
        files: [],
      };
      inner.set(deptKey, s);
    }
    s.files.push({ id: f.id, key: f.key });
  }
  const out = [...strata.values()]
    .flatMap((m) => [...m.values()])
    .sort((a, b) => byCodePoint(a.label, b.label));
  for (const s of out) s.files.sort((a, b) => byCodePoint(a.key, b.key));
  return out;
}

/** How many files the plan asks of each stratum. */
export function wantsOf(strata: readonly Stratum[], plan: FilePlan): Map<string, number> {
  if (plan.kind === 'type_totals')
    return new Map(strata.map((s) => [s.label, plan.totals[s.caseType ?? ''] ?? 0]));
  if (plan.kind === 'department_quota') return new Map(strata.map((s) => [s.label, plan.quota]));
  const quotas = proportionalQuotas(
    new Map(strata.map((s) => [s.label, s.files.length])),
    plan.total,
    plan.min,
    plan.max,
  );
  return new Map(strata.map((s) => [s.label, quotas.get(s.label) ?? 0]));
}

/** Runs one stream per stratum. Drawing again with larger wants keeps every earlier pick. */
export function drawStrata(
  seed: string,
  strata: readonly Stratum[],
  wants: ReadonlyMap<string, number>,
): FileDraw {
  const streams: StreamRecord[] = [];
  const populations: StreamPopulation[] = [];
  const selected: string[] = [];
  const picked: FileDraw['picked'] = [];
  for (const s of strata) {
    const keys = s.files.map((f) => f.key);
    const record = runStream(seed, s.label, keys, wants.get(s.label) ?? 0);
    streams.push(record);
    populations.push({
      label: s.label,
      keys,
      ...(s.caseType ? { caseType: s.caseType } : {}),
      ...(s.departmentName ? { departmentName: s.departmentName } : {}),
    });
    for (const p of record.picks) {
      const id = s.files[p.index - 1]!.id;
      selected.push(id);
      picked.push({ id, stream: s.label, counter: p.counter });
    }
  }
  return { streams, populations, selected, picked };
}

/** Draws files by plan. `population` must not contain the must-include files (they are added on top). */
export function drawFiles(
  seed: string,
  population: readonly PopulationFile[],
  plan: FilePlan,
): FileDraw {
  const strata = strataOf(population, plan);
  return drawStrata(seed, strata, wantsOf(strata, plan));
}

export interface PopulationPerson {
  id: string;
  departmentId: string;
}

export const EVALUATOR_STREAM = 'evaluators';

/**
 * Draws evaluators from the pool (already filtered, without the excluded and without the
 * must-include people, who are added on top and count toward the per-department limit).
 */
export function drawEvaluators(
  seed: string,
  pool: readonly PopulationPerson[],
  n: number,
  opts: { maxPerDepartment?: number; mustInclude?: readonly PopulationPerson[] } = {},
): { stream: StreamRecord; population: StreamPopulation; selected: string[] } {
  const people = [...pool].sort((a, b) => byCodePoint(a.id, b.id));
  const keys = people.map((p) => p.id);
  const groups = people.map((p) => p.departmentId);
  const start = new Map<string, number>();
  for (const p of opts.mustInclude ?? [])
    start.set(p.departmentId, (start.get(p.departmentId) ?? 0) + 1);
  const stream = runStream(
    seed,
    EVALUATOR_STREAM,
    keys,
    n,
    opts.maxPerDepartment ? { of: groups, max: opts.maxPerDepartment, start } : undefined,
  );
  return {
    stream,
    population: { label: EVALUATOR_STREAM, keys, ...(opts.maxPerDepartment ? { groups } : {}) },
    selected: stream.picks.map((p) => keys[p.index - 1]!),
  };
}

export interface DrawRecord {
  algorithm: typeof ALGORITHM;
  seed: string;
  seedParts: SeedPart[];
  seedSha256: string;
  streams: StreamRecord[];
}

export type Verification =
  | { ok: true; streams: number; picks: number }
  | {
      ok: false;
      stream: string;
      reason: 'seed' | 'missingPopulation' | 'manifest' | 'pick';
      position?: number;
      expected?: string;
      actual?: string;
    };

/** Recomputes a draw from its record and the published populations; the first difference, if any. */
export function verifyDraw(
  record: DrawRecord,
  populations: readonly StreamPopulation[],
): Verification {
  if (
    seedOf(record.seedParts) !== record.seed ||
    seedCommitment(record.seed) !== record.seedSha256
  ) {
    return { ok: false, stream: '', reason: 'seed' };
  }
  let picks = 0;
  for (const s of record.streams) {
    const pop = populations.find((p) => p.label === s.label);
    if (!pop) return { ok: false, stream: s.label, reason: 'missingPopulation' };
    const m = manifest(pop.keys);
    if (m !== s.manifest)
      return { ok: false, stream: s.label, reason: 'manifest', expected: s.manifest, actual: m };
    const groups =
      s.maxPerGroup && pop.groups
        ? { of: pop.groups, max: s.maxPerGroup, start: new Map(Object.entries(s.groupStart ?? {})) }
        : undefined;
    const again = runStream(record.seed, s.label, pop.keys, s.want, groups);
    for (let i = 0; i < Math.max(again.picks.length, s.picks.length); i++) {
      const want = s.picks[i];
      const got = again.picks[i];
      if (
        !want ||
        !got ||
        want.counter !== got.counter ||
        want.index !== got.index ||
        want.key !== got.key
      ) {
        return {
          ok: false,
          stream: s.label,
          reason: 'pick',
          position: i + 1,
          ...(want ? { expected: `${want.counter}:${want.key}` } : {}),
          ...(got ? { actual: `${got.counter}:${got.key}` } : {}),
        };
      }
    }
    picks += s.picks.length;
  }
  return { ok: true, streams: record.streams.length, picks };
}
