// The rectification notice (整改通知书) to one department, as DOCX: an official letter laid out to
// GB/T 9704-2012 like the evaluation notice (domain.md §4; same page geometry, fonts and page
// numbers, see notice-docx.ts), listing the department's problems per file as they were recorded
// when the notice was issued (the tracking rows), with the deadline, 署名 and 成文日期.
//
//   [发文机关标志 and 发文字号 above a red line, when a 发文字号 is given]
//   关于2025年度行政执法案卷评查问题整改的通知                      2号 方正小标宋简体, centred
//   东湖区市场监督管理局：                                           主送, flush left
//   opening: the campaign, the department's files, mean and grades, the number of problems
//   一、存在的问题  + a table: 序号 · 案号 (score, grade) · 存在问题 · 扣分理由 · 页码
//   二、整改要求    (一) … (二) the deadline and where to report … (三) …
//   署名 centred over the 成文日期, which is indented 4 characters from the right
//   page numbers "— 1 —", 4号 宋体, odd pages right and even pages left
import {
  AlignmentType,
  BorderStyle,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type Paragraph,
} from 'docx';
import type { Locale } from '../../../core/accounts/schemas';
import type { DocNumber } from '../../../core/api/methods/results';
import { translate } from '../../../core/i18n';
import { textChars } from '../../../core/results/notice';
import { mm } from '../files/docx-kit';
import { hundredths, officialDate, points } from './format';
import {
  CHAR,
  LINE_BORDER,
  officialStyleIds,
  officialStyles,
  officialDocx,
  styled,
  TEXT_WIDTH,
  type ParagraphOpts,
} from '../files/gov-doc';

/** Paragraph style ids (styles.xml), one per element of the letter. */
export const RECTIFY_STYLE = officialStyleIds('Rectify');
const S = RECTIFY_STYLE;

export interface RectifyProblem {
  source: 'item' | 'veto';
  description: string;
  reason: string;
  pages: string;
}

export interface RectifyFile {
  caseNo: string;
  /** The file's final score (tenths) and grade, when known. */
  total: number | null;
  grade: string | null;
  problems: RectifyProblem[];
}

export interface RectifyNoticeContent {
  locale: Locale;
  year: number;
  campaignName: string;
  issuer: string;
  docNumber: DocNumber | null;
  departmentName: string;
  /** 成文日期 and the deadline, YYYY-MM-DD. */
  date: string;
  deadline: string;
  /** The department's results (from the results model's department row). */
  results: {
    finalFiles: number;
    meanHundredths: number | null;
    grades: readonly { grade: string; count: number }[];
    vetoFiles: number;
  };
  /** The notified problems, by file, in the notice's order. */
  files: RectifyFile[];
}

/**
 * The title's lines. 关于2025年度行政执法案卷评查问题整改的通知 is 21 characters, one more than a
 * line of 2号 holds in the 版心, so the dictionary gives it as two lines shaped as a trapezoid
 * (GB/T 9704 7.3.1: 梯形或菱形, the upper line the longer), broken between words.
 */
export const rectifyTitleLines = (locale: Locale, year: number) =>
  translate(locale, 'rectify.notice.title', { year }).split('\n');

const styles = () => officialStyles('Rectify');
const p = styled;
const blank = (opts: ParagraphOpts = {}) => p(S.flush, '', opts);

/** Column widths (mm, 156 in all): 序号, 案号, 存在问题, 扣分理由, 页码. */
export const PROBLEM_COLUMNS_MM = [11, 36, 48, 47, 14] as const;

/**
 * The problems table: one row per problem, the file's case number (with its score and grade) in
 * one cell merged down over the file's rows; the header row repeats on every page and no row is
 * split across pages.
 */
function problemsTable(c: RectifyNoticeContent): Table {
  const t = (k: string, params: Record<string, unknown> = {}) =>
    translate(c.locale, `rectify.notice.table.${k}`, params);
  const cell = (children: Paragraph[], opts: { merge?: 'restart' | 'continue' } = {}): TableCell =>
    new TableCell({
      verticalAlign: VerticalAlignTable.CENTER,
      ...(opts.merge
        ? {
            verticalMerge:
              opts.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
          }
        : {}),
      children,
    });
  const text = (style: string, s: string) => p(style, s || '—');
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [t('index'), t('caseNo'), t('problem'), t('reason'), t('pages')].map((h) =>
      cell([text(S.tableHead, h)]),
    ),
  });
  const rows: TableRow[] = [header];
  let n = 0;
  for (const f of c.files) {
    f.problems.forEach((pr, i) => {
      n += 1;
      const fileCell =
        i === 0
          ? cell(
              [
                text(S.table, f.caseNo),
                ...(f.total !== null && f.grade
                  ? [text(S.table, t('score', { score: points(f.total), grade: f.grade }))]
                  : []),
              ],
              f.problems.length > 1 ? { merge: 'restart' } : {},
            )
          : cell([p(S.table, '')], { merge: 'continue' });
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cell([text(S.table, String(n))]),
            fileCell,
            cell([
              text(
                S.tableLeft,
                pr.source === 'veto' ? `${t('veto')}：${pr.description}` : pr.description,
              ),
            ]),
            cell([text(S.tableLeft, pr.reason)]),
            cell([text(S.table, pr.pages)]),
          ],
        }),
      );
    });
  }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: PROBLEM_COLUMNS_MM.map(mm),
    layout: TableLayoutType.FIXED,
    borders: {
      top: LINE_BORDER,
      bottom: LINE_BORDER,
      left: LINE_BORDER,
      right: LINE_BORDER,
      insideHorizontal: LINE_BORDER,
      insideVertical: LINE_BORDER,
    },
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    rows,
  });
}

export async function rectifyNoticeDocx(c: RectifyNoticeContent): Promise<Uint8Array> {
  const t = (k: string, params: Record<string, unknown> = {}) =>
    translate(c.locale, `rectify.notice.${k}`, params);
  const lines = rectifyTitleLines(c.locale, c.year);
  const title = lines.join('');
  const children: (Paragraph | Table)[] = [];

  // 版头 (optional, as in the evaluation notice): the issuer in red, the 发文字号 centred two lines
  // below it above the red separator line, the title two lines below the line.
  if (c.docNumber && c.docNumber.code) {
    children.push(
      p(S.title, [new TextRun({ text: c.issuer, color: 'FF0000', size: 60 })]),
      blank(),
      blank(),
      p(
        S.flush,
        translate(c.locale, 'resultsDocs.notice.docNumber', {
          code: c.docNumber.code,
          year: c.docNumber.year,
          serial: c.docNumber.serial,
        }),
        {
          alignment: AlignmentType.CENTER,
          border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 11 } },
        },
      ),
      blank(),
      blank(),
    );
  }
  children.push(
    p(
      S.title,
      lines.map((text, i) => new TextRun({ text, ...(i > 0 ? { break: 1 } : {}) })),
    ),
    blank(),
  );
  children.push(p(S.flush, `${c.departmentName}：`));

  // The opening: what was evaluated, how the department's files came out, how many problems.
  const r = c.results;
  const sep = translate(c.locale, 'resultsDocs.notice.listSeparator');
  const problems = c.files.reduce((a, f) => a + f.problems.length, 0);
  const problemFiles = c.files.filter((f) => f.problems.length > 0).length;
  let opening = t('opening', {
    issuer: c.issuer,
    campaign: c.campaignName,
    files: r.finalFiles,
    mean: r.meanHundredths === null ? '—' : hundredths(r.meanHundredths),
    grades: r.grades
      .filter((g) => g.count > 0)
      .map((g) => t('openingGrade', { grade: g.grade, count: g.count }))
      .join(sep),
  });
  if (r.vetoFiles > 0) opening += t('openingVeto', { count: r.vetoFiles });
  opening += t('openingProblems', { problems, files: problemFiles });
  children.push(p(S.body, opening));

  // 一、存在的问题
  children.push(p(S.h1, t('h1Problems')), p(S.body, t('problemsIntro'), { keepNext: true }));
  children.push(problemsTable(c));

  // 二、整改要求
  const deadline = officialDate(c.locale, c.deadline);
  children.push(
    p(S.h1, t('h1Requirements'), { spacing: { before: 280 } }),
    p(S.body, t('requirement1')),
    p(S.body, t('requirement2', { deadline, issuer: c.issuer })),
    // The last paragraph keeps with the 署名 and date: a page holding only the signature is not
    // allowed (GB/T 9704 7.3.5.4).
    p(S.body, t('requirement3'), { keepNext: true }),
  );

  // 署名 and 成文日期 (with a seal, GB/T 9704 7.3.5.1): the date right-indented 4 characters, the
  // 署名 centred over it; the seal presses on both, so blank lines precede them.
  const date = officialDate(c.locale, c.date);
  const signRight = Math.max(0, 4 + textChars(date) / 2 - textChars(c.issuer) / 2);
  children.push(
    blank({ keepNext: true }),
    blank({ keepNext: true }),
    p(S.flush, c.issuer, {
      keepNext: true,
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(signRight * CHAR) },
    }),
    p(S.flush, date, { alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR } }),
  );

  return officialDocx({ title: title, styles: styles(), footerStyle: S.footer, children });
}
