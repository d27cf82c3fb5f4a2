// Use cases of the results (issue 7 items 4–6): the results model with the agreement report, the
// evaluation notice (DOCX, GB/T 9704), the per-file score sheets (DOCX, one or all in a ZIP) and
// the score workbook (XLSX). Every document is made from the one model built by
// loadCampaignResults, so their numbers are the screen's. Reads only: no transaction needed
// beyond the consistent snapshot each repository call sees; the slow part (packing DOCX/XLSX)
// happens after the reads.
import { DEFAULT_LOCALE, type Locale } from '../../../core/accounts/schemas';
import { AppError } from '../../../core/api/errors';
import type { NoticeForm } from '../../../core/api/methods/results';
import { translate } from '../../../core/i18n';
import { agreement } from '../../../core/results/agreement';
import { noticeContent, defaultNoticeTitle } from '../../../core/results/notice';
import { scoreSheetContent, type ScoreSheetPart } from '../../../core/results/score-sheet';
import { SETTING_ORG_NAME } from '../settings-keys';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handler';
import { writeZip } from '../import/zip';
import { loadCampaignResults, type CampaignResults, type TemplateCache } from '../results/load';
import { safeFileName } from '../results/format';
import { noticeDocx } from '../results/notice-docx';
import { scoreSheetDocx } from '../results/score-sheet-docx';
import { tableName, tableXlsx } from '../results/table-xlsx';
import { resultsWorkbook } from '../results/workbook';
import { localDate } from '../../../core/time';

type ResultsMethod =
  | 'results.get'
  | 'results.noticeDefaults'
  | 'results.noticeDocx'
  | 'results.noticeContent'
  | 'results.scoreSheetDocx'
  | 'results.scoreSheetContent'
  | 'results.scoreSheetsZip'
  | 'results.workbook'
  | 'results.tableXlsx';

const localeOf = (user: { locale: Locale | null }): Locale => user.locale ?? DEFAULT_LOCALE;

/** Today as a calendar date on this machine (the notice's date is a local date). */

/** Submitted sheets of a file as the score sheets print them: evaluator/joint first, then 复核. */
function sheetParts(r: CampaignResults, caseId: string, sheetId?: string): ScoreSheetPart[] {
  const rows = r.sheets.get(caseId) ?? [];
  const order = { evaluator: 0, joint: 0, reconciled: 1, arbiter: 1 } as Record<string, number>;
  const chosen = sheetId
    ? rows.filter((s) => s.id === sheetId)
    : rows
        .filter((s) => s.status === 'submitted')
        .sort(
          (a, b) =>
            (order[a.kind] ?? 2) - (order[b.kind] ?? 2) ||
            (a.evaluatorName ?? '').localeCompare(b.evaluatorName ?? '', 'zh-CN') ||
            (a.id < b.id ? -1 : 1),
        );
  return chosen.flatMap((s) => {
    const sheet = r.scored.get(s.id);
    const template = r.templates.get(s.templateVersionId)?.content;
    return sheet?.result && template ? [{ sheet, template }] : [];
  });
}

export function resultsHandlers(app: AppContext): HandlerGroup<ResultsMethod> {
  const { repos } = app;
  const cache: TemplateCache = new Map();
  const load = (campaignId: string) => loadCampaignResults(repos, campaignId, cache);

  /** The file's sheets to print (one, or every submitted one) and the file name they go by. */
  const sheetsOf = (r: CampaignResults, caseId: string, locale: Locale, sheetId?: string) => {
    const kase = r.cases.get(caseId);
    if (!kase) throw new AppError('NOT_FOUND', `file ${caseId} is not in the campaign`);
    const parts = sheetParts(r, caseId, sheetId);
    if (!parts.length) {
      throw new AppError('CONFLICT', 'errors.resultsNoSheet', { key: 'errors.resultsNoSheet' });
    }
    const name =
      parts.length === 1
        ? (parts[0]!.sheet.evaluatorName ??
          translate(locale, `resultsDocs.sheet.kind.${parts[0]!.sheet.kind}`))
        : String(parts.length);
    return {
      parts,
      baseName: safeFileName(
        translate(locale, 'resultsDocs.sheet.fileName', { caseNo: kase.caseNo, name }),
      ),
      ctx: {
        locale,
        campaignName: r.campaign.name,
        kase,
        outcome: r.model.files.find((f) => f.caseId === caseId) ?? null,
      },
    };
  };

  const sheetFile = async (
    r: CampaignResults,
    caseId: string,
    locale: Locale,
    sheetId?: string,
  ) => {
    const { parts, baseName, ctx } = sheetsOf(r, caseId, locale, sheetId);
    return { fileName: `${baseName}.docx`, bytes: await scoreSheetDocx(parts, ctx) };
  };

  /** The notice's content from the form and the campaign (the DOCX's and the preview's). */
  const contentOf = (r: CampaignResults, notice: NoticeForm, locale: Locale) =>
    noticeContent(r.model, notice, {
      locale,
      year: r.campaign.year,
      mode: r.settings.mode,
      perFile: r.settings.perFile,
      parties: [...r.cases.values()].flatMap((k) => (k.partyName ? [k.partyName] : [])),
    });

  return {
    'results.get': (input) => {
      const r = load(input.campaignId);
      return {
        campaignId: r.campaign.id,
        name: r.campaign.name,
        year: r.campaign.year,
        model: r.model,
        agreement: agreement(r.input),
      };
    },

    'results.noticeDefaults': (input, call) => {
      const c = repos.campaigns.get(input.campaignId);
      if (!c) throw new AppError('NOT_FOUND', `campaign ${input.campaignId} not found`);
      const locale = localeOf(call.user);
      const issuer = c.organiser || repos.settings.get(SETTING_ORG_NAME) || '';
      const t = (k: string) =>
        translate(locale, `resultsDocs.notice.${k}`, { issuer, year: c.year });
      const date = localDate(app.now());
      return {
        issuer,
        docNumber: { code: '', year: Number(date.slice(0, 4)), serial: 1 },
        recipients: t('recipientsDefault'),
        title: defaultNoticeTitle(locale, c.year),
        date,
        rectifyDays: 30,
        deadline: null,
        paragraphs: {
          basis: [t('basisDefault')],
          nextSteps: [t('nextStepsDefault1'), t('nextStepsDefault2')],
        },
        cc: '',
        printer: issuer,
      };
    },

    'results.noticeDocx': async (input, call) => {
      const locale = localeOf(call.user);
      call.progress('load', 0, 2);
      const r = load(input.campaignId);
      call.progress('write', 1, 2);
      const content = contentOf(r, input.notice, locale);
      const bytes = await noticeDocx(content);
      call.progress('write', 2, 2);
      app.audit(
        call.user,
        'results.exported',
        { type: 'campaign', id: input.campaignId },
        { document: 'notice' },
      );
      return { fileName: `${safeFileName(content.title)}.docx`, bytes };
    },

    'results.noticeContent': (input, call) =>
      contentOf(load(input.campaignId), input.notice, localeOf(call.user)),

    'results.scoreSheetDocx': async (input, call) => {
      const r = load(input.campaignId);
      app.audit(
        call.user,
        'results.exported',
        { type: 'campaign', id: input.campaignId },
        { document: 'scoreSheet', caseId: input.caseId },
      );
      return sheetFile(r, input.caseId, localeOf(call.user), input.sheetId);
    },

    'results.scoreSheetContent': (input, call) => {
      const r = load(input.campaignId);
      const { parts, baseName, ctx } = sheetsOf(
        r,
        input.caseId,
        localeOf(call.user),
        input.sheetId,
      );
      return {
        fileName: `${baseName}.pdf`,
        sheets: parts.map((part) => scoreSheetContent(part, ctx)),
      };
    },

    'results.scoreSheetsZip': async (input, call) => {
      const locale = localeOf(call.user);
      const r = load(input.campaignId);
      const entries: { name: string; data: Uint8Array }[] = [];
      const used = new Set<string>();
      const files = r.model.files;
      for (const [i, f] of files.entries()) {
        if (call.signal.aborted) throw new AppError('CANCELLED', 'export cancelled');
        for (const part of sheetParts(r, f.caseId)) {
          const file = await sheetFile(r, f.caseId, locale, part.sheet.id);
          let name = file.fileName;
          for (let n = 2; used.has(name); n++)
            name = file.fileName.replace(/\.docx$/, `-${n}.docx`);
          used.add(name);
          entries.push({ name, data: file.bytes });
        }
        call.progress('sheets', i + 1, files.length);
      }
      if (!entries.length) {
        throw new AppError('CONFLICT', 'errors.resultsNoSheet', { key: 'errors.resultsNoSheet' });
      }
      app.audit(
        call.user,
        'results.exported',
        { type: 'campaign', id: input.campaignId },
        { document: 'scoreSheets', sheets: entries.length },
      );
      return {
        fileName: `${safeFileName(translate(locale, 'resultsDocs.sheet.zipName', { campaign: r.campaign.name }))}.zip`,
        // DOCX files are already deflated inside: storing them again saves time, not space.
        bytes: writeZip(entries, { store: true }),
      };
    },

    'results.workbook': async (input, call) => {
      const locale = localeOf(call.user);
      const r = load(input.campaignId);
      const total = r.model.files.length + r.model.departments.length;
      const bytes = await resultsWorkbook(r.model, {
        locale,
        evaluatorsOf: r.evaluatorsOf,
        onRows: (n) => call.progress('rows', n, total),
        signal: call.signal,
      });
      app.audit(
        call.user,
        'results.exported',
        { type: 'campaign', id: input.campaignId },
        { document: 'workbook' },
      );
      return {
        fileName: `${safeFileName(translate(locale, 'resultsDocs.workbook.fileName', { campaign: r.campaign.name }))}.xlsx`,
        bytes,
      };
    },

    'results.tableXlsx': async (input, call) => {
      const locale = localeOf(call.user);
      const r = load(input.campaignId);
      const bytes = await tableXlsx(input.table, r.model, agreement(r.input), {
        locale,
        signal: call.signal,
      });
      const name = translate(locale, 'resultsDocs.tables.fileName', {
        campaign: r.campaign.name,
        table: tableName(locale, input.table),
      });
      app.audit(
        call.user,
        'results.exported',
        { type: 'campaign', id: input.campaignId },
        { document: 'table', table: input.table },
      );
      return { fileName: `${safeFileName(name)}.xlsx`, bytes };
    },
  };
}
