// The per-file score sheet (评查表, issue 7 item 5): one per file and evaluator — the template's
// veto items and items with the deductions, reasons and pages the sheet recorded, category
// subtotals, bonus, total and grade, the file's final score from the results model, and signature
// lines. The content is core's (core/results/score-sheet.ts), shared with the printable HTML the
// PDF is made from; scores are the sheet's core score() result; nothing is recounted here.
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
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { translate } from '../../../core/i18n';
import {
  scoreSheetContent,
  type RowHead,
  type ScoreSheetContext,
  type ScoreSheetPart,
} from '../../../core/results/score-sheet';
import { FONT, mm, SIZE } from '../files/docx-kit';

export type { ScoreSheetContext, ScoreSheetPart } from '../../../core/results/score-sheet';

const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(25),
  bottom: mm(22),
  left: mm(25),
  right: mm(20),
};
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function text(
  s: string,
  opts: { bold?: boolean; size?: number; font?: string; align?: 'left' | 'center' | 'right' } = {},
): Paragraph {
  return new Paragraph({
    alignment:
      opts.align === 'center'
        ? AlignmentType.CENTER
        : opts.align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.LEFT,
    spacing: { line: 276, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    children: [
      new TextRun({
        text: s,
        font: font(opts.font ?? (opts.bold ? FONT.heiti : FONT.fangsong)),
        size: opts.size ?? SIZE.wu,
      }),
    ],
  });
}

function cell(
  s: string,
  width: number,
  opts: { head?: boolean; align?: 'left' | 'center' | 'right'; span?: number; rows?: number } = {},
): TableCell {
  return new TableCell({
    borders: BORDERS,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 30, bottom: 30, left: 70, right: 70 },
    ...(opts.span ? { columnSpan: opts.span } : {}),
    ...(opts.rows ? { rowSpan: opts.rows } : {}),
    children: [
      text(s, { bold: !!opts.head, align: opts.align ?? (opts.head ? 'center' : 'left') }),
    ],
  });
}

function sheetBody(part: ScoreSheetPart, ctx: ScoreSheetContext): (Paragraph | Table)[] {
  const c = scoreSheetContent(part, ctx);
  const out: (Paragraph | Table)[] = [
    text(c.title, { size: SIZE.xiaoEr, font: FONT.title, align: 'center' }),
    text(c.campaign, { align: 'center', size: SIZE.wu }),
    text(''),
  ];

  // The file and the evaluator.
  const w4 = [mm(24), mm(58.5), mm(24), mm(58.5)];
  out.push(
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: w4,
      layout: TableLayoutType.FIXED,
      rows: c.info.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) => cell(v, w4[i]!, { head: i % 2 === 0 })),
          }),
      ),
    }),
    text(''),
  );

  // Columns: category · item · points · deducted · reason · pages · score.
  const w = [mm(19), mm(62), mm(11), mm(11), mm(39), mm(12), mm(11)];
  const head = (h: RowHead | null) =>
    h ? [cell(h.text, w[0]!, { rows: h.rows, align: 'center' })] : [];
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: c.headers.map((h, i) => cell(h, w[i]!, { head: true })),
    }),
  ];
  for (const r of c.rows) {
    let children: TableCell[];
    switch (r.kind) {
      case 'veto':
        children = [
          ...head(r.head),
          cell(r.item, w[1]!),
          cell(r.status, w[2]! + w[3]!, { span: 2, align: 'center' }),
          cell(r.reason, w[4]!),
          cell(r.pages, w[5]!),
          cell('', w[6]!),
        ];
        break;
      case 'item':
        children = [
          ...head(r.head),
          cell(r.item, w[1]!),
          cell(r.max, w[2]!, { align: 'center' }),
          cell(r.deducted, w[3]!, { align: 'center' }),
          cell(r.reason, w[4]!),
          cell(r.pages, w[5]!),
          cell(r.score, w[6]!, { align: 'center' }),
        ];
        break;
      case 'subtotal':
        children = [
          cell(r.label, w[0]! + w[1]!, { span: 2, head: true }),
          cell(r.max, w[2]!, { align: 'center' }),
          cell(r.deducted, w[3]!, { align: 'center' }),
          cell('', w[4]! + w[5]!, { span: 2 }),
          cell(r.score, w[6]!, { align: 'center' }),
        ];
        break;
      case 'summary':
        children = [
          cell(r.label, w[0]! + w[1]!, { span: 2, head: true }),
          cell(
            r.value,
            w.slice(2).reduce((a, b) => a + b, 0),
            { span: 5, align: 'left' },
          ),
        ];
        break;
    }
    rows.push(new TableRow({ cantSplit: true, children }));
  }
  out.push(
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: w,
      layout: TableLayoutType.FIXED,
      rows,
    }),
    text(''),
  );

  out.push(
    text(c.comments),
    text(c.highlights),
    text(c.finalNote, { bold: true }),
    text(''),
    text(''),
  );
  for (const sg of c.signatures) {
    out.push(
      new Paragraph({
        spacing: { line: 400, lineRule: LineRuleType.EXACT },
        tabStops: [{ type: TabStopType.LEFT, position: mm(105) }],
        children: [
          new TextRun({
            text: `${sg.name}\t${sg.date}`,
            font: font(FONT.fangsong),
            size: SIZE.xiaoSi,
          }),
        ],
      }),
    );
  }
  return out;
}

/** One DOCX holding the given sheets of one file, each starting on a new page. */
export async function scoreSheetDocx(
  parts: readonly ScoreSheetPart[],
  ctx: ScoreSheetContext,
): Promise<Uint8Array> {
  const footer = () =>
    new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({
              children: ['— ', PageNumber.CURRENT, ' —'],
              font: font(FONT.songti),
              size: SIZE.xiaoWu,
            }),
          ],
        }),
      ],
    });
  const doc = new Document({
    creator: 'anjuan-pingcha',
    title: translate(ctx.locale, 'resultsDocs.sheet.title'),
    styles: {
      default: { document: { run: { font: font(FONT.fangsong), size: SIZE.wu } } },
    },
    sections: parts.map((part) => ({
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
        },
      },
      footers: { default: footer() },
      children: sheetBody(part, ctx),
    })),
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
