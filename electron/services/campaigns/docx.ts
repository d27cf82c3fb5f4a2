// The draw record (抽取记录) as a document for the file: the campaign, the seed ceremony, the
// method in words, every stream with its population fingerprint, and every pick.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  type Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
} from 'docx';
import type { Locale } from '../../../core/accounts/schemas';
import type { DrawnFile, DrawnPerson } from '../../../core/api/methods/campaigns';
import { translate } from '../../../core/i18n';
import { EVALUATOR_STREAM } from '../../../core/draw/draw';
import { centered, FONT, mm, para, run, SIZE } from '../files/docx-kit';
import { localDateTime } from '../../../core/time';
import type { CampaignDrawRecord } from './record';

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cell(
  text: string,
  opts: { bold?: boolean; mono?: boolean; span?: number } = {},
): TableCell {
  return new TableCell({
    borders: BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(opts.span ? { columnSpan: opts.span } : {}),
    children: [
      para([
        run(text, {
          size: SIZE.xiaoWu,
          bold: !!opts.bold,
          font: opts.mono ? 'Consolas' : opts.bold ? FONT.heiti : FONT.fangsong,
        }),
      ]),
    ],
  });
}

function table(header: string[], rows: string[][], widths: number[], mono: number[] = []): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths.map(mm),
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { bold: true })) }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) => cell(v, { mono: mono.includes(i) })),
          }),
      ),
    ],
  });
}

const heading = (text: string) =>
  para([run(text, { font: FONT.heiti, size: SIZE.si })], { spacing: { before: 240, after: 120 } });
const body = (text: string) => para([run(text, { size: SIZE.xiaoSi })], { spacing: { after: 80 } });

export async function drawRecordDocx(
  r: CampaignDrawRecord,
  opts: { locale: Locale; files: DrawnFile[]; evaluators: DrawnPerson[] },
): Promise<Uint8Array> {
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(opts.locale, `campaigns.doc.${key}`, params);
  const field = (label: string, value: string) => t('field', { label: t(label), value });
  const plan = r.filePlan as {
    kind: string;
    totals?: Record<string, number>;
    quota?: number;
    byType?: boolean;
    total?: number;
    min?: number;
    max?: number;
  };
  const planText =
    plan.kind === 'type_totals'
      ? t('planTypeTotals', {
          totals: Object.entries(plan.totals ?? {})
            .map(([k, v]) => `${translate(opts.locale, `import.caseTypes.${k}`)} ${v}`)
            .join(t('listSeparator')),
        })
      : plan.kind === 'department_quota'
        ? t('planQuota', {
            quota: plan.quota ?? 0,
            byType: plan.byType ? t('planQuotaByType') : '',
          })
        : t('planProportional', { total: plan.total ?? 0, min: plan.min ?? 0, max: plan.max ?? 0 });
  const children: (Paragraph | Table)[] = [
    centered(t('title', { name: r.campaign.name }), SIZE.er, FONT.title),
    para([], { spacing: { after: 120 } }),
    body(field('campaign', t('campaignYear', { name: r.campaign.name, year: r.campaign.year }))),
    body(field('organiser', r.campaign.organiser)),
    body(field('drawnBy', r.drawnBy)),
    body(field('drawnAt', localDateTime(r.drawnAt))),
    heading(t('sections.algorithm')),
    body(t('algorithmText')),
    heading(t('sections.seed')),
    table(
      [t('contributor'), t('kind'), t('digits')],
      r.seedParts.map((p) => [
        p.contributor,
        translate(opts.locale, `campaigns.seedKinds.${p.kind}`),
        p.digits,
      ]),
      [40, 30, 96],
      [2],
    ),
    body(field('seed', r.seed)),
    body(field('commitment', r.seedSha256)),
    heading(t('sections.plan')),
    body(planText),
  ];
  if (r.evaluatorPlan) {
    const e = r.evaluatorPlan;
    children.push(
      body(
        t('evaluatorPlan', {
          count: e.count,
          pool: e.legalOfficersOnly ? t('poolLegal') : t('poolAll'),
          perDept: e.maxPerDepartment ? t('perDept', { max: e.maxPerDepartment }) : '',
        }),
      ),
    );
    if (e.exclude.length) {
      children.push(
        body(t('excludedTitle')),
        table(
          [t('name'), t('reason')],
          e.exclude.map((x) => [x.name, x.reason]),
          [50, 116],
        ),
      );
    }
  }
  children.push(
    heading(t('sections.streams')),
    table(
      [t('stream'), t('size'), t('want'), t('drawn'), t('manifest')],
      r.streams.map((s) => [
        s.label,
        String(s.size),
        String(s.want),
        String(s.picks.length),
        s.manifest,
      ]),
      [48, 14, 14, 14, 76],
      [4],
    ),
    heading(t('sections.files')),
    table(
      [t('stream'), t('counter'), t('caseNo'), t('department')],
      opts.files.map((f) => [
        f.stream ?? t('mustInclude', { reason: f.mustIncludeReason ?? '' }),
        f.counter === null ? '—' : String(f.counter),
        f.caseNo,
        f.departmentName,
      ]),
      [52, 16, 52, 46],
    ),
  );
  if (opts.evaluators.length) {
    children.push(
      heading(t('sections.evaluators')),
      table(
        [t('stream'), t('counter'), t('name'), t('department')],
        opts.evaluators.map((e) => [
          e.mustIncludeReason
            ? t('mustInclude', { reason: e.mustIncludeReason })
            : EVALUATOR_STREAM,
          e.counter === null ? '—' : String(e.counter),
          e.name,
          e.departmentName,
        ]),
        [52, 16, 40, 58],
      ),
    );
  }
  children.push(
    para([run(t('verifyHint'), { size: SIZE.xiaoWu, font: FONT.kaiti })], {
      spacing: { before: 240 },
      alignment: AlignmentType.LEFT,
    }),
  );
  const doc = new Document({
    creator: 'anjuan-pingcha',
    title: t('title', { name: r.campaign.name }),
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(25), bottom: mm(25), left: mm(25), right: mm(20) },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
