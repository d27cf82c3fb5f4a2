// Journey 2: five wrong passwords lock the account for five minutes, with a clear message; while
// locked even the right password is refused.
import { expect, test } from './support/fixtures';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';

const WRONG_CREDENTIALS = '登录名或密码错误';
const LOCKED = '账户已锁定';

test('five wrong passwords lock the account; the right one is then refused too', async ({
  page,
  server,
  coordinator,
}) => {
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  await login.open(server);
  await expect(login.title).toHaveText('登录');

  for (let attempt = 1; attempt <= 4; attempt++) {
    const answer = await login.login(coordinator.username, `wrong-password-${attempt}`);
    expect(answer.ok, `attempt ${attempt} is refused`).toBe(false);
    await expect(login.error, `attempt ${attempt}`).toContainText(WRONG_CREDENTIALS);
    await expect(login.error, `attempt ${attempt}`).toContainText('连续 5 次输错密码');
    await expect(login.error, `attempt ${attempt}`).not.toContainText(LOCKED);
  }

  const fifth = await login.login(coordinator.username, 'wrong-password-5');
  expect(fifth.ok).toBe(false);
  await expect(login.error).toContainText(LOCKED);
  await expect(login.error).toContainText('5 分钟后');
  await expect(login.error).not.toContainText(WRONG_CREDENTIALS);

  const right = await login.login(coordinator.username, coordinator.password);
  expect(right.ok).toBe(false);
  if (!right.ok) expect(right.error.code).toBe('AUTH_LOCKED');
  await expect(login.error).toContainText(LOCKED);
  await expect(login.error).toContainText('5 分钟后');
  await expect(login.title).toBeVisible();
  await expect(main.welcome).toHaveCount(0);

  // The lock is on the account, not in the page: the server reports it too.
  const { users } = await server.call('users.list', {}, coordinator.session);
  const me = users.find((u) => u.username === coordinator.username);
  expect(me?.lockedUntil).not.toBeNull();
  const lockedForMs = Date.parse(me?.lockedUntil ?? '') - Date.now();
  expect(lockedForMs).toBeGreaterThan(4 * 60_000);
  expect(lockedForMs).toBeLessThanOrEqual(5 * 60_000);
});
