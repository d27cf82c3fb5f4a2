// 案卷库: the registry list (filters, table, column chooser, import / new / export), the detail
// page of one case file with its attachments and viewer, and the case form.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { Envelope } from '../../core/api/errors';
import { chooseOption } from './AntSelect';

export interface CaseFormInput {
  caseNo?: string;
  caseTypeLabel?: string;
  procedureLabel?: string;
  statusLabel?: string;
  cause?: string;
  departmentName?: string;
  partyName?: string;
  partyType?: string;
  handlers?: string;
  /** YYYY-MM-DD */
  decidedOn?: string;
  /** 元 */
  amountYuan?: string;
  legalBasis?: string;
  pageCount?: string;
}

export class CasesPage {
  readonly list: Locator;
  readonly total: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly importButton: Locator;
  readonly createButton: Locator;
  readonly exportButton: Locator;
  readonly columnsButton: Locator;
  readonly search: Locator;
  readonly typeFilter: Locator;
  readonly resetFilters: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('cases-list');
    this.total = page.getByTestId('cases-total');
    this.table = page.getByTestId('cases-table');
    this.rows = this.table.locator('tbody tr.ant-table-row');
    this.importButton = page.getByTestId('cases-import');
    this.createButton = page.getByTestId('cases-create');
    this.exportButton = page.getByTestId('cases-export');
    this.columnsButton = page.getByTestId('cases-columns');
    this.search = page.getByTestId('filter-q');
    this.typeFilter = page.getByTestId('filter-caseTypes');
    this.resetFilters = page.getByTestId('filter-reset');
    this.form = page.getByRole('dialog').filter({ has: page.getByTestId('case-caseNo') });
  }

  /** The number of case files the list says match (its data-total attribute). */
  async totalCount(): Promise<number> {
    return Number(await this.total.getAttribute('data-total'));
  }

  /** Waits until the list shows `count` matching case files and no request is pending. */
  async expectTotal(count: number): Promise<void> {
    await expect(this.total).toHaveAttribute('data-total', String(count));
    await expect(this.table.locator('.ant-spin-spinning')).toHaveCount(0);
  }

  /** The cells of one column on the current page, as shown. */
  cells(column: string): Locator {
    return this.rows.locator(`[data-col="${column}"]`);
  }

  /** Runs `action` and waits for the cases.list answer it causes. */
  async listAfter(action: () => Promise<void>): Promise<void> {
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/rpc/cases.list')),
      action(),
    ]);
    await expect(this.table.locator('.ant-spin-spinning')).toHaveCount(0);
  }

  async filterByType(label: string): Promise<void> {
    await this.listAfter(async () => {
      await this.typeFilter.click();
      await this.page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .locator(`.ant-select-item-option[title="${label}"]`)
        .click();
    });
    await this.page.keyboard.press('Escape');
    await expect(this.typeFilter).toContainText(label);
  }

  async searchFor(text: string): Promise<void> {
    await this.listAfter(() => this.search.fill(text));
  }

  columnHeader(label: string): Locator {
    return this.table.locator('thead th').filter({ hasText: label });
  }

  async sortBy(label: string): Promise<void> {
    await this.listAfter(() => this.columnHeader(label).click());
  }

  async goToPage(n: number): Promise<void> {
    await this.listAfter(() =>
      this.page.locator(`.ant-pagination-item-${n}`).filter({ visible: true }).click(),
    );
    await expect(this.page.locator('.ant-pagination-item-active')).toHaveText(String(n));
  }

  async setPageSize(size: number): Promise<void> {
    await this.listAfter(async () => {
      await this.page.locator('.ant-pagination-options .ant-select').click();
      await this.page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .locator('.ant-select-item-option')
        .filter({ hasText: String(size) })
        .click();
    });
  }

  async exportXlsx(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.exportButton.click(),
    ]);
    return download;
  }

  // --- the form ---------------------------------------------------------------------------

  async fillForm(input: CaseFormInput): Promise<void> {
    const f = this.page;
    await expect(this.form).toBeVisible();
    if (input.caseNo !== undefined) await f.getByTestId('case-caseNo').fill(input.caseNo);
    if (input.caseTypeLabel) {
      await chooseOption(f, f.getByTestId('case-caseType'), input.caseTypeLabel);
    }
    if (input.procedureLabel) {
      await chooseOption(f, f.getByTestId('case-procedure'), input.procedureLabel);
    }
    if (input.statusLabel) {
      await f.getByTestId('case-status').getByText(input.statusLabel, { exact: true }).click();
    }
    if (input.cause !== undefined) await f.getByTestId('case-cause').fill(input.cause);
    if (input.departmentName) {
      const select = f.getByTestId('case-departmentId');
      await select.click();
      await select.locator('input').fill(input.departmentName);
      await f
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .locator(`.ant-select-item-option[title="${input.departmentName}"]`)
        .click();
      await expect(select).toContainText(input.departmentName);
    }
    if (input.partyName !== undefined) await f.getByTestId('case-partyName').fill(input.partyName);
    if (input.partyType !== undefined) {
      await f.getByTestId('case-partyType').locator('input').fill(input.partyType);
      await f.keyboard.press('Escape');
    }
    if (input.handlers !== undefined) await f.getByTestId('case-handlers').fill(input.handlers);
    if (input.decidedOn) {
      const picker = f.getByTestId('case-decidedOn');
      await picker.click();
      await picker.fill(input.decidedOn);
      await picker.press('Enter');
    }
    if (input.amountYuan !== undefined) await f.getByTestId('case-amount').fill(input.amountYuan);
    if (input.legalBasis !== undefined) {
      await f.getByTestId('case-legalBasis').fill(input.legalBasis);
    }
    if (input.pageCount !== undefined) await f.getByTestId('case-pageCount').fill(input.pageCount);
  }

  /** Submits the form; returns the API's answer (cases.create or cases.update). */
  async submitForm(method: 'cases.create' | 'cases.update'): Promise<Envelope<{ id: string }>> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith(`/rpc/${method}`)),
      this.page.getByTestId('case-form-ok').click(),
    ]);
    return (await response.json()) as Envelope<{ id: string }>;
  }
}

export class CaseDetailPage {
  readonly root: Locator;
  readonly title: Locator;
  readonly fields: Locator;
  readonly editButton: Locator;
  readonly deleteButton: Locator;
  readonly backLink: Locator;
  readonly attachments: Locator;
  readonly attachmentRows: Locator;
  readonly viewer: Locator;
  readonly viewerCanvas: Locator;
  readonly viewerPage: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('case-detail');
    this.title = page.getByTestId('case-title');
    this.fields = page.getByTestId('case-fields');
    this.editButton = page.getByTestId('case-edit');
    this.deleteButton = page.getByTestId('case-delete');
    this.backLink = page.getByTestId('case-back');
    this.attachments = page.getByTestId('attachments');
    this.attachmentRows = page.getByTestId('attachments-table').locator('tbody tr.ant-table-row');
    this.viewer = page.getByTestId('file-viewer');
    this.viewerCanvas = page.getByTestId('viewer-canvas');
    this.viewerPage = page.getByTestId('viewer-page');
  }

  field(key: string): Locator {
    return this.fields.locator(`[data-field="${key}"]`);
  }

  async addAttachment(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/rpc/attachments.add')),
      this.attachments.locator('input[type=file]').setInputFiles(file),
    ]);
    const body = (await response.json()) as Envelope<unknown>;
    expect(body.ok, JSON.stringify(body)).toBe(true);
  }

  async removeAttachment(fileName: string): Promise<void> {
    await this.attachmentRows
      .filter({ hasText: fileName })
      .getByTestId('attachment-remove')
      .click();
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/rpc/attachments.remove')),
      this.page.getByTestId('attachment-remove-ok').click(),
    ]);
  }

  async deleteCase(): Promise<void> {
    await this.deleteButton.click();
    await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/rpc/cases.delete')),
      this.page.getByTestId('case-delete-ok').click(),
    ]);
  }
}
