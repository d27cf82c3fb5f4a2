// Journey 3: switching to English and back changes the whole UI, persists across a reload and a
// logout, and keeps <html lang> in step.
import { expect, test } from './support/fixtures';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';

test('switch to English and back', async ({ page, server, coordinator }) => {
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  const html = page.locator('html');

  await login.open(server);
  await login.login(coordinator.username, coordinator.password);
  await expect(main.pageTitle).toHaveText('工作台');
  await expect(main.nav('settings')).toHaveText('设置');
  await expect(html).toHaveAttribute('lang', 'zh-CN');

  await main.switchLanguage('English');
  await expect(main.nav('dashboard')).toHaveText('Dashboard');
  await expect(main.nav('cases')).toHaveText('Case files');
  await expect(main.nav('settings')).toHaveText('Settings');
  await expect(main.pageTitle).toHaveText('Dashboard');
  await expect(main.welcome).toHaveText(`Hello, ${coordinator.displayName}`);
  await expect(html).toHaveAttribute('lang', 'en-US');
  await main.open('settings');
  await expect(main.pageTitle).toHaveText('Settings');

  await page.reload();
  await expect(main.pageTitle).toHaveText('Settings');
  await expect(main.nav('dashboard')).toHaveText('Dashboard');
  await expect(html).toHaveAttribute('lang', 'en-US');

  await main.logout();
  await expect(login.title).toHaveText('Sign in');
  await expect(login.submit).toHaveText('Sign in');
  await expect(html).toHaveAttribute('lang', 'en-US');

  // The account remembers English too.
  await login.login(coordinator.username, coordinator.password);
  await expect(main.pageTitle).toHaveText('Dashboard');

  await main.switchLanguage('简体中文');
  await expect(main.nav('dashboard')).toHaveText('工作台');
  await expect(main.nav('cases')).toHaveText('案卷库');
  await expect(main.nav('settings')).toHaveText('设置');
  await expect(main.pageTitle).toHaveText('工作台');
  await expect(main.welcome).toHaveText(`${coordinator.displayName}，您好`);
  await expect(html).toHaveAttribute('lang', 'zh-CN');

  await page.reload();
  await expect(main.pageTitle).toHaveText('工作台');
  await expect(html).toHaveAttribute('lang', 'zh-CN');

  await main.logout();
  await expect(login.title).toHaveText('登录');

  // On the login page the switch works without an account.
  await login.switchLanguage('English');
  await expect(login.title).toHaveText('Sign in');
  await expect(html).toHaveAttribute('lang', 'en-US');
  await login.switchLanguage('简体中文');
  await expect(login.title).toHaveText('登录');
  await expect(html).toHaveAttribute('lang', 'zh-CN');
});

test('a language chosen on the login page wins over the account’s at login', async ({
  page,
  server,
  coordinator,
}) => {
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  await login.open(server);
  await login.switchLanguage('English');
  await login.login(coordinator.username, coordinator.password);
  await expect(main.pageTitle).toHaveText('Dashboard');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  // …and the account now remembers English.
  const me = await server.call('auth.me', {}, (await main.sessionToken()) ?? undefined);
  expect(me.locale).toBe('en-US');
});
