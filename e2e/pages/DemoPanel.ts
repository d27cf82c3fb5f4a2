// The demo workspace: 载入示例数据 on the first-run page, the demo accounts on the login page.
import { expect, type Locator, type Page } from '@playwright/test';

export class DemoPanel {
  readonly section: Locator;
  readonly loadButton: Locator;
  readonly accounts: Locator;
  readonly accountsTitle: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('demo-section');
    this.loadButton = page.getByTestId('demo-load');
    this.accounts = page.getByTestId('demo-accounts');
    this.accountsTitle = page.getByTestId('demo-accounts-title');
  }

  account(username: string): Locator {
    return this.page.getByTestId(`demo-account-${username}`);
  }

  /** Clicks 载入示例数据 and waits until the server has built the workspace. */
  async load(): Promise<void> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/rpc/demo.load'), { timeout: 60_000 }),
      this.loadButton.click(),
    ]);
    const body = (await response.json()) as { ok: boolean };
    expect(body.ok, 'demo.load succeeded').toBe(true);
  }
}
