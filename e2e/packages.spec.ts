// Offline scoring between machines (issue 8), the acceptance scenario with three workspaces —
// three data folders, three browser-mode servers: the coordinator's, and the laptops of two
// evaluators who share a file. The coordinator issues each a task package (评查任务包) from the
// 离线评查 tab; on each laptop the first-run page imports it (signature and fingerprint shown,
// the evaluator chooses a password), the workspace offers scoring only, the evaluator scores the
// file offline (one marks a veto, the other does not), submits and exports a result package
// (评查结果包). The coordinator refuses a tampered copy, merges both results — the file is
// flagged —, sees a replayed package change nothing, settles the file in 复核 and exports the
// notice. The campaign's other file is scored on the coordinator's machine meanwhile.
import { readFile, writeFile } from 'node:fs/promises';
import type { Browser, Download, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../core/demo/generate';
import { scoringCampaign } from '../electron/services/scoring/fixture';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';
import { OfflinePanel, ReceivedPackages, TaskImport } from './pages/PackagesPage';
import { ReportsPage } from './pages/ReportsPage';
import { FileReview, ReviewDashboard } from './pages/ReviewPage';
import { ScoringScreen, TaskListPage } from './pages/TasksPage';
import { expect, test } from './support/fixtures';
import { shot } from './support/screens';
import { startServer, type AppServer } from './support/server';

test.use({ viewport: { width: 1440, height: 900 } });

const LAPTOP_PASSWORD = 'Laptop-2026';

const okOf =
  (server: AppServer) =>
  async <T>(method: string, input?: unknown, session?: string): Promise<T> => {
    const { body } = await server.rpc(method, input ?? {}, { session });
    if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
    return body.data as T;
  };

async function saved(download: Download, name: string): Promise<string> {
  const file = test.info().outputPath(name);
  await download.saveAs(file);
  return file;
}

interface Laptop {
  username: string;
  packageFile: string;
  caseNo: string;
  fingerprint: string;
  campaignName: string;
  record: (screen: ScoringScreen) => Promise<void>;
}

/**
 * One evaluator's laptop: a fresh workspace of its own, the task package imported on the
 * first-run page, the file scored and submitted offline, the result package exported.
 */
async function onLaptop(browser: Browser, l: Laptop): Promise<string> {
  const server = await startServer();
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  try {
    await page.goto(server.url);
    await expect(page.getByTestId('setup-title')).toBeVisible();
    await page.getByTestId('task-package-open').click();
    const task = new TaskImport(page);
    await task.choose(l.packageFile);
    // Who signed it: the fingerprint the coordinator's screen shows.
    await expect(task.verified).toBeVisible();
    await expect(task.fingerprint).toHaveText(l.fingerprint);
    await expect(task.campaign).toHaveText(l.campaignName);
    await expect(task.files).toHaveAttribute('data-count', '1');
    await expect(task.files).toContainText(l.caseNo);
    await expect(task.username).toHaveValue(l.username);
    await shot(page, `packages-import-${l.username}`);
    await task.password.fill(LAPTOP_PASSWORD);
    await task.confirm.fill(LAPTOP_PASSWORD);
    await task.submit.click();

    // Signed in as the evaluator; the workspace is for scoring only.
    const main = new MainWindow(page);
    await expect(main.userMenu).toContainText('（评查员）');
    await expect(main.nav('cases')).toHaveCount(0);
    await expect(main.nav('campaigns')).toHaveCount(0);
    const session = await page.evaluate(() => sessionStorage.getItem('app.session'));
    const refused = await server.rpc('people.list', {}, { session: session ?? undefined });
    expect(refused.body.ok).toBe(false);
    expect(!refused.body.ok && refused.body.error.key).toBe('errors.evaluatorMode');
    const again = await server.rpc('demo.load', {});
    expect(!again.body.ok && again.body.error.key).toBe('errors.evaluatorMode');

    await main.open('myTasks');
    const received = new ReceivedPackages(page);
    await expect(received.rows).toHaveCount(1);
    await expect(received.rows.getByTestId('received-exports')).toHaveAttribute('data-count', '0');
    const list = new TaskListPage(page);
    await list.expectLoaded();
    await expect(list.rows).toHaveCount(1);
    await list.open(l.caseNo);
    const screen = new ScoringScreen(page);
    await screen.expectLoaded(l.caseNo);
    await expect(screen.attachments).toHaveCount(0);
    await l.record(screen);
    await screen.expectSaved();
    const submitted = await screen.submit();
    expect(submitted.ok, JSON.stringify(submitted)).toBe(true);
    await screen.back.click();
    await expect(received.rows.getByTestId('received-progress')).toHaveAttribute('data-done', '1');
    const result = await saved(await received.exportResult(), `result-${l.username}.zip`);
    await expect(received.rows.getByTestId('received-exports')).toHaveAttribute('data-count', '1');
    await shot(page, `packages-laptop-${l.username}`, { whole: true });
    expect(errors, 'uncaught errors on the laptop').toEqual([]);
    return result;
  } finally {
    await context.close();
    await server.stop();
  }
}

test('offline: two evaluators score on their laptops from task packages; the coordinator merges both results, settles the flagged file and exports the notice', async ({
  page,
  server,
  browser,
}) => {
  test.setTimeout(300_000);
  // The coordinator's workspace: the demo and a campaign of two files, two evaluators each.
  await server.call('demo.load', { campaign: false });
  const { token } = await server.call('auth.login', { username: 'zuzhi', password: DEMO_PASSWORD });
  const campaign = await scoringCampaign(okOf(server), token, {
    files: { penalty: 2 },
    threshold: 50,
  });
  const c = await server.call('campaigns.get', { id: campaign.id }, token);
  const { files } = await server.call('review.list', { campaignId: campaign.id }, token);
  const { people } = await server.call('people.list', {}, token);
  const userOf = new Map([...campaign.evaluators].map(([u, e]) => [e.personId, u]));
  const nameOf = new Map(people.map((x) => [x.id, x.name]));
  const [offline, online] = campaign.rows as [(typeof campaign.rows)[0], (typeof campaign.rows)[0]];
  const [p, q] = offline.personIds.map((id) => userOf.get(id)!) as [string, string];
  const caseNo = files.find((f) => f.caseId === offline.caseId)!.caseNo;
  expect(online.personIds.some((id) => offline.personIds.includes(id))).toBe(false);

  // The other file is scored on the coordinator's machine, no deductions.
  for (const id of online.personIds) {
    const session = campaign.evaluators.get(userOf.get(id)!)!.session;
    const o = await server.call(
      'tasks.open',
      { campaignId: campaign.id, caseId: online.caseId },
      session,
    );
    const content = { findings: [], comments: '', highlights: '' };
    await server.call(
      'sheets.save',
      { sheetId: o.sheet.id, revision: o.sheet.revision + 1, content },
      session,
    );
    await server.call(
      'sheets.submit',
      { sheetId: o.sheet.id, revision: o.sheet.revision + 1 },
      session,
    );
  }

  // 离线评查: a task package for each of the two evaluators of the first file.
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  await login.open(server);
  expect((await login.login('zuzhi', DEMO_PASSWORD)).ok).toBe(true);
  await main.open('review');
  const dashboard = new ReviewDashboard(page);
  await dashboard.expectLoaded();
  await page.getByTestId('review-tab-offline').click();
  const panel = new OfflinePanel(page);
  // The evaluators with files in this campaign (four: two files, two evaluators each).
  await expect(panel.rows).toHaveCount(new Set(campaign.rows.flatMap((r) => r.personIds)).size);
  const fingerprint = (await panel.fingerprint.getAttribute('data-fingerprint'))!;
  expect(fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){7}$/i);
  const packageOf = new Map<string, string>();
  for (const user of [p, q]) {
    const download = await panel.exportFor(user);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    packageOf.set(user, await saved(download, `task-${user}.zip`));
    await expect(panel.row(user).getByTestId('offline-package')).toHaveAttribute(
      'data-issued',
      'true',
    );
  }
  await shot(page, 'packages-issued', { whole: true });

  // Each evaluator scores on their own laptop: one finds a veto, the other one deduction.
  const laptop = { caseNo, fingerprint, campaignName: c.name };
  const resultP = await onLaptop(browser, {
    ...laptop,
    username: p,
    packageFile: packageOf.get(p)!,
    record: async (screen) => {
      await screen.checkVeto('V5');
      await screen.setReason(screen.vetoRow('V5'), 'veto', '罚款依据的检测报告未加盖检测机构印章');
    },
  });
  const resultQ = await onLaptop(browser, {
    ...laptop,
    username: q,
    packageFile: packageOf.get(q)!,
    record: async (screen) => {
      await screen.addOccurrences('A1', 1);
      await screen.setReason(screen.item('A1'), 'item', '违法行为发生时间前后表述不一致');
    },
  });

  // A result package altered on the way is refused with its reason, and nothing changes.
  const tampered = await readFile(resultQ);
  const middle = Math.floor(tampered.length / 2);
  tampered[middle] = tampered[middle]! ^ 0xff;
  const tamperedFile = test.info().outputPath('result-tampered.zip');
  await writeFile(tamperedFile, tampered);
  await panel.importResult(tamperedFile);
  await expect(panel.merge.error).toBeVisible();
  await expect(panel.merge.submit).toBeDisabled();
  await shot(page, 'packages-merge-refused');
  await page.keyboard.press('Escape');
  await expect(panel.merge.root).toBeHidden();
  expect(
    (await server.call('review.list', { campaignId: campaign.id }, token)).files
      .find((f) => f.caseId === offline.caseId)!
      .sheets.filter((s) => s.status === 'submitted'),
  ).toHaveLength(0);

  // Both results merge: the file's sheets differ on the veto, so it waits for 复核.
  for (const [user, file] of [
    [p, resultP],
    [q, resultQ],
  ] as const) {
    await panel.importResult(file);
    await expect(panel.merge.sheet(caseNo)).toHaveAttribute('data-class', 'new');
    await expect(page.getByTestId('merge-partial')).toHaveAttribute('data-partial', 'false');
    await shot(page, `packages-merge-${user}`);
    await panel.merge.submit.click();
    await expect(panel.merge.root).toBeHidden();
    await expect(panel.row(user).getByTestId('offline-merged')).toHaveAttribute(
      'data-sequence',
      '1',
    );
  }
  // The same package again: recognised, nothing to merge.
  await panel.importResult(resultP);
  await expect(panel.merge.already).toBeVisible();
  await expect(panel.merge.sheet(caseNo)).toHaveAttribute('data-class', 'same');
  await panel.merge.submit.click();
  await expect(panel.merge.root).toBeHidden();

  await dashboard.tab('files').click();
  await expect(dashboard.fileRow(caseNo)).toHaveAttribute('data-state', 'review');
  await dashboard.expectCounts({ total: 2, waiting: 0, review: 1, final: 1 });

  // 复核: the veto is upheld by keeping its sheet.
  await dashboard.openFile(caseNo);
  const review = new FileReview(page);
  await expect(review.flags).toContainText('否决项意见不一致');
  await review.setMode('keep');
  await review.keep(nameOf.get(offline.personIds[0]!)!);
  await review.reason.fill('检测报告确未加盖检测机构印章，否决项成立。');
  expect((await review.confirm())?.ok).toBe(true);
  await expect(dashboard.finalGrade(caseNo)).toHaveText('不合格');
  await dashboard.expectCounts({ total: 2, waiting: 0, review: 0, final: 2 });

  // The notice of the campaign, with both files.
  await main.open('reports');
  const reports = new ReportsPage(page);
  await reports.expectLoaded();
  await reports.openNoticeForm();
  const notice = await reports.exportNotice();
  expect(notice.suggestedFilename()).toMatch(/\.docx$/);
  const docx = await readFile(await notice.path());
  expect(docx.subarray(0, 2).toString()).toBe('PK');
  const results = await server.call('results.get', { campaignId: campaign.id }, token);
  expect(results.model.totals.finalFiles).toBe(2);
  expect(results.model.failed.map((f) => f.caseNo)).toContain(caseNo);
});
