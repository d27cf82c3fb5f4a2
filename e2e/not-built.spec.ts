// Journey 5: areas that are not built yet say so plainly.
import { expect, test } from './support/fixtures';
import { LoginPage } from './pages/LoginPage';
import { MainWindow, type AreaKey } from './pages/MainWindow';

const UNBUILT: readonly [AreaKey, string][] = [['reports', '统计与通报']];

test('unbuilt areas say plainly that they are not built yet', async ({
  page,
  server,
  coordinator,
}) => {
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  await login.open(server);
  await login.login(coordinator.username, coordinator.password);
  await expect(main.welcome).toBeVisible();

  await main.open('reports');
  await expect(main.pageTitle).toHaveText('统计与通报');
  await expect(main.notBuilt).toBeVisible();
  await expect(main.notBuilt).toContainText('统计与通报尚未建成');
  await expect(main.notBuilt).toContainText('此功能将在后续版本中提供');
  expect(new URL(page.url()).hash).toBe('#/reports');

  for (const [area, label] of UNBUILT) {
    await main.open(area);
    await expect(main.pageTitle).toHaveText(label);
    await expect(main.notBuilt).toContainText(`${label}尚未建成`);
    await expect(main.forbidden).toHaveCount(0);
  }

  // Built areas are not marked.
  await main.open('cases');
  await expect(main.notBuilt).toHaveCount(0);
  await main.open('people');
  await expect(main.notBuilt).toHaveCount(0);
  await main.open('standards');
  await expect(main.notBuilt).toHaveCount(0);
  await main.open('campaigns');
  await expect(main.notBuilt).toHaveCount(0);
  await main.open('review');
  await expect(main.notBuilt).toHaveCount(0);
  await main.open('myTasks');
  await expect(main.notBuilt).toHaveCount(0);
  await main.open('settings');
  await expect(main.notBuilt).toHaveCount(0);
  await main.open('dashboard');
  await expect(main.notBuilt).toHaveCount(0);
  await expect(main.welcome).toBeVisible();
});
