// Journey 5: every area of the main window is built now — none of them says 尚未建成 any more,
// and a coordinator may open each one (the role guard has its own journey in roles.spec.ts).
import { expect, test } from './support/fixtures';
import { LoginPage } from './pages/LoginPage';
import { ALL_AREAS, MainWindow } from './pages/MainWindow';

test('no area says it is not built yet', async ({ page, server, coordinator }) => {
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  await login.open(server);
  await login.login(coordinator.username, coordinator.password);
  await expect(main.welcome).toBeVisible();

  for (const area of ALL_AREAS) {
    await main.open(area);
    await expect(main.pageTitle).not.toBeEmpty();
    await expect(main.notBuilt).toHaveCount(0);
    await expect(main.forbidden).toHaveCount(0);
    // Neither the placeholder's title (X尚未建成) nor the dashboard's tag (尚未建成); the
    // dashboard's intro sentence about such marks is not a mark.
    await expect(page.getByText(/尚未建成$/)).toHaveCount(0);
  }

  // The results screen in particular is the real one, not a placeholder.
  await main.open('reports');
  await expect(main.pageTitle).toHaveText('统计与通报');
  await expect(page.getByTestId('reports-page')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/reports');

  await main.open('dashboard');
  await expect(main.welcome).toBeVisible();
});
