// Issue 8 items 6 and 7 in the real UI (browser mode):
// - 审计日志: in the demo workspace (its campaign built through the handlers, so the log holds
//   draws, assignments and sheet saves) the coordinator browses and filters the log, opens an
//   entry's details, verifies the chain, exports the signed log (checked here with the same
//   verifier the supervising office runs), then finds a row edited behind the app's back named in
//   red.
// - 备份与恢复: a manual backup downloaded, later work, a damaged file refused with its reason
//   and nothing changed, the backup restored (the later work gone), the automatic "before
//   restore" copy restored from the list (the later work back).
// - A workspace file damaged while the app was closed: the start page offers the latest good
//   backup, and restoring it opens the app on it.
// Screenshots go to test-results/screens/.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { verifyAuditExport } from '../core/audit/export-format';
import { DEMO_PASSWORD } from '../core/demo/generate';
import { nodeExportCrypto } from '../electron/services/audit/export';
import { expect, test } from './support/fixtures';
import { ROOT } from './support/paths';
import { shot } from './support/screens';
import { startServer } from './support/server';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';
import { SettingsPage } from './pages/SettingsPage';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 1440, height: 900 } });

async function download(page: Page, click: () => Promise<void>): Promise<Uint8Array> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return new Uint8Array(await readFile((await file.path())!));
}

/** Overwrites pages in the middle of a database file (a bad disk, a bad copy). */
function corruptMiddle(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  const pages = Math.floor(out.length / 4096);
  for (let p = Math.floor(pages / 4); p < Math.floor((pages * 3) / 4); p++) {
    out.fill(0xa5, p * 4096, p * 4096 + 4096);
  }
  return out;
}

const rows = (page: Page) => page.getByTestId('audit-table').locator('tbody tr.ant-table-row');

test('the coordinator browses and filters the audit log, verifies the chain and exports it signed', async ({
  page,
  server,
}) => {
  await server.call('demo.load', {});
  const { token: session } = await server.call('auth.login', {
    username: 'zuzhi',
    password: DEMO_PASSWORD,
  });
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  await login.open(server);
  await login.login('zuzhi', DEMO_PASSWORD);
  await main.open('audit');
  await expect(main.pageTitle).toHaveText('审计日志');
  const all = await server.call('audit.list', { pageSize: 1 }, session);
  await expect(page.getByText(`共 ${all.total} 条`)).toBeVisible();
  await expect(rows(page)).toHaveCount(50);
  await expect(rows(page).first()).toContainText(String(all.total));
  await shot(page, 'audit-log');

  // Filter: the score-sheet entries only (the demo campaign saved and submitted sheets).
  const groups = page.getByTestId('audit-filter-groups');
  await groups.click();
  await page.locator('.ant-select-item-option[title="评查表"]').click();
  await page.keyboard.press('Escape');
  const sheets = await server.call('audit.list', { actions: ['sheet.'], pageSize: 1 }, session);
  expect(sheets.total).toBeGreaterThan(0);
  await expect(page.getByText(`共 ${sheets.total} 条`)).toBeVisible();
  const actions = await rows(page).locator('td:nth-child(5)').allInnerTexts();
  expect(new Set(actions).size).toBeGreaterThan(0);
  for (const a of actions)
    expect(['保存评查表', '提交评查表', '签署联合评查表', '退回评查表']).toContain(a);

  // … and free text: the draw of the demo campaign.
  await page.getByTestId('audit-filter-groups').locator('.ant-select-clear').click({ force: true });
  await page.getByTestId('audit-filter-text').locator('input').fill('filesDrawn');
  await page.getByTestId('audit-filter-text').locator('input').press('Enter');
  const draws = await server.call('audit.list', { text: 'filesDrawn' }, session);
  expect(draws.total).toBeGreaterThan(0);
  await expect(rows(page)).toHaveCount(draws.total);
  await expect(rows(page).first()).toContainText('抽取案卷');
  // The entry's details and hashes open below it.
  await rows(page).first().locator('.ant-table-row-expand-icon').click();
  const seq = Number(await rows(page).first().locator('td:nth-child(2)').innerText());
  const details = page.getByTestId(`audit-details-${seq}`);
  await expect(details).toContainText('campaign.filesDrawn');
  await expect(details).toContainText(/[0-9a-f]{64}/);
  await shot(page, 'audit-log-details');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByText(`共 ${all.total} 条`)).toBeVisible();

  // Verify the chain.
  await page.getByTestId('audit-verify').click();
  const verified = await server.call('audit.verify', {}, session);
  await expect(page.getByTestId('audit-verify-result')).toHaveText(
    `审计链完整：共 ${verified.entries} 条记录，逐条校验通过。`,
  );

  // Export the whole log: a signed file that verifies, also with the standalone script.
  await page.getByTestId('audit-export').hover();
  const bytes = await download(page, () => page.getByText('导出全部记录').click());
  const text = Buffer.from(bytes).toString('utf8');
  const checked = verifyAuditExport(text, nodeExportCrypto);
  expect(checked.problems).toEqual([]);
  expect(checked.header).toMatchObject({ complete: true, count: verified.entries + 1 });
  await expect(page.getByTestId('audit-exported')).toContainText(checked.fingerprint!);
  const file = path.join(server.dataDir, 'export.jsonl');
  await writeFile(file, bytes);
  const script = path.join(ROOT, 'scripts', 'verify-audit-export.mjs');
  const out = execFileSync(
    process.execPath,
    [script, file, '--fingerprint', checked.fingerprint!],
    {
      encoding: 'utf8',
    },
  );
  expect(out).toContain('OK');

  // Someone edits a row with a SQLite shell while the app runs: the check names it in red.
  const target = (await server.call('audit.list', { actions: ['campaign.assigned'] }, session))
    .entries[0]!;
  const db = new Database(path.join(server.dataDir, 'workspace.sqlite'));
  db.exec('DROP TRIGGER audit_log_no_update');
  db.prepare("UPDATE audit_log SET actor_name = '张三' WHERE seq = ?").run(target.seq);
  db.close();
  await page.getByTestId('audit-verify').click();
  const result = page.getByTestId('audit-verify-result');
  await expect(result).toContainText(`审计链在第 ${target.seq} 条记录处断开`);
  await expect(result).toContainText('确认分配方案');
  await expect(result).toHaveClass(/ant-alert-error/);
  await result.getByRole('button', { name: '查看该记录' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveClass(/audit-row-broken/);
  await expect(rows(page).first()).toContainText('张三');
  await shot(page, 'audit-log-broken');
});

test('a manual backup is downloaded and restored; a damaged file is refused first', async ({
  page,
  server,
  coordinator,
}) => {
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  const settings = new SettingsPage(page);
  await server.call(
    'users.create',
    { username: 'lisi', displayName: '李四', role: 'evaluator', password: 'Evaluator-2024' },
    coordinator.session,
  );
  await login.open(server);
  await login.login(coordinator.username, coordinator.password);
  await main.open('settings');
  const card = page.getByTestId('backup-card');
  await expect(card).toContainText('备份与恢复');
  await expect(card).toContainText('还没有自动备份');

  const backup = await download(page, () => card.getByTestId('backup-create').click());
  await expect(
    page.getByText(/备份文件已生成：案卷评查-工作区备份-\d{8}-\d{6}\.sqlite/),
  ).toBeVisible();
  expect(Buffer.from(backup.subarray(0, 15)).toString()).toBe('SQLite format 3');

  // Work after the backup.
  await server.call(
    'users.create',
    { username: 'later', displayName: '后来者', role: 'evaluator', password: 'Evaluator-2024' },
    coordinator.session,
  );
  await page.reload();
  await expect(settings.accountRow('later')).toBeVisible();

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'anjuan-e2e-backup-'));
  try {
    // A damaged copy is refused with its reason; nothing changes.
    const damaged = path.join(tmp, '损坏的备份.sqlite');
    await writeFile(damaged, corruptMiddle(backup));
    await card.locator('input[type=file]').setInputFiles(damaged);
    await page.getByRole('button', { name: '检查并恢复' }).click();
    await expect(page.getByTestId('backup-error')).toContainText('不能恢复：备份未通过完整性检查');
    await expect(page.getByTestId('backup-error')).toContainText('当前工作区未作任何更改');
    await expect(settings.accountRow('later')).toBeVisible();
    await shot(page, 'backup-refused', { whole: true });

    // A backup of another workspace (another office's machine): said plainly, with both key
    // fingerprints, and restored only on a second yes. Cancelled here: nothing changes.
    const elsewhere = await startServer();
    let foreign: Uint8Array;
    try {
      const { token } = await elsewhere.call('setup.createCoordinator', {
        orgName: '西湖区司法局',
        displayName: '赵六',
        username: 'zhaoliu',
        password: 'Secret-2024',
        locale: 'zh-CN',
      });
      foreign = (await elsewhere.call('backup.create', {}, token)).bytes;
    } finally {
      await elsewhere.stop();
    }
    const other = path.join(tmp, '西湖区的备份.sqlite');
    await writeFile(other, foreign);
    await card.locator('input[type=file]').setInputFiles(other);
    await page.getByRole('button', { name: '检查并恢复' }).click();
    const warning = page.getByTestId('backup-other-body');
    const fingerprint = /^([0-9A-F]{4} ){7}[0-9A-F]{4}$/;
    await expect(page.getByTestId('backup-other-key')).toHaveText(fingerprint);
    await expect(page.getByTestId('backup-this-key')).toHaveText(fingerprint);
    await expect(warning).toContainText('本工作区目前没有已发出、尚未完成的评查任务包');
    await expect(page.getByRole('dialog').filter({ has: warning })).toContainText(
      '这份备份来自另一个工作区',
    );
    await shot(page, 'backup-other-workspace');
    await page
      .getByRole('dialog')
      .filter({ has: warning })
      .getByRole('button', { name: /^取\s?消$/ })
      .click();
    await expect(warning).toHaveCount(0);
    await expect(settings.accountRow('later')).toBeVisible();
    expect(
      (await server.call('backup.list', {}, coordinator.session)).backups.filter(
        (b) => b.kind === 'restore',
      ),
    ).toEqual([]);

    // The real backup: the later account is gone, the coordinator still signed in.
    const good = path.join(tmp, '工作区备份.sqlite');
    await writeFile(good, backup);
    await card.locator('input[type=file]').setInputFiles(good);
    await expect(page.getByRole('dialog')).toContainText('工作区备份.sqlite');
    await page.getByRole('button', { name: '检查并恢复' }).click();
    await expect(page.getByTestId('backup-restored')).toContainText('已从“工作区备份.sqlite”恢复');
    await expect(settings.accountRow('lisi')).toBeVisible();
    await expect(settings.accountRow('later')).toHaveCount(0);
    await expect(page.getByTestId('backup-list')).toContainText('恢复前备份');
    await shot(page, 'backup-restored', { whole: true });

    // The workspace the restore replaced is in the list: restoring it brings the later account back.
    const { backups } = await server.call('backup.list', {}, coordinator.session);
    const safety = backups.find((b) => b.kind === 'restore')!;
    await page.getByTestId(`backup-restore-${safety.name}`).click();
    await page.getByRole('button', { name: '检查并恢复' }).click();
    await expect(page.getByTestId('backup-restored')).toContainText(safety.name);
    await expect(settings.accountRow('later')).toBeVisible();
    // The server goes on answering after the swaps; the restores are in the log.
    const log = await server.call('audit.list', { actions: ['backup.'] }, coordinator.session);
    expect(log.entries.map((e) => e.action)).toEqual(['backup.restored', 'backup.created']);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
});

test('a workspace file damaged while the app was closed: the start page restores the latest good backup', async ({
  page,
}) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'anjuan-e2e-damaged-'));
  try {
    const first = await startServer({ dataDir });
    await first.call('setup.createCoordinator', {
      orgName: '东湖区司法局',
      displayName: '王明',
      username: 'wangming',
      password: 'Secret-2024',
      locale: 'zh-CN',
    });
    await first.stop();
    const second = await startServer({ dataDir }); // takes the daily backup at start
    await second.stop();
    const file = path.join(dataDir, 'workspace.sqlite');
    await writeFile(file, corruptMiddle(new Uint8Array(await readFile(file))));

    const server = await startServer({ dataDir });
    try {
      await page.goto(server.url);
      const recovery = page.getByTestId('recovery-page');
      await expect(recovery).toContainText('工作区文件已损坏');
      await expect(page.getByTestId('recovery-problem')).toContainText('完整性检查');
      await expect(recovery).toContainText('最近一份完好的备份');
      await expect(recovery).toContainText('每日自动备份');
      await shot(page, 'backup-recovery');
      await page.getByTestId('recovery-restore').click();
      await expect(page.getByTestId('recovery-done')).toContainText('已从');
      await page.getByRole('button', { name: '前往登录' }).click();
      const login = new LoginPage(page);
      await login.login('wangming', 'Secret-2024');
      await expect(new MainWindow(page).welcome).toHaveText('王明，您好');
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
