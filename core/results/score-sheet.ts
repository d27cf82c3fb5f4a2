// The content of one score sheet (评查表, issue 7 item 5), shared by the DOCX writer
// (electron/services/results/score-sheet-docx.ts) and the printable HTML from which the renderer
// makes the PDF (renderer/features/reports/ScoreSheetDocument.tsx): the file and the evaluator,
// the template's veto items and items with the deductions, reasons and pages the sheet recorded,
// category subtotals, bonus, total and grade, the file's final score and the signature lines.
// Scores are the sheet's core score() result; nothing is recounted here. Pure.
import type { Locale } from '../accounts/schemas';
import { translate } from '../i18n';
import { formatPoints, type Finding, type TemplateContent } from '../standards/model';
import type { FileOutcome, ResultsSheet } from './results';

export interface ScoreSheetCase {
  caseNo: string;
  departmentName: string;
  caseTypeName: string;
  partyName: string | null;
  cause: string | null;
}

export interface ScoreSheetPart {
  sheet: ResultsSheet;
  template: TemplateContent;
}

export interface ScoreSheetContext {
  locale: Locale;
  campaignName: string;
  kase: ScoreSheetCase;
  /** The file in the results model (its final score), if the model has it. */
  outcome: FileOutcome | null;
}

/** The first row of a category carries its name over `rows` rows (a vertically merged cell). */
export interface RowHead {
  text: string;
  rows: number;
}

export type ScoreSheetRow =
  | {
      kind: 'veto';
      head: RowHead | null;
      item: string;
      hit: boolean;
      /** 触及 / 未触及, over the points and deduction columns. */
      status: string;
      reason: string;
      pages: string;
    }
  | {
      kind: 'item';
      head: RowHead | null;
      item: string;
      max: string;
      deducted: string;
      reason: string;
      pages: string;
      score: string;
    }
  | { kind: 'subtotal'; label: string; max: string; deducted: string; score: string }
  | { kind: 'summary'; label: string; value: string };

export interface ScoreSheetContent {
  sheetId: string;
  title: string;
  /** 评查活动：… */
  campaign: string;
  /** Four cells per row: label, value, label, value. */
  info: [string, string, string, string][];
  /** Category · item · points · deducted · reason · pages · score. */
  headers: string[];
  rows: ScoreSheetRow[];
  /** "评查意见：…" and "亮点做法：…". */
  comments: string;
  highlights: string;
  /** The file's final score, or that it is not settled yet. */
  finalNote: string;
  /** Signature lines: the label with its blank, and the date with its blanks. */
  signatures: { name: string; date: string }[];
}

const points = formatPoints;

export function scoreSheetContent(part: ScoreSheetPart, ctx: ScoreSheetContext): ScoreSheetContent {
  const t = (k: string, params: Record<string, unknown> = {}) =>
    translate(ctx.locale, `resultsDocs.sheet.${k}`, params);
  const { sheet, template } = part;
  const result = sheet.result;
  if (!result) throw new Error(`score sheet ${sheet.id} has no score`);
  const k = ctx.kase;
  const evaluator =
    sheet.evaluatorName ??
    (sheet.signatures?.length ? sheet.signatures.map((g) => g.name).join('、') : '—');

  const findingOf = new Map<string, Finding>(
    sheet.content.findings.map((f) => [`${f.kind}:${f.code}`, f]),
  );
  const pagesText = (pg: string) => (pg.trim() ? t('page', { pages: pg.trim() }) : '');

  const rows: ScoreSheetRow[] = [];
  const hits = new Set(result.vetoHits.map((v) => v.code));
  template.vetoItems.forEach((v, i) => {
    const f = findingOf.get(`veto:${v.code}`);
    const hit = hits.has(v.code);
    rows.push({
      kind: 'veto',
      head: i === 0 ? { text: t('vetoHead'), rows: template.vetoItems.length } : null,
      item: `${v.code} ${v.text}`,
      hit,
      status: hit ? t('vetoHit') : t('vetoNotHit'),
      reason: hit ? (f?.reason ?? '') : '',
      pages: hit ? pagesText(f?.pages ?? '') : '',
    });
  });
  const itemScore = new Map(result.items.map((x) => [x.code, x]));
  for (const c of template.categories) {
    c.items.forEach((item, i) => {
      const s = itemScore.get(item.code);
      const f = findingOf.get(`item:${item.code}`);
      rows.push({
        kind: 'item',
        head: i === 0 ? { text: c.name, rows: c.items.length } : null,
        item: `${item.code} ${item.text}`,
        max: points(item.max),
        deducted: s?.na ? t('na') : s && s.deducted > 0 ? points(s.deducted) : '',
        reason: s && (s.deducted > 0 || s.na) ? (f?.reason ?? '') : '',
        pages: s && s.deducted > 0 ? pagesText(f?.pages ?? '') : '',
        score: s ? points(s.score) : '',
      });
    });
    const cs = result.categories.find((x) => x.code === c.code);
    rows.push({
      kind: 'subtotal',
      label: t('subtotal', { name: c.name }),
      max: points(c.max),
      deducted: cs ? points(c.max - cs.score) : '',
      score: cs ? points(cs.score) : '',
    });
  }
  if (template.bonus.enabled) {
    const bonus = sheet.content.findings
      .filter((f) => f.kind === 'bonus')
      .map((f) => {
        const b = template.bonus.items.find((x) => x.code === f.code);
        return `${b?.text ?? f.code}（+${points(b?.points ?? 0)}）${f.reason ? `：${f.reason}` : ''}`;
      });
    rows.push({
      kind: 'summary',
      label: t('bonus'),
      value: `${points(result.bonus)}${bonus.length ? `\u3000${bonus.join('；')}` : ''}`,
    });
  }
  rows.push(
    {
      kind: 'summary',
      label: t('total'),
      value: `${points(result.total)} / ${points(result.maxTotal)}`,
    },
    { kind: 'summary', label: t('grade'), value: result.grade },
  );

  const comments = sheet.content.comments.trim();
  const highlights = sheet.content.highlights.trim();
  const fin = ctx.outcome?.final;
  const sign = (label: string) => ({
    name: `${label}____________________`,
    date: `${t('signDate')}${t('signDateBlanks')}`,
  });
  return {
    sheetId: sheet.id,
    title: t('title'),
    campaign: t('campaign', { name: ctx.campaignName }),
    info: [
      [t('caseNo'), k.caseNo, t('department'), k.departmentName],
      [t('caseType'), k.caseTypeName, t('template'), template.name],
      [t('party'), k.partyName ?? '—', t('cause'), k.cause ?? '—'],
      [t('evaluator'), evaluator, t('mode'), t(`kind.${sheet.kind}`)],
    ],
    headers: [
      t('category'),
      t('item'),
      t('max'),
      t('deducted'),
      t('reason'),
      t('pages'),
      t('score'),
    ],
    rows,
    comments: `${t('comments')}：${comments || t('none')}`,
    highlights: `${t('highlights')}：${highlights || t('none')}`,
    finalNote: fin
      ? t('finalNote', { total: points(fin.total), grade: fin.grade })
      : t('finalPending'),
    signatures: [
      sign(t('signEvaluator')),
      ...(sheet.kind === 'reconciled' || sheet.kind === 'arbiter' ? [sign(t('signReviewer'))] : []),
    ],
  };
}
