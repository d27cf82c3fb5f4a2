// First run: create the first coordinator account.
import type { Locator, Page } from '@playwright/test';
import type { Account } from '../support/fixtures';
import { AuthPage } from './AuthPage';

export class SetupPage extends AuthPage {
  readonly title: Locator;
  readonly orgName: Locator;
  readonly displayName: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly confirm: Locator;
  readonly submit: Locator;

  constructor(page: Page) {
    super(page);
    this.title = page.getByTestId('setup-title');
    this.orgName = page.getByTestId('setup-org');
    this.displayName = page.getByTestId('setup-name');
    this.username = page.getByTestId('setup-username');
    this.password = page.getByTestId('setup-password');
    this.confirm = page.getByTestId('setup-confirm');
    this.submit = page.getByTestId('setup-submit');
  }

  async createCoordinator(account: Account): Promise<void> {
    await this.orgName.fill(account.orgName);
    await this.displayName.fill(account.displayName);
    await this.username.fill(account.username);
    await this.password.fill(account.password);
    await this.confirm.fill(account.password);
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/rpc/setup.createCoordinator')),
      this.submit.click(),
    ]);
  }
}
