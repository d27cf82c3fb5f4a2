// Issue 7's acceptance journey on the demo workspace's finished campaign (2025年度, every file
// final): the coordinator opens 统计与通报 on it, exports the evaluation notice (DOCX), the score
// workbook (XLSX) and one file's score sheet (DOCX) — each opened and checked against
// results.get —, then issues a rectification notice to a department on 整改跟踪 and marks one of
// its problems rectified. The detailed checks of each piece live in reports, statistics and
// rectification specs; this one walks the whole way once.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD } from '../core/demo/generate';
import { ZipReader } from '../electron/services/import/zip';
import { DEMO_FINISHED_CAMPAIGN_NAME } from '../electron/services/scoring/demo-campaign';
import { chooseOption } from './pages/AntSelect';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';
import { RectificationPage } from './pages/RectificationPage';
import { ReportsPage } from './pages/ReportsPage';
import { StatisticsPage } from './pages/StatisticsPage';
import { expect, test } from './support/fixtures';
import { shot } from './support/screens';

test.use({ viewport: { width: 1440, height: 900 } });

const bytesOf = async (path: string | null) => new Uint8Array(await readFile(path!));
const textOf = (xml: string) => xml.replace(/<[^>]+>/g, '');

test('the finished demo campaign: statistics, notice, workbook and a score sheet; a rectification notice issued and a problem rectified', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  await server.call('demo.load', {});
  const { token: session } = await server.call('auth.login', {
    username: 'zuzhi',
    password: DEMO_PASSWORD,
  });
  const { campaigns } = await server.call('campaigns.list', {}, session);
  const finished = campaigns.find((c) => c.name === DEMO_FINISHED_CAMPAIGN_NAME)!;
  expect(finished.status).toBe('done');
  const { model } = await server.call('results.get', { campaignId: finished.id }, session);
  expect(model.totals.finalFiles).toBe(model.totals.files);

  const login = new LoginPage(page);
  const main = new MainWindow(page);
  const reports = new ReportsPage(page);
  const stats = new StatisticsPage(page);
  await login.open(server);
  expect((await login.login('zuzhi', DEMO_PASSWORD)).ok).toBe(true);
  await main.open('reports');
  await expect(reports.root).toHaveAttribute('data-loaded', 'true');
  await chooseOption(page, reports.campaignSelect, `${finished.name}（已完成）`);
  await reports.expectLoaded(finished.id);
  await expect(reports.total('files')).toContainText(String(model.totals.files));
  await expect(stats.chart('grades').canvas).toHaveAttribute('data-rendered', 'true');
  await shot(page, 'finished-statistics', { whole: true });

  // The notice, as DOCX: its title and the number of files evaluated.
  await reports.openNoticeForm();
  const notice = await reports.exportNotice();
  expect(notice.suggestedFilename()).toMatch(/\.docx$/);
  const noticeText = textOf(
    new ZipReader(await bytesOf(await notice.path())).readText('word/document.xml'),
  );
  expect(noticeText).toContain('案卷评查情况的通报');
  expect(noticeText).toContain(String(model.totals.files));

  // The score workbook: one row per file with its final score.
  const workbook = await reports.exportWorkbook();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await bytesOf(await workbook.path())) as never);
  const rows = book.worksheets[0]!.actualRowCount;
  expect(rows).toBeGreaterThanOrEqual(model.files.length + 1);

  // One file's score sheet (评查表) as DOCX: the case number is on it.
  const file = model.files[0]!;
  const row = stats.filesPanel.locator(`[data-testid="file-row"][data-case="${file.caseId}"]`);
  const sheet = await stats.download(row.getByTestId('sheet-docx'));
  expect(sheet.suggestedFilename()).toMatch(/\.docx$/);
  const sheetText = textOf(
    new ZipReader(await bytesOf(await sheet.path())).readText('word/document.xml'),
  );
  expect(sheetText).toContain(file.caseNo);

  // 整改跟踪: a rectification notice to the department with the most problems, then one of its
  // problems is rectified (整改中 with the reply, then 已整改).
  const overview = await server.call('rectify.overview', { campaignId: finished.id }, session);
  const dept = [...overview.departments].sort((a, b) => b.problems - a.problems)[0]!;
  await page.getByTestId('nav-rectification').click();
  const rect = new RectificationPage(page);
  await rect.expectLoaded(finished.id);
  const issued = await rect.issue(dept.departmentName);
  expect(issued.suggestedFilename()).toBe(`整改通知书-${dept.departmentName}.docx`);
  await rect.department(dept.departmentName).getByTestId('rect-view').click();
  const item = rect.problemRows.first();
  await expect(item.getByTestId('rect-status')).toHaveText('未整改');
  await rect.openUpdate(item);
  await rect.chooseStatus('整改中');
  await rect.updateReply.fill('已组织承办人员逐案补正，并开展专题培训');
  await rect.save();
  await rect.openUpdate(item);
  await rect.chooseStatus('已整改');
  await rect.save();
  await expect(item.getByTestId('rect-status')).toHaveText('已整改');
  const summary = await server.call('rectify.summary', { campaignId: finished.id }, session);
  expect(summary.totals.counts.rectified).toBe(1);
  await shot(page, 'finished-rectified', { whole: true });
});
