// The printable standard (评查标准) as offices publish it: veto items, then the scoring table
// (评查项目 · 评查内容 · 分值 · 评分标准), then the grade bands — A4, Chinese official fonts.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
  type ITableCellOptions,
} from 'docx';
import type { Locale } from '../../../core/accounts/schemas';
import { translate } from '../../../core/i18n';
import type { CaseType } from '../../../core/registry/schemas';
import { describeRule } from '../../../core/standards/describe';
import { formatPoints, type TemplateContent } from '../../../core/standards/model';
import { centered, FONT, mm, para, run, SIZE } from '../files/docx-kit';

/** U+3000, the full-width space Chinese documents separate items with. */
const IDEOGRAPHIC_SPACE = '\u3000';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(
  text: string,
  opts: Partial<ITableCellOptions> & { bold?: boolean; center?: boolean; size?: number } = {},
): TableCell {
  const { bold, center, size = SIZE.wu, ...rest } = opts;
  return new TableCell({
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...rest,
    children: text
      .split('\n')
      .map((line) =>
        para(
          [run(line, { size, bold: !!bold, font: bold ? FONT.heiti : FONT.fangsong })],
          center ? { alignment: AlignmentType.CENTER } : {},
        ),
      ),
  });
}

const heading = (text: string) =>
  para([run(text, { font: FONT.heiti, size: SIZE.si })], { spacing: { before: 240, after: 120 } });

export async function standardToDocx(
  t: TemplateContent,
  opts: { locale: Locale; caseTypes: readonly CaseType[]; version: number | null },
): Promise<Uint8Array> {
  const tr = (key: string, params: Record<string, string | number> = {}) =>
    translate(opts.locale, key, params);
  const pts = formatPoints;
  const typeName = new Map(opts.caseTypes.map((c) => [c.code, c.name]));
  const scope = [
    ...t.appliesTo.caseTypes.map((c) => typeName.get(c) ?? c),
    ...t.appliesTo.procedures.map((p) => tr(`import.procedures.${p}`)),
  ];
  const subtitle = [
    opts.version
      ? tr('standards.doc.version', { version: opts.version })
      : tr('standards.doc.draft'),
    scope.length
      ? tr('standards.doc.appliesTo', { scope: scope.join('、') })
      : tr('standards.doc.appliesToAll'),
    tr('standards.doc.total', { total: pts(t.total) }),
  ].join(IDEOGRAPHIC_SPACE);

  const children: (Paragraph | Table)[] = [
    centered(t.name, SIZE.er, FONT.title),
    para([run(subtitle, { size: SIZE.xiaoSi, font: FONT.kaiti })], {
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 240 },
    }),
  ];
  if (t.description)
    children.push(
      para([run(t.description, { size: SIZE.xiaoSi })], { indent: { firstLine: 480 } }),
    );

  let section = 0;
  const numbered = (key: string) =>
    heading(`${tr(`standards.doc.numbers.${section++}`)}${tr(key)}`);

  if (t.vetoItems.length) {
    children.push(numbered('standards.doc.vetoTitle'));
    children.push(
      para([run(tr('standards.doc.vetoIntro'), { size: SIZE.xiaoSi })], {
        indent: { firstLine: 480 },
        spacing: { after: 120 },
      }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: [mm(14), mm(120), mm(32)],
        rows: [
          new TableRow({
            tableHeader: true,
            children: [
              cell(tr('standards.doc.code'), { bold: true, center: true }),
              cell(tr('standards.doc.vetoCase'), { bold: true, center: true }),
              cell(tr('standards.doc.effect'), { bold: true, center: true }),
            ],
          }),
          ...t.vetoItems.map(
            (v) =>
              new TableRow({
                cantSplit: true,
                children: [
                  cell(v.code, { center: true }),
                  cell(v.text),
                  cell(tr(`standards.effects.${v.effect}`), { center: true }),
                ],
              }),
          ),
        ],
      }),
    );
  }

  children.push(numbered('standards.doc.scoringTitle'));
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      children: [
        cell(tr('standards.doc.category'), { bold: true, center: true }),
        cell(tr('standards.doc.code'), { bold: true, center: true }),
        cell(tr('standards.doc.content'), { bold: true, center: true }),
        cell(tr('standards.doc.points'), { bold: true, center: true }),
        cell(tr('standards.doc.rule'), { bold: true, center: true }),
      ],
    }),
  ];
  for (const c of t.categories) {
    c.items.forEach((item, i) => {
      const rule = describeRule(item)
        .map((r) => tr(r.key, r.params))
        .join(tr('standards.rules.separator'));
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            ...(i === 0
              ? [
                  cell(`${c.name}\n（${tr('standards.doc.pointsOf', { points: pts(c.max) })}）`, {
                    center: true,
                    rowSpan: c.items.length,
                  }),
                ]
              : []),
            cell(item.code, { center: true }),
            cell(item.guidance ? `${item.text}\n${item.guidance}` : item.text),
            cell(pts(item.max), { center: true }),
            cell(rule),
          ],
        }),
      );
    });
  }
  rows.push(
    new TableRow({
      children: [
        cell(tr('standards.doc.sum'), { center: true, bold: true, columnSpan: 3 }),
        cell(pts(t.total), { center: true, bold: true }),
        cell(''),
      ],
    }),
  );
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: [mm(22), mm(12), mm(80), mm(12), mm(44)],
      rows,
    }),
  );

  if (t.bonus.enabled && t.bonus.items.length) {
    children.push(numbered('standards.doc.bonusTitle'));
    children.push(
      para(
        [run(tr('standards.doc.bonusIntro', { cap: pts(t.bonus.cap) }), { size: SIZE.xiaoSi })],
        { indent: { firstLine: 480 } },
      ),
    );
    for (const b of t.bonus.items) {
      children.push(
        para(
          [
            run(
              `${b.code}${IDEOGRAPHIC_SPACE}${b.text}（${tr('standards.doc.plus', { points: pts(b.points) })}）`,
              {
                size: SIZE.xiaoSi,
              },
            ),
          ],
          { indent: { firstLine: 480 } },
        ),
      );
    }
  }

  children.push(numbered('standards.doc.bandsTitle'));
  t.bands.forEach((b, i) => {
    const upper = t.bands[i - 1];
    const line = !upper
      ? tr('standards.doc.bandTop', { band: b.name, min: pts(b.min) })
      : b.min === 0
        ? tr('standards.doc.bandBottom', { band: b.name, max: pts(upper.min) })
        : tr('standards.doc.bandBetween', { band: b.name, min: pts(b.min), max: pts(upper.min) });
    children.push(para([run(line, { size: SIZE.xiaoSi })], { indent: { firstLine: 480 } }));
  });
  const effects = [...new Set(t.vetoItems.map((v) => v.effect))];
  for (const e of effects) {
    children.push(
      para(
        [
          run(
            tr(`standards.doc.vetoRule.${e}`, {
              band: t.bands[t.bands.length - 1]!.name,
              top: t.bands[0]!.name,
            }),
            { size: SIZE.xiaoSi },
          ),
        ],
        { indent: { firstLine: 480 } },
      ),
    );
  }
  children.push(
    para([run(tr('standards.doc.floor'), { size: SIZE.xiaoSi })], { indent: { firstLine: 480 } }),
  );

  const doc = new Document({
    creator: 'anjuan-pingcha',
    title: t.name,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: FONT.fangsong, eastAsia: FONT.fangsong, hAnsi: FONT.fangsong },
            size: SIZE.xiaoSi,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(25), bottom: mm(25), left: mm(25), right: mm(20), footer: mm(10) },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  run('— ', { font: FONT.songti, size: SIZE.xiaoWu }),
                  run('', { font: FONT.songti, size: SIZE.xiaoWu, children: [PageNumber.CURRENT] }),
                  run(' —', { font: FONT.songti, size: SIZE.xiaoWu }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
