// 评查进度与复核, the acceptance scenario: in the demo workspace a campaign is scoring (set
// up through the API the way a coordinator does it: draw, five evaluators with accounts,
// assignment, start). Two evaluators score the same file differently on their own scoring
// screen, one of them marks a veto item: the file is flagged (the other files' sheets are written
// through the API with the evaluators' sessions). The coordinator signs in, sees it 待复核 on the dashboard, opens the
// 复核 screen (sheets side by side, the veto row highlighted, the flags and the items deducted by
// one evaluator only), writes a reconciled sheet — the form refuses a change without its reason,
// as the service does — and the final score and grade appear on the dashboard. A second flagged
// file is settled by keeping one sheet; a file both evaluators scored within the threshold shows
// the mean by itself. The campaign moves to 复核中 and cannot be closed while a file waits; the
// reminder list names the evaluators still owing a sheet. A second journey returns a sheet and
// reads its versions, and looks at the demo's own campaign in English. Screenshots of every step
// go to test-results/screens/.
import type { Page } from '@playwright/test';
import type { MethodInput, MethodOutput } from '../core/api/contract';
import { DEMO_PASSWORD } from '../core/demo/generate';
import type { FindingInput } from '../core/standards/model';
import { scoringCampaign, type ScoringCampaign } from '../electron/services/scoring/fixture';
import { expect, test } from './support/fixtures';
import { shot } from './support/screens';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';
import { FileReview, RemindersView, ReviewDashboard } from './pages/ReviewPage';
import { ScoringScreen, TaskListPage } from './pages/TasksPage';
import type { AppServer } from './support/server';

test.use({ viewport: { width: 1440, height: 900 } });

type Ok = <T>(method: string, input?: unknown, session?: string) => Promise<T>;

/** server.call for any method name (the shape scoringCampaign expects). */
const okOf =
  (server: AppServer): Ok =>
  async <T>(method: string, input?: unknown, session?: string) => {
    const { body } = await server.rpc(method, input ?? {}, { session });
    if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
    return body.data as T;
  };

interface Setup {
  coordinator: string;
  campaign: ScoringCampaign;
  /** The campaign's files in assignment order: case number, evaluators' user names and names. */
  files: {
    caseId: string;
    caseNo: string;
    departmentName: string;
    a: string;
    b: string;
    nameA: string;
    nameB: string;
  }[];
}

/** The demo workspace (without its own campaign unless asked) and a campaign in scoring. */
async function setUp(
  server: AppServer,
  opts: { demoCampaign?: boolean; files?: number } = {},
): Promise<Setup> {
  await server.call('demo.load', { campaign: opts.demoCampaign ?? false });
  const { token } = await server.call('auth.login', {
    username: 'zuzhi',
    password: DEMO_PASSWORD,
  });
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const campaign = await scoringCampaign(okOf(server), token, {
    files: { penalty: opts.files ?? 4 },
    threshold: 50,
    deadline: yesterday,
  });
  const { files } = await server.call('review.list', { campaignId: campaign.id }, token);
  const { people } = await server.call('people.list', {}, token);
  const userOf = new Map([...campaign.evaluators].map(([u, e]) => [e.personId, u]));
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return {
    coordinator: token,
    campaign,
    files: campaign.rows.map((r) => {
      const [pa, pb] = r.personIds as [string, string];
      const file = files.find((f) => f.caseId === r.caseId)!;
      return {
        caseId: r.caseId,
        caseNo: file.caseNo,
        departmentName: file.departmentName,
        a: userOf.get(pa)!,
        b: userOf.get(pb)!,
        nameA: nameOf.get(pa)!,
        nameB: nameOf.get(pb)!,
      };
    }),
  };
}

/** An evaluator fills in and submits their sheet of a file through the API (their session). */
async function scoreAs(
  server: AppServer,
  c: ScoringCampaign,
  caseId: string,
  user: string,
  findings: FindingInput[],
): Promise<MethodOutput<'sheets.submit'>> {
  const session = c.evaluators.get(user)!.session;
  const o = await server.call('tasks.open', { campaignId: c.id, caseId }, session);
  const revision = o.sheet.revision + 1;
  const content: MethodInput<'sheets.save'>['content'] = { findings };
  await server.call('sheets.save', { sheetId: o.sheet.id, revision, content }, session);
  return server.call('sheets.submit', { sheetId: o.sheet.id, revision }, session);
}

const item = (code: string, count: number, reason: string, pages = ''): FindingInput => ({
  kind: 'item',
  code,
  count,
  reason,
  pages,
});

/**
 * An evaluator signs in, opens the file from 我的评查任务, records what `record` does on the
 * scoring screen, waits for the autosave, submits and signs out.
 */
async function scoreInUi(
  page: Page,
  server: AppServer,
  user: string,
  caseNo: string,
  record: (screen: ScoringScreen) => Promise<void>,
): Promise<void> {
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  await login.open(server);
  expect((await login.login(user, DEMO_PASSWORD)).ok).toBe(true);
  await expect(main.userMenu).toContainText('（评查员）');
  await main.open('myTasks');
  const list = new TaskListPage(page);
  await list.expectLoaded();
  await list.open(caseNo);
  const screen = new ScoringScreen(page);
  await screen.expectLoaded(caseNo);
  await record(screen);
  await screen.expectSaved();
  const answer = await screen.submit();
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  await expect(screen.submitted).toBeVisible();
  await main.logout();
}

async function signIn(page: Page, server: AppServer): Promise<MainWindow> {
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  await login.open(server);
  const answer = await login.login('zuzhi', DEMO_PASSWORD);
  expect(answer.ok).toBe(true);
  await expect(main.userMenu).toContainText('（组织者）');
  return main;
}

test('acceptance: a veto on one sheet flags the file; the coordinator reconciles it with a reason per change and the final grade shows on the dashboard; within the threshold the mean is automatic', async ({
  page,
  server,
}) => {
  // The demo workspace and a drawn, assigned campaign take a while on a busy machine.
  test.setTimeout(180_000);
  const s = await setUp(server);
  const [vetoFile, meanFile, keepFile, openFile] = s.files as [
    Setup['files'][number],
    Setup['files'][number],
    Setup['files'][number],
    Setup['files'][number],
  ];
  const c = s.campaign;

  // File 2: 98 and 97, within 5 points: the mean, 97.5, is final at once.
  await scoreAs(server, c, meanFile.caseId, meanFile.a, [item('B2', 2, '询问笔录未逐页签名', '8')]);
  const mean = await scoreAs(server, c, meanFile.caseId, meanFile.b, [
    item('B2', 3, '询问笔录未逐页签名，现场检查笔录无起止时间', '8-9'),
  ]);
  expect(mean.result).toMatchObject({ state: 'final', decision: 'mean', total: 975 });
  // File 3: 100 against 90: ten points apart, flagged; settled by keeping one sheet.
  await scoreAs(server, c, keepFile.caseId, keepFile.a, []);
  await scoreAs(server, c, keepFile.caseId, keepFile.b, [
    item('A2', 4, '证据复印件未注明出处', '10-14'),
    item('A1', 1, '违法地点表述不完整', '2'),
  ]);
  // File 4: A has started, B has not: both owe a sheet.
  const o = await server.call(
    'tasks.open',
    { campaignId: c.id, caseId: openFile.caseId },
    c.evaluators.get(openFile.a)!.session,
  );
  await server.call(
    'sheets.save',
    { sheetId: o.sheet.id, revision: 1, content: { findings: [item('C2', 1, '')] } },
    c.evaluators.get(openFile.a)!.session,
  );

  // File 1, through the evaluators' own scoring screen: A marks veto V5 (主要证据不足) with its
  // reason and page; B deducts one occurrence of A1 (2 points). Both submit: the file is flagged.
  await scoreInUi(page, server, vetoFile.a, vetoFile.caseNo, async (screen) => {
    await screen.checkVeto('V5');
    await screen.setReason(screen.vetoRow('V5'), 'veto', '罚款依据的检测报告未加盖检测机构印章');
    await screen.setPages(screen.vetoRow('V5'), 'veto', '21');
    await expect(screen.total).toHaveText('0');
  });
  await scoreInUi(page, server, vetoFile.b, vetoFile.caseNo, async (screen) => {
    await screen.addOccurrences('A1', 1);
    await screen.setReason(screen.item('A1'), 'item', '违法行为发生时间前后表述不一致');
    await screen.setPages(screen.item('A1'), 'item', '3');
    await expect(screen.total).toHaveText('98');
  });
  const flagged = await server.call(
    'sheets.ofFile',
    { campaignId: c.id, caseId: vetoFile.caseId },
    s.coordinator,
  );
  expect(flagged.result.state).toBe('review');

  const main = await signIn(page, server);
  const dashboard = new ReviewDashboard(page);
  const review = new FileReview(page);
  await main.open('review');
  await expect(main.pageTitle).toHaveText('评查进度与复核');
  await dashboard.expectLoaded();
  await expect(dashboard.campaignSelect).toContainText('2026年度行政执法案卷评查');
  await expect(dashboard.campaignStatus).toHaveText('评查中');
  await dashboard.expectCounts({ total: 4, waiting: 1, review: 2, final: 1 });

  // The flagged file: 待复核, its flags named, the 复核 action on its highlighted row.
  const row = dashboard.fileRow(vetoFile.caseNo);
  await expect(row).toHaveAttribute('data-state', 'review');
  await expect(row).toHaveClass(/review-row-flagged/);
  await expect(row.getByTestId('result-state')).toHaveText('待复核');
  await expect(row.locator('[data-testid="file-flag"][data-kind="veto"]')).toHaveText(
    '否决项不一致',
  );
  await expect(row.getByTestId('file-review')).toHaveText(/^复\s?核$/);
  // Both sheets are in, with their scores: 0 (veto) and 98.
  expect((await row.getByTestId('file-sheet-score').allTextContents()).sort()).toEqual([
    '0 分',
    '98 分',
  ]);
  // The mean of 98 and 97, without anyone's decision.
  await expect(dashboard.fileRow(meanFile.caseNo).getByTestId('result-state')).toHaveText('已定分');
  await expect(dashboard.finalTotal(meanFile.caseNo)).toHaveText('97.5 分');
  await expect(dashboard.finalGrade(meanFile.caseNo)).toHaveText('优秀');
  await expect(dashboard.fileRow(meanFile.caseNo).getByTestId('file-decision')).toHaveText(
    '取平均分',
  );
  expect(
    (await dashboard.fileRow(openFile.caseNo).getByTestId('task-status').allTextContents()).sort(),
  ).toEqual(['未开始', '评查中'].sort());
  await expect(dashboard.gradeBar('优秀')).toContainText('1 份（100%）');
  await shot(page, 'review-dashboard-zh-CN', { whole: true });

  // Progress per evaluator adds up; the deadline has passed, so unfinished tasks are overdue.
  await dashboard.tab('evaluators').click();
  await expect(dashboard.evaluatorsTable.getByTestId('evaluator-row')).toHaveCount(5);
  await dashboard.tab('overdue').click();
  await expect(dashboard.overdueTable.locator('tbody tr')).toHaveCount(2);
  await expect(dashboard.overdueTable).toContainText(openFile.caseNo);
  await shot(page, 'review-overdue-zh-CN', { whole: true });
  await dashboard.tab('files').click();

  // 复核: the file, the flags, the two sheets side by side with the differences highlighted.
  await dashboard.openFile(vetoFile.caseNo);
  await expect(review.root).toHaveAttribute('data-state', 'review');
  await expect(review.flags).toContainText('否决项意见不一致（1 人认定否决，1 人未认定）');
  await expect(review.flags).toContainText(/评查等次不一致（(不合格、优秀|优秀、不合格)）/);
  await expect(review.flags).toContainText('总分相差 98 分，超过 5 分');
  await expect(review.info.locator('[data-code="V5"]')).toContainText(vetoFile.nameA);
  await expect(review.info.locator('[data-code="A1"]')).toContainText(vetoFile.nameB);
  const veto = review.row('veto:V5');
  await expect(veto).toHaveAttribute('data-diff', 'true');
  await expect(veto).toContainText('罚款依据的检测报告未加盖检测机构印章');
  await expect(veto).toContainText('第 21 页');
  await expect(review.row('item:A1')).toHaveAttribute('data-diff', 'true');
  await expect(review.row('item:A1').getByTestId('cmp-deducted')).toHaveText('−2');
  // Items no sheet deducted are folded while comparing.
  await expect(review.row('item:A2')).toHaveCount(0);
  await expect(review.compare.getByTestId('cmp-hidden').first()).toBeVisible();
  await expect(review.head(vetoFile.nameA).getByTestId('cmp-head-total')).toHaveText('0 分');
  await expect(review.head(vetoFile.nameB).getByTestId('cmp-head-total')).toHaveText('98 分');
  await shot(page, 'review-file-flagged-zh-CN', { whole: true });

  // A reconciled sheet from B's: the veto is not upheld (evidence sufficient after discussion),
  // and one more occurrence of A2 is found. The form refuses a change without its reason.
  await review.setMode('reconciled');
  await review.chooseBase(`${vetoFile.nameB} · 98 分`);
  await expect(review.decisionTotal).toHaveText('98 分');
  await review.setCount('A2', 1);
  await expect(review.row('item:A2').getByTestId('draft-changed')).toBeVisible();
  await expect(review.decisionTotal).toHaveText('96 分');
  await expect(review.decisionGrade).toHaveText('优秀');
  expect(await review.confirm()).toBeNull();
  await expect(review.problems).toContainText('评查项目 A2 有扣分，请填写扣分理由。');
  await expect(review.problems).toContainText('以下修改没有说明理由：A2。');
  await expect(review.problems).toContainText('请填写复核意见。');
  await shot(page, 'review-file-reconcile-refused-zh-CN', { whole: true });
  await review.draftReason('item:A2').fill('第15页证据复印件未注明出处');
  await review.draftPages('item:A2').fill('15');
  await review.changeReason('item:A2').fill('复核时发现第15页另有一处');
  await review.reason.fill(
    '检测报告经核实有检测机构印章（第22页），否决项不成立；采用B的评查表并补充一处扣分。',
  );
  await expect(review.problems).toHaveCount(0);
  const decided = await review.confirm();
  expect(decided?.ok, JSON.stringify(decided)).toBe(true);

  // Back on the dashboard: the final score and grade of the file.
  await dashboard.expectLoaded();
  await expect(dashboard.decided).toContainText(`案卷 ${vetoFile.caseNo} 已定分：96 分`);
  await expect(dashboard.decided).toContainText('优秀');
  await expect(dashboard.fileRow(vetoFile.caseNo)).toHaveAttribute('data-state', 'final');
  await expect(dashboard.finalTotal(vetoFile.caseNo)).toHaveText('96 分');
  await expect(dashboard.finalGrade(vetoFile.caseNo)).toHaveText('优秀');
  await expect(dashboard.fileRow(vetoFile.caseNo).getByTestId('file-decision')).toHaveText(
    '复核修订',
  );
  await dashboard.expectCounts({ total: 4, waiting: 1, review: 1, final: 2 });
  await shot(page, 'review-dashboard-decided-zh-CN', { whole: true });

  // The second flagged file: keep the sheet without deductions.
  await dashboard.openFile(keepFile.caseNo);
  await expect(review.flags).toContainText('总分相差 10 分，超过 5 分');
  await review.setMode('keep');
  await review.keep(keepFile.nameA);
  await expect(review.decisionTotal).toHaveText('100 分');
  await review.reason.fill('第10-14页复印件已注明出处，不扣分。');
  expect((await review.confirm())?.ok).toBe(true);
  await expect(dashboard.finalTotal(keepFile.caseNo)).toHaveText('100 分');
  await expect(dashboard.finalGrade(keepFile.caseNo)).toHaveText('优秀');
  await dashboard.expectCounts({ total: 4, waiting: 1, review: 0, final: 3 });
  await expect(dashboard.gradeBar('优秀')).toContainText('3 份（100%）');
  // The department means follow the final scores.
  const finalDepartments = new Set([vetoFile, meanFile, keepFile].map((f) => f.departmentName));
  await expect(dashboard.departmentsTable.getByTestId('department-mean')).toHaveCount(
    finalDepartments.size,
  );

  // 评查中 → 复核中; closing is refused while a file has no final score, and says why.
  expect((await dashboard.move('toReview')).ok).toBe(true);
  await expect(dashboard.campaignStatus).toHaveText('复核中');
  const refused = await dashboard.move('toDone');
  expect(refused.ok).toBe(false);
  await expect(dashboard.statusError).toHaveText(
    '还有 1 份案卷没有最终得分（未交齐评查表或待复核），评查活动不能结束。',
  );
  await expect(dashboard.campaignStatus).toHaveText('复核中');
  await shot(page, 'review-dashboard-unfinished-zh-CN', { whole: true });

  // 催办名单: the two evaluators of the open file, with their phones, ready to print.
  await dashboard.remindersButton.click();
  const reminders = new RemindersView(page);
  await expect(reminders.rows).toHaveCount(2);
  await expect(reminders.summary).toHaveText('共 2 人、2 项评查任务尚未提交。');
  await expect(reminders.rows.getByTestId('reminder-case')).toHaveText([
    openFile.caseNo,
    openFile.caseNo,
  ]);
  const names = await reminders.rows.getByTestId('reminder-name').allTextContents();
  expect(names.sort()).toEqual([openFile.nameA, openFile.nameB].sort());
  for (const phone of await reminders.rows.getByTestId('reminder-phone').allTextContents()) {
    expect(phone).toMatch(/^1\d{10}$/);
  }
  const statuses = await reminders.rows.getByTestId('reminder-status').allTextContents();
  expect(statuses.sort()).toEqual(['未开始', '评查中'].sort());
  await shot(page, 'review-reminders-zh-CN', { whole: true });
  expect(await reminders.print()).toBe(1);
  // On paper: the list alone, without the navigation, the header or the toolbar.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.ant-layout-sider')).toBeHidden();
  await expect(page.locator('.shell-header')).toBeHidden();
  await expect(reminders.printButton).toBeHidden();
  await expect(page.getByTestId('reminders-table')).toBeVisible();
  await shot(page, 'review-reminders-print-zh-CN', { whole: true });
  await page.emulateMedia({ media: 'screen' });
  await reminders.backButton.click();
  await dashboard.expectLoaded();
});

test('the coordinator returns a submitted sheet with a reason and reads its versions; the demo campaign in English', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  const s = await setUp(server, { demoCampaign: true, files: 2 });
  const c = s.campaign;
  const file = s.files[0]!;
  // A saves twice, then submits; B submits: 99 and 99, the mean is final.
  const session = c.evaluators.get(file.a)!.session;
  const o = await server.call('tasks.open', { campaignId: c.id, caseId: file.caseId }, session);
  await server.call(
    'sheets.save',
    { sheetId: o.sheet.id, revision: 1, content: { findings: [item('B2', 2, '笔录未签名')] } },
    session,
  );
  await server.call(
    'sheets.save',
    {
      sheetId: o.sheet.id,
      revision: 2,
      content: { findings: [item('B2', 1, '第8页询问笔录未逐页签名', '8')] },
    },
    session,
  );
  await server.call('sheets.submit', { sheetId: o.sheet.id, revision: 2 }, session);
  const done = await scoreAs(server, c, file.caseId, file.b, [
    item('B2', 1, '询问笔录未签名', '8'),
  ]);
  expect(done.result).toMatchObject({ state: 'final', total: 990 });

  const main = await signIn(page, server);
  const dashboard = new ReviewDashboard(page);
  const review = new FileReview(page);
  await main.open('review');
  await dashboard.expectLoaded();
  // The latest campaign opens by default; the demo's own campaign is offered beside it.
  await expect(dashboard.campaignSelect).toContainText('2026年度行政执法案卷评查（评查中）');
  await expect(dashboard.finalTotal(file.caseNo)).toHaveText('99 分');

  // 退回: A's sheet goes back with a reason; the file waits for it again.
  await dashboard.openFile(file.caseNo);
  await expect(review.finalTotal).toHaveText('99 分');
  const returned = await review.returnSheet(file.nameA, '扣分理由未写明具体页码和笔录名称');
  expect(returned.ok).toBe(true);
  await expect(review.root).toHaveAttribute('data-state', 'waiting');
  await expect(review.head(file.nameA).getByTestId('task-status')).toHaveText('退回');
  await expect(review.head(file.nameA).getByTestId('cmp-head-returned')).toContainText(
    '扣分理由未写明具体页码和笔录名称',
  );
  await expect(review.head(file.nameA).getByTestId('sheet-return')).toHaveCount(0);

  // Every version of A's sheet: two saves, the submit, the return.
  const versions = await review.openVersions(file.nameA);
  const rows = versions.locator('tbody tr[data-testid="version-row"]');
  await expect(rows).toHaveCount(4);
  await expect(rows.getByTestId('task-status')).toHaveText(['评查中', '评查中', '已提交', '退回']);
  await expect(rows.getByTestId('version-total')).toHaveText(['98 分', '99 分', '99 分', '99 分']);
  await shot(page, 'review-versions-zh-CN', { whole: true });
  await page.keyboard.press('Escape');
  await expect(versions).toBeHidden();

  await review.backButton.click();
  await dashboard.expectLoaded();
  await expect(dashboard.fileRow(file.caseNo)).toHaveAttribute('data-state', 'waiting');
  await dashboard.tab('evaluators').click();
  await expect(
    dashboard.evaluatorsTable
      .locator(`[data-testid="evaluator-row"][data-name="${file.nameA}"]`)
      .getByTestId('evaluator-returned'),
  ).toHaveText('1');

  // The demo campaign, in English: its flagged files, and the 复核 screen of one of them.
  await main.switchLanguage('English');
  await expect(main.pageTitle).toHaveText('Progress & review');
  await dashboard.chooseCampaign('2026年度行政执法案卷评查（示例） (Scoring)');
  await expect(dashboard.campaignStatus).toHaveText('Scoring');
  await dashboard.expectCounts({ total: 12, waiting: 5, review: 2, final: 5 });
  await dashboard.tab('files').click();
  await expect(dashboard.count('review')).toContainText('To review');
  await shot(page, 'review-dashboard-en-US', { whole: true });
  const flagged = dashboard.fileRows.filter({ has: page.getByTestId('file-review') });
  await expect(flagged).toHaveCount(2);
  const caseNo = (await flagged.first().getAttribute('data-case-no'))!;
  await dashboard.openFile(caseNo);
  await expect(review.flags).toContainText('Why this file needs review');
  // The arbiter scores the file as a third evaluator: one deduction, first without its reason.
  await review.setMode('arbiter');
  await expect(review.decisionTotal).toHaveText('100 pts');
  await review.setCount('A1', 1);
  await expect(review.row('item:A1').getByTestId('draft-item-deducted')).toHaveText(/^−\d/);
  expect(await review.confirm()).toBeNull();
  await expect(review.problems).toContainText('A1');
  await expect(review.problems).toContainText('Give the reason for the decision.');
  await shot(page, 'review-file-arbiter-en-US', { whole: true });
  await review.draftReason('item:A1').fill('时间、地点表述不完整');
  await review.reason.fill('双方意见分歧较大，由复核人独立评分。');
  const total = (await review.decisionTotal.textContent())!;
  expect((await review.confirm())?.ok).toBe(true);
  await expect(dashboard.decided).toContainText(`File ${caseNo} has its final score: ${total}`);
  await expect(dashboard.fileRow(caseNo)).toHaveAttribute('data-state', 'final');
  await expect(dashboard.finalTotal(caseNo)).toHaveText(total);
  await expect(dashboard.fileRow(caseNo).getByTestId('file-decision')).toHaveText(
    'Scored by the arbiter',
  );
  await shot(page, 'review-dashboard-decided-en-US', { whole: true });
});
