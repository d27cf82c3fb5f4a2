// What the first-run and login pages share: the frame with the language switch.
import type { Locator, Page } from '@playwright/test';
import type { AppServer } from '../support/server';
import { chooseOption } from './AntSelect';

export type LanguageLabel = 'English' | '简体中文';

export class AuthPage {
  readonly languageSwitch: Locator;

  constructor(readonly page: Page) {
    this.languageSwitch = page.getByTestId('language-switch');
  }

  /** Opens the app with the URL the server printed (it carries the access token). */
  async open(server: AppServer): Promise<void> {
    await this.page.goto(server.url);
  }

  /** Not signed in, so nothing is saved on an account: the switch is immediate. */
  async switchLanguage(label: LanguageLabel): Promise<void> {
    await chooseOption(this.page, this.languageSwitch, label);
  }
}
