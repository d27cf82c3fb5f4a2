// 我的评查任务: the evaluator's task list, and the scoring screen of one file (the file pane, the
// sheet form, the header with the live total, grade and save state, submit).
import { expect, type Locator, type Page } from '@playwright/test';
import type { Envelope } from '../../core/api/errors';
import { clickWhenSettled } from '../support/modal';

export class TaskListPage {
  readonly root: Locator;
  readonly campaigns: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('task-list');
    this.campaigns = page.getByTestId('task-campaign');
    this.rows = page.getByTestId('task-row');
  }

  async expectLoaded(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-loaded', 'true');
  }

  campaign(name: string): Locator {
    return this.campaigns.filter({
      has: this.page.getByTestId('task-campaign-name').getByText(name, { exact: true }),
    });
  }

  row(caseNo: string): Locator {
    return this.page.locator(`[data-testid="task-row"][data-case-no="${caseNo}"]`);
  }

  status(caseNo: string): Locator {
    return this.row(caseNo).getByTestId('task-status');
  }

  async open(caseNo: string): Promise<void> {
    await this.row(caseNo).click();
    await expect(this.page.getByTestId('scoring-page')).toBeVisible();
  }
}

export class ScoringScreen {
  readonly root: Locator;
  readonly caseNo: Locator;
  readonly status: Locator;
  readonly total: Locator;
  readonly grade: Locator;
  readonly veto: Locator;
  readonly saveState: Locator;
  readonly retry: Locator;
  readonly submitButton: Locator;
  readonly submitted: Locator;
  readonly locked: Locator;
  readonly returned: Locator;
  readonly problems: Locator;
  readonly problemItems: Locator;
  readonly filePane: Locator;
  readonly attachments: Locator;
  readonly viewerCanvas: Locator;
  readonly viewerPage: Locator;
  readonly comments: Locator;
  readonly highlights: Locator;
  readonly back: Locator;
  readonly shortcuts: Locator;
  readonly signatures: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('scoring-page');
    this.caseNo = page.getByTestId('scoring-case-no');
    this.status = page.getByTestId('scoring-status');
    this.total = page.getByTestId('sheet-total');
    this.grade = page.getByTestId('sheet-grade');
    this.veto = page.getByTestId('sheet-veto-hits');
    this.saveState = page.getByTestId('save-state');
    this.retry = page.getByTestId('save-retry');
    this.submitButton = page.getByTestId('sheet-submit');
    this.submitted = page.getByTestId('sheet-submitted');
    this.locked = page.getByTestId('sheet-locked');
    this.returned = page.getByTestId('sheet-returned');
    this.problems = page.getByTestId('submit-problems');
    this.problemItems = page.getByTestId('submit-problem');
    this.filePane = page.getByTestId('file-pane');
    this.attachments = page.getByTestId('file-attachment');
    this.viewerCanvas = page.getByTestId('viewer-canvas');
    this.viewerPage = page.getByTestId('viewer-page');
    this.comments = page.getByTestId('sheet-comments');
    this.highlights = page.getByTestId('sheet-highlights');
    this.back = page.getByTestId('scoring-back');
    this.shortcuts = page.getByTestId('shortcut-table');
    this.signatures = page.getByTestId('signature');
  }

  /** The row of an item (A1, B6, …). */
  item(code: string): Locator {
    return this.page.locator(`[data-testid="sheet-item"][data-code="${code}"]`);
  }

  vetoRow(code: string): Locator {
    return this.page.locator(`[data-testid="sheet-veto"][data-code="${code}"]`);
  }

  categoryScore(code: string): Locator {
    return this.page
      .locator(`[data-testid="sheet-category"][data-code="${code}"]`)
      .getByTestId('category-score');
  }

  async expectLoaded(caseNo: string): Promise<void> {
    await expect(this.caseNo).toHaveText(caseNo);
    await expect(this.page.getByTestId('sheet-form')).toBeVisible();
  }

  /** Waits until the autosave has everything. */
  async expectSaved(): Promise<void> {
    await expect(this.saveState).toHaveAttribute('data-state', 'saved');
  }

  async addOccurrences(code: string, times: number): Promise<void> {
    for (let i = 0; i < times; i++) await this.item(code).getByTestId('item-inc').click();
  }

  async setReason(row: Locator, prefix: 'item' | 'veto' | 'bonus', reason: string): Promise<void> {
    await row.getByTestId(`${prefix}-reason`).fill(reason);
  }

  async setPages(row: Locator, prefix: 'item' | 'veto' | 'bonus', pages: string): Promise<void> {
    await row.getByTestId(`${prefix}-pages`).fill(pages);
  }

  async checkVeto(code: string): Promise<void> {
    await this.vetoRow(code).getByTestId('veto-check').click();
    await expect(this.vetoRow(code)).toHaveAttribute('data-checked', 'true');
  }

  /** 提交 (or 确认签名): through the confirmation; returns the API's answer. */
  async submit(): Promise<Envelope<unknown>> {
    await this.submitButton.click();
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/rpc/sheets.submit')),
      clickWhenSettled(this.page.getByTestId('submit-ok')),
    ]);
    return (await response.json()) as Envelope<unknown>;
  }
}
