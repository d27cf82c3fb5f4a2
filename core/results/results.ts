// The results of a campaign (issue 7 item 1; domain.md §6 "评查结果" and "存在的主要问题", §7.0):
// ONE content model from which the statistics screen, the notice (DOCX and PDF) and the score
// workbook (XLSX) all take their numbers, so that every number in the notice matches the screen.
// Pure: the campaign's files, their final results and sheets, the templates and the tag
// vocabulary in; files, departments, case types, totals, the 优秀 and 不合格 lists, problem
// frequencies and commendable practices out. Every list has a total, documented order.
//
// Points are integer tenths (design §4). Means are integer hundredths of a point and percentages
// integer hundredths of a percent, both rounded halves up in integer arithmetic (see collate.ts).
import type { Decision, SheetContent, SheetKind, SheetStatus } from '../scoring/schemas';
import type { Band, TemplateContent } from '../standards/model';
import { score, type ScoreResult } from '../standards/score';
import type { ProblemTag, TagGroup } from '../standards/tags';
import { compareCode, compareZh, meanHundredths, percentHundredths } from './collate';

// ---------------------------------------------------------------------------------------------
// Input

/**
 * One sheet of a file, as `sheets.ofFile` / `review.file` return it (core/api/methods/scoring.ts
 * `Sheet` fits). `result` may be given when the caller has already scored the sheet; otherwise it
 * is computed here with core `score()`, the same function the services use.
 */
export interface ResultsSheet {
  id: string;
  kind: SheetKind;
  personId: string | null;
  evaluatorName: string | null;
  status: SheetStatus;
  content: SheetContent;
  result?: ScoreResult;
  /** Joint sheets: who signed (their names stand in for the evaluator's name). */
  signatures?: readonly { personId: string; name: string }[];
}

/** A file's result as the services keep it (core/api/methods/scoring.ts `FileResult` fits). */
export interface ResultsFinal {
  state: 'waiting' | 'review' | 'final';
  total: number | null;
  bandIndex: number | null;
  grade: string | null;
  decision: Decision | null;
  /** keep / reconciled / arbiter: the sheet whose score is final; joint: the joint sheet. */
  keptSheetId: string | null;
}

export interface ResultsFile {
  caseId: string;
  caseNo: string;
  /** Case-type code (e.g. penalty) and its display name (行政处罚). */
  caseType: string;
  caseTypeName: string;
  departmentName: string;
  title: string;
  /** Key into `ResultsInput.templates`: the template version the file was scored against. */
  templateKey: string;
  result: ResultsFinal;
  sheets: readonly ResultsSheet[];
}

export interface TagVocabulary {
  /** In display order (the `sort` column of problem_tag_groups). */
  groups: readonly TagGroup[];
  /** In display order; inactive tags too, so that old findings still get their names. */
  tags: readonly ProblemTag[];
}

/**
 * The three-way split of the notice's "存在的主要问题" (立卷 / 实体 / 程序, domain.md §3 and §6).
 * `other` holds tags of groups the mapping does not name (a group the office added).
 */
export const SECTIONS = ['filing', 'substance', 'procedure', 'other'] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * Default mapping of the A–H tag groups onto 立卷 / 实体 / 程序 (this app's reading of domain.md
 * §3; offices may pass their own): 主体, 事实与证据 and 法律适用与裁量 are the substance of the
 * decision (实体); 程序 and the procedure-specific groups 许可专用 and 强制专用 are procedure (most of
 * their tags are steps of the procedure: 补正告知, 催告, 听取陈述申辩…); 文书 and 立卷归档 are how
 * the file was made and kept (立卷), as in the templates' own 立卷 category (文书格式, 卷皮, 目录…).
 */
export const DEFAULT_SECTIONS: Readonly<Record<string, Section>> = {
  A: 'substance',
  B: 'substance',
  C: 'substance',
  D: 'procedure',
  E: 'filing',
  F: 'filing',
  G: 'procedure',
  H: 'procedure',
};

export interface ResultsOptions {
  /**
   * Bands for a department's (and a case type's, and the campaign's) mean. Default: the bands of
   * the templates the files use when they are all the same; when they differ and none are given
   * here, means get no grade (`grade: null`), since no single rule would be right.
   */
  meanBands?: readonly Band[];
  /** Tag group → section; default DEFAULT_SECTIONS. */
  sections?: Readonly<Record<string, Section>>;
}

export interface ResultsInput {
  files: readonly ResultsFile[];
  templates: Readonly<Record<string, TemplateContent>>;
  vocabulary: TagVocabulary;
  options?: ResultsOptions;
}

// ---------------------------------------------------------------------------------------------
// Output

/** One grade name of the campaign, in the order tables and charts show them (best first). */
export interface GradeName {
  name: string;
  /** The highest lower bound (tenths) any template gives this name; only used to order. */
  min: number;
}

export interface GradeCount {
  grade: string;
  count: number;
  /** count / final files, in hundredths of a percent; null when there is no final file. */
  percentHundredths: number | null;
}

export interface FinalScore {
  /** Tenths of a point. */
  total: number;
  /** Index into the file's own template bands (0 = best). */
  bandIndex: number;
  grade: string;
  /** A veto item was hit on the sheet(s) the final score rests on. */
  veto: boolean;
  /** The best band of the file's template (优秀). */
  excellent: boolean;
  /** The worst band of the file's template (不合格). */
  failed: boolean;
}

/** What one sheet recorded against a problem. */
export interface ProblemNote {
  sheetId: string;
  kind: SheetKind;
  evaluatorName: string | null;
  /** Tenths deducted on this sheet (0 for a veto item). */
  deducted: number;
  reason: string;
  pages: string;
}

export interface FileProblem {
  source: 'item' | 'veto';
  code: string;
  text: string;
  /** The template category of the item; null for a veto item. */
  categoryName: string | null;
  /** Union of the tags of every note, in vocabulary order (unknown tags last, by code). */
  tags: string[];
  /** Reason and pages of the first note with a reason (notes in sheet order), else the first note. */
  reason: string;
  pages: string;
  /** How many of the file's counting sheets (evaluator or joint) recorded the problem… */
  foundBy: number;
  /** …out of how many counting sheets. */
  raters: number;
  notes: ProblemNote[];
}

export interface FileHighlight {
  /** highlight: the sheet's 亮点 text; bonus: a bonus item (加分项) awarded. */
  source: 'highlight' | 'bonus';
  code: string | null;
  text: string;
  reason: string;
  sheetId: string;
  evaluatorName: string | null;
}

export interface SheetSummary {
  sheetId: string;
  kind: SheetKind;
  evaluatorName: string | null;
  total: number;
  bandIndex: number;
  grade: string;
  veto: boolean;
}

export interface FileOutcome {
  caseId: string;
  caseNo: string;
  caseType: string;
  caseTypeName: string;
  departmentName: string;
  title: string;
  templateKey: string;
  templateName: string;
  state: ResultsFinal['state'];
  decision: Decision | null;
  /** Null until the file's score is final. */
  final: FinalScore | null;
  /** Submitted counting sheets, then the decisive 复核 sheet if any (sheet order, see below). */
  sheets: SheetSummary[];
  problems: FileProblem[];
  highlights: FileHighlight[];
}

export interface FileRef {
  caseId: string;
  caseNo: string;
  title: string;
  departmentName: string;
  caseType: string;
  caseTypeName: string;
  total: number;
  grade: string;
  veto: boolean;
}

export interface Count {
  /** Problem occurrences (one per file and item / veto item). */
  occurrences: number;
  /** Distinct files. */
  files: number;
  /** Those files, in file order. */
  caseIds: string[];
}

export interface ParetoEntry extends Count {
  /** occurrences / the sum of occurrences of the list (a Pareto chart's bar as a fraction). */
  share: number;
  /** Running sum of `share` down the list (the Pareto line). */
  cumulativeShare: number;
}

export interface TagCount extends ParetoEntry {
  code: string;
  /** The vocabulary's name; the code itself for a tag not in the vocabulary. */
  name: string;
  groupCode: string | null;
  groupName: string | null;
  known: boolean;
}

export interface GroupCount extends ParetoEntry {
  /** Null: tags that are not in the vocabulary. */
  code: string | null;
  name: string | null;
  section: Section;
}

export interface SectionCount extends ParetoEntry {
  section: Section;
}

export interface CategoryCount extends ParetoEntry {
  /** The template category's name (templates sharing a name share the row); null: veto items. */
  name: string | null;
}

export interface ProblemFrequency {
  /** Final files considered. */
  files: number;
  /** Problem occurrences in them, and files with at least one. */
  problems: number;
  filesWithProblems: number;
  byTag: TagCount[];
  byGroup: GroupCount[];
  bySection: SectionCount[];
  byCategory: CategoryCount[];
  /** Problems that carry no tag at all (they appear in byCategory only). */
  untagged: Count;
}

interface Aggregate {
  files: number;
  finalFiles: number;
  /** Files whose score is not final yet (waiting for sheets or for 复核). */
  pendingFiles: number;
  /** Sum of the final totals (tenths). */
  totalTenths: number;
  /** Mean of the final totals, hundredths of a point; null without a final file. */
  meanHundredths: number | null;
  /** The mean banded with the mean bands (null without a final file or without mean bands). */
  grade: { bandIndex: number; name: string } | null;
  /** Final files per grade, in the campaign's grade order (zeros included). */
  grades: GradeCount[];
  vetoFiles: number;
}

export interface DepartmentRow extends Aggregate {
  departmentName: string;
  /** Competition rank by mean, ties broken by total (1, 2, 2, 4); null without a final file. */
  rank: number | null;
  /** Another department has the same rank (并列). */
  tied: boolean;
  problems: ProblemFrequency;
}

export interface CaseTypeRow extends Aggregate {
  caseType: string;
  caseTypeName: string;
}

export interface Totals extends Aggregate {
  waitingFiles: number;
  reviewFiles: number;
  departments: number;
  caseTypes: number;
  /** Distinct evaluators with a submitted sheet (evaluator sheets, and joint sheets' signers). */
  evaluators: number;
}

export interface HighlightEntry extends FileHighlight {
  caseId: string;
  caseNo: string;
  title: string;
  departmentName: string;
}

/**
 * Scores, grades, problem counts and commendable practices in the aggregates count final files
 * only (a file waiting for sheets or for 复核 has no settled score or problem list); `files`
 * lists every file, with `final: null` and its submitted sheets' problems until it is final.
 */
export interface ResultsModel {
  grades: GradeName[];
  /** The bands means were graded with, or null (see ResultsOptions.meanBands). */
  meanBands: Band[] | null;
  files: FileOutcome[];
  departments: DepartmentRow[];
  caseTypes: CaseTypeRow[];
  totals: Totals;
  excellent: FileRef[];
  failed: FileRef[];
  problems: ProblemFrequency;
  highlights: HighlightEntry[];
}

// ---------------------------------------------------------------------------------------------
// Orders
//
// Files: department (zh-CN), then case number (zh-CN, which orders the digits of "〔2024〕12号"
// numerically only where they have the same length, as every collation does), then case id.
// Departments: rank, then name; departments without a final score last, by name.
// Case types: name, then code. Sheets within a file: evaluator and joint sheets before the
// 复核 sheets, then evaluator name (zh-CN), then sheet id. Problems within a file: the
// template's order (veto items first, as 基本标准 come first on the sheet, then the items).
// Pareto lists: occurrences, then files (both descending), then the vocabulary's order.

const compareFiles = (a: ResultsFile, b: ResultsFile) =>
  compareZh(a.departmentName, b.departmentName) ||
  compareZh(a.caseNo, b.caseNo) ||
  compareCode(a.caseId, b.caseId);

const KIND_ORDER: Record<SheetKind, number> = { evaluator: 0, joint: 0, reconciled: 1, arbiter: 1 };

const compareSheets = (a: ResultsSheet, b: ResultsSheet) =>
  KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
  compareZh(sheetName(a) ?? '', sheetName(b) ?? '') ||
  compareCode(a.id, b.id);

/** A joint sheet is signed by every evaluator of the file; their names stand for it. */
function sheetName(s: ResultsSheet): string | null {
  if (s.evaluatorName) return s.evaluatorName;
  if (s.kind === 'joint' && s.signatures?.length) {
    return s.signatures
      .map((g) => g.name)
      .sort(compareZh)
      .join('、');
  }
  return null;
}

const isCounting = (s: ResultsSheet) => s.kind === 'evaluator' || s.kind === 'joint';

// ---------------------------------------------------------------------------------------------
// Template and vocabulary look-ups

interface TemplateIndex {
  t: TemplateContent;
  /** `${source}:${code}` → position on the sheet. */
  order: Map<string, number>;
  category: Map<string, string>;
  bonus: Map<string, string>;
}

function indexTemplate(t: TemplateContent): TemplateIndex {
  const order = new Map<string, number>();
  const category = new Map<string, string>();
  for (const v of t.vetoItems) order.set(`veto:${v.code}`, order.size);
  for (const c of t.categories) {
    for (const i of c.items) {
      order.set(`item:${i.code}`, order.size);
      category.set(i.code, c.name);
    }
  }
  return { t, order, category, bonus: new Map(t.bonus.items.map((b) => [b.code, b.text])) };
}

interface Vocabulary {
  tag: Map<string, { index: number; tag: ProblemTag }>;
  group: Map<string, { index: number; group: TagGroup }>;
  sections: Readonly<Record<string, Section>>;
}

function indexVocabulary(v: TagVocabulary, sections: Readonly<Record<string, Section>>) {
  return {
    tag: new Map(v.tags.map((tag, index) => [tag.code, { index, tag }])),
    group: new Map(v.groups.map((group, index) => [group.code, { index, group }])),
    sections,
  } satisfies Vocabulary;
}

/** Tags in vocabulary order; tags the vocabulary does not know after them, by code. */
function sortTags(vocab: Vocabulary, tags: Iterable<string>): string[] {
  const idx = (c: string) => vocab.tag.get(c)?.index ?? Number.MAX_SAFE_INTEGER;
  return [...new Set(tags)].sort((a, b) => idx(a) - idx(b) || compareCode(a, b));
}

// ---------------------------------------------------------------------------------------------
// Per file

function fileOutcome(f: ResultsFile, ti: TemplateIndex, vocab: Vocabulary): FileOutcome {
  const t = ti.t;
  // Only submitted sheets say anything: an open sheet is a draft the evaluator may still change.
  const submitted = f.sheets.filter((s) => s.status === 'submitted').sort(compareSheets);
  const scored = new Map<string, ScoreResult>(
    submitted.map((s) => [s.id, s.result ?? score(t, s.content.findings)]),
  );
  const resultOf = (s: ResultsSheet) => scored.get(s.id)!;
  const counting = submitted.filter(isCounting);

  const r = f.result;
  const isFinal = r.state === 'final';
  if (isFinal && (r.total === null || r.bandIndex === null)) {
    throw new Error(`results: file ${f.caseId} is final without a total and a band`);
  }
  // The sheet the final score rests on: the kept, reconciled or arbiter sheet after 复核, or the
  // joint sheet (services: keptSheetId). With the mean of independent sheets there is none and
  // every counting sheet speaks (they agreed within the threshold and on the veto status).
  let decisive: ResultsSheet | null = null;
  if (isFinal && r.keptSheetId !== null) {
    decisive = submitted.find((s) => s.id === r.keptSheetId) ?? null;
    if (!decisive) {
      throw new Error(`results: file ${f.caseId} rests on sheet ${r.keptSheetId}, not given`);
    }
  }
  const speaking = decisive ? [decisive] : counting;

  let final: FinalScore | null = null;
  if (isFinal) {
    const bandIndex = r.bandIndex!;
    final = {
      total: r.total!,
      bandIndex,
      grade: r.grade ?? t.bands[bandIndex]?.name ?? '',
      veto: speaking.some((s) => resultOf(s).vetoHits.length > 0),
      excellent: bandIndex === 0,
      failed: bandIndex === t.bands.length - 1,
    };
  }

  // Problems: the union over the speaking sheets. With the mean, an item one evaluator deducted
  // and the other did not still lowered the final score, so the file has the problem; `foundBy`
  // says how many counting sheets saw it, for a reader who wants only agreed problems.
  const byKey = new Map<string, FileProblem>();
  for (const s of speaking) {
    for (const p of resultOf(s).problems) {
      const key = `${p.source}:${p.code}`;
      let fp = byKey.get(key);
      if (!fp) {
        fp = {
          source: p.source,
          code: p.code,
          text: p.text,
          categoryName: p.source === 'item' ? (ti.category.get(p.code) ?? null) : null,
          tags: [],
          reason: '',
          pages: '',
          foundBy: 0,
          raters: counting.length,
          notes: [],
        };
        byKey.set(key, fp);
      }
      fp.tags.push(...p.tags);
      fp.notes.push({
        sheetId: s.id,
        kind: s.kind,
        evaluatorName: sheetName(s),
        deducted: p.deducted,
        reason: p.reason,
        pages: p.pages,
      });
    }
  }
  for (const s of counting) {
    for (const p of resultOf(s).problems) {
      const fp = byKey.get(`${p.source}:${p.code}`);
      if (fp) fp.foundBy += 1;
    }
  }
  const problems = [...byKey.entries()]
    .sort(
      ([a], [b]) =>
        (ti.order.get(a) ?? Number.MAX_SAFE_INTEGER) -
          (ti.order.get(b) ?? Number.MAX_SAFE_INTEGER) || compareCode(a, b),
    )
    .map(([, fp]) => {
      fp.tags = sortTags(vocab, fp.tags);
      // Reason and pages from one and the same note, so that they always belong together.
      const first = fp.notes.find((n) => n.reason.trim() !== '') ?? fp.notes[0];
      fp.reason = first?.reason ?? '';
      fp.pages = first?.pages ?? '';
      return fp;
    });

  // Commendable practices. 亮点 text does not move the score, so every submitted sheet's counts
  // (a reconciled sheet copies its base's text: identical texts are listed once). Bonus items do
  // move the score, so, like problems, they come from the sheets the final score rests on.
  const highlights: FileHighlight[] = [];
  const seenText = new Set<string>();
  for (const s of submitted) {
    const text = s.content.highlights.trim();
    if (text && !seenText.has(text)) {
      seenText.add(text);
      highlights.push({
        source: 'highlight',
        code: null,
        text,
        reason: '',
        sheetId: s.id,
        evaluatorName: sheetName(s),
      });
    }
  }
  if (t.bonus.enabled) {
    const seenBonus = new Set<string>();
    for (const s of speaking) {
      for (const fd of s.content.findings) {
        if (fd.kind !== 'bonus' || seenBonus.has(fd.code)) continue;
        seenBonus.add(fd.code);
        highlights.push({
          source: 'bonus',
          code: fd.code,
          text: ti.bonus.get(fd.code) ?? fd.code,
          reason: fd.reason,
          sheetId: s.id,
          evaluatorName: sheetName(s),
        });
      }
    }
  }

  const sheets: SheetSummary[] = [
    ...counting,
    ...(decisive && !isCounting(decisive) ? [decisive] : []),
  ].map((s) => {
    const res = resultOf(s);
    return {
      sheetId: s.id,
      kind: s.kind,
      evaluatorName: sheetName(s),
      total: res.total,
      bandIndex: res.bandIndex,
      grade: res.grade,
      veto: res.vetoHits.length > 0,
    };
  });

  return {
    caseId: f.caseId,
    caseNo: f.caseNo,
    caseType: f.caseType,
    caseTypeName: f.caseTypeName,
    departmentName: f.departmentName,
    title: f.title,
    templateKey: f.templateKey,
    templateName: t.name,
    state: r.state,
    decision: isFinal ? r.decision : null,
    final,
    sheets,
    problems,
    highlights,
  };
}

// ---------------------------------------------------------------------------------------------
// Grades and means

/**
 * The campaign's grade names, best first. Templates may use different presets (four bands with
 * 良好, three without); a name is placed by the highest lower bound any template gives it, so
 * 优秀 (90) · 良好 (80) · 合格 (60) · 不合格 (0) come out in that order for any mix. Names that a
 * final result carries but no template has (not expected) go last, by name.
 */
function gradeNames(templates: readonly TemplateContent[], outcomes: FileOutcome[]): GradeName[] {
  const min = new Map<string, { min: number; first: number }>();
  for (const t of templates) {
    for (const b of t.bands) {
      const m = min.get(b.name);
      if (!m) min.set(b.name, { min: b.min, first: min.size });
      else m.min = Math.max(m.min, b.min);
    }
  }
  const extra = new Set<string>();
  for (const o of outcomes) if (o.final && !min.has(o.final.grade)) extra.add(o.final.grade);
  return [
    ...[...min.entries()]
      .sort(([, a], [, b]) => b.min - a.min || a.first - b.first)
      .map(([name, m]) => ({ name, min: m.min })),
    ...[...extra].sort(compareZh).map((name) => ({ name, min: -1 })),
  ];
}

const sameBands = (a: readonly Band[], b: readonly Band[]) =>
  a.length === b.length && a.every((x, i) => x.name === b[i]!.name && x.min === b[i]!.min);

/**
 * Grade of a mean given in hundredths: the first band (best first) whose lower bound (tenths) the
 * mean reaches. 89.99 is not 90: the comparison is exact (hundredths ≥ tenths × 10).
 */
function bandOfMean(bands: readonly Band[], hundredths: number) {
  const i = bands.findIndex((b) => hundredths >= b.min * 10);
  const bandIndex = i < 0 ? bands.length - 1 : i;
  return { bandIndex, name: bands[bandIndex]!.name };
}

function aggregate(
  outcomes: readonly FileOutcome[],
  grades: readonly GradeName[],
  bands: readonly Band[] | null,
): Aggregate {
  const finals = outcomes.filter((o) => o.final);
  const totalTenths = finals.reduce((a, o) => a + o.final!.total, 0);
  const mean = meanHundredths(totalTenths, finals.length);
  const counts = new Map(grades.map((g) => [g.name, 0]));
  for (const o of finals) counts.set(o.final!.grade, (counts.get(o.final!.grade) ?? 0) + 1);
  return {
    files: outcomes.length,
    finalFiles: finals.length,
    pendingFiles: outcomes.length - finals.length,
    totalTenths,
    meanHundredths: mean,
    grade: mean !== null && bands ? bandOfMean(bands, mean) : null,
    grades: grades.map((g) => ({
      grade: g.name,
      count: counts.get(g.name) ?? 0,
      percentHundredths: percentHundredths(counts.get(g.name) ?? 0, finals.length),
    })),
    vetoFiles: finals.filter((o) => o.final!.veto).length,
  };
}

/**
 * Department ranking (domain.md §7.0: rank by mean; break ties by total [V S7]).
 *
 * The mean that ranks is the mean as printed, in hundredths of a point: a reader of the notice
 * can check every rank from the table, and two departments printed with the same mean are tied
 * on the mean and ordered by their totals, as the rule says. (Rounding to 0.5 point, like a
 * file's final score, would throw away most of the information in a mean of several files and
 * leave the ranking to the tie-break; two decimals is how 通报 tables print averages.)
 * "Total" is the sum of the department's final scores. Departments equal on both are tied
 * (并列) and share the rank; the next rank skips (1, 2, 2, 4: standard competition ranking, as
 * Chinese rankings count "并列第二名" then "第四名").
 */
function rankRows(rows: DepartmentRow[]): void {
  const ranked = rows.filter((r) => r.meanHundredths !== null);
  const better = (a: DepartmentRow, b: DepartmentRow) =>
    b.meanHundredths! - a.meanHundredths! || b.totalTenths - a.totalTenths;
  ranked.sort(better);
  for (let i = 0; i < ranked.length; i++) {
    const r = ranked[i]!;
    const prev = ranked[i - 1];
    r.rank = prev && better(prev, r) === 0 ? prev.rank : i + 1;
  }
  for (let i = 0; i < ranked.length; i++) {
    const r = ranked[i]!;
    r.tied = ranked[i - 1]?.rank === r.rank || ranked[i + 1]?.rank === r.rank;
  }
}

// ---------------------------------------------------------------------------------------------
// Problem frequencies

interface Tally {
  occurrences: number;
  caseIds: string[];
}

function tally(map: Map<string, Tally>, key: string, caseId: string) {
  let t = map.get(key);
  if (!t) map.set(key, (t = { occurrences: 0, caseIds: [] }));
  t.occurrences += 1;
  if (t.caseIds[t.caseIds.length - 1] !== caseId) t.caseIds.push(caseId); // files come in order
}

const countOf = (t: Tally | undefined): Count => ({
  occurrences: t?.occurrences ?? 0,
  files: t?.caseIds.length ?? 0,
  caseIds: t ? [...t.caseIds] : [],
});

/** Sorts a list for a Pareto chart and adds the shares (of the list's own sum of occurrences). */
function pareto<T extends Count>(
  rows: T[],
  natural: (a: T, b: T) => number,
): (T & { share: number; cumulativeShare: number })[] {
  rows.sort((a, b) => b.occurrences - a.occurrences || b.files - a.files || natural(a, b));
  const sum = rows.reduce((a, r) => a + r.occurrences, 0);
  let running = 0;
  return rows.map((r) => {
    running += r.occurrences;
    // Cumulative share from the running integer sum, so the last row is exactly 1.
    return { ...r, share: r.occurrences / sum, cumulativeShare: running / sum };
  });
}

/**
 * Problem frequency over final files only: the notice reports the campaign's results, and a file
 * still waiting for sheets or for 复核 has no settled list of problems yet. One occurrence is one
 * problem (item or veto item) in one file, whatever the number of evaluators who recorded it.
 * A problem with several tags counts once under each of its tags, and once under each group
 * (section) its tags fall in, so tag and group counts may add up to more than `problems`.
 */
function frequency(outcomes: readonly FileOutcome[], vocab: Vocabulary): ProblemFrequency {
  const finals = outcomes.filter((o) => o.final);
  const tags = new Map<string, Tally>();
  const groups = new Map<string, Tally>();
  const sections = new Map<string, Tally>();
  const categories = new Map<string, Tally>();
  const untagged = new Map<string, Tally>();
  let problems = 0;
  let filesWithProblems = 0;
  const UNKNOWN = '\u0000unknown';
  const VETO = '\u0000veto';
  for (const o of finals) {
    if (o.problems.length) filesWithProblems += 1;
    for (const p of o.problems) {
      problems += 1;
      tally(categories, p.categoryName ?? VETO, o.caseId);
      if (!p.tags.length) tally(untagged, '', o.caseId);
      const gs = new Set<string>();
      for (const code of p.tags) {
        tally(tags, code, o.caseId);
        gs.add(vocab.tag.get(code)?.tag.group ?? UNKNOWN);
      }
      const ss = new Set<string>();
      for (const g of gs) {
        tally(groups, g, o.caseId);
        ss.add(sectionOf(vocab, g === UNKNOWN ? null : g));
      }
      for (const s of ss) tally(sections, s, o.caseId);
    }
  }

  const tagIdx = (c: string) => vocab.tag.get(c)?.index ?? Number.MAX_SAFE_INTEGER;
  const groupIdx = (c: string | null) =>
    c === null ? Number.MAX_SAFE_INTEGER : (vocab.group.get(c)?.index ?? Number.MAX_SAFE_INTEGER);
  return {
    files: finals.length,
    problems,
    filesWithProblems,
    byTag: pareto(
      [...tags.entries()].map(([code, t]) => {
        const known = vocab.tag.get(code)?.tag;
        const group = known ? vocab.group.get(known.group)?.group : undefined;
        return {
          ...countOf(t),
          code,
          name: known?.name ?? code,
          groupCode: known?.group ?? null,
          groupName: group?.name ?? null,
          known: !!known,
        };
      }),
      (a, b) => tagIdx(a.code) - tagIdx(b.code) || compareCode(a.code, b.code),
    ),
    byGroup: pareto(
      [...groups.entries()].map(([key, t]) => {
        const code = key === UNKNOWN ? null : key;
        return {
          ...countOf(t),
          code,
          name: code === null ? null : (vocab.group.get(code)?.group.name ?? code),
          section: sectionOf(vocab, code),
        };
      }),
      (a, b) => groupIdx(a.code) - groupIdx(b.code) || compareCode(a.code ?? '', b.code ?? ''),
    ),
    bySection: pareto(
      [...sections.entries()].map(([section, t]) => ({
        ...countOf(t),
        section: section as Section,
      })),
      (a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section),
    ),
    byCategory: pareto(
      [...categories.entries()].map(([key, t]) => ({
        ...countOf(t),
        name: key === VETO ? null : key,
      })),
      // Veto items first among equals (they are listed first on the sheet), then by name.
      (a, b) =>
        (a.name === null ? 0 : 1) - (b.name === null ? 0 : 1) ||
        compareZh(a.name ?? '', b.name ?? ''),
    ),
    untagged: countOf(untagged.get('')),
  };
}

function sectionOf(vocab: Vocabulary, group: string | null): Section {
  return group === null ? 'other' : (vocab.sections[group] ?? 'other');
}

// ---------------------------------------------------------------------------------------------
// The model

const fileRef = (o: FileOutcome): FileRef => ({
  caseId: o.caseId,
  caseNo: o.caseNo,
  title: o.title,
  departmentName: o.departmentName,
  caseType: o.caseType,
  caseTypeName: o.caseTypeName,
  total: o.final!.total,
  grade: o.final!.grade,
  veto: o.final!.veto,
});

/** Groups items by a key, keeping the order in which the keys first appear. */
function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

export function buildResults(input: ResultsInput): ResultsModel {
  const vocab = indexVocabulary(input.vocabulary, input.options?.sections ?? DEFAULT_SECTIONS);
  const seen = new Set<string>();
  for (const f of input.files) {
    if (seen.has(f.caseId)) throw new Error(`results: file ${f.caseId} given twice`);
    seen.add(f.caseId);
  }

  const indexes = new Map<string, TemplateIndex>();
  const indexOf = (key: string) => {
    let ti = indexes.get(key);
    if (!ti) {
      const t = input.templates[key];
      if (!t) throw new Error(`results: template ${key} not given`);
      indexes.set(key, (ti = indexTemplate(t)));
    }
    return ti;
  };
  const files = [...input.files].sort(compareFiles);
  const outcomes = files.map((f) => fileOutcome(f, indexOf(f.templateKey), vocab));

  // Templates in order of first use (files are in their fixed order), so the model never
  // depends on the order of keys in `templates`.
  const used = [...indexes.values()].map((ti) => ti.t);
  const grades = gradeNames(used, outcomes);
  const meanBands: Band[] | null = input.options?.meanBands
    ? input.options.meanBands.map((b) => ({ ...b }))
    : used.length && used.every((t) => sameBands(t.bands, used[0]!.bands))
      ? used[0]!.bands.map((b) => ({ ...b }))
      : null;

  const departments: DepartmentRow[] = [...groupBy(outcomes, (o) => o.departmentName)].map(
    ([departmentName, list]) => ({
      departmentName,
      ...aggregate(list, grades, meanBands),
      rank: null,
      tied: false,
      problems: frequency(list, vocab),
    }),
  );
  rankRows(departments);
  departments.sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      compareZh(a.departmentName, b.departmentName),
  );

  const caseTypes: CaseTypeRow[] = [...groupBy(outcomes, (o) => o.caseType)]
    .map(([caseType, list]) => ({
      caseType,
      caseTypeName: list[0]!.caseTypeName,
      ...aggregate(list, grades, meanBands),
    }))
    .sort(
      (a, b) => compareZh(a.caseTypeName, b.caseTypeName) || compareCode(a.caseType, b.caseType),
    );

  const evaluators = new Set<string>();
  for (const f of files) {
    for (const s of f.sheets) {
      if (s.status !== 'submitted') continue;
      if (s.kind === 'evaluator' && s.personId) evaluators.add(s.personId);
      if (s.kind === 'joint') for (const g of s.signatures ?? []) evaluators.add(g.personId);
    }
  }

  const finals = outcomes.filter((o) => o.final);
  const highlights: HighlightEntry[] = finals.flatMap((o) =>
    o.highlights.map((h) => ({
      caseId: o.caseId,
      caseNo: o.caseNo,
      title: o.title,
      departmentName: o.departmentName,
      ...h,
    })),
  );

  return {
    grades,
    meanBands,
    files: outcomes,
    departments,
    caseTypes,
    totals: {
      ...aggregate(outcomes, grades, meanBands),
      waitingFiles: outcomes.filter((o) => o.state === 'waiting').length,
      reviewFiles: outcomes.filter((o) => o.state === 'review').length,
      departments: departments.length,
      caseTypes: caseTypes.length,
      evaluators: evaluators.size,
    },
    excellent: finals.filter((o) => o.final!.excellent).map(fileRef),
    failed: finals.filter((o) => o.final!.failed).map(fileRef),
    problems: frequency(outcomes, vocab),
    highlights,
  };
}
