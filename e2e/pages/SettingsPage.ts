// 设置: language, own password and (coordinators) account management.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './AntSelect';

export interface NewAccount {
  displayName: string;
  username: string;
  /** The role's visible label, e.g. '评查员'. */
  roleLabel: string;
  password: string;
}

export class SettingsPage {
  readonly root: Locator;
  readonly createButton: Locator;
  readonly accountsTable: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('settings');
    this.createButton = page.getByTestId('account-create');
    this.accountsTable = page.getByTestId('accounts-table');
  }

  accountRow(username: string): Locator {
    return this.accountsTable.locator('tr').filter({ hasText: username });
  }

  async createAccount(account: NewAccount): Promise<void> {
    await this.createButton.click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await this.page.getByTestId('account-displayName').fill(account.displayName);
    await this.page.getByTestId('account-username').fill(account.username);
    await chooseOption(this.page, this.page.getByTestId('account-role'), account.roleLabel);
    await this.page.getByTestId('account-password').fill(account.password);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/rpc/users.create')),
      this.page.getByTestId('account-create-ok').click(),
    ]);
    const body = (await response.json()) as { ok: boolean };
    expect(body.ok, 'users.create succeeded').toBe(true);
    await expect(dialog).toBeHidden();
    await expect(this.accountRow(account.username)).toBeVisible();
  }
}
