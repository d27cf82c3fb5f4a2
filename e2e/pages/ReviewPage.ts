// 评查进度与复核: the campaign dashboard (counts, grades, files with their results, evaluators,
// overdue tasks, the campaign's moves), the printable reminder list, and the 复核 screen of one
// file (sheets side by side, the arbiter's sheet, the decision bar).
import { expect, type Locator, type Page } from '@playwright/test';
import type { Envelope } from '../../core/api/errors';
import { chooseOption } from './AntSelect';

/** Runs `action` and returns the envelope of the RPC call it causes. */
async function answerOf<T = unknown>(
  page: Page,
  method: string,
  action: () => Promise<void>,
): Promise<Envelope<T>> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/rpc/${method}`)),
    action(),
  ]);
  return (await response.json()) as Envelope<T>;
}

export type CountKey = 'total' | 'waiting' | 'review' | 'final';
export type Move = 'toReview' | 'toDone' | 'backToScoring';

export class ReviewDashboard {
  readonly root: Locator;
  readonly campaignSelect: Locator;
  readonly campaignStatus: Locator;
  readonly statusError: Locator;
  readonly decided: Locator;
  readonly filesTable: Locator;
  readonly fileRows: Locator;
  readonly gradeChart: Locator;
  readonly remindersButton: Locator;
  readonly departmentsTable: Locator;
  readonly evaluatorsTable: Locator;
  readonly overdueTable: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('review-dashboard');
    this.campaignSelect = page.getByTestId('review-campaign-select');
    this.campaignStatus = page.getByTestId('review-campaign-status');
    this.statusError = page.getByTestId('status-error');
    this.decided = page.getByTestId('review-decided');
    this.filesTable = page.getByTestId('files-table');
    this.fileRows = this.filesTable.locator('[data-testid="file-row"]');
    this.gradeChart = page.getByTestId('grade-chart');
    this.remindersButton = page.getByTestId('review-reminders');
    this.departmentsTable = page.getByTestId('departments-table');
    this.evaluatorsTable = page.getByTestId('evaluators-table');
    this.overdueTable = page.getByTestId('overdue-table');
  }

  async expectLoaded(): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.filesTable).toBeVisible();
  }

  count(key: CountKey): Locator {
    return this.page.getByTestId(`count-${key}`);
  }

  async expectCounts(counts: Record<CountKey, number>): Promise<void> {
    for (const [key, value] of Object.entries(counts)) {
      await expect(this.count(key as CountKey)).toHaveAttribute('data-value', String(value));
    }
  }

  fileRow(caseNo: string): Locator {
    return this.filesTable.locator(`[data-testid="file-row"][data-case-no="${caseNo}"]`);
  }

  finalTotal(caseNo: string): Locator {
    return this.fileRow(caseNo).getByTestId('file-final-total');
  }

  finalGrade(caseNo: string): Locator {
    return this.fileRow(caseNo).getByTestId('file-final-grade');
  }

  gradeBar(grade: string): Locator {
    return this.gradeChart.locator(`[data-testid="grade-bar"][data-grade="${grade}"]`);
  }

  /** 复核 (files waiting for review) or 查看 (any other file). */
  async openFile(caseNo: string): Promise<void> {
    const row = this.fileRow(caseNo);
    const review = row.getByTestId('file-review');
    if (await review.count()) await review.click();
    else await row.getByTestId('file-open').click();
    await expect(this.page.getByTestId('review-file')).toHaveAttribute('data-case-no', caseNo);
  }

  tab(key: 'files' | 'evaluators' | 'overdue'): Locator {
    return this.page.getByTestId(`review-tab-${key}`);
  }

  /** A campaign move, confirmed; returns the API's answer. */
  async move(move: Move): Promise<Envelope<unknown>> {
    await this.page.getByTestId(`status-${move}`).click();
    return answerOf(this.page, 'campaigns.setStatus', () =>
      this.page.getByTestId('status-confirm-ok').click(),
    );
  }

  async chooseCampaign(label: string): Promise<void> {
    await chooseOption(this.page, this.campaignSelect, label);
  }
}

export class RemindersView {
  readonly root: Locator;
  readonly rows: Locator;
  readonly summary: Locator;
  readonly printButton: Locator;
  readonly backButton: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('reminders-page');
    this.rows = page.getByTestId('reminder-row');
    this.summary = page.getByTestId('reminders-summary');
    this.printButton = page.getByTestId('reminders-print');
    this.backButton = page.getByTestId('reminders-back');
    this.empty = page.getByTestId('reminders-empty');
  }

  /** Clicks 打印 with window.print replaced by a counter; returns how often it was called. */
  async print(): Promise<number> {
    await this.page.evaluate(() => {
      const w = window as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => {
        w.printed++;
      };
    });
    await this.printButton.click();
    return this.page.evaluate(() => (window as unknown as { printed: number }).printed);
  }
}

export type Mode = 'view' | 'keep' | 'reconciled' | 'arbiter';

export class FileReview {
  readonly root: Locator;
  readonly flags: Locator;
  readonly info: Locator;
  readonly compare: Locator;
  readonly bar: Locator;
  readonly reason: Locator;
  readonly confirmButton: Locator;
  readonly problems: Locator;
  readonly decisionError: Locator;
  readonly decisionTotal: Locator;
  readonly decisionGrade: Locator;
  readonly finalTotal: Locator;
  readonly finalGrade: Locator;
  readonly backButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('review-file');
    this.flags = page.getByTestId('review-flags');
    this.info = page.getByTestId('review-info');
    this.compare = page.getByTestId('compare-table');
    this.bar = page.getByTestId('decision-bar');
    this.reason = page.getByTestId('decision-reason');
    this.confirmButton = page.getByTestId('decision-confirm');
    this.problems = page.getByTestId('decision-problems');
    this.decisionError = page.getByTestId('decision-error');
    this.decisionTotal = page.getByTestId('decision-total');
    this.decisionGrade = page.getByTestId('decision-grade');
    this.finalTotal = page.getByTestId('review-final-total');
    this.finalGrade = page.getByTestId('review-final-grade');
    this.backButton = page.getByTestId('review-back');
  }

  /** A row of the comparison: `veto:V5`, `item:A1`, `bonus:J1`. */
  row(key: string): Locator {
    return this.compare.locator(`[data-testid="cmp-row"][data-key="${key}"]`);
  }

  /** The column head of a sheet, by the evaluator's name. */
  head(name: string): Locator {
    return this.compare
      .getByTestId('cmp-head')
      .filter({ has: this.page.getByTestId('cmp-head-name').getByText(name, { exact: true }) });
  }

  async setMode(mode: Mode): Promise<void> {
    await this.page.getByTestId(`decision-mode-${mode}`).click();
    if (mode !== 'view') await expect(this.bar).toHaveAttribute('data-mode', mode);
  }

  /** 修订基础: the sheet the reconciled sheet starts from, by the option's text. */
  async chooseBase(label: string): Promise<void> {
    await chooseOption(this.page, this.page.getByTestId('decision-base'), label);
  }

  async keep(label: string | RegExp): Promise<void> {
    await this.bar.getByTestId('decision-keep-option').filter({ hasText: label }).click();
  }

  /** Occurrences (or defects) of an item in the arbiter's column. */
  async setCount(code: string, count: number): Promise<void> {
    const input = this.row(`item:${code}`).getByTestId('draft-count');
    await input.fill(String(count));
    await input.blur();
  }

  draftReason(key: string): Locator {
    return this.row(key).getByTestId('draft-reason');
  }

  draftPages(key: string): Locator {
    return this.row(key).getByTestId('draft-pages');
  }

  changeReason(key: string): Locator {
    return this.row(key).getByTestId('draft-change-reason');
  }

  /** Clicks 确认 and returns the API's answer (null when the form refused before sending). */
  async confirm(): Promise<Envelope<unknown> | null> {
    const sent = this.page
      .waitForResponse((r) => r.url().endsWith('/rpc/review.decide'), { timeout: 3_000 })
      .catch(() => null);
    await this.confirmButton.click();
    const response = await sent;
    return response ? ((await response.json()) as Envelope<unknown>) : null;
  }

  /** 退回 on a sheet's column, with a reason; returns the API's answer. */
  async returnSheet(name: string, reason: string): Promise<Envelope<unknown>> {
    await this.head(name).getByTestId('sheet-return').click();
    await this.page.getByTestId('return-reason').fill(reason);
    return answerOf(this.page, 'sheets.return', () => this.page.getByTestId('return-ok').click());
  }

  async openVersions(name: string): Promise<Locator> {
    await this.head(name).getByTestId('sheet-versions').click();
    const table = this.page.getByTestId('versions-table');
    await expect(table).toBeVisible();
    return table;
  }
}
