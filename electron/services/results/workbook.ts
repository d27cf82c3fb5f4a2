// The score workbook (XLSX) for the upper-level platform (issue 7 item 6): sheet 1 one row per
// file (case number, department, type, evaluators, each sheet's score, final score, grade, main
// problems), sheet 2 one row per department (mean, grade counts, rank). Every number is the
// results model's; points are written as numbers (tenths / 10, hundredths / 100) with a number
// format, so the platform and Excel can compute with them.
import type { Locale } from '../../../core/accounts/schemas';
import { translate } from '../../../core/i18n';
import type { DepartmentRow, FileOutcome, ResultsModel } from '../../../core/results/results';
import { table, writeWorkbook, type TableColumn } from '../files/xlsx-writer';

export interface WorkbookOptions {
  locale: Locale;
  /** The evaluators assigned to each file (names), by case id. */
  evaluatorsOf: ReadonlyMap<string, readonly string[]>;
  /** Most problems listed per file in "main problems". Default 5. */
  problemsPerFile?: number;
  onRows?: (written: number) => void;
  signal?: AbortSignal;
}

const POINTS_1 = '0.0';
const POINTS_2 = '0.00';

export async function resultsWorkbook(
  model: ResultsModel,
  opts: WorkbookOptions,
): Promise<Uint8Array> {
  const t = (k: string, params: Record<string, unknown> = {}) =>
    translate(opts.locale, `resultsDocs.workbook.${k}`, params);
  const maxSheets = model.files.reduce(
    (m, f) =>
      Math.max(m, f.sheets.filter((s) => s.kind === 'evaluator' || s.kind === 'joint').length),
    0,
  );
  const perFile = opts.problemsPerFile ?? 5;
  const counting = (f: FileOutcome) =>
    f.sheets.filter((s) => s.kind === 'evaluator' || s.kind === 'joint');

  const fileColumns: TableColumn<FileOutcome>[] = [
    { header: t('caseNo'), width: 30, value: (f) => f.caseNo },
    { header: t('department'), width: 26, value: (f) => f.departmentName },
    { header: t('caseType'), width: 12, value: (f) => f.caseTypeName },
    { header: t('title'), width: 30, value: (f) => f.title },
    {
      header: t('evaluators'),
      width: 18,
      value: (f) => (opts.evaluatorsOf.get(f.caseId) ?? []).join('、'),
    },
    ...Array.from({ length: maxSheets }, (_, i): TableColumn<FileOutcome> => ({
      header: t('sheetScore', { n: i + 1 }),
      width: 10,
      numFmt: POINTS_1,
      value: (f) => {
        const s = counting(f)[i];
        return s ? s.total / 10 : null;
      },
    })),
    {
      header: t('finalScore'),
      width: 10,
      numFmt: POINTS_1,
      value: (f) => (f.final ? f.final.total / 10 : null),
    },
    { header: t('grade'), width: 8, value: (f) => f.final?.grade ?? null },
    {
      header: t('veto'),
      width: 8,
      value: (f) => (f.final ? (f.final.veto ? t('yes') : t('no')) : null),
    },
    { header: t('state'), width: 8, value: (f) => t(`states.${f.state}`) },
    {
      header: t('problems'),
      width: 60,
      value: (f) =>
        f.problems
          .slice(0, perFile)
          .map((p) => p.text)
          .join('；'),
    },
  ];

  const deptColumns = departmentColumns(model, t);

  return writeWorkbook(
    [
      table({ name: t('filesSheet'), columns: fileColumns, rows: model.files }),
      table({ name: t('departmentsSheet'), columns: deptColumns, rows: model.departments }),
    ],
    {
      ...(opts.onRows ? { onRows: opts.onRows } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    },
  );
}

type Translate = (k: string, params?: Record<string, unknown>) => string;

/**
 * The department table's columns, as the score workbook and the statistics screen's XLSX print
 * them; `tied` adds a 并列 column after the rank.
 */
export function departmentColumns(
  model: ResultsModel,
  t: Translate,
  tied?: (d: DepartmentRow) => string | null,
): TableColumn<DepartmentRow>[] {
  return [
    { header: t('rank'), width: 8, numFmt: '0', value: (d) => d.rank },
    ...(tied ? [{ header: t('tied'), width: 8, value: tied }] : []),
    { header: t('department'), width: 28, value: (d) => d.departmentName },
    { header: t('files'), width: 10, numFmt: '0', value: (d) => d.files },
    { header: t('finalFiles'), width: 12, numFmt: '0', value: (d) => d.finalFiles },
    {
      header: t('mean'),
      width: 10,
      numFmt: POINTS_2,
      value: (d) => (d.meanHundredths === null ? null : d.meanHundredths / 100),
    },
    { header: t('meanGrade'), width: 10, value: (d) => d.grade?.name ?? null },
    ...model.grades.map((g, i): TableColumn<DepartmentRow> => ({
      header: t('gradeCount', { grade: g.name }),
      width: 10,
      numFmt: '0',
      value: (d) => d.grades[i]?.count ?? 0,
    })),
    { header: t('vetoFiles'), width: 14, numFmt: '0', value: (d) => d.vetoFiles },
    { header: t('problemCount'), width: 10, numFmt: '0', value: (d) => d.problems.problems },
  ];
}
