// The evaluation notice (评查情况通报) as DOCX, laid out to GB/T 9704-2012 (domain.md §4) with the
// outline of domain.md §6. Every number comes from the results model (core/results/results.ts);
// nothing is counted here.
//
// Geometry: A4; margins top 37 mm, left 28 mm, bottom 35 mm, right 26 mm (版心 156 × 225 mm); body
// 3号 仿宋_GB2312 with a fixed line spacing of 28 pt (domain.md §4: "固定值 28磅"), which gives the
// standard's 22 lines per page; 2-character first-line indents. Fonts are named as the standard
// names them; where a machine lacks one, Word and LibreOffice substitute (方正小标宋简体 → 华文中宋 /
// 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, see docx-kit FONT).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  Textbox,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { Locale } from '../../../core/accounts/schemas';
import type { NoticeForm } from '../../../core/api/methods/results';
import { translate } from '../../../core/i18n';
import type { ResultsModel, Section } from '../../../core/results/results';
import { FONT, mm, SIZE } from '../files/docx-kit';
import { addDays, anonymiser, clause, hundredths, officialDate, points } from './format';

/** GB/T 9704 page geometry, in twips. */
export const NOTICE_PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  left: mm(28),
  bottom: mm(35),
  right: mm(26),
} as const;

/** Fixed line spacing of the body: 28 pt = 560 twips. */
export const LINE = 560;
/** One character of 3号 (16 pt) = 320 twips; of 4号 (14 pt) = 280 twips. */
const CHAR = 320;
const CHAR4 = 280;
/** 版心 width, twips (156 mm). */
const TEXT_WIDTH = NOTICE_PAGE.width - NOTICE_PAGE.left - NOTICE_PAGE.right;

/** Paragraph style ids (styles.xml): each element of the standard is one style. */
export const STYLE = {
  body: 'NoticeBody',
  title: 'NoticeTitle',
  h1: 'NoticeHeading1',
  h2: 'NoticeHeading2',
  flush: 'NoticeFlush',
  attachmentHead: 'NoticeAttachmentHead',
  table: 'NoticeTable',
  tableHead: 'NoticeTableHead',
  tableLeft: 'NoticeTableLeft',
  footer: 'NoticePageNumber',
  imprint: 'NoticeImprint',
} as const;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const exact = (line = LINE) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function styles() {
  return {
    default: {
      document: {
        run: { font: font(FONT.fangsong), size: SIZE.san },
        paragraph: { spacing: exact() },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: 'Notice Body',
        basedOn: 'Normal',
        quickFormat: true,
        run: { font: font(FONT.fangsong), size: SIZE.san },
        paragraph: {
          spacing: exact(),
          indent: { firstLine: 2 * CHAR },
          alignment: AlignmentType.JUSTIFIED,
        },
      },
      {
        id: STYLE.flush,
        name: 'Notice Flush Left',
        basedOn: STYLE.body,
        paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.LEFT },
      },
      {
        // 方正小标宋简体 (commercial; where missing, Word/LibreOffice fall back, e.g. to 华文中宋 or 宋体).
        id: STYLE.title,
        name: 'Notice Title',
        basedOn: 'Normal',
        run: { font: font(FONT.title), size: SIZE.er },
        paragraph: { alignment: AlignmentType.CENTER, spacing: exact(LINE + 140) },
      },
      {
        id: STYLE.h1,
        name: 'Notice Heading 1',
        basedOn: STYLE.body,
        run: { font: font(FONT.heiti), size: SIZE.san },
        paragraph: { keepNext: true, outlineLevel: 0 },
      },
      {
        id: STYLE.h2,
        name: 'Notice Heading 2',
        basedOn: STYLE.body,
        run: { font: font(FONT.kaiti), size: SIZE.san },
        paragraph: { keepNext: true, outlineLevel: 1 },
      },
      {
        id: STYLE.attachmentHead,
        name: 'Notice Attachment Head',
        basedOn: STYLE.flush,
        run: { font: font(FONT.heiti), size: SIZE.san },
      },
      {
        id: STYLE.table,
        name: 'Notice Table',
        basedOn: 'Normal',
        run: { font: font(FONT.fangsong), size: SIZE.xiaoSi },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { line: 300, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
        },
      },
      {
        id: STYLE.tableLeft,
        name: 'Notice Table Left',
        basedOn: STYLE.table,
        paragraph: { alignment: AlignmentType.LEFT },
      },
      {
        id: STYLE.tableHead,
        name: 'Notice Table Head',
        basedOn: STYLE.table,
        run: { font: font(FONT.heiti), size: SIZE.xiaoSi },
      },
      {
        // Page numbers: 4号 半角宋体 (domain.md §4).
        id: STYLE.footer,
        name: 'Notice Page Number',
        basedOn: 'Normal',
        run: { font: font(FONT.songti), size: SIZE.si },
        paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
      },
      {
        // 版记: 4号 仿宋, indented one character each side.
        id: STYLE.imprint,
        name: 'Notice Imprint',
        basedOn: 'Normal',
        run: { font: font(FONT.fangsong), size: SIZE.si },
        paragraph: {
          indent: { left: CHAR4, right: CHAR4 },
          spacing: { line: 400, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        },
      },
    ],
  };
}

type Opts = Omit<IParagraphOptions, 'children' | 'style'>;
const p = (style: string, text: string | (TextRun | string)[], opts: Opts = {}) =>
  new Paragraph({
    style,
    ...opts,
    children: (typeof text === 'string' ? [text] : text).map((c) =>
      typeof c === 'string' ? new TextRun(c) : c,
    ),
  });
const blank = () => p(STYLE.flush, '');

/**
 * "— 1 —": the page number with an 一字线 each side; odd pages right-aligned and even pages
 * left-aligned, one character (of 4号) in from the edge of the 版心.
 */
function pageNumber(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: CHAR4 } : { left: CHAR4 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Tables

// Borders and cell margins are set once on the table, not on each cell: a large campaign's
// tables have thousands of cells, and the docx library's time grows with every property.
const LINE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const TABLE_BORDERS = {
  top: LINE_BORDER,
  bottom: LINE_BORDER,
  left: LINE_BORDER,
  right: LINE_BORDER,
  insideHorizontal: LINE_BORDER,
  insideVertical: LINE_BORDER,
};

const cell = (text: string, style: string) =>
  new TableCell({
    verticalAlign: VerticalAlignTable.CENTER,
    children: [new Paragraph({ style, children: [new TextRun(text)] })],
  });

/** A table across the 版心; `widths` in millimetres (they add up to 156), `left`: left-aligned columns. */
function grid(header: string[], rows: string[][], widths: number[], left: number[] = []): Table {
  const tw = widths.map(mm);
  const styleOf = (i: number) => (left.includes(i) ? STYLE.tableLeft : STYLE.table);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: tw,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h) => cell(h, STYLE.tableHead)),
      }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, styleOf(i))) }),
      ),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// The notice

export interface NoticeContext {
  locale: Locale;
  year: number;
  /** Campaign settings that the 基本情况 section describes. */
  mode: 'independent' | 'joint';
  perFile: number;
  /** For the anonymisation of typical examples. */
  parties: string[];
}

/** The rectification deadline: the form's date, or the notice date plus `rectifyDays`. */
export const deadlineOf = (n: NoticeForm) => n.deadline ?? addDays(n.date, n.rectifyDays);

export const defaultNoticeTitle = (locale: Locale, year: number) =>
  translate(locale, 'resultsDocs.notice.title', { year });

/** Rows of attachment 1 (per department), as text: what the test compares with the model. */
export function departmentRows(model: ResultsModel, locale: Locale): string[][] {
  const t = (k: string, params: Record<string, unknown> = {}) =>
    translate(locale, `resultsDocs.notice.table.${k}`, params);
  return model.departments.map((d, i) => [
    String(i + 1),
    d.departmentName,
    String(d.files),
    String(d.finalFiles),
    d.meanHundredths === null ? t('pending') : hundredths(d.meanHundredths),
    ...d.grades.map((g) => String(g.count)),
    d.rank === null ? '—' : d.tied ? t('rankTied', { rank: d.rank }) : String(d.rank),
  ]);
}

export async function noticeDocx(
  model: ResultsModel,
  n: NoticeForm,
  ctx: NoticeContext,
): Promise<Uint8Array> {
  const { locale } = ctx;
  const t = (k: string, params: Record<string, unknown> = {}) =>
    translate(locale, `resultsDocs.notice.${k}`, params);
  const sep = t('listSeparator');
  const title = n.title ?? defaultNoticeTitle(locale, ctx.year);
  const totals = model.totals;
  const body = (text: string) => p(STYLE.body, text);
  const children: (Paragraph | Table | Textbox)[] = [];

  // 版头 (optional, domain.md §4 [I]): with a 发文字号 the number goes centred above a red line;
  // without one the notice starts with its title (the "no 版头" variant).
  if (n.docNumber && n.docNumber.code) {
    children.push(
      // 发文机关标志 in red; the 发文字号 two lines below it, the title two lines below the red line.
      p(STYLE.title, [new TextRun({ text: n.issuer, color: 'FF0000', size: 60 })]),
      blank(),
      blank(),
      p(
        STYLE.flush,
        t('docNumber', {
          code: n.docNumber.code,
          year: n.docNumber.year,
          serial: n.docNumber.serial,
        }),
        {
          alignment: AlignmentType.CENTER,
          // The red separator line under the 发文字号.
          border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 11 } },
        },
      ),
      blank(),
      blank(),
    );
  }
  children.push(p(STYLE.title, title), blank());
  children.push(p(STYLE.flush, `${n.recipients.replace(/[：:]+$/u, '')}：`));

  // 一、基本情况
  children.push(p(STYLE.h1, t('h1.basic')));
  for (const para of n.paragraphs.basis) children.push(body(para));
  const types = model.caseTypes
    .map((c) => t('sampleType', { name: c.caseTypeName, count: c.files }))
    .join(sep);
  children.push(
    body(
      t('sample', {
        departments: totals.departments,
        files: totals.files,
        types,
        evaluators: totals.evaluators,
        mode:
          ctx.mode === 'joint' ? t('modeJoint') : t('modeIndependent', { perFile: ctx.perFile }),
      }),
    ),
  );

  // 二、评查结果
  children.push(p(STYLE.h1, t('h1.results')));
  if (totals.finalFiles > 0 && totals.meanHundredths !== null) {
    const grades = totals.grades
      .filter((g) => g.count > 0)
      .map((g) =>
        t('resultsGrade', {
          grade: g.grade,
          count: g.count,
          percent: hundredths(g.percentHundredths ?? 0),
        }),
      )
      .join(sep);
    let text = t('resultsTotals', {
      finalFiles: totals.finalFiles,
      mean: hundredths(totals.meanHundredths),
      grades,
    });
    if (totals.vetoFiles > 0) text += t('resultsVeto', { count: totals.vetoFiles });
    if (totals.pendingFiles > 0) text += t('resultsPending', { count: totals.pendingFiles });
    children.push(body(text));
    const top = model.departments.filter((d) => d.rank !== null && d.rank <= 3);
    if (top.length) {
      children.push(
        body(
          t('resultsTop', { names: top.map((d) => d.departmentName).join(sep) }) +
            t('resultsAnnex'),
        ),
      );
    }
  } else {
    children.push(body(t('resultsNoFinal')));
  }
  const anon = anonymiser(locale, {
    departments: model.departments.map((d) => d.departmentName),
    parties: ctx.parties,
    caseNos: model.files.map((f) => f.caseNo),
  });
  const commend = [...new Set(model.highlights.map((h) => clause(anon(h.text))))]
    .filter(Boolean)
    .slice(0, 3);
  if (commend.length) children.push(body(t('highlightsIntro', { items: commend.join('；') })));

  // 三、存在的主要问题
  children.push(p(STYLE.h1, t('h1.problems')));
  const freq = model.problems;
  if (freq.problems === 0) {
    children.push(body(t('problemsNone')));
  } else {
    children.push(
      body(t('problemsIntro', { problems: freq.problems, files: freq.filesWithProblems })),
    );
    const sectionOfGroup = new Map(freq.byGroup.map((g) => [g.code, g.section]));
    const sectionOfTag = (groupCode: string | null): Section =>
      sectionOfGroup.get(groupCode) ?? 'other';
    const tagSection = new Map(freq.byTag.map((x) => [x.code, sectionOfTag(x.groupCode)]));
    /** Up to two anonymised reasons of final files' problems that match, none quoted twice. */
    const quoted = new Set<string>();
    const examples = (match: (tags: string[]) => boolean) => {
      const out: string[] = [];
      for (const f of model.files) {
        if (!f.final) continue;
        for (const pr of f.problems) {
          if (!match(pr.tags)) continue;
          const r = clause(anon(pr.reason));
          if (r && !quoted.has(r)) {
            quoted.add(r);
            out.push(r);
          }
          if (out.length >= 2) return out;
        }
      }
      return out;
    };
    const order: Section[] = ['filing', 'substance', 'procedure', 'other'];
    let k = 0;
    for (const s of order) {
      const row = freq.bySection.find((x) => x.section === s);
      if (!row || row.occurrences === 0) continue;
      k += 1;
      children.push(p(STYLE.h2, t(`h2.${s}`, { n: chineseNumeral(k, locale) })));
      const tags = freq.byTag
        .filter((x) => tagSection.get(x.code) === s)
        .slice(0, 4)
        .map((x) => t('tagCount', { name: x.name, count: x.occurrences }))
        .join(sep);
      let text = tags
        ? t('sectionCount', { occurrences: row.occurrences, files: row.files, tags })
        : t('sectionCountPlain', { occurrences: row.occurrences, files: row.files });
      for (const e of examples((tg) => tg.some((c) => tagSection.get(c) === s))) {
        text += t('example', { reason: e });
      }
      children.push(body(text));
    }
    if (freq.untagged.occurrences > 0) {
      k += 1;
      children.push(p(STYLE.h2, t('h2.untagged', { n: chineseNumeral(k, locale) })));
      let text = t('sectionCountPlain', {
        occurrences: freq.untagged.occurrences,
        files: freq.untagged.files,
      });
      for (const e of examples((tg) => tg.length === 0)) text += t('example', { reason: e });
      children.push(body(text));
    }
  }

  // 四、整改要求
  const deadline = officialDate(locale, deadlineOf(n));
  children.push(
    p(STYLE.h1, t('h1.rectify')),
    body(t('rectify1')),
    body(t('rectify2', { deadline, issuer: n.issuer })),
    body(t('rectify3')),
  );

  // 五、下一步工作
  children.push(p(STYLE.h1, t('h1.next')));
  // The last paragraph, 附件说明 and the blank lines keep with the 署名 and date: a page holding
  // only the signature is not allowed (GB/T 9704 7.3.5.4).
  n.paragraphs.nextSteps.forEach((para, i, all) =>
    children.push(p(STYLE.body, para, i === all.length - 1 ? { keepNext: true } : {})),
  );

  // 附件说明: one blank line under the body, indented 2 characters; "附件：1. ×××"; each further
  // item aligned under the first number, wrapped lines under the first character of the name.
  const attachments = [t('attachment1'), t('attachment2'), t('attachment3')];
  const label = t('attachmentsLabel');
  const numberAt = 2 * CHAR + label.length * CHAR;
  const nameAt = numberAt + Math.round(1.5 * CHAR);
  const kept = () => p(STYLE.flush, '', { keepNext: true });
  children.push(kept());
  attachments.forEach((name, i) => {
    children.push(
      p(STYLE.flush, `${i === 0 ? label : ''}${i + 1}.\t${name}`, {
        keepNext: true,
        indent: { left: nameAt, hanging: i === 0 ? nameAt - 2 * CHAR : nameAt - numberAt },
        tabStops: [{ type: TabStopType.LEFT, position: nameAt }],
      }),
    );
  });

  // 署名 and 成文日期 (with a seal, GB/T 9704 7.3.5.1): the date right-indented 4 characters, the
  // 署名 centred over it; the seal presses on both, so a blank line precedes them.
  const date = officialDate(locale, n.date);
  const dateChars = textChars(date);
  const signRight = Math.max(0, 4 + dateChars / 2 - textChars(n.issuer) / 2);
  children.push(
    kept(),
    kept(),
    p(STYLE.flush, n.issuer, {
      keepNext: true,
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(signRight * CHAR) },
    }),
    p(STYLE.flush, date, { alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR } }),
  );

  // 附件: each on a new page; "附件N" in 黑体 flush left on line 1, the title centred on line 3.
  const attachmentHead = (k: number, name: string) => [
    p(STYLE.attachmentHead, t('attachmentHead', { n: k }), { pageBreakBefore: true }),
    blank(),
    p(STYLE.title, name),
    blank(),
  ];
  const tt = (k: string) => t(`table.${k}`);
  let deptNo = 0;
  children.push(
    ...attachmentHead(1, attachments[0]!),
    grid(
      [
        tt('index'),
        tt('department'),
        tt('files'),
        tt('final'),
        tt('mean'),
        ...model.grades.map((g) => g.name),
        tt('rank'),
      ],
      departmentRows(model, locale),
      departmentWidths(model.grades.length),
      [1],
    ),
  );

  children.push(...attachmentHead(2, attachments[1]!));
  if (model.excellent.length) {
    children.push(
      grid(
        [tt('index'), tt('department'), tt('caseNo'), tt('caseType'), tt('score')],
        model.excellent.map((f, i) => [
          String(i + 1),
          f.departmentName,
          f.caseNo,
          f.caseTypeName,
          points(f.total),
        ]),
        [12, 44, 60, 22, 18],
        [1, 2],
      ),
    );
  } else {
    children.push(body(tt('noExcellent')));
  }

  // Attachment 3: per department, its problems by type (the tag vocabulary), with the number of
  // problems, of files, and the files' case numbers — the department's own problem frequency in
  // the model. (One row per file and problem would run to thousands of rows in a large campaign;
  // the per-file detail belongs to each department's 整改通知书.)
  children.push(...attachmentHead(3, attachments[2]!));
  const caseNoOf = new Map(model.files.map((f) => [f.caseId, f.caseNo]));
  const sectionOfGroup = new Map(model.problems.byGroup.map((g) => [g.code, g.section]));
  const sectionName = (groupCode: string | null) =>
    translate(locale, `results.sections.${sectionOfGroup.get(groupCode) ?? 'other'}`);
  let any = false;
  model.departments.forEach((d) => {
    const pf = d.problems;
    if (pf.problems === 0) return;
    any = true;
    children.push(
      p(STYLE.h2, t('deptHead', { n: chineseNumeral(++deptNo, locale), name: d.departmentName }), {
        spacing: { before: 200 },
      }),
    );
    const rows = pf.byTag.map((x) => [
      x.name,
      sectionName(x.groupCode),
      String(x.occurrences),
      String(x.files),
      x.caseIds.map((id) => caseNoOf.get(id) ?? id).join('、'),
    ]);
    if (pf.untagged.occurrences > 0) {
      rows.push([
        translate(locale, 'results.untagged'),
        '—',
        String(pf.untagged.occurrences),
        String(pf.untagged.files),
        pf.untagged.caseIds.map((id) => caseNoOf.get(id) ?? id).join('、'),
      ]);
    }
    children.push(
      grid(
        [
          tt('index'),
          tt('problemType'),
          tt('section'),
          tt('occurrences'),
          tt('fileCount'),
          tt('caseNos'),
        ],
        rows.map((r, i) => [String(i + 1), ...r]),
        [10, 44, 12, 14, 14, 62],
        [1, 5],
      ),
    );
  });
  if (!any) children.push(body(tt('noProblems')));

  // 版记: 抄送 and 印发机关 + 印发日期 in 4号 仿宋, between a thick first and last line and a thin
  // line between them, at the foot of the last page: a text box anchored to the bottom of the
  // 版心 (a VML shape; Word and LibreOffice both place it, unlike w:framePr, which LibreOffice
  // 7 ignores after a table).
  if (n.cc || n.printer) {
    const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 }; // 0.35 mm ≈ 1 pt
    const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 }; // 0.25 mm ≈ ¾ pt
    const lines: (TextRun | string)[][] = [];
    if (n.cc) lines.push([`${t('ccLabel')}${n.cc.replace(/[。.]+$/u, '')}。`]);
    if (n.printer) lines.push([n.printer, `\t${t('printedDate', { date })}`]);
    const paras = lines.map((text, i) =>
      p(STYLE.imprint, text, {
        border: {
          ...(i === 0 ? { top: thick } : {}),
          bottom: i === lines.length - 1 ? thick : thin,
        },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 2 * CHAR4 }],
      }),
    );
    // Each line is 20 pt (exact) plus its borders and their spacing.
    const heightPt = lines.length * 20 + 12;
    const bodyHeightPt = (NOTICE_PAGE.height - NOTICE_PAGE.top - NOTICE_PAGE.bottom) / 20;
    children.push(
      new Textbox({
        style: {
          width: `${TEXT_WIDTH / 20}pt`,
          height: `${heightPt}pt`,
          position: 'absolute',
          positionHorizontalRelative: 'margin',
          positionVerticalRelative: 'margin',
          marginLeft: '0pt',
          marginTop: `${bodyHeightPt - heightPt}pt`,
        },
        children: paras,
      }),
    );
  }

  const doc = new Document({
    creator: 'anjuan-pingcha',
    title,
    evenAndOddHeaderAndFooters: true,
    styles: styles(),
    sections: [
      {
        properties: {
          page: {
            size: { width: NOTICE_PAGE.width, height: NOTICE_PAGE.height },
            margin: {
              top: NOTICE_PAGE.top,
              bottom: NOTICE_PAGE.bottom,
              left: NOTICE_PAGE.left,
              right: NOTICE_PAGE.right,
              // The 一字线 sits about 7 mm below the 版心: 35 − 7 − the line's own height.
              header: mm(15),
              footer: mm(23),
            },
          },
        },
        footers: { default: pageNumber('odd'), even: pageNumber('even') },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Column widths (mm, 156 in all) of the per-department table for `g` grade columns. */
function departmentWidths(g: number): number[] {
  const gradeW = 12;
  const fixed = [11, 0, 13, 13, 17];
  const rank = 19;
  const dept = 156 - fixed.reduce((a, b) => a + b, 0) - g * gradeW - rank;
  fixed[1] = dept;
  return [...fixed, ...Array<number>(g).fill(gradeW), rank];
}

/** Width of a text in characters of the body font (CJK and full-width 1, others ½). */
function textChars(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.codePointAt(0)! <= 0xff ? 0.5 : 1;
  return n;
}

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一, 二 … 九十九 for the (一) headings; Arabic numerals in English. */
export function chineseNumeral(n: number, locale: Locale): string {
  if (locale !== 'zh-CN') return String(n);
  if (n <= 10) return NUMERALS[n]!;
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${NUMERALS[tens]}十${ones ? NUMERALS[ones] : ''}`;
}
