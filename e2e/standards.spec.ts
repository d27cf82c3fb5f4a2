// 评查标准: a template built from scratch in the editor, published, a new draft changed while the
// published version stays as it was, published again; the try-it pane on the default 行政处罚
// template; XLSX export → import → export with identical content; an XLSX with mistakes refused
// with the positions of its problems; a new problem tag saved and chosen on an item.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test, type Coordinator } from './support/fixtures';
import { shot } from './support/screens';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';
import { StandardEditor, StandardsListPage, TagsTab } from './pages/StandardsPage';
import type { AppServer } from './support/server';

const PENALTY = '行政处罚案卷评查标准（普通程序）— 默认';
const PERMIT = '行政许可案卷评查标准 — 默认';
const COERCION = '行政强制执行案卷评查标准 — 默认';

async function signIn(
  page: Page,
  server: AppServer,
  coordinator: Coordinator,
): Promise<MainWindow> {
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  await login.open(server);
  const answer = await login.login(coordinator.username, coordinator.password);
  expect(answer.ok).toBe(true);
  await expect(main.welcome).toBeVisible();
  return main;
}

/** Every sheet's cell values, by sheet name and A1 address. */
async function cellsOf(file: string): Promise<Record<string, Record<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, Record<string, unknown>> = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells[cell.address] = cell.value;
      });
    });
    out[ws.name] = cells;
  });
  return out;
}

test.use({ viewport: { width: 1440, height: 900 } });

test('a template built from scratch is published; a new draft changes while the published version stays the same; the draft becomes version 2', async ({
  page,
  server,
  coordinator,
}) => {
  // About 20 s alone; a long journey, so room for a busy machine running tests in parallel.
  test.setTimeout(120_000);
  const main = await signIn(page, server, coordinator);
  const list = new StandardsListPage(page);
  const editor = new StandardEditor(page);
  await main.open('standards');
  await list.expectLoaded(3);
  await expect(list.row(PENALTY)).toContainText('第 1 版');
  await expect(list.row(PENALTY)).toContainText('行政处罚、普通程序');
  await shot(page, 'standards-list');

  const name = '东湖区行政处罚案卷评查标准（试行）';
  const created = await list.create(name, '空白标准');
  expect(created.ok).toBe(true);
  await expect(editor.status).toHaveText('草稿');
  await expect(editor.name).toHaveText(name);

  // 基本信息: applies to 行政处罚, 普通程序.
  await editor.selectKey('settings');
  await editor.choose(editor.field('caseTypes'), '行政处罚');
  await editor.field('procedures').getByText('普通程序').click();

  // Category A becomes 程序; two items: per occurrence and fixed with a per-defect deduction.
  await editor.selectKey('cat.0');
  await editor.field('name').fill('程序');
  await editor.addItem();
  await expect(editor.node('A1')).toBeVisible();
  await editor.field('text').fill('立案审批及时，负责人审批意见及签名齐全');
  await editor.setPoints('max', '30');
  await editor.setMode('按处扣分');
  await editor.setPoints('unit', '2');
  await expect(editor.form.getByTestId('rule-preview')).toContainText('每处扣2分；扣完为止');

  await editor.addItem();
  await expect(editor.node('A2')).toBeVisible();
  await editor.setMode('固定扣分');
  await editor.field('text').fill('重大案件经负责人集体讨论并有记录');
  await editor.setPoints('max', '30');
  await editor.setPoints('deduct', '10');
  await editor.setPoints('partialUnit', '1.5');
  await expect(editor.form.getByTestId('rule-preview')).toContainText(
    '缺失的扣10分；不规范的每处扣1.5分',
  );

  // A second category with a range item.
  await editor.addCategory();
  await expect(editor.nodeByKey('cat.1')).toBeVisible();
  await editor.field('name').fill('实体');
  await editor.addItem();
  await expect(editor.node('B1')).toBeVisible();
  await editor.setMode('区间扣分');
  await editor.field('text').fill('适用裁量基准并说明从轻、减轻或从重的理由，过罚相当');
  await editor.setPoints('max', '40');
  await editor.setPoints('rangeMin', '5');
  await editor.setPoints('rangeMax', '40');
  await editor.setPoints('step', '0.5');
  await expect(editor.form.getByTestId('rule-preview')).toContainText('视情节扣5–40分');

  // A veto item.
  await editor.addVeto();
  await expect(editor.node('V1')).toBeVisible();
  await editor.field('text').fill('执法主体不具备处罚权或超越法定职权');

  // Drag to reorder: A2 before A1, back with the move button; B1 into category A and back.
  await editor.drag('A2', editor.node('A1'), 'top');
  await expect.poll(() => editor.itemCodes()).toEqual(['A2', 'A1', 'B1']);
  await expect(editor.field('code')).toHaveValue('A2');
  await page.getByTestId('node-move-down').click();
  await expect.poll(() => editor.itemCodes()).toEqual(['A1', 'A2', 'B1']);
  await editor.drag('B1', editor.nodeByKey('cat.0'), 'bottom');
  await expect.poll(() => editor.itemCodes()).toEqual(['B1', 'A1', 'A2']);
  await expect(editor.nodeByKey('cat.0').getByTestId('category-sum')).toHaveText('100/100');
  await editor.drag('B1', editor.nodeByKey('cat.1'), 'bottom');
  await expect.poll(() => editor.itemCodes()).toEqual(['A1', 'A2', 'B1']);

  // The totals do not add up yet: the problems say so, and the nodes are marked.
  await expect(editor.nodeByKey('cat.0').getByTestId('category-sum')).toHaveText('60/100');
  await expect(editor.nodeByKey('cat.1').getByTestId('category-sum')).toHaveText('40/0');
  await expect(
    editor.problemItems.filter({ hasText: '类别“程序”下各项目满分合计为 60 分' }),
  ).toHaveCount(1);
  await expect(editor.problemItems.filter({ hasText: '各类别满分合计为 100 分' })).toHaveCount(0);
  await expect(editor.publishButton).toBeDisabled();
  await expect(editor.nodeByKey('cat.0').getByTestId('tree-problem')).toBeVisible();
  await editor.expectSaved();
  await editor.select('B1');
  await expect(editor.form.getByTestId('field-max-problem')).toContainText('超过所在类别“实体”');
  await shot(page, 'standards-editor-problem');

  // A click on a problem selects its node.
  await editor.problemItems.filter({ hasText: '类别“实体”' }).first().click();
  await expect(editor.field('name')).toHaveValue('实体');
  await editor.setPoints('max', '40');
  await editor.selectKey('cat.0');
  await editor.setPoints('max', '60');
  await expect(editor.problems).toHaveAttribute('data-count', '0');
  await expect(editor.problems).toContainText('没有发现问题');
  await expect(editor.total).toHaveText('合计 100 / 100 分');
  await editor.expectSaved();

  // Publish: version 1, read-only.
  const published = await editor.publish();
  expect(published.ok).toBe(true);
  await expect(editor.status).toHaveText('第 1 版 · 已发布');
  await expect(editor.readonlyNote).toBeVisible();
  const v1 = editor.versionId();
  const v1Data = await server.call('standards.get', { versionId: v1 }, coordinator.session);
  expect(v1Data.status).toBe('published');
  expect(v1Data.version).toBe(1);
  expect(v1Data.content.appliesTo).toEqual({ caseTypes: ['penalty'], procedures: ['normal'] });
  expect(v1Data.content.categories.map((c) => [c.code, c.name, c.max])).toEqual([
    ['A', '程序', 600],
    ['B', '实体', 400],
  ]);
  expect(v1Data.content.categories[0]!.items[1]).toMatchObject({
    code: 'A2',
    mode: 'fixed',
    deduct: 100,
    partialUnit: 15,
  });
  expect(v1Data.content.categories[1]!.items[0]).toMatchObject({
    code: 'B1',
    mode: 'range',
    rangeMin: 50,
    rangeMax: 400,
    step: 5,
  });
  expect(v1Data.content.vetoItems).toEqual([
    expect.objectContaining({ code: 'V1', effect: 'zero' }),
  ]);
  // Nothing in the published version can be edited.
  await editor.select('A1');
  await expect(editor.field('text')).toBeDisabled();

  // A new draft: change A1's text and maximum, and the category and total with it.
  await editor.newDraft();
  await expect(editor.status).toHaveText('草稿 · 基于第 1 版');
  const draftId = editor.versionId();
  expect(draftId).not.toBe(v1);
  await editor.select('A1');
  await editor.field('text').fill('立案审批及时，负责人审批意见、签名及日期齐全');
  await editor.setPoints('max', '35');
  await editor.selectKey('cat.0');
  await editor.setPoints('max', '65');
  await editor.selectKey('settings');
  await editor.setPoints('total', '105');
  await expect(editor.problems).toHaveAttribute('data-count', '0');
  await editor.expectSaved();

  const v1After = await server.call('standards.get', { versionId: v1 }, coordinator.session);
  expect(v1After.contentSha256).toBe(v1Data.contentSha256);
  expect(v1After.content).toEqual(v1Data.content);
  expect(v1After.content.categories[0]!.items[0]).toMatchObject({
    text: '立案审批及时，负责人审批意见及签名齐全',
    max: 300,
  });
  const draft = await server.call('standards.get', { versionId: draftId }, coordinator.session);
  expect(draft.status).toBe('draft');
  expect(draft.contentSha256).not.toBe(v1Data.contentSha256);
  expect(draft.content.categories[0]!.items[0]).toMatchObject({
    text: '立案审批及时，负责人审批意见、签名及日期齐全',
    max: 350,
  });
  expect(draft.content.total).toBe(1050);

  // The published version, opened in the editor, still shows the old text.
  await page.getByTestId('editor-versions').click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .locator('.ant-select-item-option[title="第 1 版"]')
    .click();
  await expect(editor.status).toHaveText('第 1 版 · 已发布');
  await editor.select('A1');
  await expect(editor.field('text')).toHaveValue('立案审批及时，负责人审批意见及签名齐全');
  await expect(editor.readonlyNote).toContainText('已有一份草稿');

  // Back to the draft and publish it: version 2.
  await page.getByTestId('editor-open-draft').click();
  await expect(editor.status).toHaveText('草稿 · 基于第 1 版');
  const second = await editor.publish();
  expect(second.ok).toBe(true);
  await expect(editor.status).toHaveText('第 2 版 · 已发布');
  const versions = await server.call(
    'standards.versions',
    { templateId: v1Data.templateId },
    coordinator.session,
  );
  expect(versions.versions.map((v) => [v.version, v.status])).toEqual(
    expect.arrayContaining([
      [1, 'published'],
      [2, 'published'],
    ]),
  );
  expect(versions.versions).toHaveLength(2);

  // The list shows the new template with its latest version and no draft.
  await page.getByTestId('editor-back').click();
  await list.expectLoaded(4);
  await expect(list.row(name)).toContainText('第 2 版');
  await expect(list.row(name)).toContainText('3 个项目 · 1 个否决项');
});

test('try it: 3 occurrences on a 2-point item of maximum 6 score 0; a veto with effect zero gives 0 and 不合格; an amount out of range is refused', async ({
  page,
  server,
  coordinator,
}) => {
  const main = await signIn(page, server, coordinator);
  const list = new StandardsListPage(page);
  const editor = new StandardEditor(page);
  await main.open('standards');
  await list.open(PENALTY);
  await expect(editor.status).toHaveText('第 1 版 · 已发布');
  await editor.view('try');
  await expect(editor.tryTotal).toHaveText('100');
  await expect(editor.tryGrade).toHaveText('优秀');

  const a1 = editor.tryItem('A1');
  await expect(a1).toContainText('每处扣2分；扣完为止');
  await a1.getByTestId('try-count').fill('3');
  await expect(a1.getByTestId('try-item-score')).toHaveText('0');
  await expect(editor.page.locator('[data-testid="try-category-score"][data-code="A"]')).toHaveText(
    '24 / 30',
  );
  await expect(editor.tryTotal).toHaveText('94');
  await expect(editor.tryGrade).toHaveText('优秀');

  // A fixed item missing entirely, then the range item with an amount inside its range.
  await editor.tryItem('B6').getByTestId('try-missing').check();
  await expect(editor.tryItem('B6').getByTestId('try-item-score')).toHaveText('0');
  await expect(editor.tryTotal).toHaveText('91');
  await editor.tryItem('A4').getByTestId('try-amount').fill('3.5');
  await expect(editor.tryItem('A4').getByTestId('try-item-score')).toHaveText('4.5');
  await expect(editor.tryTotal).toHaveText('87.5');
  await expect(editor.tryGrade).toHaveText('良好');

  // Out of its range (2–8): the scoring function's refusal, not a clamp.
  await editor.tryItem('A4').getByTestId('try-amount').fill('9');
  await expect(editor.tryProblems).toContainText('项目“A4”的扣分应在');
  await expect(editor.tryItem('A4').getByTestId('try-item-problem')).toBeVisible();
  await expect(editor.tryTotal).toHaveCount(0);
  await editor.tryItem('A4').getByTestId('try-amount').fill('3.5');
  await expect(editor.tryTotal).toHaveText('87.5');

  // A veto item with effect zero: total 0, 不合格.
  await editor.tryVeto('V1').check();
  await expect(editor.tryTotal).toHaveText('0');
  await expect(editor.tryGrade).toHaveText('不合格');
  await expect(page.getByTestId('try-veto-hits')).toContainText('V1');
  await shot(page, 'standards-try');

  // The print preview of the same version, and its Word export.
  await editor.view('print');
  await expect(editor.print).toContainText(PENALTY);
  await expect(editor.print.getByTestId('print-veto-table')).toContainText('V10');
  await expect(
    editor.print.getByTestId('print-scoring-table').locator('tr[data-code="A1"]'),
  ).toContainText('每处扣2分；扣完为止');
  await expect(editor.print.getByTestId('print-band').first()).toHaveText(
    '优秀：90 分以上（含）。',
  );
  // Tall enough for the whole printed standard in one picture.
  await page.setViewportSize({ width: 1440, height: 3000 });
  await shot(page, 'standards-print');
  await page.setViewportSize({ width: 1440, height: 900 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('print-export-docx').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});

test('XLSX export of the default 行政许可 template, imported through the UI and exported again, has identical content', async ({
  page,
  server,
  coordinator,
}, testInfo) => {
  // Known gap outside the UI: electron/services/standards/xlsx.ts reads every cell with
  // cleanText (core/import/text.ts), which drops whitespace next to CJK characters, so the name
  // "行政许可案卷评查标准 — 默认" comes back as "行政许可案卷评查标准—默认". Everything else must be
  // identical; the name alone is compared without whitespace (this holds before and after a fix).
  testInfo.annotations.push({
    type: 'issue',
    description: 'XLSX import drops whitespace next to CJK characters in texts (template name)',
  });
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  const permitName = /^行政许可案卷评查标准\s*—\s*默认$/;

  const main = await signIn(page, server, coordinator);
  const list = new StandardsListPage(page);
  const editor = new StandardEditor(page);
  await main.open('standards');
  await list.open(PERMIT);
  const permitId = editor.versionId();
  const first = await editor.export('xlsx');
  expect(first.suggestedFilename()).toBe('行政许可案卷评查标准 — 默认-v1.xlsx');
  const firstPath = testInfo.outputPath('first.xlsx');
  await first.saveAs(firstPath);

  await page.getByTestId('editor-back').click();
  await list.expectLoaded(3);
  const imported = await list.importFile(firstPath);
  expect(imported.ok, JSON.stringify(imported)).toBe(true);
  await expect(editor.root).toHaveAttribute('data-status', 'draft');
  await expect(editor.name).toHaveText(permitName);
  await expect(editor.problems).toHaveAttribute('data-count', '0');
  const importedId = editor.versionId();
  expect(importedId).not.toBe(permitId);

  const second = await editor.export('xlsx');
  expect(second.suggestedFilename()).toMatch(/-draft\.xlsx$/);
  const secondPath = testInfo.outputPath('second.xlsx');
  await second.saveAs(secondPath);

  const a = await cellsOf(firstPath);
  const b = await cellsOf(secondPath);
  expect(Object.keys(a)).toEqual(['评查项目', '否决项', '等次', '加分项', '基本信息']);
  expect(Object.keys(a['评查项目']!).length).toBeGreaterThan(100);
  for (const cells of [a, b]) {
    const info = cells['基本信息']!;
    const row = Object.keys(info).find((k) => k.startsWith('A') && info[k] === '名称');
    const nameAt = `B${row!.slice(1)}`;
    info[nameAt] = squeeze(String(info[nameAt]));
  }
  expect(b).toEqual(a);

  const original = await server.call('standards.get', { versionId: permitId }, coordinator.session);
  const copy = await server.call('standards.get', { versionId: importedId }, coordinator.session);
  expect({ ...copy.content, name: squeeze(copy.content.name) }).toEqual({
    ...original.content,
    name: squeeze(original.content.name),
  });

  await page.getByTestId('editor-back').click();
  await list.expectLoaded(4);
  await expect(list.rows.filter({ hasText: /行政许可案卷评查标准\s*—\s*默认/ })).toHaveCount(2);
});

test('an XLSX with mistakes shows each problem with its position and creates nothing', async ({
  page,
  server,
  coordinator,
}) => {
  const main = await signIn(page, server, coordinator);
  const list = new StandardsListPage(page);
  await main.open('standards');
  await list.expectLoaded(3);

  const wb = new ExcelJS.Workbook();
  const items = wb.addWorksheet('评查项目');
  items.addRow(['类别名称', '项目编号', '评查内容', '满分', '扣分方式', '扣分值']);
  items.addRow(['程序', 'A1', '立案审批及时', 6, '按处扣分', 2]);
  items.addRow(['程序', 'A2', '送达回证签收完整', '六分', '按处扣分', 1]);
  items.addRow(['程序', 'A3', '文书填写规范', 4, '看情况扣', 1]);
  const bands = wb.addWorksheet('等次');
  bands.addRow(['等次', '分数线']);
  bands.addRow(['合格', 60]);
  bands.addRow(['不合格', 0]);
  const info = wb.addWorksheet('基本信息');
  info.addRow(['项目', '内容']);
  info.addRow(['名称', '有错误的标准']);
  info.addRow(['总分', 16]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  const answer = await list.importFile({
    name: '有错误的标准.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  expect(answer.ok).toBe(false);
  await expect(list.importProblems).toBeVisible();
  await expect(list.importProblems).toContainText('“有错误的标准.xlsx”中有 2 处问题');
  const problems = list.importProblems.getByTestId('import-problem');
  await expect(problems).toHaveCount(2);
  await expect(problems.getByTestId('import-problem-path')).toHaveText([
    '评查项目!D3',
    '评查项目!E4',
  ]);
  await expect(problems.nth(0)).toContainText('“六分”不是分值');
  await expect(problems.nth(1)).toContainText('扣分方式“看情况扣”无法识别');
  await page.getByTestId('import-problems-close').click();
  await expect(list.importProblems).toHaveCount(0);

  // Nothing was created.
  await list.expectLoaded(3);
  const all = await server.call('standards.list', {}, coordinator.session);
  expect(all.templates.map((x) => x.name)).not.toContain('有错误的标准');
  expect(all.templates).toHaveLength(3);
});

test('a problem tag added in group D is saved, still there after a reload, and can be chosen on an item', async ({
  page,
  server,
  coordinator,
}) => {
  const main = await signIn(page, server, coordinator);
  const list = new StandardsListPage(page);
  const tags = new TagsTab(page);
  const editor = new StandardEditor(page);
  await main.open('standards');
  await list.tab('tags').click();
  await expect(tags.row('D18')).toBeVisible();

  await tags.add('D19', '未按规定使用执法记录仪', 'D 程序');
  await expect(tags.dirty).toBeVisible();
  const saved = await tags.save();
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
  await expect(tags.dirty).toHaveCount(0);

  await page.reload();
  await expect(tags.root).toBeVisible();
  await expect(tags.row('D19').getByTestId('tag-name')).toHaveValue('未按规定使用执法记录仪');
  await expect(page.getByTestId('tag-group-D')).toContainText('19 个');
  await shot(page, 'standards-tags');
  const list2 = await server.call('tags.list', {}, coordinator.session);
  expect(list2.tags).toContainEqual({
    code: 'D19',
    group: 'D',
    name: '未按规定使用执法记录仪',
    active: true,
  });

  // Choose it on an item of a new draft of the default penalty template.
  await list.tab('templates').click();
  await list.open(PENALTY);
  await editor.newDraft();
  await editor.select('B2');
  await editor.choose(editor.field('tags'), 'D19 未按规定使用执法记录仪', 'D19');
  await editor.expectSaved();
  const draft = await server.call(
    'standards.get',
    { versionId: editor.versionId() },
    coordinator.session,
  );
  const b2 = draft.content.categories[1]!.items.find((i) => i.code === 'B2');
  expect(b2?.tags).toContain('D19');
  expect(draft.problems).toEqual([]);

  // The same screen in English.
  await main.switchLanguage('English');
  await expect(page.getByTestId('editor-save')).toHaveText(/Save draft/);
  await expect(editor.status).toHaveText('Draft · based on version 1');
  await expect(editor.form).toContainText('Per occurrence');
  await shot(page, 'standards-editor-en-US');
});

test('copy as a new standard, discard the copy; retire a template and reactivate it', async ({
  page,
  server,
  coordinator,
}) => {
  const main = await signIn(page, server, coordinator);
  const list = new StandardsListPage(page);
  const editor = new StandardEditor(page);
  await main.open('standards');
  await list.open(COERCION);

  await page.getByTestId('editor-copy').click();
  await expect(page.getByTestId('copy-name')).toHaveValue(`${COERCION}（副本）`);
  await page.getByTestId('copy-name').fill('行政强制执行案卷评查标准（本区）');
  await page.getByTestId('copy-ok').click();
  await expect(editor.name).toHaveText('行政强制执行案卷评查标准（本区）');
  await expect(editor.status).toHaveText('草稿');
  const copy = await server.call(
    'standards.get',
    { versionId: editor.versionId() },
    coordinator.session,
  );
  expect(copy.content.vetoItems.length).toBeGreaterThan(0);

  // Discarding the only draft of the copy removes it; the list has the three templates again.
  await page.getByTestId('editor-discard').click();
  await page.getByTestId('discard-ok').click();
  await list.expectLoaded(3);
  expect((await server.call('standards.list', {}, coordinator.session)).templates).toHaveLength(3);

  // Retire: hidden from the list, shown muted behind the switch, reactivated.
  await list.row(COERCION).getByTestId('standard-retire').click();
  await page.getByTestId('standard-retire-ok').click();
  await list.expectLoaded(2);
  await list.showRetired.click();
  await list.expectLoaded(3);
  await expect(list.row(COERCION)).toHaveClass(/standards-row-retired/);
  await expect(list.row(COERCION).getByTestId('standard-retired')).toHaveText('已停用');
  await expect(list.rows.last()).toHaveAttribute('data-name', COERCION);
  await list.row(COERCION).getByTestId('standard-reactivate').click();
  await expect(list.row(COERCION).getByTestId('standard-retired')).toHaveCount(0);
  await list.showRetired.click();
  await list.expectLoaded(3);
});
