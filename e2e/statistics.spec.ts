// 统计与通报's charts, exports and the notice's live preview and PDF, on the demo workspace's
// finished campaign 2025年度行政执法案卷评查（示例）. The four charts render
// as SVG with one bar per grade, department, problem type and evaluator of results.get; a chart
// exports as a PNG twice its size on screen and a table as an XLSX whose cells are results.get's;
// the notice form's preview follows an edit of the 发文字号; and the print view of the notice and
// of a file's score sheets give PDFs (page.pdf(), as the print dialog would) whose pages and text
// are checked with poppler. Screenshots and the PDFs' pages go to test-results/screens/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD } from '../core/demo/generate';
import { expect, test } from './support/fixtures';
import { SCREENS_DIR } from './support/paths';
import { shot } from './support/screens';
import { chooseOption } from './pages/AntSelect';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';
import { ReportsPage } from './pages/ReportsPage';
import { StatisticsPage, type ChartName } from './pages/StatisticsPage';
import type { AppServer } from './support/server';

test.use({ viewport: { width: 1440, height: 900 } });

const FINISHED = '2025年度行政执法案卷评查（示例）';

/** The demo's finished campaign (every grade present, 复核 settled). */
async function setUp(server: AppServer): Promise<{ session: string; campaignId: string }> {
  await server.call('demo.load', {});
  const { token: session } = await server.call('auth.login', {
    username: 'zuzhi',
    password: DEMO_PASSWORD,
  });
  const { campaigns } = await server.call('campaigns.list', {}, session);
  const done = campaigns.find((c) => c.status === 'done' && c.name === FINISHED);
  expect(done, `the demo holds the finished campaign ${FINISHED}`).toBeTruthy();
  return { session, campaignId: done!.id };
}

const work = mkdtempSync(path.join(tmpdir(), 'statistics-'));

/** Pages and page size (points) of a PDF, by pdfinfo. */
function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    width: Number(size[1]),
    height: Number(size[2]),
  };
}
/** A4 is 595.28 × 841.89 pt; Chromium rounds the page to whole CSS pixels. */
const expectA4 = (i: { width: number; height: number }) => {
  expect(Math.abs(i.width - 595.28)).toBeLessThan(1);
  expect(Math.abs(i.height - 841.89)).toBeLessThan(1);
};
/** The PDF's text without white space (pdftotext spaces out CJK runs). */
const pdfText = (file: string, page?: number) =>
  execFileSync(
    'pdftotext',
    [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'],
    { encoding: 'utf8' },
  ).replace(/\s+/g, '');
/** The PDF's pages as PNGs beside the screenshots, for people to look at. */
const pdfPngs = (file: string, name: string) =>
  execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SCREENS_DIR, name)]);

test('charts, table and chart exports, the notice preview and the PDFs', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  const { session, campaignId } = await setUp(server);
  const results = await server.call('results.get', { campaignId }, session);
  const defaults = await server.call('results.noticeDefaults', { campaignId }, session);
  const { model, agreement } = results;
  expect(model.totals.finalFiles).toBeGreaterThan(0);

  const login = new LoginPage(page);
  const main = new MainWindow(page);
  const reports = new ReportsPage(page);
  const stats = new StatisticsPage(page);
  await login.open(server);
  await login.login('zuzhi', DEMO_PASSWORD);
  await expect(main.welcome).toBeVisible();
  await main.open('reports');
  await expect(reports.root).toHaveAttribute('data-loaded', 'true');
  if ((await reports.root.getAttribute('data-campaign')) !== campaignId) {
    await chooseOption(page, reports.campaignSelect, `${results.name}（已完成）`);
  }
  await reports.expectLoaded(campaignId);

  // The four charts: SVG (ECharts' SVG renderer), one bar per grade, per department with a mean,
  // per problem type (the first 20) and per evaluator with double-scored files.
  const expected = {
    grades: model.totals.grades.length,
    departments: model.departments.filter((d) => d.meanHundredths !== null).length,
    pareto: Math.min(model.problems.byTag.length, 20),
    leniency: agreement.leniency.length,
  };
  expect(expected.departments).toBeGreaterThan(1);
  expect(expected.pareto).toBeGreaterThan(1);
  expect(expected.leniency).toBeGreaterThan(1);
  for (const [name, bars] of Object.entries(expected) as [keyof typeof expected, number][]) {
    const chart = stats.chart(name);
    await expect(chart.canvas.locator('svg')).toHaveCount(1);
    await expect(chart.canvas).toHaveAttribute('data-bars', String(bars));
    await expect.poll(() => chart.bars(), { message: `${name} bars` }).toBe(bars);
  }
  // Chinese labels are in the SVG as text.
  const deptSvg = await stats.chart('departments').canvas.locator('svg').innerHTML();
  expect(deptSvg).toContain(model.departments[0]!.departmentName.slice(0, 6));
  await shot(page, 'statistics-charts', { whole: true });

  // 导出PNG: a PNG twice the chart's size on screen.
  const dept = stats.chart('departments');
  const box = (await dept.canvas.boundingBox())!;
  const png = await stats.download(dept.png);
  expect(png.suggestedFilename()).toBe(`${results.name}-部门平均分排名.png`);
  const pngBytes = readFileSync((await png.path())!);
  expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(pngBytes.toString('latin1', 12, 16)).toBe('IHDR');
  expect(pngBytes.readUInt32BE(16)).toBe(Math.round(box.width) * 2);
  expect(pngBytes.readUInt32BE(20)).toBe(Math.round(box.height) * 2);
  expect(pngBytes.length).toBeGreaterThan(10_000);
  await png.saveAs(path.join(SCREENS_DIR, 'statistics-chart-export.png'));

  // 导出XLSX: the department ranking, read back with exceljs, equals results.get.
  const xlsx = await stats.download(stats.xlsx('departments'));
  expect(xlsx.suggestedFilename()).toBe(`${results.name}-部门排名.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsx.path())!);
  const ws = wb.worksheets[0]!;
  expect(ws.name).toBe('部门排名');
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows[0]).toEqual([
    '名次',
    '并列',
    '部门',
    '案卷数',
    '已定分',
    '平均分',
    '等次',
    ...model.grades.map((g) => `${g.name}（份）`),
    '触及否决项（份）',
    '问题数',
  ]);
  expect(rows.slice(1).map((r) => [r[0] ?? null, r[2], r[3], r[4], r[5] ?? null])).toEqual(
    model.departments.map((d) => [
      d.rank,
      d.departmentName,
      d.files,
      d.finalFiles,
      d.meanHundredths === null ? null : d.meanHundredths / 100,
    ]),
  );

  // The notice form: the preview shows the notice in pages and follows the 发文字号.
  await reports.openNoticeForm();
  await expect(stats.preview).toBeVisible();
  await expect(stats.previewPages.first()).toContainText(defaults.title);
  await expect(stats.previewPageCount).toHaveAttribute('data-pages', /^[1-9]\d*$/);
  const year = defaults.docNumber.year;
  await expect(stats.preview).not.toContainText(`东司通〔${year}〕7号`);
  await page.getByTestId('notice-doc-code').fill('东司通');
  await page.getByTestId('notice-doc-serial').fill('7');
  await expect(stats.previewPages.first()).toContainText(`东司通〔${year}〕7号`);
  await page.getByTestId('notice-recipients').fill('各区属行政执法部门');
  await expect(stats.previewPages.first()).toContainText('各区属行政执法部门：');
  // Every department of the ranking is in attachment 1 of the preview.
  for (const d of model.departments) await expect(stats.preview).toContainText(d.departmentName);
  await shot(page, 'statistics-notice-preview');

  // 导出PDF: the print view of the same notice, printed to PDF.
  await stats.catchPrint();
  await stats.noticePdf.click();
  const printed = stats.printRoot.getByTestId('notice-print');
  await expect(printed).toHaveAttribute('data-print-ready', 'true');
  await expect.poll(() => stats.printCalls()).toBe(1);
  const pages = Number(await printed.getAttribute('data-pages'));
  expect(pages).toBe(Number(await stats.previewPageCount.getAttribute('data-pages')));
  const noticePdf = path.join(work, 'notice.pdf');
  await page.pdf({ path: noticePdf, preferCSSPageSize: true, printBackground: true });
  const info = pdfInfo(noticePdf);
  expectA4(info);
  expect(info.pages).toBe(pages);
  const text = pdfText(noticePdf);
  expect(text).toContain(defaults.title);
  expect(text).toContain(`东司通〔${year}〕7号`);
  expect(text).toContain('各区属行政执法部门：');
  // Page numbers "— n —" on every page; attachment 1 starts a page of its own.
  for (let n = 1; n <= pages; n++) expect(pdfText(noticePdf, n)).toContain(`—${n}—`);
  const first = Array.from({ length: pages }, (_, i) => pdfText(noticePdf, i + 1)).findIndex((p) =>
    p.startsWith('附件1'),
  );
  expect(first).toBeGreaterThan(0);
  pdfPngs(noticePdf, 'statistics-notice-pdf');
  await page.getByRole('button', { name: /取\s*消/ }).click();
  await expect(reports.noticeForm).toBeHidden();

  // A file's score sheets as PDF, from the files table.
  const file = model.files.find((f) => f.final && f.sheets.length >= 2)!;
  const row = stats.filesPanel.locator(`[data-testid="file-row"][data-case="${file.caseId}"]`);
  const index = model.files.indexOf(file);
  const pageNo = Math.floor(index / 10) + 1;
  if (pageNo > 1) {
    await stats.filesPanel.locator(`.ant-pagination-item-${pageNo}`).click();
  }
  await row.getByTestId('sheet-pdf').click();
  const sheets = stats.printRoot.getByTestId('score-sheet-print');
  await expect(sheets).toHaveAttribute('data-print-ready', 'true');
  await expect(sheets.getByTestId('score-sheet-print-sheet')).toHaveCount(file.sheets.length);
  await expect.poll(() => stats.printCalls()).toBe(2);
  const sheetPdf = path.join(work, 'sheet.pdf');
  await page.pdf({ path: sheetPdf, preferCSSPageSize: true, printBackground: true });
  const sheetInfo = pdfInfo(sheetPdf);
  expectA4(sheetInfo);
  expect(sheetInfo.pages).toBeGreaterThanOrEqual(file.sheets.length);
  const sheetText = pdfText(sheetPdf);
  expect(sheetText).toContain('行政执法案卷评查表');
  expect(sheetText).toContain(file.caseNo.replace(/\s+/g, ''));
  expect(sheetText).toContain(
    `本案卷最终得分：${file.final!.total / 10}分（${file.final!.grade}）`,
  );
  pdfPngs(sheetPdf, 'statistics-sheet-pdf');
});

test('the charts and the notice preview in English', async ({ page, server }) => {
  const { session, campaignId } = await setUp(server);
  const { model, name } = await server.call('results.get', { campaignId }, session);
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  const reports = new ReportsPage(page);
  const stats = new StatisticsPage(page);
  await login.open(server);
  await login.login('zuzhi', DEMO_PASSWORD);
  await expect(main.welcome).toBeVisible();
  await main.switchLanguage('English');
  await main.open('reports');
  await expect(reports.root).toHaveAttribute('data-loaded', 'true');
  if ((await reports.root.getAttribute('data-campaign')) !== campaignId) {
    await chooseOption(page, reports.campaignSelect, `${name} (Finished)`);
  }
  await reports.expectLoaded(campaignId);

  const titles = {
    grades: 'Grade distribution',
    departments: 'Departments by mean score',
    pareto: /^Problem Pareto chart/,
    leniency: 'Evaluator leniency',
  } as const;
  for (const [chart, title] of Object.entries(titles) as [ChartName, string | RegExp][]) {
    const c = stats.chart(chart);
    await expect(c.card.locator('.ant-card-head-title')).toHaveText(title);
    await expect(c.png).toHaveText('Export PNG');
    await expect(c.canvas).toHaveAttribute('data-rendered', 'true');
  }
  // The axes are named in English inside the SVG; the grade labels use English brackets.
  await expect(stats.chart('departments').canvas.locator('svg')).toContainText('Mean score');
  await expect(stats.chart('pareto').canvas.locator('svg')).toContainText('Cumulative share');
  const top = model.totals.grades.find((g) => g.count > 0)!;
  await expect(stats.chart('grades').canvas.locator('svg')).toContainText(
    `${top.count} (${(top.percentHundredths! / 100).toFixed(2)}%)`,
  );
  await expect(stats.xlsx('departments')).toHaveText('Export XLSX');
  await shot(page, 'statistics-charts-en');

  // The notice preview follows the account's language.
  await reports.openNoticeForm();
  await expect(stats.previewPages.first()).toContainText('1. Overview');
  await expect(stats.noticePdf).toHaveText('Export PDF');
});
