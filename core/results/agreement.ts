// Agreement between evaluators (issue 7 item 2), shown to the coordinator only: how far the blind
// double scoring (domain.md §7.0, mode `independent`) agrees, figure by figure, each with a
// plain-language reading (an i18n key and its params) so nobody has to know what a kappa is.
//
// - ICC(1,1) on the totals of double-scored files (Shrout & Fleiss 1979, case 1: each file is
//   scored by its own randomly drawn evaluators, which is exactly the one-way random-effects
//   design; the two-way forms ICC(2,1)/(3,1) assume the same evaluators score every file).
// - Fleiss' kappa (Fleiss 1971) on grades and on veto decisions over all double-scored files:
//   Fleiss' statistic is built for "different raters for different subjects", our situation.
// - Cohen's kappa (Cohen 1960) for each pair of evaluators on the files they both scored: Cohen's
//   kappa is a statistic of two named raters, so it is given per pair, never over the whole
//   campaign with an arbitrary "first" and "second" evaluator.
// - Percent agreement per item (deducted or not) and per veto item (hit or not).
// - Leniency per evaluator: mean of (own total − mean of the co-evaluators' totals on the file).
//
// Only submitted sheets of kind `evaluator` count: joint sheets are one consensus score, and the
// reconciled and arbiter sheets of 复核 were written knowing the others. Files in 复核 are
// included: they are precisely the disagreements, and leaving them out would flatter the figures.
// Degenerate data (no double-scored file, no variance, a single category) never yields NaN: the
// figure is null with a reason, and the reading says so.
import type { MessageKey } from '../i18n/keys';
import type { TemplateContent } from '../standards/model';
import { score, type ScoreResult } from '../standards/score';
import { compareCode, compareZh, percentHundredths } from './collate';
import type { ResultsInput } from './results';

export interface Reading {
  key: MessageKey;
  params: Record<string, string | number>;
}

export const UNAVAILABLE = [
  'noDoubleScored',
  'tooFewFiles',
  'noVariance',
  'singleCategory',
] as const;
export type Unavailable = (typeof UNAVAILABLE)[number];

/** A figure, or why there is none. */
export type Computed<T> = ({ value: number } & T) | { value: null; reason: Unavailable };

// ---------------------------------------------------------------------------------------------
// The statistics themselves (generic, tested against the textbook examples)

export interface IccDetail {
  /** Targets (files) with at least two ratings. */
  targets: number;
  ratings: number;
  /** Ratings per target; for unequal numbers the k0 of the unbalanced one-way ANOVA. */
  k0: number;
  /** Between-targets and within-target mean squares (BMS and WMS in Shrout & Fleiss). */
  msb: number;
  msw: number;
}

/**
 * ICC(1,1) = (BMS − WMS) / (BMS + (k − 1) WMS) (Shrout & Fleiss 1979, Table 1, case 1, single
 * rater). Each group holds the ratings of one target; groups with fewer than two ratings carry
 * no information on agreement and are left out.
 *
 * Files are not always scored by the same number of evaluators (a third evaluator, a sheet not
 * in yet), so k is generalised to k0 = (N − Σnᵢ²/N) / (n − 1), the usual coefficient of the
 * unbalanced one-way ANOVA (Snedecor & Cochran; Donner 1986); with equal nᵢ = k it is k. Since
 * k0 ≥ min nᵢ ≥ 2 the value lies in [−1/(k0 − 1), 1] ⊆ [−1, 1].
 */
export function icc1(groups: readonly (readonly number[])[]): Computed<IccDetail> {
  const gs = groups.filter((g) => g.length >= 2);
  const n = gs.length;
  if (n === 0) return { value: null, reason: 'noDoubleScored' };
  if (n < 2) return { value: null, reason: 'tooFewFiles' }; // BMS has n − 1 = 0 degrees of freedom
  const N = gs.reduce((a, g) => a + g.length, 0);
  const grand = gs.reduce((a, g) => a + sum(g), 0) / N;
  let ssb = 0;
  let ssw = 0;
  for (const g of gs) {
    const m = sum(g) / g.length;
    ssb += g.length * (m - grand) ** 2;
    for (const x of g) ssw += (x - m) ** 2;
  }
  const first = gs[0]![0]!;
  if (gs.every((g) => g.every((x) => x === first))) return { value: null, reason: 'noVariance' };
  const msb = ssb / (n - 1);
  const msw = ssw / (N - n);
  const k0 = (N - gs.reduce((a, g) => a + g.length ** 2, 0) / N) / (n - 1);
  const value = clamp((msb - msw) / (msb + (k0 - 1) * msw));
  return { value, targets: n, ratings: N, k0, msb, msw };
}

export interface KappaDetail {
  /** Subjects (files) the figure rests on. */
  n: number;
  /** Observed agreement (Pₒ; P̄ in Fleiss) and agreement expected by chance (Pₑ). */
  observed: number;
  expected: number;
}

/**
 * Cohen's kappa for two raters: κ = (Pₒ − Pₑ) / (1 − Pₑ), Pₑ from each rater's own marginal
 * shares (Cohen 1960). Each pair is (rater A's category, rater B's category) for one subject.
 * Null when there is no pair, or when both raters used one and the same category throughout
 * (Pₑ = 1: agreement cannot be told from chance).
 */
export function cohenKappa<T>(pairs: readonly (readonly [T, T])[]): Computed<KappaDetail> {
  const n = pairs.length;
  if (n === 0) return { value: null, reason: 'noDoubleScored' };
  const a = new Map<T, number>();
  const b = new Map<T, number>();
  let same = 0;
  for (const [x, y] of pairs) {
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
    if (x === y) same += 1;
  }
  const categories = new Set([...a.keys(), ...b.keys()]);
  if (categories.size < 2) return { value: null, reason: 'singleCategory' };
  let expected = 0;
  for (const c of categories) expected += ((a.get(c) ?? 0) / n) * ((b.get(c) ?? 0) / n);
  const observed = same / n;
  return { value: clamp((observed - expected) / (1 - expected)), n, observed, expected };
}

export interface FleissDetail extends KappaDetail {
  /** pⱼ: the share of all ratings in each category (columns of the input). */
  shares: number[];
}

/**
 * Fleiss' kappa (Fleiss 1971): rows are subjects, columns categories, cells the number of raters
 * who put the subject in the category. Pᵢ = (Σⱼ nᵢⱼ² − nᵢ) / (nᵢ(nᵢ − 1)), P̄ = mean Pᵢ,
 * pⱼ = Σᵢ nᵢⱼ / Σᵢ nᵢ, Pₑ = Σⱼ pⱼ², κ = (P̄ − Pₑ) / (1 − Pₑ). Fleiss fixes n raters per subject;
 * nᵢ may differ here (the common generalisation, which is Fleiss' formula when they are equal).
 * Rows with fewer than two ratings are left out.
 */
export function fleissKappa(rows: readonly (readonly number[])[]): Computed<FleissDetail> {
  const rs = rows.filter((r) => sum(r) >= 2);
  const n = rs.length;
  if (n === 0) return { value: null, reason: 'noDoubleScored' };
  const width = Math.max(...rs.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, j) => rs.reduce((a, r) => a + (r[j] ?? 0), 0));
  const total = sum(columns);
  if (columns.filter((c) => c > 0).length < 2) return { value: null, reason: 'singleCategory' };
  let pBar = 0;
  for (const r of rs) {
    const ni = sum(r);
    pBar += (r.reduce((a, x) => a + x * x, 0) - ni) / (ni * (ni - 1));
  }
  pBar /= n;
  const shares = columns.map((c) => c / total);
  const expected = shares.reduce((a, p) => a + p * p, 0);
  return {
    value: clamp((pBar - expected) / (1 - expected)),
    n,
    observed: pBar,
    expected,
    shares,
  };
}

/** Fleiss' kappa from the categories each subject received (one array of labels per subject). */
export function fleissKappaOf<T>(subjects: readonly (readonly T[])[]): Computed<FleissDetail> {
  const categories = [...new Set(subjects.flat())];
  const index = new Map(categories.map((c, i) => [c, i]));
  return fleissKappa(
    subjects.map((labels) => {
      const row = new Array<number>(categories.length).fill(0);
      for (const l of labels) row[index.get(l)!]! += 1;
      return row;
    }),
  );
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, x) => a + x, 0);
}

/** Keeps rounding noise from leaving [−1, 1] (both statistics are bounded by 1 in theory). */
function clamp(x: number): number {
  return Math.max(-1, Math.min(1, x));
}

// ---------------------------------------------------------------------------------------------
// Readings

/** Two decimals, as shown; the bands are read on this value, so the reading matches the figure. */
export function round2(x: number): number {
  const r = (Math.sign(x) * Math.round(Math.abs(x) * 100)) / 100;
  return r === 0 ? 0 : r; // never "-0.00"
}

export const KAPPA_BANDS = [
  'poor',
  'slight',
  'fair',
  'moderate',
  'substantial',
  'almostPerfect',
] as const;
export type KappaBand = (typeof KAPPA_BANDS)[number];

/**
 * Landis & Koch (1977), Biometrics 33:159–174, p. 165: < 0 poor, 0–0.20 slight, 0.21–0.40 fair,
 * 0.41–0.60 moderate, 0.61–0.80 substantial, 0.81–1 almost perfect; read on the value rounded
 * to two decimals, so that each printed value falls in exactly one band.
 */
export function kappaBand(value: number): KappaBand {
  const v = round2(value);
  if (v < 0) return 'poor';
  if (v <= 0.2) return 'slight';
  if (v <= 0.4) return 'fair';
  if (v <= 0.6) return 'moderate';
  if (v <= 0.8) return 'substantial';
  return 'almostPerfect';
}

export const ICC_BANDS = ['poor', 'moderate', 'good', 'excellent'] as const;
export type IccBand = (typeof ICC_BANDS)[number];

/**
 * Koo & Li (2016), J Chiropr Med 15:155–163: below 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good,
 * above 0.9 excellent. On the two-decimal value; a boundary value goes to the band it opens
 * (0.50 moderate, 0.75 good), except 0.90, which is "good" since only values "greater than
 * 0.90" are excellent.
 */
export function iccBand(value: number): IccBand {
  const v = round2(value);
  if (v < 0.5) return 'poor';
  if (v < 0.75) return 'moderate';
  if (v <= 0.9) return 'good';
  return 'excellent';
}

export interface Statistic {
  value: number | null;
  /** The value as shown (two decimals). */
  rounded: number | null;
  reason: Unavailable | null;
  /** Files (subjects) the figure rests on. */
  n: number;
  reading: Reading;
  /** Set when n is below `AgreementOptions.minSample`: a figure to read with care. */
  caution: Reading | null;
}

function statistic(
  c: Computed<object>,
  n: number,
  kind: 'kappa' | 'icc',
  minSample: number,
): Statistic {
  if (c.value === null) {
    return {
      value: null,
      rounded: null,
      reason: c.reason,
      n,
      reading: { key: `results.agreement.unavailable.${c.reason}`, params: { n } },
      caution: null,
    };
  }
  const rounded = round2(c.value);
  const params = { value: rounded.toFixed(2), n };
  return {
    value: c.value,
    rounded,
    reason: null,
    n,
    reading:
      kind === 'kappa'
        ? { key: `results.agreement.kappa.${kappaBand(c.value)}`, params }
        : { key: `results.agreement.icc.${iccBand(c.value)}`, params },
    caution: n < minSample ? { key: 'results.agreement.smallSample', params: { n } } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// The campaign's report

export interface Rater {
  personId: string;
  name: string;
}

export interface Rating extends Rater {
  sheetId: string;
  total: number;
  grade: string;
  veto: boolean;
  /** `item:<code>` for each item with a deduction, `veto:<code>` for each veto item hit. */
  deducted: ReadonlySet<string>;
}

export interface RatedFile {
  caseId: string;
  templateKey: string;
  /** Independent ratings, in sheet order (evaluator name, then sheet id). */
  ratings: Rating[];
}

export interface PairAgreement {
  /** The pair, the first by name (zh-CN). */
  a: Rater;
  b: Rater;
  files: number;
  grades: Statistic;
  veto: Statistic;
}

export interface ItemAgreement {
  templateKey: string;
  templateName: string;
  source: 'item' | 'veto';
  code: string;
  text: string;
  /** Double-scored files of the template. */
  files: number;
  /** Files where every evaluator deducted (hit), where none did, and where they split. */
  allDeducted: number;
  noneDeducted: number;
  split: number;
  /** (allDeducted + noneDeducted) / files, and the same in hundredths of a percent. */
  rate: number;
  percentHundredths: number;
  reading: Reading;
}

export type LeniencyReading = 'lenient' | 'strict' | 'inLine' | 'tooFew';

export interface Leniency extends Rater {
  /** Double-scored files of this evaluator. */
  files: number;
  /** Mean of (own total − mean of the co-evaluators' totals), in tenths; positive = lenient. */
  meanDifference: number;
  band: LeniencyReading;
  reading: Reading;
}

export interface AgreementOptions {
  /** Below this many files a figure gets a caution. Default 10. */
  minSample?: number;
  /** |mean difference| above which an evaluator reads as lenient / strict, tenths. Default 20. */
  leniencyMargin?: number;
  /** Fewer double-scored files than this and leniency is not judged. Default 3. */
  leniencyMinFiles?: number;
}

export interface AgreementReport {
  doubleScoredFiles: number;
  ratings: number;
  icc: Statistic;
  /** Fleiss' kappa on the grade names (files under different templates share names). */
  grades: Statistic;
  /** Fleiss' kappa on "a veto item was hit" (yes / no). */
  veto: Statistic;
  /** Cohen's kappa per pair of evaluators who scored at least one file together. */
  pairs: PairAgreement[];
  /** Template by template (name, then key), in the template's order, veto items first. */
  items: ItemAgreement[];
  /** By evaluator name (zh-CN), then id. */
  leniency: Leniency[];
}

/** The independent ratings of every file with at least two of them. */
export function ratedFiles(input: ResultsInput): RatedFile[] {
  const out: RatedFile[] = [];
  for (const f of input.files) {
    const t = input.templates[f.templateKey];
    if (!t) throw new Error(`agreement: template ${f.templateKey} not given`);
    const byPerson = new Map<string, Rating>();
    const sheets = f.sheets
      .filter((s) => s.kind === 'evaluator' && s.status === 'submitted' && s.personId)
      .sort(
        (a, b) =>
          compareZh(a.evaluatorName ?? '', b.evaluatorName ?? '') || compareCode(a.id, b.id),
      );
    for (const s of sheets) {
      // One person, one rating per file (a second sheet of the same person would be agreement
      // with oneself).
      if (byPerson.has(s.personId!)) continue;
      const r: ScoreResult = s.result ?? score(t, s.content.findings);
      const deducted = new Set<string>();
      for (const i of r.items) if (i.deducted > 0) deducted.add(`item:${i.code}`);
      for (const v of r.vetoHits) deducted.add(`veto:${v.code}`);
      byPerson.set(s.personId!, {
        personId: s.personId!,
        name: s.evaluatorName ?? s.personId!,
        sheetId: s.id,
        total: r.total,
        grade: r.grade,
        veto: r.vetoHits.length > 0,
        deducted,
      });
    }
    if (byPerson.size >= 2) {
      out.push({ caseId: f.caseId, templateKey: f.templateKey, ratings: [...byPerson.values()] });
    }
  }
  return out.sort((a, b) => compareCode(a.caseId, b.caseId));
}

const compareRaters = (a: Rater, b: Rater) =>
  compareZh(a.name, b.name) || compareCode(a.personId, b.personId);

export function agreement(input: ResultsInput, options: AgreementOptions = {}): AgreementReport {
  const minSample = options.minSample ?? 10;
  const margin = options.leniencyMargin ?? 20;
  const minFiles = options.leniencyMinFiles ?? 3;
  const files = ratedFiles(input);
  const n = files.length;

  const icc = statistic(icc1(files.map((f) => f.ratings.map((r) => r.total))), n, 'icc', minSample);
  const grades = statistic(
    fleissKappaOf(files.map((f) => f.ratings.map((r) => r.grade))),
    n,
    'kappa',
    minSample,
  );
  const veto = statistic(
    fleissKappaOf(files.map((f) => f.ratings.map((r) => r.veto))),
    n,
    'kappa',
    minSample,
  );

  // Pairs: every two evaluators of a file.
  const pairMap = new Map<
    string,
    { a: Rater; b: Rater; grades: [string, string][]; veto: [boolean, boolean][] }
  >();
  for (const f of files) {
    for (let i = 0; i < f.ratings.length; i++) {
      for (let j = i + 1; j < f.ratings.length; j++) {
        let [x, y] = [f.ratings[i]!, f.ratings[j]!];
        if (compareRaters(x, y) > 0) [x, y] = [y, x];
        const key = `${x.personId}\u0000${y.personId}`;
        let p = pairMap.get(key);
        if (!p) {
          p = {
            a: { personId: x.personId, name: x.name },
            b: { personId: y.personId, name: y.name },
            grades: [],
            veto: [],
          };
          pairMap.set(key, p);
        }
        p.grades.push([x.grade, y.grade]);
        p.veto.push([x.veto, y.veto]);
      }
    }
  }
  const pairs: PairAgreement[] = [...pairMap.values()]
    .sort((p, q) => compareRaters(p.a, q.a) || compareRaters(p.b, q.b))
    .map((p) => ({
      a: p.a,
      b: p.b,
      files: p.grades.length,
      grades: statistic(cohenKappa(p.grades), p.grades.length, 'kappa', minSample),
      veto: statistic(cohenKappa(p.veto), p.veto.length, 'kappa', minSample),
    }));

  return {
    doubleScoredFiles: n,
    ratings: files.reduce((a, f) => a + f.ratings.length, 0),
    icc,
    grades,
    veto,
    pairs,
    items: itemAgreement(files, input.templates),
    leniency: leniency(files, margin, minFiles),
  };
}

/**
 * Per item: a file agrees when all its evaluators did the same (all deducted or none; for k > 2
 * unanimity, the strict reading). An item marked not applicable counts as not deducted, as it
 * scores full marks.
 */
function itemAgreement(
  files: readonly RatedFile[],
  templates: Readonly<Record<string, TemplateContent>>,
): ItemAgreement[] {
  const byTemplate = new Map<string, RatedFile[]>();
  for (const f of files) {
    const list = byTemplate.get(f.templateKey);
    if (list) list.push(f);
    else byTemplate.set(f.templateKey, [f]);
  }
  const keys = [...byTemplate.keys()].sort(
    (a, b) => compareZh(templates[a]!.name, templates[b]!.name) || compareCode(a, b),
  );
  const out: ItemAgreement[] = [];
  for (const key of keys) {
    const t = templates[key]!;
    const list = byTemplate.get(key)!;
    const entries: { source: 'item' | 'veto'; code: string; text: string }[] = [
      ...t.vetoItems.map((v) => ({ source: 'veto' as const, code: v.code, text: v.text })),
      ...t.categories.flatMap((c) =>
        c.items.map((i) => ({ source: 'item' as const, code: i.code, text: i.text })),
      ),
    ];
    for (const e of entries) {
      const mark = `${e.source}:${e.code}`;
      let all = 0;
      let none = 0;
      for (const f of list) {
        const hits = f.ratings.filter((r) => r.deducted.has(mark)).length;
        if (hits === f.ratings.length) all += 1;
        else if (hits === 0) none += 1;
      }
      const agree = all + none;
      const percent = percentHundredths(agree, list.length)!;
      out.push({
        templateKey: key,
        templateName: t.name,
        ...e,
        files: list.length,
        allDeducted: all,
        noneDeducted: none,
        split: list.length - agree,
        rate: agree / list.length,
        percentHundredths: percent,
        reading: {
          key: 'results.agreement.item',
          params: { agree, files: list.length, percent: (percent / 100).toFixed(2) },
        },
      });
    }
  }
  return out;
}

/**
 * Leniency: for each double-scored file, the evaluator's total minus the mean of the other
 * evaluators' totals on it; the evaluator's figure is the mean over their files. A positive
 * figure means higher scores than the colleagues (more lenient, 宽松), a negative one lower
 * (stricter, 严格). The reading is descriptive, not a test: beyond ± `margin` tenths on at least
 * `minFiles` files.
 */
function leniency(files: readonly RatedFile[], margin: number, minFiles: number): Leniency[] {
  const acc = new Map<string, { rater: Rater; sum: number; files: number }>();
  for (const f of files) {
    const total = f.ratings.reduce((a, r) => a + r.total, 0);
    const k = f.ratings.length;
    for (const r of f.ratings) {
      const others = (total - r.total) / (k - 1);
      const e = acc.get(r.personId) ?? {
        rater: { personId: r.personId, name: r.name },
        sum: 0,
        files: 0,
      };
      e.sum += r.total - others;
      e.files += 1;
      acc.set(r.personId, e);
    }
  }
  return [...acc.values()]
    .sort((a, b) => compareRaters(a.rater, b.rater))
    .map((e) => {
      const meanDifference = e.sum / e.files;
      const band: LeniencyReading =
        e.files < minFiles
          ? 'tooFew'
          : meanDifference > margin
            ? 'lenient'
            : meanDifference < -margin
              ? 'strict'
              : 'inLine';
      return {
        ...e.rater,
        files: e.files,
        meanDifference,
        band,
        reading: {
          key: `results.agreement.leniency.${band}`,
          params: {
            difference: signedPoints(meanDifference),
            files: e.files,
            margin: (margin / 10).toFixed(1),
            min: minFiles,
          },
        },
      };
    });
}

/** Tenths → signed points with two decimals: 12.5 → "+1.25", -5 → "-0.50", 0 → "0.00". */
export function signedPoints(tenths: number): string {
  const r = round2(tenths / 10);
  return r > 0 ? `+${r.toFixed(2)}` : r.toFixed(2);
}
