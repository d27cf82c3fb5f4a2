// Journey 4: an evaluator sees only the evaluator's areas, gets the forbidden page on coordinator
// routes, and the API refuses coordinator methods called with the evaluator's session.
import { expect, test } from './support/fixtures';
import { LoginPage } from './pages/LoginPage';
import { ALL_AREAS, MainWindow, type AreaKey } from './pages/MainWindow';
import { SettingsPage } from './pages/SettingsPage';

const EVALUATOR = {
  displayName: '李华',
  username: 'lihua',
  roleLabel: '评查员',
  password: 'Evaluator-2024',
};
const EVALUATOR_AREAS: readonly AreaKey[] = ['dashboard', 'myTasks', 'settings'];

test('an evaluator cannot open coordinator pages or call coordinator methods', async ({
  page,
  server,
  coordinator,
}) => {
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  const settings = new SettingsPage(page);

  // The coordinator creates the evaluator account through the UI.
  await login.open(server);
  await login.login(coordinator.username, coordinator.password);
  await main.open('settings');
  await expect(main.pageTitle).toHaveText('设置');
  await settings.createAccount(EVALUATOR);
  await expect(settings.accountRow(EVALUATOR.username)).toContainText('评查员');
  await main.logout();

  // The evaluator signs in and sees only the evaluator's areas.
  await login.login(EVALUATOR.username, EVALUATOR.password);
  await expect(main.welcome).toHaveText(`${EVALUATOR.displayName}，您好`);
  await expect(main.userMenu).toContainText('（评查员）');
  await expect(main.navItems).toHaveText(['工作台', '我的评查任务', '设置']);
  for (const area of ALL_AREAS) {
    await expect(main.nav(area), area).toHaveCount(EVALUATOR_AREAS.includes(area) ? 1 : 0);
  }
  await expect(page.getByText('案卷库')).toHaveCount(0);

  // Settings: no account management for evaluators.
  await main.open('settings');
  await expect(settings.root).toBeVisible();
  await expect(settings.createButton).toHaveCount(0);
  await expect(settings.accountsTable).toHaveCount(0);

  // Typing a coordinator route into the address bar gives the forbidden page.
  await main.gotoHash('#/cases');
  await expect(main.forbidden).toBeVisible();
  await expect(main.forbidden).toContainText('无权访问');
  await expect(main.forbidden).toContainText('“案卷库”仅限组织者使用');
  await main.gotoHash('#/people');
  await expect(main.forbidden).toBeVisible();
  await expect(main.forbidden).toContainText('“部门与人员”仅限组织者使用');

  // The API refuses coordinator methods with the evaluator's own session, and changes nothing.
  const evaluatorSession = await main.sessionToken();
  expect(evaluatorSession).toBeTruthy();
  const session = evaluatorSession ?? undefined;
  const me = await server.call('auth.me', {}, session);
  expect(me.role).toBe('evaluator');

  const list = await server.rpc('users.list', {}, { session });
  expect(list.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  const create = await server.rpc(
    'users.create',
    { username: 'intruder', displayName: '冒名者', role: 'coordinator', password: 'Intruder-2024' },
    { session },
  );
  expect(create.body).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN', key: 'errors.FORBIDDEN' },
  });

  const { users } = await server.call('users.list', {}, coordinator.session);
  expect(users.map((u) => u.username).sort()).toEqual(
    [coordinator.username, EVALUATOR.username].sort(),
  );
});
