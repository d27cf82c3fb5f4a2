// 我的评查任务 (issue 6), the evaluator's side: the demo workspace with a campaign in scoring
// built through the API (as a coordinator would), then pingcha1 signs in through the UI, opens a
// file with a scanned PDF, records a deduction (reason and pages) and a veto, sees the live total
// and grade computed by the scoring function, sees 已保存, reloads and finds everything; a submit
// with a missing reason is refused with the problem shown and focused; fixed and submitted, the
// sheet is locked and the list says 已提交. A lost connection during autosave is retried without
// losing the newest content; a returned sheet shows the coordinator's reason and is editable; the
// keyboard drives the sheet; joint mode signs. Screenshots go to test-results/screens/.
import type { Page } from '@playwright/test';
import type { MethodOutput } from '../core/api/contract';
import { DEMO_PASSWORD } from '../core/demo/generate';
import { scoringCampaign } from '../electron/services/scoring/fixture';
import { expect, test } from './support/fixtures';
import { twoPagePdf } from './support/pdf';
import { shot } from './support/screens';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';
import { ScoringScreen, TaskListPage } from './pages/TasksPage';
import type { AppServer } from './support/server';

type Task = MethodOutput<'tasks.mine'>['campaigns'][number]['tasks'][number];

test.use({ viewport: { width: 1440, height: 900 } });

interface Setup {
  coordinator: string;
  /** pingcha1's session (for API cross-checks) and tasks, in list order. */
  evaluator: string;
  campaignId: string;
  tasks: Task[];
  /** pingcha1's first 行政处罚 file (the penalty template has the items the tests use). */
  penalty: Task;
}

/**
 * The demo workspace (without its own campaign, for a clean slate) and a campaign in scoring
 * built through the API the way a coordinator builds one; a scanned PDF attached to pingcha1's
 * first 行政处罚 file.
 */
async function setUp(
  server: AppServer,
  opts: { mode?: 'independent' | 'joint'; deadline?: string | null } = {},
): Promise<Setup> {
  await server.call('demo.load', { campaign: false });
  const { token: coordinator } = await server.call('auth.login', {
    username: 'zuzhi',
    password: DEMO_PASSWORD,
  });
  const ok = async <T>(method: string, input: unknown = {}, session?: string): Promise<T> => {
    const { body } = await server.rpc(method, input, { session });
    if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
    return body.data as T;
  };
  const campaign = await scoringCampaign(ok, coordinator, {
    files: { penalty: 5, permit: 1 },
    mode: opts.mode ?? 'independent',
    deadline: opts.deadline ?? null,
  });
  // The coordinator has made the problem-tag vocabulary their own: the pickers offer it.
  const vocabulary = await ok<{
    tags: { code: string; group: string; name: string; active: boolean }[];
  }>('tags.list', {}, coordinator);
  await ok(
    'tags.save',
    {
      tags: vocabulary.tags.map((g) =>
        g.code === 'B06' ? { ...g, name: '笔录要素缺失（本局口径）' } : g,
      ),
    },
    coordinator,
  );
  const evaluator = campaign.evaluators.get('pingcha1')!.session;
  const mine = await server.call('tasks.mine', {}, evaluator);
  const tasks = mine.campaigns.find((c) => c.campaignId === campaign.id)!.tasks;
  const penalty = tasks.find((t) => t.caseType === 'penalty')!;
  expect(penalty, 'pingcha1 has a 行政处罚 file').toBeTruthy();
  await ok(
    'attachments.add',
    {
      caseId: penalty.caseId,
      file: { fileName: '案卷扫描件.pdf', bytes: { $bytes: twoPagePdf().toString('base64') } },
    },
    coordinator,
  );
  return { coordinator, evaluator, campaignId: campaign.id, tasks, penalty };
}

async function signInAsEvaluator(page: Page, server: AppServer): Promise<MainWindow> {
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  await login.open(server);
  const answer = await login.login('pingcha1', DEMO_PASSWORD);
  expect(answer.ok).toBe(true);
  await expect(main.userMenu).toContainText('（评查员）');
  return main;
}

/** The sheet as the server has it (pingcha1's view). */
async function serverSheet(server: AppServer, s: Setup, caseId: string) {
  return (await server.call('tasks.open', { campaignId: s.campaignId, caseId }, s.evaluator)).sheet;
}

const daysFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

test('an evaluator scores a file beside its scan: deduction and veto with reasons, live total, autosave, reload, submit refused then accepted', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  const s = await setUp(server, { deadline: daysFromToday(-2) });
  const main = await signInAsEvaluator(page, server);
  const list = new TaskListPage(page);
  const screen = new ScoringScreen(page);

  // Only the evaluator's own areas are offered.
  await expect(main.navItems).toHaveCount(3);
  await expect(main.nav('myTasks')).toBeVisible();
  await main.open('myTasks');
  await expect(main.pageTitle).toHaveText('我的评查任务');
  await list.expectLoaded();
  await expect(list.campaigns).toHaveCount(1);
  const card = list.campaigns.first();
  await expect(card.getByTestId('task-deadline')).toHaveAttribute('data-overdue', 'true');
  await expect(card.getByTestId('task-deadline')).toContainText('已逾期');
  await expect(card.getByTestId('task-mode')).toHaveText('独立评查');
  await expect(card.getByTestId('task-progress')).toHaveText(`已提交 0 / ${s.tasks.length}`);
  await expect(list.rows).toHaveCount(s.tasks.length);
  for (const t of s.tasks) await expect(list.status(t.caseNo)).toHaveText('未开始');
  await expect(list.row(s.penalty.caseNo)).toContainText(s.penalty.departmentName);
  await expect(list.row(s.penalty.caseNo)).toContainText('行政处罚');
  await shot(page, 'tasks-list');

  // The scoring screen: the file with its scan on the left, the sheet on the right.
  await list.open(s.penalty.caseNo);
  await screen.expectLoaded(s.penalty.caseNo);
  await expect(screen.status).toHaveText('未开始');
  await expect(screen.total).toHaveText('100');
  await expect(screen.grade).toHaveText('优秀');
  await expect(screen.saveState).toHaveAttribute('data-state', 'saved');
  await expect(screen.attachments).toHaveCount(1);
  await expect(screen.viewerCanvas).toHaveAttribute('data-rendered-page', '1');
  await expect(screen.viewerPage).toHaveText('第 1 / 2 页');
  await page.getByTestId('viewer-next').click();
  await expect(screen.viewerCanvas).toHaveAttribute('data-rendered-page', '2');
  await expect(screen.viewerPage).toHaveText('第 2 / 2 页');

  // A deduction: A1 (每处扣2分) twice, with its reason and pages. Item, category and total follow.
  const a1 = screen.item('A1');
  // The change is on its way to the server well within half a second (debounce 250 ms): timed
  // in the page, from the click to the request.
  await page.evaluate(() => {
    const w = window as unknown as { clickedAt?: number; sentAt?: number };
    document.addEventListener('click', () => (w.clickedAt = performance.now()), {
      capture: true,
      once: true,
    });
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      if (w.sentAt === undefined && String(input).includes('/rpc/sheets.save')) {
        w.sentAt = performance.now();
      }
      return original(input, init);
    };
  });
  const [sent] = await Promise.all([
    page.waitForRequest((r) => r.url().endsWith('/rpc/sheets.save')),
    a1.getByTestId('item-inc').click(),
  ]);
  const latency = await page.evaluate(() => {
    const w = window as unknown as { clickedAt: number; sentAt: number };
    return Math.round(w.sentAt - w.clickedAt);
  });
  test.info().annotations.push({ type: 'autosave latency (ms)', description: String(latency) });
  expect(latency, 'click → sheets.save sent').toBeLessThan(500);
  expect(JSON.parse(sent.postData() ?? '{}')).toMatchObject({ input: { revision: 1 } });
  await screen.addOccurrences('A1', 1);
  await expect(a1.getByTestId('item-count')).toHaveValue('2');
  await expect(a1.getByTestId('item-score')).toHaveAttribute('data-score', '20');
  await expect(screen.categoryScore('A')).toHaveAttribute('data-score', '260');
  await expect(screen.total).toHaveText('96');
  await expect(screen.grade).toHaveText('优秀');
  await screen.setReason(a1, 'item', '违法行为发生时间前后表述不一致');
  // 第X页 opens that page of the scan (the viewer is on page 2; the scan has two pages).
  await screen.setPages(a1, 'item', '1、5');
  await a1.getByTestId('item-show-page').click();
  await expect(screen.viewerPage).toHaveText('第 1 / 2 页');
  await expect(screen.viewerCanvas).toHaveAttribute('data-rendered-page', '1');
  await screen.setPages(a1, 'item', '3、5');
  await a1.getByTestId('item-show-page').click();
  await expect(screen.viewerCanvas).toHaveAttribute('data-rendered-page', '2');
  // The tag picker offers the workspace's vocabulary, as the coordinator named it.
  await a1.getByTestId('item-tags').click();
  await page.keyboard.type('本局口径');
  await expect(
    page.locator('.ant-select-item-option', { hasText: 'B06 笔录要素缺失（本局口径）' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');

  // A range item: A4 (视情节扣2–8分) by 3.5 points → 92.5.
  const a4 = screen.item('A4');
  await a4.getByTestId('item-amount').click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .locator('.ant-select-item-option[title="扣 3.5 分"]')
    .click();
  await expect(screen.total).toHaveText('92.5');
  await screen.setReason(a4, 'item', '未说明从轻处罚的理由');

  // A fixed item not applicable to this file: full marks, nothing to deduct.
  const b6 = screen.item('B6');
  await b6.getByTestId('item-na').click();
  await expect(b6.getByTestId('item-missing')).toBeDisabled();
  await expect(b6.getByTestId('item-score')).toHaveAttribute('data-score', '30');
  await screen.expectSaved();
  await expect(screen.status).toHaveText('评查中');
  await shot(page, 'tasks-scoring');

  // A veto (V2, effect 记0分且不合格): total 0, grade 不合格.
  await screen.checkVeto('V2');
  await screen.setReason(screen.vetoRow('V2'), 'veto', '现场检查笔录仅有一名执法人员签名');
  await screen.setPages(screen.vetoRow('V2'), 'veto', '8');
  await expect(screen.total).toHaveText('0');
  await expect(screen.grade).toHaveText('不合格');
  await expect(screen.veto).toHaveText('否决：V2');
  await shot(page, 'tasks-scoring-veto');
  await screen.comments.fill('卷内材料基本齐全，执法程序有待规范。');
  await screen.highlights.fill('证据目录编制清晰');
  await screen.expectSaved();

  // The server has exactly what the screen shows.
  const saved = await serverSheet(server, s, s.penalty.caseId);
  expect(saved.revision).toBeGreaterThan(0);
  expect(saved.content).toEqual({
    findings: [
      {
        kind: 'veto',
        code: 'V2',
        reason: '现场检查笔录仅有一名执法人员签名',
        pages: '8',
        tags: [],
      },
      {
        kind: 'item',
        code: 'A1',
        count: 2,
        reason: '违法行为发生时间前后表述不一致',
        pages: '3、5',
        tags: [],
      },
      { kind: 'item', code: 'A4', amount: 35, reason: '未说明从轻处罚的理由', pages: '', tags: [] },
      { kind: 'item', code: 'B6', na: true, reason: '', pages: '', tags: [] },
    ],
    comments: '卷内材料基本齐全，执法程序有待规范。',
    highlights: '证据目录编制清晰',
  });
  expect(saved.score).toMatchObject({ total: 0, grade: '不合格', veto: true });

  // Reloading shows exactly the saved state.
  await page.reload();
  await screen.expectLoaded(s.penalty.caseNo);
  await expect(a1.getByTestId('item-count')).toHaveValue('2');
  await expect(a1.getByTestId('item-reason')).toHaveValue('违法行为发生时间前后表述不一致');
  await expect(a1.getByTestId('item-pages')).toHaveValue('3、5');
  await expect(a4.getByTestId('item-amount')).toContainText('扣 3.5 分');
  await expect(b6.getByTestId('item-na')).toBeChecked();
  await expect(screen.vetoRow('V2')).toHaveAttribute('data-checked', 'true');
  await expect(screen.vetoRow('V2').getByTestId('veto-reason')).toHaveValue(
    '现场检查笔录仅有一名执法人员签名',
  );
  await expect(screen.comments).toHaveValue('卷内材料基本齐全，执法程序有待规范。');
  await expect(screen.highlights).toHaveValue('证据目录编制清晰');
  await expect(screen.total).toHaveText('0');
  await expect(screen.grade).toHaveText('不合格');
  await expect(screen.saveState).toHaveAttribute('data-state', 'saved');

  // The keyboard: to B2 with j/k, "3" occurrences, then submit with Ctrl+Enter. Its reason is
  // missing: the submit is refused, the problem listed and its reason field focused.
  await page.getByTestId('sheet-form').getByText('调查取证规范').click();
  await expect(screen.item('B2')).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('j');
  await expect(screen.item('B3')).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('k');
  await expect(screen.item('B2')).toHaveAttribute('data-focused', 'true');
  await page.keyboard.press('3');
  await expect(screen.item('B2').getByTestId('item-count')).toHaveValue('3');
  await page.keyboard.press('Control+Enter');
  await expect(screen.problems).toBeVisible();
  await expect(screen.problemItems).toHaveText(['评查项目 B2 有扣分，请填写扣分理由。']);
  const b2Reason = screen.item('B2').getByTestId('item-reason');
  await expect(b2Reason).toBeFocused();
  await expect(b2Reason).toHaveClass(/ant-input-status-error/);
  await shot(page, 'tasks-submit-problems');

  // Typing in the field: keys belong to the field, not to the sheet.
  await page.keyboard.type('询问笔录3处未逐页签名');
  await expect(screen.item('B2').getByTestId('item-count')).toHaveValue('3');
  await page.keyboard.press('Escape');
  await expect(b2Reason).not.toBeFocused();
  await screen.expectSaved();

  const answer = await screen.submit();
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  await expect(screen.submitted).toHaveText('已提交');
  await expect(screen.locked).toBeVisible();
  await expect(screen.root).toHaveAttribute('data-editable', 'false');
  await expect(a1.getByTestId('item-inc')).toBeDisabled();
  await expect(screen.vetoRow('V2').getByTestId('veto-check')).toBeDisabled();
  expect((await serverSheet(server, s, s.penalty.caseId)).status).toBe('submitted');
  await shot(page, 'tasks-submitted');

  await screen.back.click();
  await list.expectLoaded();
  await expect(list.status(s.penalty.caseNo)).toHaveText('已提交');
  await expect(list.row(s.penalty.caseNo).getByTestId('task-score')).toContainText('不合格');
  await expect(list.campaigns.first().getByTestId('task-progress')).toHaveText(
    `已提交 1 / ${s.tasks.length}`,
  );
  await shot(page, 'tasks-list-submitted');
});

test('autosave survives a lost connection; a returned sheet shows its reason and can be edited; n opens the next file; ? lists the shortcuts; English', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  const s = await setUp(server, { deadline: daysFromToday(10) });
  const main = await signInAsEvaluator(page, server);
  const list = new TaskListPage(page);
  const screen = new ScoringScreen(page);
  await main.open('myTasks');
  await list.expectLoaded();
  await expect(list.campaigns.first().getByTestId('task-deadline')).toContainText('还剩 10 天');
  await list.open(s.penalty.caseNo);
  await screen.expectLoaded(s.penalty.caseNo);

  // The connection drops: the save fails, the screen says so, the content stays.
  let blocked = true;
  await page.route('**/rpc/sheets.save', (route) => (blocked ? route.abort() : route.continue()));
  await screen.addOccurrences('A2', 1);
  await screen.setReason(screen.item('A2'), 'item', '缺少当事人身份证明');
  await expect(screen.saveState).toHaveAttribute('data-state', 'error');
  await expect(screen.saveState).toContainText('保存失败');
  await expect(screen.retry).toBeVisible();
  await shot(page, 'tasks-save-failed');
  // More changes while offline are kept too.
  await screen.addOccurrences('A2', 1);
  await expect(screen.total).toHaveText('96');
  await expect(screen.saveState).toHaveAttribute('data-state', 'error');
  expect((await serverSheet(server, s, s.penalty.caseId)).revision).toBe(0);
  // Back online: the automatic retry sends the newest content.
  blocked = false;
  await expect(screen.saveState).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
  const afterRetry = await serverSheet(server, s, s.penalty.caseId);
  expect(afterRetry.content.findings).toEqual([
    { kind: 'item', code: 'A2', count: 2, reason: '缺少当事人身份证明', pages: '', tags: [] },
  ]);
  await page.unroute('**/rpc/sheets.save');

  // Submitted through the API, returned by the coordinator with a reason.
  await server.call(
    'sheets.submit',
    { sheetId: afterRetry.id, revision: afterRetry.revision },
    s.evaluator,
  );
  await server.call(
    'sheets.return',
    { sheetId: afterRetry.id, reason: '扣分理由过于简单，请写明具体页码' },
    s.coordinator,
  );
  await screen.back.click();
  await list.expectLoaded();
  await expect(list.status(s.penalty.caseNo)).toHaveText('退回');
  await expect(list.row(s.penalty.caseNo).getByTestId('task-returned-reason')).toHaveText(
    '退回原因：扣分理由过于简单，请写明具体页码',
  );
  await shot(page, 'tasks-list-returned');
  await list.open(s.penalty.caseNo);
  await expect(screen.returned).toContainText('扣分理由过于简单，请写明具体页码');
  await expect(screen.root).toHaveAttribute('data-editable', 'true');
  await screen.setPages(screen.item('A2'), 'item', '12');
  await screen.expectSaved();
  await shot(page, 'tasks-returned');
  expect((await serverSheet(server, s, s.penalty.caseId)).content.findings[0]).toMatchObject({
    code: 'A2',
    pages: '12',
  });

  // The shortcut sheet, then n: the next file of the campaign.
  await page.getByTestId('sheet-form').getByText('违法行为的时间').click();
  await page.keyboard.press('?');
  await expect(screen.shortcuts).toBeVisible();
  await expect(screen.shortcuts).toContainText('打开下一份案卷');
  await shot(page, 'tasks-shortcuts');
  await page.keyboard.press('Escape');
  await expect(screen.shortcuts).toBeHidden();
  const index = s.tasks.findIndex((t) => t.caseId === s.penalty.caseId);
  const next = [...s.tasks.slice(index + 1), ...s.tasks.slice(0, index)][0]!;
  await page.keyboard.press('n');
  await screen.expectLoaded(next.caseNo);

  // English.
  await main.switchLanguage('English');
  await expect(screen.submitButton).toHaveText('Submit sheet');
  await expect(screen.saveState).toContainText('Saved');
  await screen.item('B2').getByText('调查取证规范').click();
  await expect(screen.item('B2').getByTestId('item-pages')).toBeVisible();
  await shot(page, 'tasks-scoring-en');
  await screen.back.click();
  await list.expectLoaded();
  await expect(list.status(s.penalty.caseNo)).toHaveText('Returned');
  await expect(list.campaigns.first().getByTestId('task-mode')).toHaveText('Independent');
  await shot(page, 'tasks-list-en');
});

test('joint mode: one sheet per file, 确认签名, and who has signed the current revision', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  const s = await setUp(server, { mode: 'joint' });
  await signInAsEvaluator(page, server);
  const main = new MainWindow(page);
  const list = new TaskListPage(page);
  const screen = new ScoringScreen(page);
  await main.open('myTasks');
  await list.expectLoaded();
  await expect(list.campaigns.first().getByTestId('task-mode')).toHaveText('联合评查');
  await list.open(s.penalty.caseNo);
  await expect(screen.submitButton).toHaveText('确认签名');
  await expect(screen.signatures).toHaveCount(2);
  await expect(screen.signatures.filter({ hasText: '未签名' })).toHaveCount(2);
  await screen.addOccurrences('A1', 1);
  await screen.setReason(screen.item('A1'), 'item', '违法行为发生地点表述不完整');
  await screen.expectSaved();
  const answer = await screen.submit();
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  await expect(screen.signatures.filter({ hasText: '已签名' })).toHaveCount(1);
  await expect(screen.root).toHaveAttribute('data-sheet-status', 'open');
  await shot(page, 'tasks-joint');
  // A laptop screen: header, file and sheet still fit side by side.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(screen.submitButton).toBeInViewport();
  await shot(page, 'tasks-joint-1280');
});

test('a window closed while offline loses nothing: the next opening puts the unsaved changes back and saves them', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  const s = await setUp(server);
  const main = await signInAsEvaluator(page, server);
  const list = new TaskListPage(page);
  const screen = new ScoringScreen(page);
  await main.open('myTasks');
  await list.expectLoaded();
  await list.open(s.penalty.caseNo);
  await screen.expectLoaded(s.penalty.caseNo);
  await screen.addOccurrences('A3', 1);
  await screen.expectSaved();

  // Offline: the changes cannot be saved, and the window is closed before they ever are.
  const context = page.context();
  await context.setOffline(true);
  await screen.addOccurrences('A3', 2);
  await screen.setReason(screen.item('A3'), 'item', '未写明违法条款的项');
  await expect(screen.saveState).toHaveAttribute('data-state', 'error');
  await page.close();
  const stored = await serverSheet(server, s, s.penalty.caseId);
  expect(stored.content.findings).toEqual([
    { kind: 'item', code: 'A3', count: 1, reason: '', pages: '', tags: [] },
  ]);

  // Online again, a new window: the newest content is back on screen and saved.
  await context.setOffline(false);
  const again = await context.newPage();
  const errors: string[] = [];
  again.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  await signInAsEvaluator(again, server);
  const main2 = new MainWindow(again);
  const list2 = new TaskListPage(again);
  const screen2 = new ScoringScreen(again);
  await main2.open('myTasks');
  await list2.expectLoaded();
  await list2.open(s.penalty.caseNo);
  await screen2.expectLoaded(s.penalty.caseNo);
  await expect(again.getByTestId('sheet-restored')).toBeVisible();
  await expect(screen2.item('A3').getByTestId('item-count')).toHaveValue('3');
  await expect(screen2.item('A3').getByTestId('item-reason')).toHaveValue('未写明违法条款的项');
  await screen2.expectSaved();
  expect((await serverSheet(server, s, s.penalty.caseId)).content.findings).toEqual([
    { kind: 'item', code: 'A3', count: 3, reason: '未写明违法条款的项', pages: '', tags: [] },
  ]);
  // Saved, the safety copy is gone: the next opening shows the sheet as stored, nothing restored.
  await again.reload();
  await screen2.expectLoaded(s.penalty.caseNo);
  await expect(screen2.item('A3').getByTestId('item-count')).toHaveValue('3');
  await expect(again.getByTestId('sheet-restored')).toHaveCount(0);
  expect(errors).toEqual([]);
});
