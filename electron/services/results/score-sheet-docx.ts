// The per-file score sheet (评查表, issue 7 item 5): one per file and evaluator — the template's
// veto items and items with the deductions, reasons and pages the sheet recorded, category
// subtotals, bonus, total and grade, the file's final score from the results model, and signature
// lines. Scores are the sheet's core score() result; nothing is recounted here.
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
import type { Locale } from '../../../core/accounts/schemas';
import { translate } from '../../../core/i18n';
import type { FileOutcome, ResultsSheet } from '../../../core/results/results';
import type { Finding, TemplateContent } from '../../../core/standards/model';
import { FONT, mm, SIZE } from '../files/docx-kit';
import { points } from './format';
import type { CaseInfo } from './load';

export interface ScoreSheetPart {
  sheet: ResultsSheet;
  template: TemplateContent;
}

export interface ScoreSheetContext {
  locale: Locale;
  campaignName: string;
  kase: CaseInfo;
  /** The file in the results model (its final score), if the model has it. */
  outcome: FileOutcome | null;
}

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
  const t = (k: string, params: Record<string, unknown> = {}) =>
    translate(ctx.locale, `resultsDocs.sheet.${k}`, params);
  const { sheet, template } = part;
  const result = sheet.result;
  if (!result) throw new Error(`score sheet ${sheet.id} has no score`);
  const k = ctx.kase;
  const evaluator =
    sheet.evaluatorName ??
    (sheet.signatures?.length ? sheet.signatures.map((g) => g.name).join('、') : '—');
  const out: (Paragraph | Table)[] = [
    text(t('title'), { size: SIZE.xiaoEr, font: FONT.title, align: 'center' }),
    text(t('campaign', { name: ctx.campaignName }), { align: 'center', size: SIZE.wu }),
    text(''),
  ];

  // The file and the evaluator.
  const w4 = [mm(24), mm(58.5), mm(24), mm(58.5)];
  const info: [string, string, string, string][] = [
    [t('caseNo'), k.caseNo, t('department'), k.departmentName],
    [t('caseType'), k.caseTypeName, t('template'), template.name],
    [t('party'), k.partyName ?? '—', t('cause'), k.cause ?? '—'],
    [t('evaluator'), evaluator, t('mode'), t(`kind.${sheet.kind}`)],
  ];
  out.push(
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: w4,
      layout: TableLayoutType.FIXED,
      rows: info.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) => cell(v, w4[i]!, { head: i % 2 === 0 })),
          }),
      ),
    }),
    text(''),
  );

  const findingOf = new Map<string, Finding>(
    sheet.content.findings.map((f) => [`${f.kind}:${f.code}`, f]),
  );
  const pagesText = (pg: string) => (pg.trim() ? t('page', { pages: pg.trim() }) : '');

  // Columns: category · item · points · deducted · reason · pages · score.
  const w = [mm(19), mm(62), mm(11), mm(11), mm(39), mm(12), mm(11)];
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [
        t('category'),
        t('item'),
        t('max'),
        t('deducted'),
        t('reason'),
        t('pages'),
        t('score'),
      ].map((h, i) => cell(h, w[i]!, { head: true })),
    }),
  ];
  const hits = new Set(result.vetoHits.map((v) => v.code));
  template.vetoItems.forEach((v, i) => {
    const f = findingOf.get(`veto:${v.code}`);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          ...(i === 0
            ? [cell(t('vetoHead'), w[0]!, { rows: template.vetoItems.length, align: 'center' })]
            : []),
          cell(`${v.code} ${v.text}`, w[1]!),
          cell(hits.has(v.code) ? t('vetoHit') : t('vetoNotHit'), w[2]! + w[3]!, {
            span: 2,
            align: 'center',
          }),
          cell(hits.has(v.code) ? (f?.reason ?? '') : '', w[4]!),
          cell(hits.has(v.code) ? pagesText(f?.pages ?? '') : '', w[5]!),
          cell('', w[6]!),
        ],
      }),
    );
  });
  const itemScore = new Map(result.items.map((x) => [x.code, x]));
  for (const c of template.categories) {
    c.items.forEach((item, i) => {
      const s = itemScore.get(item.code);
      const f = findingOf.get(`item:${item.code}`);
      const deducted = s && s.deducted > 0 ? points(s.deducted) : '';
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            ...(i === 0 ? [cell(c.name, w[0]!, { rows: c.items.length, align: 'center' })] : []),
            cell(`${item.code} ${item.text}`, w[1]!),
            cell(points(item.max), w[2]!, { align: 'center' }),
            cell(s?.na ? t('na') : deducted, w[3]!, { align: 'center' }),
            cell(s && (s.deducted > 0 || s.na) ? (f?.reason ?? '') : '', w[4]!),
            cell(s && s.deducted > 0 ? pagesText(f?.pages ?? '') : '', w[5]!),
            cell(s ? points(s.score) : '', w[6]!, { align: 'center' }),
          ],
        }),
      );
    });
    const cs = result.categories.find((x) => x.code === c.code);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell(t('subtotal', { name: c.name }), w[0]! + w[1]!, { span: 2, head: true }),
          cell(points(c.max), w[2]!, { align: 'center' }),
          cell(cs ? points(c.max - cs.score) : '', w[3]!, { align: 'center' }),
          cell('', w[4]! + w[5]!, { span: 2 }),
          cell(cs ? points(cs.score) : '', w[6]!, { align: 'center' }),
        ],
      }),
    );
  }
  const summary = (label: string, value: string) =>
    new TableRow({
      cantSplit: true,
      children: [
        cell(label, w[0]! + w[1]!, { span: 2, head: true }),
        cell(
          value,
          w.slice(2).reduce((a, b) => a + b, 0),
          { span: 5, align: 'left' },
        ),
      ],
    });
  if (template.bonus.enabled) {
    const bonus = sheet.content.findings
      .filter((f) => f.kind === 'bonus')
      .map((f) => {
        const b = template.bonus.items.find((x) => x.code === f.code);
        return `${b?.text ?? f.code}（+${points(b?.points ?? 0)}）${f.reason ? `：${f.reason}` : ''}`;
      });
    rows.push(
      summary(
        t('bonus'),
        `${points(result.bonus)}${bonus.length ? `\u3000${bonus.join('；')}` : ''}`,
      ),
    );
  }
  rows.push(
    summary(t('total'), `${points(result.total)} / ${points(result.maxTotal)}`),
    summary(t('grade'), result.grade),
  );
  out.push(
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: w,
      layout: TableLayoutType.FIXED,
      rows,
    }),
    text(''),
  );

  const comments = sheet.content.comments.trim();
  const highlights = sheet.content.highlights.trim();
  out.push(
    text(`${t('comments')}：${comments || t('none')}`),
    text(`${t('highlights')}：${highlights || t('none')}`),
  );
  const fin = ctx.outcome?.final;
  out.push(
    text(fin ? t('finalNote', { total: points(fin.total), grade: fin.grade }) : t('finalPending'), {
      bold: true,
    }),
    text(''),
    text(''),
  );
  const sign = (label: string) =>
    new Paragraph({
      spacing: { line: 400, lineRule: LineRuleType.EXACT },
      tabStops: [{ type: TabStopType.LEFT, position: mm(105) }],
      children: [
        new TextRun({
          text: `${label}____________________\t${t('signDate')}______年____月____日`,
          font: font(FONT.fangsong),
          size: SIZE.xiaoSi,
        }),
      ],
    });
  out.push(sign(t('signEvaluator')));
  if (sheet.kind === 'reconciled' || sheet.kind === 'arbiter') out.push(sign(t('signReviewer')));
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
