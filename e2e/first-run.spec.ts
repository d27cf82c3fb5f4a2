// Journey 1: a fresh workspace shows the first-run page; creating the coordinator opens the main
// window; the session survives a reload; logout and login again.
import { COORDINATOR, expect, test } from './support/fixtures';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';
import { SetupPage } from './pages/SetupPage';

test('first-run setup opens the main window, survives a reload, logs out and in again', async ({
  page,
  server,
}) => {
  const setup = new SetupPage(page);
  const main = new MainWindow(page);
  const login = new LoginPage(page);

  await setup.open(server);
  await expect(setup.title).toHaveText('首次使用：创建组织者账户');
  await expect(login.title).toHaveCount(0);

  await setup.createCoordinator(COORDINATOR);

  await expect(main.welcome).toHaveText(`${COORDINATOR.displayName}，您好`);
  await expect(main.orgName).toHaveText(COORDINATOR.orgName);
  await expect(page.getByTestId('dashboard')).toContainText(COORDINATOR.orgName);
  await expect(main.pageTitle).toHaveText('工作台');
  await expect(main.userMenu).toContainText(`${COORDINATOR.displayName}（组织者）`);

  // The workspace is no longer on first run.
  const status = await server.call('app.status', {});
  expect(status.setupRequired).toBe(false);
  expect(status.orgName).toBe(COORDINATOR.orgName);

  await page.reload();
  await expect(main.welcome).toHaveText(`${COORDINATOR.displayName}，您好`);
  await expect(setup.title).toHaveCount(0);
  await expect(login.title).toHaveCount(0);

  await main.logout();
  await expect(login.title).toHaveText('登录');
  await expect(main.welcome).toHaveCount(0);
  await expect(page.getByText(`评查机关：${COORDINATOR.orgName}`)).toBeVisible();

  // Logged out for real: a reload does not bring the main window back.
  await page.reload();
  await expect(login.title).toBeVisible();

  const answer = await login.login(COORDINATOR.username, COORDINATOR.password);
  expect(answer.ok).toBe(true);
  await expect(main.welcome).toHaveText(`${COORDINATOR.displayName}，您好`);
  await expect(main.pageTitle).toHaveText('工作台');
});
