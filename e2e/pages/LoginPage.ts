// The login page.
import type { Locator, Page } from '@playwright/test';
import type { Envelope } from '../../core/api/errors';
import { AuthPage } from './AuthPage';

export class LoginPage extends AuthPage {
  readonly title: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    super(page);
    this.title = page.getByTestId('login-title');
    this.username = page.getByTestId('login-username');
    this.password = page.getByTestId('login-password');
    this.submit = page.getByTestId('login-submit');
    this.error = page.getByTestId('login-error');
  }

  /**
   * Submits the form and waits for the server's answer, so that consecutive attempts never
   * overlap and the message on screen belongs to this attempt. Returns the envelope.
   */
  async login(username: string, password: string): Promise<Envelope<unknown>> {
    await this.username.fill(username);
    await this.password.fill(password);
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/rpc/auth.login')),
      this.submit.click(),
    ]);
    return (await response.json()) as Envelope<unknown>;
  }
}
