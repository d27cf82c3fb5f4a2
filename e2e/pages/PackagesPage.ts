// Offline packages: the coordinator's 离线评查 tab, the import of a task package (first run or
// an evaluator workspace), the evaluator's packages and the merge of a result package.
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class OfflinePanel {
  readonly root: Locator;
  readonly fingerprint: Locator;
  readonly rows: Locator;
  readonly importResultButton: Locator;
  readonly merge: MergeDialog;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('offline-panel');
    this.fingerprint = page.getByTestId('offline-fingerprint');
    this.rows = this.root.locator('[data-testid="offline-row"]');
    this.importResultButton = page.getByTestId('offline-import-result');
    this.merge = new MergeDialog(page);
  }

  row(username: string): Locator {
    return this.root.locator(`[data-testid="offline-row"][data-username="${username}"]`);
  }

  /** Exports one evaluator's task package; returns the download. */
  async exportFor(username: string): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 60_000 }),
      this.row(username).getByTestId('offline-export').click(),
    ]);
    return download;
  }

  /** Chooses a result package file; the merge dialog opens with its check. */
  async importResult(file: string): Promise<void> {
    await this.root.locator('input[type=file]').setInputFiles(file);
    await expect(this.merge.root).toBeVisible();
  }
}

export class MergeDialog {
  readonly root: Locator;
  readonly sheets: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly already: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('merge-modal');
    this.sheets = this.root.locator('[data-testid="merge-sheet"]');
    this.submit = page.getByTestId('merge-submit');
    this.error = page.getByTestId('merge-error');
    this.already = page.getByTestId('merge-already');
  }

  sheet(caseNo: string): Locator {
    return this.root.locator(`[data-testid="merge-sheet"][data-case-no="${caseNo}"]`);
  }
}

export class TaskImport {
  readonly root: Locator;
  readonly summary: Locator;
  readonly verified: Locator;
  readonly problem: Locator;
  readonly fingerprint: Locator;
  readonly campaign: Locator;
  readonly evaluator: Locator;
  readonly files: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly confirm: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('task-import');
    this.summary = page.getByTestId('package-summary');
    this.verified = page.getByTestId('package-verified');
    this.problem = page.getByTestId('package-problem');
    this.fingerprint = page.getByTestId('package-fingerprint');
    this.campaign = page.getByTestId('package-campaign');
    this.evaluator = page.getByTestId('package-evaluator');
    this.files = page.getByTestId('package-files');
    this.username = page.getByTestId('task-import-username');
    this.password = page.getByTestId('task-import-password');
    this.confirm = page.getByTestId('task-import-confirm');
    this.submit = page.getByTestId('task-import-submit');
  }

  async choose(file: string): Promise<void> {
    await this.root.locator('input[type=file]').setInputFiles(file);
    await expect(this.summary).toBeVisible();
  }
}

export class ReceivedPackages {
  readonly root: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('received-packages');
    this.rows = this.root.locator('[data-testid="received-row"]');
  }

  /** Exports the result package of the current task package; returns the download. */
  async exportResult(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 60_000 }),
      this.root.locator('[data-current="true"]').getByTestId('received-export').click(),
    ]);
    return download;
  }
}
