// One table of the statistics screen (统计与通报) as an XLSX workbook (issue 7 item 3: "every
// table exportable as XLSX"): the department ranking, the files with their scores, the 优秀 and
// 不合格 lists, the problem frequencies (the Pareto's data), the evaluators' leniency and the grade
// distribution. Rows and numbers are the results model's and the agreement report's — the ones
// the screen shows — written as numbers with number formats so that Excel can compute with them.
import type { Locale } from '../../../core/accounts/schemas';
import type { ResultTableName } from '../../../core/api/methods/results';
import { translate } from '../../../core/i18n';
import type { AgreementReport, Leniency } from '../../../core/results/agreement';
import type {
  FileOutcome,
  FileRef,
  GradeCount,
  ResultsModel,
  TagCount,
} from '../../../core/results/results';
import { table, writeWorkbook, type AnySheet, type TableColumn } from '../files/xlsx-writer';
import { departmentColumns } from './workbook';

export type ResultTable = ResultTableName;

const POINTS_1 = '0.0';
const POINTS_2 = '0.00';
const PERCENT_1 = '0.0%';
const PERCENT_2 = '0.00%';

export interface TableXlsxOptions {
  locale: Locale;
  signal?: AbortSignal;
}

/** The sheet (and file) name of a table in the user's language. */
export const tableName = (locale: Locale, name: ResultTable) =>
  translate(locale, `resultsDocs.tables.names.${name}`);

export async function tableXlsx(
  name: ResultTable,
  model: ResultsModel,
  agreement: AgreementReport,
  opts: TableXlsxOptions,
): Promise<Uint8Array> {
  const { locale } = opts;
  const t = (k: string, params: Record<string, unknown> = {}) =>
    translate(locale, `resultsDocs.tables.${k}`, params);
  const yesNo = (b: boolean) => translate(locale, `resultsDocs.workbook.${b ? 'yes' : 'no'}`);
  const sheetName = tableName(locale, name);

  let sheet: AnySheet;
  switch (name) {
    case 'departments': {
      const columns = departmentColumns(model, t, (d) => (d.tied ? yesNo(true) : null));
      sheet = table({ name: sheetName, columns, rows: model.departments });
      break;
    }
    case 'files': {
      const columns: TableColumn<FileOutcome>[] = [
        { header: t('caseNo'), width: 30, value: (f) => f.caseNo },
        { header: t('department'), width: 26, value: (f) => f.departmentName },
        { header: t('caseType'), width: 12, value: (f) => f.caseTypeName },
        { header: t('title'), width: 30, value: (f) => f.title },
        {
          header: t('total'),
          width: 10,
          numFmt: POINTS_1,
          value: (f) => (f.final ? f.final.total / 10 : null),
        },
        { header: t('grade'), width: 8, value: (f) => f.final?.grade ?? null },
        {
          header: t('veto'),
          width: 8,
          value: (f) => (f.final ? yesNo(f.final.veto) : null),
        },
        {
          header: t('state'),
          width: 10,
          value: (f) => translate(locale, `resultsDocs.workbook.states.${f.state}`),
        },
        { header: t('problemCount'), width: 10, numFmt: '0', value: (f) => f.problems.length },
      ];
      sheet = table({ name: sheetName, columns, rows: model.files });
      break;
    }
    case 'excellent':
    case 'failed': {
      const columns: TableColumn<FileRef>[] = [
        { header: t('caseNo'), width: 30, value: (f) => f.caseNo },
        { header: t('title'), width: 30, value: (f) => f.title },
        { header: t('department'), width: 26, value: (f) => f.departmentName },
        { header: t('caseType'), width: 12, value: (f) => f.caseTypeName },
        { header: t('total'), width: 10, numFmt: POINTS_1, value: (f) => f.total / 10 },
        { header: t('veto'), width: 8, value: (f) => yesNo(f.veto) },
      ];
      sheet = table({ name: sheetName, columns, rows: model[name] });
      break;
    }
    case 'problems': {
      const columns: TableColumn<TagCount>[] = [
        { header: t('tagCode'), width: 8, value: (c) => c.code },
        { header: t('tag'), width: 36, value: (c) => c.name },
        {
          header: t('group'),
          width: 18,
          value: (c) => c.groupName ?? translate(locale, 'results.unknownGroup'),
        },
        { header: t('occurrences'), width: 10, numFmt: '0', value: (c) => c.occurrences },
        { header: t('fileCount'), width: 10, numFmt: '0', value: (c) => c.files },
        { header: t('share'), width: 10, numFmt: PERCENT_1, value: (c) => c.share },
        { header: t('cumulative'), width: 12, numFmt: PERCENT_1, value: (c) => c.cumulativeShare },
      ];
      sheet = table({ name: sheetName, columns, rows: model.problems.byTag });
      break;
    }
    case 'leniency': {
      const columns: TableColumn<Leniency>[] = [
        { header: t('evaluator'), width: 14, value: (l) => l.name },
        { header: t('doubleFiles'), width: 12, numFmt: '0', value: (l) => l.files },
        {
          header: t('difference'),
          width: 14,
          numFmt: `+${POINTS_2};-${POINTS_2};${POINTS_2}`,
          value: (l) => l.meanDifference / 10,
        },
        {
          header: t('reading'),
          width: 70,
          value: (l) => translate(locale, l.reading.key, l.reading.params),
        },
      ];
      sheet = table({ name: sheetName, columns, rows: agreement.leniency });
      break;
    }
    case 'grades': {
      const columns: TableColumn<GradeCount>[] = [
        { header: t('grade'), width: 10, value: (g) => g.grade },
        { header: t('count'), width: 10, numFmt: '0', value: (g) => g.count },
        {
          header: t('percent'),
          width: 10,
          numFmt: PERCENT_2,
          value: (g) => (g.percentHundredths === null ? null : g.percentHundredths / 10_000),
        },
      ];
      sheet = table({ name: sheetName, columns, rows: model.totals.grades });
      break;
    }
  }
  return writeWorkbook([sheet], opts.signal ? { signal: opts.signal } : {});
}
