// Screenshots for people to look at (test-results/screens/): no focus ring, hover state or toast
// in the pictures, fonts loaded. `whole` grows the window to the page's height first, because the
// page scrolls inside the shell rather than the document.
import { expect, type Page } from '@playwright/test';
import path from 'node:path';
import { SCREENS_DIR } from './paths';

export async function shot(
  page: Page,
  name: string,
  opts: { whole?: boolean } = {},
): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await page.evaluate(() => document.fonts.ready);
  const viewport = page.viewportSize()!;
  if (opts.whole) {
    const height = await page.evaluate(() => {
      const content = document.querySelector('.shell-content');
      return content ? content.getBoundingClientRect().top + content.scrollHeight : 0;
    });
    if (height > viewport.height) {
      await page.setViewportSize({ width: viewport.width, height: Math.min(height, 6000) });
    }
  }
  await page.screenshot({
    path: path.join(SCREENS_DIR, `${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
  if (opts.whole) await page.setViewportSize(viewport);
}
