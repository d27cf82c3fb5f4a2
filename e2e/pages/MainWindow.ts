// The main window: navigation, page title, language switch and the account menu.
import type { Locator, Page } from '@playwright/test';
import { chooseOption } from './AntSelect';
import type { LanguageLabel } from './AuthPage';

export type AreaKey =
  | 'dashboard'
  | 'cases'
  | 'standards'
  | 'campaigns'
  | 'review'
  | 'myTasks'
  | 'reports'
  | 'rectification'
  | 'people'
  | 'audit'
  | 'settings';

export const ALL_AREAS: readonly AreaKey[] = [
  'dashboard',
  'cases',
  'standards',
  'campaigns',
  'review',
  'myTasks',
  'reports',
  'rectification',
  'people',
  'audit',
  'settings',
];

export class MainWindow {
  readonly pageTitle: Locator;
  readonly welcome: Locator;
  readonly orgName: Locator;
  readonly userMenu: Locator;
  readonly languageSwitch: Locator;
  readonly notBuilt: Locator;
  readonly forbidden: Locator;
  /** Every entry of the navigation menu. */
  readonly navItems: Locator;

  constructor(readonly page: Page) {
    this.pageTitle = page.getByTestId('page-title');
    this.welcome = page.getByTestId('welcome');
    this.orgName = page.getByTestId('org-name');
    this.userMenu = page.getByTestId('user-menu');
    this.languageSwitch = page.locator('.shell-header').getByTestId('language-switch');
    this.notBuilt = page.getByTestId('not-built');
    this.forbidden = page.getByTestId('forbidden');
    this.navItems = page.locator('[data-testid^="nav-"]');
  }

  nav(area: AreaKey): Locator {
    return this.page.getByTestId(`nav-${area}`);
  }

  async open(area: AreaKey): Promise<void> {
    await this.nav(area).click();
  }

  /** Goes to a route as if typed into the address bar, e.g. '#/cases' (hash routing). */
  async gotoHash(hash: string): Promise<void> {
    const url = new URL(this.page.url());
    url.hash = hash;
    await this.page.goto(url.toString());
  }

  /** Signed in, the choice is also saved on the account: wait until the server has it. */
  async switchLanguage(label: LanguageLabel): Promise<void> {
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/rpc/account.setLocale')),
      chooseOption(this.page, this.languageSwitch, label),
    ]);
  }

  async logout(): Promise<void> {
    await this.userMenu.hover();
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/rpc/auth.logout')),
      this.page.getByTestId('logout').click(),
    ]);
  }

  /** The session token the app keeps for this tab (browser mode). */
  sessionToken(): Promise<string | null> {
    return this.page.evaluate(() => sessionStorage.getItem('app.session'));
  }
}
