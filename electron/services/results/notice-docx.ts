// The evaluation notice (评查情况通报) as DOCX, laid out to GB/T 9704-2012 (domain.md §4) with the
// outline of domain.md §6. The content — every word, number and table — is the notice content
// model (core/results/notice.ts), built from the results model; nothing is counted or worded here.
//
// Geometry: A4; margins top 37 mm, left 28 mm, bottom 35 mm, right 26 mm (版心 156 × 225 mm); body
// 3号 仿宋_GB2312 with a fixed line spacing of 28 pt (domain.md §4: "固定值 28磅"), which gives the
// standard's 22 lines per page; 2-character first-line indents. Fonts are named as the standard
// names them; where a machine lacks one, Word and LibreOffice substitute (方正小标宋简体 → 华文中宋 /
// 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, see docx-kit FONT).
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
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
} from 'docx';
import {
  textChars,
  type NoticeBlock,
  type NoticeContent,
  type NoticeTable,
} from '../../../core/results/notice';
import { FONT, mm, SIZE } from '../files/docx-kit';
import {
  CHAR,
  CHAR4,
  font,
  LINE_BORDER,
  NOTICE_PAGE,
  officialStyleIds,
  officialStyles,
  officialDocx,
  styled,
  TEXT_WIDTH,
} from '../files/gov-doc';

export { LINE, NOTICE_PAGE } from '../files/gov-doc';

/** Paragraph style ids (styles.xml): each element of the standard is one style. */
export const STYLE = {
  ...officialStyleIds('Notice'),
  h2: 'NoticeHeading2',
  attachmentHead: 'NoticeAttachmentHead',
  imprint: 'NoticeImprint',
} as const;

function styles() {
  return officialStyles('Notice', [
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
  ]);
}

const p = styled;
const blank = () => p(STYLE.flush, '');

// ---------------------------------------------------------------------------------------------
// Tables

// Borders and cell margins are set once on the table, not on each cell: a large campaign's
// tables have thousands of cells, and the docx library's time grows with every property.
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

/** A table across the 版心 (its columns' widths, in millimetres, add up to 156). */
function grid(table: NoticeTable): Table {
  const tw = table.columns.map((c) => mm(c.width));
  const styleOf = (i: number) =>
    table.columns[i]?.align === 'left' ? STYLE.tableLeft : STYLE.table;
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
        children: table.columns.map((c) => cell(c.header, STYLE.tableHead)),
      }),
      ...table.rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, styleOf(i))) }),
      ),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// The notice

// The content (words, numbers, tables) is core's (core/results/notice.ts), shared with the HTML
// preview and the PDF; this file lays it out to GB/T 9704.
export {
  chineseNumeral,
  deadlineOf,
  defaultNoticeTitle,
  departmentRows,
  type NoticeContext,
} from '../../../core/results/notice';

const renderBlock = (b: NoticeBlock, inAttachment: boolean): Paragraph | Table => {
  switch (b.kind) {
    case 'p':
      return p(STYLE.body, b.text);
    case 'h2':
      return p(STYLE.h2, b.text, inAttachment ? { spacing: { before: 200 } } : {});
    case 'table':
      return grid(b.table);
  }
};

export async function noticeDocx(content: NoticeContent): Promise<Uint8Array> {
  const c = content;
  const children: (Paragraph | Table | Textbox)[] = [];

  // 版头 (optional, domain.md §4 [I]): with a 发文字号 the number goes centred above a red line;
  // without one the notice starts with its title (the "no 版头" variant).
  if (c.header) {
    children.push(
      // 发文机关标志 in red; the 发文字号 two lines below it, the title two lines below the red line.
      p(STYLE.title, [new TextRun({ text: c.header.issuer, color: 'FF0000', size: 60 })]),
      blank(),
      blank(),
      p(STYLE.flush, c.header.docNumber, {
        alignment: AlignmentType.CENTER,
        // The red separator line under the 发文字号.
        border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'FF0000', space: 11 } },
      }),
      blank(),
      blank(),
    );
  }
  children.push(p(STYLE.title, c.title), blank());
  children.push(p(STYLE.flush, c.recipients));

  c.sections.forEach((s, si) => {
    children.push(p(STYLE.h1, s.heading));
    const last = si === c.sections.length - 1;
    s.blocks.forEach((b, bi) => {
      // The last paragraph, 附件说明 and the blank lines keep with the 署名 and date: a page
      // holding only the signature is not allowed (GB/T 9704 7.3.5.4).
      if (last && bi === s.blocks.length - 1 && b.kind === 'p') {
        children.push(p(STYLE.body, b.text, { keepNext: true }));
      } else {
        children.push(renderBlock(b, false));
      }
    });
  });

  // 附件说明: one blank line under the body, indented 2 characters; "附件：1. ×××"; each further
  // item aligned under the first number, wrapped lines under the first character of the name.
  const label = c.attachmentsNote.label;
  const numberAt = 2 * CHAR + label.length * CHAR;
  const nameAt = numberAt + Math.round(1.5 * CHAR);
  const kept = () => p(STYLE.flush, '', { keepNext: true });
  children.push(kept());
  c.attachmentsNote.items.forEach((name, i) => {
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
  const { issuer, date } = c.signature;
  const signRight = Math.max(0, 4 + textChars(date) / 2 - textChars(issuer) / 2);
  children.push(
    kept(),
    kept(),
    p(STYLE.flush, issuer, {
      keepNext: true,
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(signRight * CHAR) },
    }),
    p(STYLE.flush, date, { alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR } }),
  );

  // 附件: each on a new page; "附件N" in 黑体 flush left on line 1, the title centred on line 3.
  for (const a of c.attachments) {
    children.push(
      p(STYLE.attachmentHead, a.label, { pageBreakBefore: true }),
      blank(),
      p(STYLE.title, a.title),
      blank(),
      ...a.blocks.map((b) => renderBlock(b, true)),
    );
  }

  // 版记: 抄送 and 印发机关 + 印发日期 in 4号 仿宋, between a thick first and last line and a thin
  // line between them, at the foot of the last page: a text box anchored to the bottom of the
  // 版心 (a VML shape; Word and LibreOffice both place it, unlike w:framePr, which LibreOffice
  // 7 ignores after a table).
  if (c.imprint) {
    const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 }; // 0.35 mm ≈ 1 pt
    const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 }; // 0.25 mm ≈ ¾ pt
    const lines: (TextRun | string)[][] = [];
    if (c.imprint.cc) lines.push([c.imprint.cc]);
    if (c.imprint.printer) lines.push([c.imprint.printer, `\t${c.imprint.printedDate}`]);
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

  return officialDocx({ title: c.title, styles: styles(), footerStyle: STYLE.footer, children });
}
