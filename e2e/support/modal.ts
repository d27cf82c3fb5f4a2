// A dialog's button is clicked once the dialog has settled: every animation in it (antd's zoom on
// opening) finished. A click while the dialog still moves can focus the button without firing
// its click (seen in CI: the button [active], nothing submitted).
import type { Locator } from '@playwright/test';

export async function clickWhenSettled(button: Locator): Promise<void> {
  await button.waitFor({ state: 'visible' });
  await button.evaluate(async (el) => {
    const dialog = el.closest('.ant-modal') ?? el;
    const finite = dialog
      .getAnimations({ subtree: true })
      .filter((a) => a.effect?.getTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
  await button.click();
}
