// 整改跟踪: the campaign choice, the per-department table with 下发整改通知 and the notice
// download, the problem list with its update dialog (status, reply, evidence), the overdue list
// and the summary.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './AntSelect';
import { clickWhenSettled } from '../support/modal';

export class RectificationPage {
  readonly root: Locator;
  readonly campaignSelect: Locator;
  readonly departmentRows: Locator;
  readonly issueForm: Locator;
  readonly issueSubmit: Locator;
  readonly problemRows: Locator;
  readonly problemsCount: Locator;
  readonly updateForm: Locator;
  readonly updateStatus: Locator;
  readonly updateReply: Locator;
  readonly updateSave: Locator;
  readonly evidenceItems: Locator;
  readonly summaryParagraph: Locator;
  readonly overdueEmpty: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('rectification-page');
    this.campaignSelect = page.getByTestId('rect-campaign-select');
    this.departmentRows = page.locator('[data-testid="rect-dept-row"]');
    this.issueForm = page.getByTestId('rect-issue-form');
    this.issueSubmit = page.getByTestId('rect-issue-submit');
    this.problemRows = page.locator('[data-testid="rect-item-row"]');
    this.problemsCount = page.getByTestId('rect-problems-count');
    this.updateForm = page.getByTestId('rect-update-form');
    this.updateStatus = page.getByTestId('rect-update-status');
    this.updateReply = page.getByTestId('rect-update-reply');
    this.updateSave = page.getByTestId('rect-update-save');
    this.evidenceItems = page.locator('[data-testid="rect-evidence-item"]');
    this.summaryParagraph = page.getByTestId('rect-summary-paragraph');
    this.overdueEmpty = page.getByTestId('rect-overdue-empty');
  }

  async expectLoaded(campaignId?: string): Promise<void> {
    await expect(this.root).toHaveAttribute('data-loaded', 'true');
    if (campaignId) await expect(this.root).toHaveAttribute('data-campaign', campaignId);
  }

  department(name: string): Locator {
    return this.page.locator(`[data-testid="rect-dept-row"][data-department="${name}"]`);
  }

  tab(key: 'departments' | 'problems' | 'overdue' | 'summary'): Locator {
    return this.page.getByTestId(`rect-tab-${key}`);
  }

  /** 下发整改通知 for a department with the form's defaults; returns the notice's download. */
  async issue(name: string): Promise<Download> {
    await this.department(name).getByTestId('rect-issue').click();
    await expect(this.issueForm).toBeVisible();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      clickWhenSettled(this.issueSubmit),
    ]);
    await expect(this.issueForm).toBeHidden();
    return download;
  }

  /** Opens the update dialog of a problem row and waits for its details. */
  async openUpdate(row: Locator): Promise<void> {
    await row.getByTestId('rect-item-update').click();
    await expect(this.updateForm).toBeVisible();
    await expect(this.updateForm).not.toHaveAttribute('data-status', '');
  }

  async chooseStatus(label: string): Promise<void> {
    await chooseOption(this.page, this.updateStatus, label);
  }

  /** Uploads an evidence file in the open dialog and waits until it is listed. */
  async uploadEvidence(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const before = await this.evidenceItems.count();
    await this.updateForm.locator('input[type="file"]').setInputFiles(file);
    await expect(this.evidenceItems).toHaveCount(before + 1);
  }

  async save(): Promise<void> {
    await this.updateSave.click();
    await expect(this.updateForm).toBeHidden();
  }
}
