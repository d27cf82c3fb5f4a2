// 整改跟踪 on the demo workspace's finished campaign (2025年度, every file final): the coordinator
// opens the screen, which shows the latest finished campaign per department with the problems of
// the final results (the numbers of rectify.overview); issues a rectification notice to the
// department with the most problems (the 整改通知书 downloads as a DOCX naming the department);
// then follows one problem through 整改中 (with a reply and an evidence file), 已整改 and 已复核;
// a department notified earlier whose deadline has passed shows in the overdue list; and the
// summary's counts and paragraph change with all of it. Screenshots go to test-results/screens/.
import { readFile } from 'node:fs/promises';
import { DEMO_PASSWORD } from '../core/demo/generate';
import { ZipReader } from '../electron/services/import/zip';
import { DEMO_FINISHED_CAMPAIGN_NAME } from '../electron/services/scoring/demo-campaign';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';
import { RectificationPage } from './pages/RectificationPage';
import { expect, test } from './support/fixtures';
import { twoPagePdf } from './support/pdf';
import { shot } from './support/screens';

test.use({ viewport: { width: 1440, height: 900 } });

test('the coordinator issues a rectification notice and follows a problem to 已复核', async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await server.call('demo.load', {});
  const { token: session } = await server.call('auth.login', {
    username: 'zuzhi',
    password: DEMO_PASSWORD,
  });
  const { campaigns } = await server.call('campaigns.list', {}, session);
  const finished = campaigns.find((c) => c.status === 'done')!;
  expect(finished.name).toBe(DEMO_FINISHED_CAMPAIGN_NAME);
  const overview = await server.call('rectify.overview', { campaignId: finished.id }, session);
  const dept = [...overview.departments].sort((a, b) => b.problems - a.problems)[0]!;
  expect(dept.problems).toBeGreaterThan(1);

  const login = new LoginPage(page);
  const main = new MainWindow(page);
  const rect = new RectificationPage(page);
  await login.open(server);
  await login.login('zuzhi', DEMO_PASSWORD);
  await expect(main.welcome).toBeVisible();
  await page.getByTestId('nav-rectification').click();
  await expect(main.pageTitle).toHaveText('整改跟踪');

  // The latest finished campaign by default, every department with its problems, none notified.
  await rect.expectLoaded(finished.id);
  await expect(rect.campaignSelect).toContainText(DEMO_FINISHED_CAMPAIGN_NAME);
  await expect(rect.departmentRows).toHaveCount(overview.departments.length);
  const row = rect.department(dept.departmentName);
  await expect(row.getByTestId('rect-dept-problems')).toHaveText(String(dept.problems));
  await expect(row.getByTestId('rect-dept-state')).toHaveText('未下发');
  await shot(page, 'rectification-departments', { whole: true });

  // 下发整改通知: the tracking rows are made and the 整改通知书 downloads.
  await row.getByTestId('rect-issue').click();
  await expect(rect.issueForm).toContainText(`${dept.problems} 个问题`);
  await shot(page, 'rectification-issue-form');
  await page.keyboard.press('Escape');
  await expect(rect.issueForm).toBeHidden();
  const download = await rect.issue(dept.departmentName);
  expect(download.suggestedFilename()).toBe(`整改通知书-${dept.departmentName}.docx`);
  const docx = new Uint8Array(await readFile((await download.path())!));
  const document = new ZipReader(docx).readText('word/document.xml');
  expect(document).toContain(`${dept.departmentName}：`);
  expect(document).toContain('评查问题整改的通知');
  await expect(row).toHaveAttribute('data-issued', 'true');
  await expect(row.getByTestId('rect-dept-open')).toHaveText(String(dept.problems));
  await expect(row.getByTestId('rect-dept-deadline')).toHaveText(overview.defaults.deadline);
  await expect(page.getByTestId('rect-total-open')).toHaveText(String(dept.problems));

  // The department's problems: as many rows as it had problems (one page of 20 at most).
  await row.getByTestId('rect-view').click();
  await expect(rect.problemsCount).toHaveText(`共 ${dept.problems} 个问题`);
  await expect(rect.problemRows).toHaveCount(Math.min(dept.problems, 20));
  const first = rect.problemRows.first();
  const itemId = (await first.getAttribute('data-item'))!;
  const item = page.locator(`[data-testid="rect-item-row"][data-item="${itemId}"]`);
  await expect(item.getByTestId('rect-status')).toHaveText('未整改');

  // 整改中, with the department's reply and an evidence file.
  await rect.openUpdate(item);
  await rect.chooseStatus('整改中');
  await rect.updateReply.fill('已组织承办人员逐案补正送达回证，并开展专题培训');
  await rect.uploadEvidence({
    name: '送达回证（补正）.pdf',
    mimeType: 'application/pdf',
    buffer: twoPagePdf(),
  });
  await expect(rect.evidenceItems.first()).toHaveAttribute('data-name', '送达回证（补正）.pdf');
  await shot(page, 'rectification-update');
  await rect.save();
  await expect(item.getByTestId('rect-status')).toHaveText('整改中');
  await expect(item.getByTestId('rect-item-reply')).toContainText('已组织承办人员逐案补正送达回证');
  await expect(item.getByTestId('rect-item-evidence')).toHaveAttribute('data-count', '1');

  // 已复核 is offered only from 已整改: not among the choices yet.
  await rect.openUpdate(item);
  await rect.updateStatus.click();
  const options = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
  );
  await expect(options).toHaveText(['整改中', '已整改', '未整改']);
  await page.keyboard.press('Escape');
  await rect.chooseStatus('已整改');
  await rect.save();
  await expect(item.getByTestId('rect-status')).toHaveText('已整改');

  await rect.openUpdate(item);
  await rect.chooseStatus('已复核');
  await rect.save();
  await expect(item.getByTestId('rect-status')).toHaveText('已复核');
  await shot(page, 'rectification-problems', { whole: true });

  // The record is locked now, with its history.
  await rect.openUpdate(item);
  await expect(rect.updateSave).toBeDisabled();
  await expect(page.getByTestId('rect-history')).toContainText('已整改 → 已复核');
  await page.keyboard.press('Escape');
  await expect(rect.updateForm).toBeHidden();

  // Nothing is overdue before the deadline.
  await rect.tab('overdue').click();
  await expect(rect.overdueEmpty).toBeVisible();

  // A department notified earlier, whose deadline has passed (issued through the API with past
  // dates): its problems are overdue, in red, with the days past the deadline.
  const other = [...overview.departments]
    .filter((d) => d.departmentId !== dept.departmentId && d.problems > 0)
    .sort((a, b) => a.problems - b.problems)[0]!;
  await server.call(
    'rectify.issue',
    {
      campaignId: finished.id,
      departmentIds: [other.departmentId],
      date: '2026-10-01',
      deadline: '2026-10-31',
    },
    session,
  );
  const late = await server.call('rectify.overdue', { campaignId: finished.id }, session);
  expect(late.total).toBe(other.problems);
  const days = late.items[0]!.overdueDays;
  expect(days).toBeGreaterThan(0);
  await page.getByTestId('rect-refresh').click();
  await expect(page.getByTestId('rect-overdue-count')).toHaveText(
    `${other.problems} 个问题逾期未整改`,
  );
  await expect(page.locator('[data-testid="rect-overdue-row"]')).toHaveCount(
    Math.min(other.problems, 20),
  );
  await expect(page.getByTestId('rect-overdue-days').first()).toHaveText(`${days} 天`);
  await expect(page.getByTestId('rect-overdue-department')).toContainText(other.departmentName);
  await shot(page, 'rectification-overdue');
  await rect.tab('departments').click();
  const otherRow = rect.department(other.departmentName);
  await expect(otherRow.getByTestId('rect-dept-overdue')).toHaveText(`逾期 ${days} 天`);

  // The summary: the counts moved, and the paragraph says so.
  await rect.tab('summary').click();
  const summary = await server.call('rectify.summary', { campaignId: finished.id }, session);
  expect(summary.totals.counts).toEqual({
    open: dept.problems - 1 + other.problems,
    in_progress: 0,
    rectified: 0,
    verified: 1,
  });
  const srow = page.locator(
    `[data-testid="rect-summary-row"][data-department="${dept.departmentName}"]`,
  );
  await expect(srow.getByTestId('rect-summary-verified')).toHaveText('1');
  await expect(srow.getByTestId('rect-summary-open')).toHaveText(String(dept.problems - 1));
  await expect(page.getByTestId('rect-summary-total-verified')).toHaveText('1');
  await expect(rect.summaryParagraph).toHaveText(summary.paragraph);
  await expect(rect.summaryParagraph).toContainText(
    `已向2个单位下发整改通知，涉及问题${dept.problems + other.problems}个。其中已整改1个（已复核1个）`,
  );
  await expect(rect.summaryParagraph).toContainText(
    `1个单位的${other.problems}个问题逾期未整改（${other.departmentName}${other.problems}个）`,
  );
  await expect(page.getByTestId('rect-summary-not-notified')).toBeVisible();
  await shot(page, 'rectification-summary', { whole: true });

  // 整改延期: the overdue department asked for more time. A date not later than its deadline is
  // refused in the form; a later one with the reason takes it off the overdue list, and the
  // deadline shows as extended, the notified one and the reason in its tooltip.
  await rect.tab('departments').click();
  await otherRow.getByTestId('rect-extend').click();
  const form = page.getByTestId('rect-extend-form');
  await expect(form.getByTestId('rect-extend-current')).toHaveText('2026-10-31');
  await form.getByTestId('rect-extend-deadline').fill('2026-10-15');
  await form.getByTestId('rect-extend-reason').fill('单位书面申请延期，经局领导批准');
  await page.getByTestId('rect-extend-submit').click();
  await expect(page.getByTestId('rect-extend-error')).toContainText(
    '延期后的整改期限（2026-10-15）应晚于现在的期限（2026-10-31）',
  );
  const { asOf } = await server.call('rectify.overview', { campaignId: finished.id }, session);
  const extendedTo = new Date(Date.parse(`${asOf}T00:00:00Z`) + 14 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  await form.getByTestId('rect-extend-deadline').fill(extendedTo);
  await page.getByTestId('rect-extend-submit').click();
  await expect(form).toBeHidden();
  await expect(otherRow.getByTestId('rect-dept-deadline')).toHaveText(extendedTo);
  await expect(otherRow.getByTestId('rect-dept-overdue')).toHaveCount(0);
  await otherRow.getByTestId('rect-dept-extended').hover();
  await expect(page.getByTestId('rect-dept-extensions')).toContainText('原期限 2026-10-31');
  await expect(page.getByTestId('rect-dept-extensions')).toContainText(
    `2026-10-31 → ${extendedTo}：单位书面申请延期，经局领导批准（王明`,
  );
  await shot(page, 'rectification-extended');
  await rect.tab('overdue').click();
  await expect(rect.overdueEmpty).toBeVisible();
});
