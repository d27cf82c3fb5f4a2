// 统计与通报: in the demo workspace the demo's campaign is scoring; its two files flagged for 复核
// are settled through the API (keep the stricter sheet, as electron/services/results/testing.ts
// does), so most files are final and the model has a ranking, excellent files and problems. The
// coordinator signs in, opens 统计与通报 and sees the latest campaign's figures — the same numbers
// results.get gives (totals, grades, the department ranking's first row, the agreement figures
// with their readings) — then exports the notice through its prefilled form (a DOCX), the score
// workbook (an XLSX) and every score sheet (a ZIP). Screenshots go to test-results/screens/.
import { readFile } from 'node:fs/promises';
import { DEMO_PASSWORD } from '../core/demo/generate';
import type { Reading } from '../core/results/agreement';
import { zhCN } from '../core/i18n/zh-CN';
import { ZipReader } from '../electron/services/import/zip';
import { expect, test } from './support/fixtures';
import { shot } from './support/screens';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';
import { ReportsPage } from './pages/ReportsPage';
import type { AppServer } from './support/server';

test.use({ viewport: { width: 1440, height: 900 } });

/** The demo with its campaign in progress, the files waiting for 复核 settled. */
async function setUp(server: AppServer): Promise<{ session: string; campaignId: string }> {
  await server.call('demo.load', {});
  const { token: session } = await server.call('auth.login', {
    username: 'zuzhi',
    password: DEMO_PASSWORD,
  });
  const { campaigns } = await server.call('campaigns.list', {}, session);
  const campaignId = campaigns.find((c) => c.status === 'scoring')!.id;
  const { files } = await server.call('review.list', { campaignId }, session);
  const flagged = files.filter((f) => f.result.state === 'review');
  expect(flagged.length).toBe(2);
  for (const f of flagged) {
    const r = await server.call('review.file', { campaignId, caseId: f.caseId }, session);
    const stricter = r.sheets
      .filter((s) => s.kind === 'evaluator')
      .sort((a, b) => (a.score?.total ?? 0) - (b.score?.total ?? 0))[0]!;
    await server.call(
      'review.decide',
      {
        decision: 'keep',
        campaignId,
        caseId: f.caseId,
        sheetId: stricter.id,
        reason: '经复核，采纳评分较严的评查表',
      },
      session,
    );
  }
  return { session, campaignId };
}

/** A reading in zh-CN, as the screen shows it (the dictionary's text, params filled in). */
function zh(reading: Reading): string {
  let node: unknown = zhCN;
  for (const part of reading.key.split('.')) node = (node as Record<string, unknown>)[part];
  return (node as string).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(reading.params[k]));
}

const mean2 = (h: number | null) => (h === null ? '—' : (h / 100).toFixed(2));

async function bytesOf(path: string | null): Promise<Uint8Array> {
  expect(path).not.toBeNull();
  return new Uint8Array(await readFile(path!));
}

test('the coordinator reads the results of the latest campaign and exports the notice and the workbook', async ({
  page,
  server,
}) => {
  const { session, campaignId } = await setUp(server);
  const results = await server.call('results.get', { campaignId }, session);
  const defaults = await server.call('results.noticeDefaults', { campaignId }, session);
  const { model, agreement } = results;
  expect(model.departments.length).toBeGreaterThan(1);

  const login = new LoginPage(page);
  const main = new MainWindow(page);
  const reports = new ReportsPage(page);
  await login.open(server);
  await login.login('zuzhi', DEMO_PASSWORD);
  await expect(main.welcome).toBeVisible();
  await main.open('reports');
  await expect(main.pageTitle).toHaveText('统计与通报');
  // The latest campaign by default: the demo's, the only one scoring.
  await reports.expectLoaded(campaignId);
  await expect(reports.campaignSelect).toContainText(results.name);
  await expect(main.notBuilt).toHaveCount(0);

  // Totals and grades: the numbers of results.get.
  await expect(reports.total('files')).toHaveText(String(model.totals.files));
  await expect(reports.total('final')).toHaveText(String(model.totals.finalFiles));
  await expect(reports.total('mean')).toHaveText(mean2(model.totals.meanHundredths));
  await expect(reports.total('departments')).toHaveText(String(model.totals.departments));
  await expect(reports.gradeRows).toHaveCount(model.totals.grades.length);
  for (const g of model.totals.grades) {
    const row = reports.gradeRow(g.grade);
    await expect(row).toHaveAttribute('data-count', String(g.count));
    await expect(row).toContainText(`${g.count} 份`);
    if (g.percentHundredths !== null) {
      await expect(row).toContainText(`${(g.percentHundredths / 100).toFixed(2)}%`);
    }
  }
  if (model.totals.pendingFiles) {
    await expect(reports.pending).toContainText(`${model.totals.pendingFiles} 份案卷未定分`);
  }

  // The department ranking: as many rows, the first one as the model has it.
  await expect(reports.departmentRows).toHaveCount(model.departments.length);
  const first = model.departments[0]!;
  const row = reports.department(reports.departmentRows.first());
  await expect(row.name).toHaveText(first.departmentName);
  await expect(row.mean).toHaveText(mean2(first.meanHundredths));
  await expect(row.rank).toHaveText(
    first.rank === null ? '未定分' : `${first.tied ? '并列' : ''}第${first.rank}名`,
  );
  for (const g of first.grades) await expect(row.grade(g.grade)).toHaveText(String(g.count));

  // The 优秀 and 不合格 lists and the main problems.
  await expect(reports.excellentList).toHaveAttribute('data-count', String(model.excellent.length));
  await expect(reports.failedList).toHaveAttribute('data-count', String(model.failed.length));
  await expect(reports.problemRows).toHaveCount(Math.min(model.problems.byTag.length, 10));
  const topTag = model.problems.byTag[0];
  if (topTag) {
    await expect(reports.problemRows.first()).toContainText(topTag.name);
    await expect(reports.problemRows.first()).toContainText(String(topTag.occurrences));
  }

  // The agreement figures, each with its reading in words.
  for (const name of ['icc', 'grades', 'veto'] as const) {
    const s = agreement[name];
    const figure = reports.figure(name);
    await expect(figure.value).toHaveText(s.rounded === null ? '—' : s.rounded.toFixed(2));
    await expect(figure.reading).toHaveText(zh(s.reading));
  }
  await shot(page, 'reports-overview', { whole: true });

  // 导出通报: the form is prefilled from results.noticeDefaults; the notice downloads as a DOCX.
  await reports.openNoticeForm();
  await expect(reports.noticeIssuer).toHaveValue(defaults.issuer);
  await expect(reports.noticeTitle).toHaveValue(defaults.title);
  await expect(reports.noticeRecipients).toHaveValue(defaults.recipients);
  await expect(reports.noticeDate).toHaveValue(defaults.date);
  await shot(page, 'reports-notice-form');
  const notice = await reports.exportNotice();
  expect(notice.suggestedFilename()).toMatch(/\.docx$/);
  const docx = await bytesOf(await notice.path());
  expect(Buffer.from(docx.subarray(0, 2)).toString('latin1')).toBe('PK');
  const document = new ZipReader(docx).readText('word/document.xml');
  expect(document).toContain(first.departmentName);

  // 导出成绩表: an XLSX workbook.
  const workbook = await reports.exportWorkbook();
  expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);
  const xlsx = new ZipReader(await bytesOf(await workbook.path()));
  expect(xlsx.has('xl/workbook.xml')).toBe(true);

  // 导出全部评查表: a ZIP of DOCX files.
  const sheets = await reports.exportSheets();
  expect(sheets.suggestedFilename()).toMatch(/\.zip$/);
  const zip = await bytesOf(await sheets.path());
  expect(Buffer.from(zip.subarray(0, 2)).toString('latin1')).toBe('PK');
  await expect(reports.exportError).toHaveCount(0);
  await shot(page, 'reports-exported', { whole: true });
});
