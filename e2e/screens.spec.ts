// Screenshots for humans, not asserted: the first-run page and the main window in zh-CN and en-US,
// saved to test-results/screens/ so they can be looked at after a run.
import path from 'node:path';
import { COORDINATOR, expect, test } from './support/fixtures';
import { MainWindow } from './pages/MainWindow';
import { SetupPage } from './pages/SetupPage';
import { SCREENS_DIR } from './support/paths';

test.use({ viewport: { width: 1366, height: 900 } });

test('screenshots of the first-run page and the main window', async ({ page, server }) => {
  const setup = new SetupPage(page);
  const main = new MainWindow(page);
  const shot = async (name: string) => {
    // No focus ring or hover state in the pictures.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.mouse.move(0, 0);
    await page.screenshot({
      path: path.join(SCREENS_DIR, `${name}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  };

  await setup.open(server);
  await expect(setup.submit).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await shot('first-run-zh-CN');

  await setup.createCoordinator(COORDINATOR);
  await expect(main.welcome).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await shot('main-zh-CN');

  await main.switchLanguage('English');
  await expect(main.pageTitle).toHaveText('Dashboard');
  await shot('main-en-US');

  await main.open('settings');
  await expect(page.getByTestId('accounts-table')).toBeVisible();
  await shot('settings-en-US');
});
