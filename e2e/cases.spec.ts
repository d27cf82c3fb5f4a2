// 案卷库 journeys: both sample catalogues imported through the UI (planted defects by row and
// column, the problems report, unknown departments created, GB18030 detected, updates counted);
// filtering, sorting, paging, the column chooser and the Excel export on the demo workspace; one
// case file created by hand, edited and deleted; attachments (a PDF, an image) in the viewer.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Envelope } from '../core/api/errors';
import type { MethodOutput } from '../core/api/contract';
import { expect, test as base } from './support/fixtures';
import { twoPagePdf } from './support/pdf';
import { shot } from './support/screens';
import { ROOT } from './support/paths';
import { CaseDetailPage, CasesPage } from './pages/CasesPage';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';

const SAMPLES = path.join(ROOT, 'e2e', 'fixtures', 'samples');
const CATALOGUE = path.join(SAMPLES, '东湖区2025年度行政执法案卷目录.xlsx');
const GB18030_CSV = path.join(SAMPLES, '另一办案系统导出-GB18030.csv');

interface DemoAccount {
  username: string;
  password: string;
}

// The demo workspace (30 departments, 2,000 case files) is quicker than importing for the
// journeys that need a full registry. Only this spec uses it.
const test = base.extend<{ demo: DemoAccount }>({
  demo: async ({ server }, use) => {
    const info = await server.call('demo.load', {});
    expect(info.counts.cases).toBe(2000);
    await use({ username: 'zuzhi', password: info.password });
  },
});

test.use({ viewport: { width: 1440, height: 900 } });

async function signIn(page: Page, url: string, account: DemoAccount): Promise<MainWindow> {
  const login = new LoginPage(page);
  await page.goto(url);
  const r = await login.login(account.username, account.password);
  expect(r.ok).toBe(true);
  return new MainWindow(page);
}

/** How many pixels of the viewer's canvas are strongly blue / red (the rectangles drawn). */
async function canvasColours(page: Page): Promise<{ blue: number; red: number }> {
  return page.getByTestId('viewer-canvas').evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let blue = 0;
    let red = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (b > 140 && r < 70 && g < 120) blue++;
      if (r > 150 && g < 60 && b < 60) red++;
    }
    return { blue, red };
  });
}

async function isXlsx(filePath: string): Promise<boolean> {
  const bytes = await readFile(filePath);
  return bytes.length > 100 && bytes.subarray(0, 2).toString('latin1') === 'PK';
}

test('both sample catalogues import through the UI, with every planted defect by row and column', async ({
  page,
  server,
  coordinator,
}) => {
  test.setTimeout(120_000);
  const main = await signIn(page, server.url, coordinator);
  const cases = new CasesPage(page);
  await main.open('cases');
  await expect(main.pageTitle).toHaveText('案卷库');
  await cases.expectTotal(0);
  await expect(cases.table).toContainText('案卷库中还没有案卷');

  // 1. The 600-row catalogue (XLSX): preview.
  await cases.importButton.click();
  const wizard = page.getByTestId('import-wizard');
  await wizard.locator('input[type=file]').setInputFiles(CATALOGUE);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-count-new')).toContainText('594');
  await expect(page.getByTestId('import-count-error')).toContainText('6');
  await expect(page.getByTestId('import-count-update')).toContainText('0');
  await shot(page, 'cases-import-preview');

  // The problems tab lists each planted defect with its spreadsheet row and column.
  await preview
    .locator('.ant-radio-button-wrapper')
    .filter({ hasText: /^错误$/ })
    .click();
  const problems = page.getByTestId('import-problems').locator('tbody tr.ant-table-row');
  const errors = await problems.evaluateAll((rows) =>
    rows.map((r) => {
      const cells = [...r.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
      return { row: cells[0], column: cells[1], value: cells[3], problem: cells[4] };
    }),
  );
  const at = (row: string, letter: string) =>
    errors.filter((e) => e.row === row && e.column?.startsWith(`${letter} · `));
  expect(at('21', 'J'), '执法部门 empty').toHaveLength(1);
  expect(at('21', 'J')[0]!.column).toContain('执法部门');
  expect(at('46', 'M')[0]!.value).toBe('2025-02-30');
  expect(at('46', 'M')[0]!.problem).toContain('2025年2月只有 28 天');
  expect(at('47', 'M')[0]!.value).toBe('2025-02-30');
  expect(
    errors
      .filter((e) => e.row === '47')
      .map((e) => e.problem)
      .join(' '),
  ).toContain('46');
  expect(at('92', 'B')[0]!.column).toContain('决定书文号');
  expect(at('124', 'Q')[0]!.value).toBe('五千元');
  expect(at('204', 'D')[0]!.value).toBe('行政裁决');
  expect(new Set(errors.map((e) => e.row))).toEqual(
    new Set(['21', '46', '47', '92', '124', '204']),
  );

  // The problems report downloads as an XLSX file.
  const [report] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('import-download-problems').click(),
  ]);
  expect(report.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(await isXlsx(await report.path())).toBe(true);

  // All 30 departments are unknown in a fresh workspace; they are created.
  await preview.getByRole('tab', { name: /未知执法部门/ }).click();
  const unknown = page.getByTestId('import-departments').locator('tbody tr.ant-table-row');
  await expect(unknown).toHaveCount(30);
  await expect(unknown.getByRole('radio', { name: '新建部门', checked: true })).toHaveCount(30);

  const [committed] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/rpc/imports.commit')),
    page.getByTestId('import-commit').click(),
  ]);
  const first = (await committed.json()) as Envelope<MethodOutput<'imports.commit'>>;
  expect(first.ok && first.data.counts).toMatchObject({ new: 594, departmentsCreated: 30 });
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.getByTestId('import-close').click();
  await expect(wizard).toBeHidden();
  await cases.expectTotal(594);
  await expect(cases.total).toHaveText('共 594 件案卷');

  // 2. The other system's GB18030 CSV on top: detected as GB18030; some rows update files of
  // the first catalogue.
  await cases.importButton.click();
  await wizard.locator('input[type=file]').setInputFiles(GB18030_CSV);
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview).toContainText('CSV · GB18030');
  const count = async (k: string) =>
    Number(
      (
        await page
          .getByTestId(`import-count-${k}`)
          .locator('.ant-statistic-content-value')
          .innerText()
      ).replace(/\D/g, ''),
    );
  const csvNew = await count('new');
  const csvUpdate = await count('update');
  // What the services report today: 92 files new to the registry, 58 updates of the first
  // catalogue's files; every department in it is already known.
  expect({ csvNew, csvUpdate }).toEqual({ csvNew: 92, csvUpdate: 58 });
  const [committed2] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/rpc/imports.commit')),
    page.getByTestId('import-commit').click(),
  ]);
  const second = (await committed2.json()) as Envelope<MethodOutput<'imports.commit'>>;
  expect(second.ok && second.data.counts).toMatchObject({
    new: 92,
    update: 58,
    departmentsCreated: 0,
  });
  await page.getByTestId('import-close').click();
  await cases.expectTotal(594 + 92);
});

test('the registry filters, sorts, pages, remembers the chosen columns and exports to Excel', async ({
  page,
  server,
  demo,
}) => {
  test.setTimeout(120_000);
  const main = await signIn(page, server.url, demo);
  const cases = new CasesPage(page);
  await main.open('cases');
  await cases.expectTotal(2000);
  await expect(cases.rows).toHaveCount(20);
  await expect(cases.total).toHaveText('共 2000 件案卷');
  await shot(page, 'cases-list');

  // Type filter: only 行政许可 files remain.
  await cases.filterByType('行政许可');
  const permits = await cases.totalCount();
  expect(permits).toBeGreaterThan(0);
  expect(permits).toBeLessThan(2000);
  await expect(cases.total).toContainText(`筛选出 ${permits} 件案卷（案卷库共 2000 件）`);
  for (const type of await cases.cells('caseType').allInnerTexts()) expect(type).toBe('行政许可');

  // Free text on top (a word of a cause on the first page): fewer files, each matching it.
  const cause = (await cases.cells('cause').first().innerText()).trim();
  const word = cause.slice(0, 2);
  await cases.searchFor(word);
  const matching = await cases.totalCount();
  expect(matching).toBeGreaterThan(0);
  expect(matching).toBeLessThanOrEqual(permits);
  const rows = await cases.rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
  for (const text of rows) expect(text).toContain(word);
  for (const type of await cases.cells('caseType').allInnerTexts()) expect(type).toBe('行政许可');

  await cases.listAfter(() => cases.resetFilters.click());
  await cases.expectTotal(2000);
  await expect(cases.search).toHaveValue('');

  // Sorting by amount, ascending then descending (empty amounts last).
  const amounts = async () =>
    (await cases.cells('amountFen').allInnerTexts())
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => Number(s.replace(/[¥,]/g, '')));
  await cases.sortBy('罚没金额');
  const asc = await amounts();
  expect(asc.length).toBeGreaterThan(0);
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
  await cases.sortBy('罚没金额');
  const desc = await amounts();
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  expect(desc[0]).toBeGreaterThan(asc[0]!);
  expect(await cases.cells('amountFen').first().innerText()).toMatch(/^¥\d{1,3}(,\d{3})*\.\d{2}$/);

  // Paging: page 2 shows other files; 50 per page.
  const firstPage = await cases.cells('caseNo').allInnerTexts();
  await cases.goToPage(2);
  const secondPage = await cases.cells('caseNo').allInnerTexts();
  expect(secondPage).toHaveLength(20);
  expect(secondPage.filter((n) => firstPage.includes(n))).toEqual([]);
  await expect(page.locator('.ant-pagination-total-text')).toHaveText('第 21–40 件 / 共 2000 件');
  await cases.setPageSize(50);
  await expect(cases.rows).toHaveCount(50);

  // Column chooser: show 承办人, hide 案由; the choice survives a reload.
  await cases.columnsButton.click();
  await page.getByTestId('column-handlers').click();
  await page.getByTestId('column-cause').click();
  await page.keyboard.press('Escape');
  await expect(cases.columnHeader('承办人')).toHaveCount(1);
  await expect(cases.columnHeader('案由')).toHaveCount(0);
  await page.reload();
  await cases.expectTotal(2000);
  await expect(cases.columnHeader('承办人')).toHaveCount(1);
  await expect(cases.columnHeader('案由')).toHaveCount(0);
  await expect(cases.rows).toHaveCount(50);

  // Export of the current filter to Excel.
  await cases.filterByType('行政处罚');
  const download = await cases.exportXlsx();
  expect(download.suggestedFilename()).toMatch(/^案卷库-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(await isXlsx(await download.path())).toBe(true);

  // The same screen in English.
  await main.switchLanguage('English');
  await expect(cases.total).toContainText('case files match (of 2000 in the registry)');
  await expect(cases.columnHeader('Decision number')).toHaveCount(1);
  await expect(cases.createButton).toHaveText('New case file');
  await shot(page, 'cases-list-en-US');
});

test('a case file is created by hand, its number refused again in that department, edited and deleted', async ({
  page,
  server,
  demo,
}) => {
  test.setTimeout(120_000);
  const main = await signIn(page, server.url, demo);
  const cases = new CasesPage(page);
  const detail = new CaseDetailPage(page);
  await main.open('cases');
  await cases.expectTotal(2000);

  // Create: the server's field errors show on the fields, then the saved file opens.
  await cases.createButton.click();
  await cases.fillForm({
    caseNo: '东市监处罚[2025]9001号',
    caseTypeLabel: '行政处罚',
    procedureLabel: '普通程序',
    cause: '销售过期食品',
    departmentName: '东湖区市场监督管理局',
    partyName: '东湖区某某超市',
    partyType: '个体工商户',
    handlers: '张三、李四',
    decidedOn: '2025-06-18',
    amountYuan: '12345.6',
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    pageCount: '36',
  });
  await shot(page, 'cases-form');
  const created = await cases.submitForm('cases.create');
  expect(created.ok, JSON.stringify(created)).toBe(true);
  await expect(detail.root).toBeVisible();
  await expect(detail.title).toHaveText('东市监处罚〔2025〕9001号');
  await expect(detail.field('caseNoRaw')).toHaveText('东市监处罚[2025]9001号');
  await expect(detail.field('amount')).toHaveText('¥12,345.60');
  await expect(detail.field('department')).toHaveText('东湖区市场监督管理局');
  await expect(detail.field('decidedOn')).toHaveText('2025-06-18');
  await expect(detail.field('procedure')).toHaveText('普通程序');
  await expect(detail.field('pageCount')).toHaveText('36');
  await expect(detail.field('source')).toHaveText('手工录入');

  // The same number in the same department again: refused, with the message on the field.
  await detail.backLink.click();
  await cases.createButton.click();
  await cases.fillForm({
    caseNo: '东市监处罚〔2025〕9001号',
    departmentName: '东湖区市场监督管理局',
  });
  const clash = await cases.submitForm('cases.create');
  expect(clash.ok).toBe(false);
  await expect(cases.form.locator('.ant-form-item-explain-error')).toContainText(
    '该部门已有文号为“东市监处罚〔2025〕9001号”的案卷',
  );
  await cases.form.getByRole('button', { name: /取\s*消/ }).click();
  await expect(cases.form).toBeHidden();

  // Find it by free text and open it.
  await cases.searchFor('9001');
  await cases.expectTotal(1);
  await cases.rows.first().getByTestId('case-link').click();
  await expect(detail.title).toHaveText('东市监处罚〔2025〕9001号');

  // Edit.
  await detail.editButton.click();
  await expect(page.getByTestId('case-caseNo')).toHaveValue('东市监处罚[2025]9001号');
  await expect(page.getByTestId('case-amount')).toHaveValue('12,345.60');
  await cases.fillForm({
    cause: '销售超过保质期的食品',
    amountYuan: '20000',
    statusLabel: '办理中',
  });
  const updated = await cases.submitForm('cases.update');
  expect(updated.ok, JSON.stringify(updated)).toBe(true);
  await expect(cases.form).toBeHidden();
  await expect(detail.field('cause')).toHaveText('销售超过保质期的食品');
  await expect(detail.field('amount')).toHaveText('¥20,000.00');
  await expect(detail.field('status')).toHaveText('办理中');

  // Delete the case file: back to the list, and it is gone.
  await detail.deleteCase();
  await expect(cases.list).toBeVisible();
  await cases.expectTotal(0);
  await cases.listAfter(() => cases.resetFilters.click());
  await cases.expectTotal(2000);
});

test('a PDF and an image attached to a case file show in the viewer (pages, zoom) and are removed', async ({
  page,
  server,
  demo,
}) => {
  test.setTimeout(120_000);
  const main = await signIn(page, server.url, demo);
  const detail = new CaseDetailPage(page);
  const session = (await main.sessionToken()) ?? undefined;
  const { departments } = await server.call('departments.list', {}, session);
  const created = await server.call(
    'cases.create',
    {
      caseNo: '东市监处罚〔2025〕9002号',
      caseType: 'penalty',
      procedure: 'normal',
      cause: '未按规定公示食品经营许可证',
      partyName: '东湖区某某餐馆',
      departmentId: departments.find((d) => d.name === '东湖区市场监督管理局')!.id,
      decidedOn: '2025-05-06',
      amountFen: 300000,
      status: 'closed',
    },
    session,
  );
  await main.gotoHash(`#/cases/${created.id}`);
  await expect(detail.title).toHaveText('东市监处罚〔2025〕9002号');
  await expect(page.getByTestId('case-viewer')).toContainText('本案卷还没有附件');

  // Attach a PDF: it is listed and the viewer renders page 1 on a canvas.
  await expect(detail.attachmentRows).toHaveCount(0);
  await detail.addAttachment({
    name: '案卷扫描件.pdf',
    mimeType: 'application/pdf',
    buffer: twoPagePdf(),
  });
  await expect(detail.attachmentRows).toHaveCount(1);
  await expect(detail.attachmentRows.first()).toContainText('案卷扫描件.pdf');
  await expect(detail.viewer).toBeVisible();
  await expect(detail.viewerCanvas).toHaveAttribute('data-rendered-page', '1');
  await expect(detail.viewerPage).toHaveText('第 1 / 2 页');
  const box = await detail.viewerCanvas.boundingBox();
  expect(box!.width).toBeGreaterThan(300);
  expect(box!.height).toBeGreaterThan(box!.width);
  const page1 = await canvasColours(page);
  expect(page1.blue).toBeGreaterThan(5000);
  expect(page1.red).toBe(0);
  await shot(page, 'cases-detail-pdf');

  // Page navigation and zoom.
  await page.getByTestId('viewer-next').click();
  await expect(detail.viewerCanvas).toHaveAttribute('data-rendered-page', '2');
  await expect(detail.viewerPage).toHaveText('第 2 / 2 页');
  await expect(page.getByTestId('viewer-next')).toBeDisabled();
  expect((await canvasColours(page)).red).toBeGreaterThan(5000);
  const zoomBefore = await page.getByTestId('viewer-zoom').innerText();
  await page.getByTestId('viewer-zoom-in').click();
  await expect(page.getByTestId('viewer-zoom')).not.toHaveText(zoomBefore);
  const wider = await detail.viewerCanvas.boundingBox();
  expect(wider!.width).toBeGreaterThan(box!.width);
  await page.getByTestId('viewer-prev').click();
  await expect(detail.viewerPage).toHaveText('第 1 / 2 页');

  // An image: shown from a blob: URL; choosing the PDF in the list shows it again.
  const png = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 240;
    canvas.height = 160;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#1e5aa8';
    ctx.fillRect(0, 0, 240, 160);
    return canvas.toDataURL('image/png').split(',')[1]!;
  });
  await detail.addAttachment({
    name: '现场照片.png',
    mimeType: 'image/png',
    buffer: Buffer.from(png, 'base64'),
  });
  await expect(detail.attachmentRows).toHaveCount(2);
  const image = page.getByTestId('viewer-image');
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('src', /^blob:/);
  expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(240);
  await expect(page.getByTestId('viewer-file-name')).toHaveText('现场照片.png');
  await detail.attachmentRows.filter({ hasText: '案卷扫描件.pdf' }).click();
  await expect(detail.viewerCanvas).toHaveAttribute('data-rendered-page', '1');

  // Remove both: the viewer falls back to the remaining one, then says there is none.
  await detail.removeAttachment('案卷扫描件.pdf');
  await expect(detail.attachmentRows).toHaveCount(1);
  await expect(image).toBeVisible();
  await detail.removeAttachment('现场照片.png');
  await expect(detail.attachmentRows).toHaveCount(0);
  await expect(detail.viewer).toHaveCount(0);
  await expect(page.getByTestId('case-viewer')).toContainText('本案卷还没有附件');
  const after = await server.call('cases.get', { id: created.id }, session);
  expect(after.attachments).toEqual([]);
});
