// 统计与通报: the campaign choice, totals and grades, the department ranking, the 优秀 and 不合格
// lists, the main problems, the agreement figures, and the three exports (the notice after its
// form, the score workbook, every score sheet).
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type TotalKey = 'files' | 'final' | 'mean' | 'departments' | 'evaluators' | 'veto';
export type Figure = 'icc' | 'grades' | 'veto';

export class ReportsPage {
  readonly root: Locator;
  readonly campaignSelect: Locator;
  readonly pending: Locator;
  readonly gradeRows: Locator;
  readonly departmentsTable: Locator;
  readonly departmentRows: Locator;
  readonly excellentList: Locator;
  readonly failedList: Locator;
  readonly problemRows: Locator;
  readonly exportNoticeButton: Locator;
  readonly exportWorkbookButton: Locator;
  readonly exportSheetsButton: Locator;
  readonly exportError: Locator;
  readonly noticeForm: Locator;
  readonly noticeIssuer: Locator;
  readonly noticeTitle: Locator;
  readonly noticeRecipients: Locator;
  readonly noticeDate: Locator;
  readonly noticeExport: Locator;
  readonly noticeError: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('reports-page');
    this.campaignSelect = page.getByTestId('reports-campaign-select');
    this.pending = page.getByTestId('reports-pending');
    this.gradeRows = page.getByTestId('grade-row');
    this.departmentsTable = page.getByTestId('departments-table');
    this.departmentRows = this.departmentsTable.locator('[data-testid="department-row"]');
    this.excellentList = page.getByTestId('excellent-list');
    this.failedList = page.getByTestId('failed-list');
    this.problemRows = page.getByTestId('problems-table').locator('[data-testid="problem-row"]');
    this.exportNoticeButton = page.getByTestId('export-notice');
    this.exportWorkbookButton = page.getByTestId('export-workbook');
    this.exportSheetsButton = page.getByTestId('export-sheets');
    this.exportError = page.getByTestId('export-error');
    this.noticeForm = page.getByTestId('notice-form');
    this.noticeIssuer = page.getByTestId('notice-issuer');
    this.noticeTitle = page.getByTestId('notice-title');
    this.noticeRecipients = page.getByTestId('notice-recipients');
    this.noticeDate = page.getByTestId('notice-date');
    this.noticeExport = page.getByTestId('notice-export');
    this.noticeError = page.getByTestId('notice-error');
  }

  /** The results of `campaignId` are on screen. */
  async expectLoaded(campaignId?: string): Promise<void> {
    await expect(this.root).toHaveAttribute('data-loaded', 'true');
    if (campaignId) await expect(this.root).toHaveAttribute('data-campaign', campaignId);
    await expect(this.departmentsTable).toBeVisible();
  }

  total(key: TotalKey): Locator {
    return this.page.getByTestId(`total-${key}`);
  }

  gradeRow(grade: string): Locator {
    return this.page.locator(`[data-testid="grade-row"][data-grade="${grade}"]`);
  }

  /** The cells of a department row. */
  department(row: Locator) {
    return {
      rank: row.getByTestId('department-rank'),
      name: row.getByTestId('department-name'),
      mean: row.getByTestId('department-mean'),
      grade: (name: string) =>
        row.locator(`[data-testid="department-grade"][data-grade="${name}"]`),
    };
  }

  figure(name: Figure) {
    const box = this.page.getByTestId(`agreement-${name}`);
    return {
      box,
      value: box.getByTestId('agreement-value'),
      reading: box.getByTestId('agreement-reading'),
    };
  }

  /** Opens the notice form and waits until it is prefilled. */
  async openNoticeForm(): Promise<void> {
    await this.exportNoticeButton.click();
    await expect(this.noticeForm).toBeVisible();
    await expect(this.noticeIssuer).not.toHaveValue('');
  }

  /** Exports the notice from the open form; returns the download. */
  async exportNotice(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.noticeExport.click(),
    ]);
    await expect(this.noticeForm).toBeHidden();
    return download;
  }

  async exportWorkbook(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.exportWorkbookButton.click(),
    ]);
    return download;
  }

  async exportSheets(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 60_000 }),
      this.exportSheetsButton.click(),
    ]);
    return download;
  }
}
