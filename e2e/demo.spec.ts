// The demo workspace: 载入示例数据 on the first-run page builds a district, the login page lists
// its accounts, a click fills the form; the coordinator sees the departments and the pool, an
// evaluator does not. Screenshots of these pages go to test-results/screens/.
import { COORDINATOR, expect, test } from './support/fixtures';
import { shot } from './support/screens';
import { DemoPanel } from './pages/DemoPanel';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';
import { PeoplePage } from './pages/PeoplePage';
import { SetupPage } from './pages/SetupPage';

test.use({ viewport: { width: 1366, height: 900 } });

test('载入示例数据: demo accounts on the login page, 30 departments and 90 people, evaluators kept out', async ({
  page,
  server,
}) => {
  const setup = new SetupPage(page);
  const login = new LoginPage(page);
  const demo = new DemoPanel(page);
  const main = new MainWindow(page);
  const people = new PeoplePage(page);

  await setup.open(server);
  await expect(setup.title).toBeVisible();
  await expect(demo.section).toContainText('想先试用？');
  await expect(demo.loadButton).toHaveText('载入示例数据');
  await shot(page, 'first-run-demo-zh-CN');

  await demo.load();
  await expect(login.title).toHaveText('登录');
  await expect(setup.title).toHaveCount(0);

  // The login page lists the demo accounts and the shared password.
  await expect(demo.accountsTitle).toContainText('demo2025');
  await expect(demo.account('zuzhi')).toContainText('组织者');
  for (let i = 1; i <= 5; i++) {
    await expect(demo.account(`pingcha${i}`)).toContainText('评查员');
  }
  await expect(page.getByText(`评查机关：${COORDINATOR.orgName}`)).toBeVisible();
  await shot(page, 'login-demo-zh-CN');

  // A click fills the form; the coordinator signs in.
  await demo.account('zuzhi').click();
  await expect(login.username).toHaveValue('zuzhi');
  await expect(login.password).toHaveValue('demo2025');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/rpc/auth.login')),
    login.submit.click(),
  ]);
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
  await expect(main.userMenu).toContainText('（组织者）');

  await main.open('people');
  await expect(main.pageTitle).toHaveText('部门与人员');
  await expect(people.departmentsCount).toHaveText('共 30 个部门');
  await expect(people.departmentsTable.locator('tbody tr')).toHaveCount(30);
  await expect(people.departmentRow('东湖区市场监督管理局')).toContainText('东湖区市场监管局');
  await shot(page, 'people-departments-zh-CN');

  await people.openTab('pool');
  await expect(people.peopleCount).toHaveText('共 90 人');
  await expect(people.tab('pool')).toContainText('90');
  // Evaluator accounts of the demo are linked to people of the pool.
  await expect(people.peopleTable.getByTestId('person-account-cell').first()).toBeVisible();
  await shot(page, 'people-pool-zh-CN');

  await people.openTab('imports');
  await expect(people.importsTable).toContainText('尚无导入记录');

  await main.logout();

  // An evaluator of the demo signs in the same way and has no 部门与人员.
  await demo.account('pingcha1').click();
  await expect(login.username).toHaveValue('pingcha1');
  const answer = await login.login('pingcha1', 'demo2025');
  expect(answer.ok).toBe(true);
  await expect(main.userMenu).toContainText('（评查员）');
  await expect(main.nav('people')).toHaveCount(0);
  await main.gotoHash('#/people');
  await expect(main.forbidden).toBeVisible();
});

test('a workspace set up by hand shows no demo accounts and no demo entry', async ({
  page,
  server,
  coordinator,
}) => {
  const login = new LoginPage(page);
  const demo = new DemoPanel(page);
  await login.open(server);
  await expect(login.title).toBeVisible();
  await expect(demo.accounts).toHaveCount(0);
  await expect(demo.section).toHaveCount(0);
  // Once there are accounts, the API refuses to load the demo on top.
  const r = await server.rpc('demo.load', {});
  expect(r.body.ok).toBe(false);
  expect((await server.call('app.status', {}, coordinator.session)).demo).toBeNull();
});
