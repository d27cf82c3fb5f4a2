// 评查活动: the list of campaigns (new, open, 核验抽取记录) and the wizard of one campaign — scope,
// plan, the seed ceremony and the draw, evaluators, conflicts, the assignment (proposal, preview,
// matrix, confirmation) and the draw record with its exports — plus the verification dialog.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { Envelope } from '../../core/api/errors';
import { chooseOption } from './AntSelect';

export type StepKey =
  'scope' | 'plan' | 'seed' | 'evaluators' | 'conflicts' | 'assignment' | 'record';

export type SeedKindLabel = '掷骰' | '彩票号码' | '系统生成';

/** One evaluator column of the assignment matrix, as shown. */
export interface MatrixPerson {
  id: string;
  name: string;
  department: string;
  /** The number in the 件数 footer. */
  load: number;
}

/** One file row of the assignment matrix: the evaluators whose cell is marked ●. */
export interface MatrixRow {
  caseId: string;
  caseNo: string;
  department: string;
  personIds: string[];
  /** The number in the 人数 column. */
  count: number;
}

export interface Matrix {
  people: MatrixPerson[];
  rows: MatrixRow[];
}

/** Runs `action` and returns the envelope of the RPC call it causes. */
async function answerOf<T = unknown>(
  page: Page,
  method: string,
  action: () => Promise<void>,
  timeout?: number,
): Promise<Envelope<T>> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().endsWith(`/rpc/${method}`),
      timeout ? { timeout } : undefined,
    ),
    action(),
  ]);
  return (await response.json()) as Envelope<T>;
}

export class CampaignListPage {
  readonly root: Locator;
  readonly table: Locator;
  readonly createButton: Locator;
  readonly verifyButton: Locator;
  readonly total: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('campaigns-list');
    this.table = page.getByTestId('campaigns-table');
    this.createButton = page.getByTestId('campaign-create');
    this.verifyButton = page.getByTestId('campaigns-verify');
    this.total = page.getByTestId('campaigns-total');
  }

  row(name: string): Locator {
    return this.table.locator(`tr[data-name="${name}"]`);
  }

  /** 新建评查活动: name and year; ends on the new campaign's 范围与设置. */
  async create(name: string, year: number): Promise<Envelope<{ id: string }>> {
    await this.createButton.click();
    await this.page.getByTestId('campaign-create-name').fill(name);
    await this.page.getByTestId('campaign-create-year').fill(String(year));
    const answer = await answerOf<{ id: string }>(this.page, 'campaigns.create', () =>
      this.page.getByTestId('campaign-create-ok').click(),
    );
    await expect(this.page.getByTestId('step-content-scope')).toBeVisible();
    return answer;
  }
}

export class CampaignWizard {
  readonly name: Locator;
  readonly status: Locator;
  readonly counts: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByTestId('campaign-name');
    this.status = page.getByTestId('campaign-header').getByTestId('campaign-status');
    this.counts = page.getByTestId('campaign-counts');
    this.error = page.getByTestId('campaign-error');
  }

  /** The campaign id in the address (#/campaigns/:id/:step). */
  campaignId(): string {
    const m = /#\/campaigns\/([^/?]+)/.exec(this.page.url());
    if (!m?.[1]) throw new Error(`not in a campaign: ${this.page.url()}`);
    return m[1];
  }

  step(key: StepKey): Locator {
    return this.page.getByTestId(`step-${key}`);
  }

  content(key: StepKey): Locator {
    return this.page.getByTestId(`step-content-${key}`);
  }

  async goto(key: StepKey): Promise<void> {
    await this.step(key).click();
    await expect(this.content(key)).toBeVisible();
  }

  // ---- 范围与设置 ----------------------------------------------------------------------------

  get populationTotal(): Locator {
    return this.page.getByTestId('population-total');
  }

  populationType(type: string): Locator {
    return this.page.getByTestId(`population-type-${type}`);
  }

  // ---- 抽样方案 ------------------------------------------------------------------------------

  get planEstimate(): Locator {
    return this.page.getByTestId('plan-estimate');
  }

  async setTypeTotal(type: string, count: number): Promise<void> {
    const input = this.page.getByTestId(`plan-total-${type}`);
    await input.fill(String(count));
    await expect(input).toHaveValue(String(count));
  }

  // ---- 种子与抽取 ----------------------------------------------------------------------------

  get seedParts(): Locator {
    return this.page.getByTestId('seed-parts');
  }

  get seedCount(): Locator {
    return this.page.getByTestId('seed-count');
  }

  get commitment(): Locator {
    return this.page.getByTestId('seed-commitment');
  }

  get drawButton(): Locator {
    return this.page.getByTestId('seed-draw');
  }

  /** Adds one part of the seed: who contributed it, how it was made, its digits. */
  async addSeedPart(contributor: string, kind: SeedKindLabel, digits: string): Promise<void> {
    const rows = this.seedParts.locator('tbody tr.ant-table-row');
    const before = await rows.count();
    await this.page.getByTestId('seed-contributor').fill(contributor);
    await chooseOption(this.page, this.page.getByTestId('seed-kind'), kind);
    await this.page.getByTestId('seed-digits').fill(digits);
    await this.page.getByTestId('seed-add').click();
    await expect(rows).toHaveCount(before + 1);
  }

  /** 见证人已记录承诺值，锁定种子. */
  async lockSeed(): Promise<void> {
    await this.page.getByTestId('seed-lock').click();
    await expect(this.page.getByTestId('seed-locked')).toBeVisible();
  }

  /** 揭晓种子并抽取案卷; returns the answer of campaigns.drawFiles. */
  async drawFiles(): Promise<Envelope<unknown>> {
    await expect(this.drawButton).toBeEnabled();
    return answerOf(this.page, 'campaigns.drawFiles', () => this.drawButton.click(), 60_000);
  }

  get drawnSeed(): Locator {
    return this.page.getByTestId('drawn-seed');
  }

  get drawnCommitment(): Locator {
    return this.page.getByTestId('drawn-commitment');
  }

  get drawnFilesCount(): Locator {
    return this.page.getByTestId('drawn-files-count');
  }

  // ---- 抽取评查员 ----------------------------------------------------------------------------

  get evaluatorPool(): Locator {
    return this.page.getByTestId('evaluators-pool');
  }

  get drawnEvaluatorsCount(): Locator {
    return this.page.getByTestId('drawn-evaluators-count');
  }

  async setEvaluatorCount(count: number): Promise<void> {
    const input = this.page.getByTestId('evaluators-count');
    await input.fill(String(count));
    await expect(input).toHaveValue(String(count));
  }

  /** 抽取评查员 (or, when some are drawn already, 按此方案重新抽取 and its confirmation). */
  async drawEvaluators(): Promise<Envelope<unknown>> {
    const button = this.page.getByTestId('evaluators-draw');
    await expect(button).toBeEnabled();
    // Once some are drawn, the button asks first (按此方案重新抽取).
    if ((await this.drawnEvaluatorsCount.count()) > 0) {
      await button.click();
      return answerOf(this.page, 'campaigns.drawEvaluators', () =>
        this.page.getByTestId('evaluators-redraw-ok').click(),
      );
    }
    return answerOf(this.page, 'campaigns.drawEvaluators', () => button.click());
  }

  // ---- 分配 ----------------------------------------------------------------------------------

  get proposeButton(): Locator {
    return this.page.getByTestId('assignment-propose');
  }

  get preview(): Locator {
    return this.page.getByTestId('assignment-preview');
  }

  get confirmed(): Locator {
    return this.page.getByTestId('assignment-confirmed');
  }

  get infeasible(): Locator {
    return this.page.getByTestId('assignment-infeasible');
  }

  get infeasibleReasons(): Locator {
    return this.infeasible.getByTestId('assignment-reason');
  }

  get confirmButton(): Locator {
    return this.page.getByTestId('assignment-confirm');
  }

  /** 生成分配方案; returns the answer of campaigns.proposeAssignment. */
  async propose(): Promise<Envelope<{ ok: boolean }>> {
    return answerOf(this.page, 'campaigns.proposeAssignment', () => this.proposeButton.click());
  }

  /** 确认分配 and its confirmation; returns the answer of campaigns.confirmAssignment. */
  async confirm(): Promise<Envelope<unknown>> {
    await this.confirmButton.click();
    return answerOf(this.page, 'campaigns.confirmAssignment', () =>
      this.page.getByTestId('assignment-confirm-ok').click(),
    );
  }

  /** Switches the assignment between 矩阵, 按案卷 and 负荷 (inside `within`). */
  async assignmentView(within: Locator, label: '矩阵' | '按案卷' | '负荷'): Promise<void> {
    await within.getByTestId('assignment-view').getByText(label, { exact: true }).click();
  }

  /** Reads the matrix shown inside `within` (the preview or the confirmed assignment). */
  async readMatrix(within: Locator): Promise<Matrix> {
    const table = within.getByTestId('assignment-matrix').locator('table');
    await expect(table).toBeVisible();
    return table.evaluate((el) => {
      const heads = [...el.querySelectorAll('thead th[data-person-id]')];
      const loads = [...el.querySelectorAll('tfoot th[data-load]')];
      const people = heads.map((th, i) => ({
        id: th.getAttribute('data-person-id') ?? '',
        name: th.getAttribute('data-person') ?? '',
        department: th.getAttribute('data-department') ?? '',
        load: Number(loads[i]?.textContent ?? NaN),
      }));
      const rows = [...el.querySelectorAll('tbody tr[data-case-id]')].map((tr) => {
        const cells = [...tr.querySelectorAll('td.cell')];
        return {
          caseId: tr.getAttribute('data-case-id') ?? '',
          caseNo: tr.getAttribute('data-case-no') ?? '',
          department: tr.querySelector('td.col-dept')?.textContent ?? '',
          personIds: cells.flatMap((td, i) =>
            td.getAttribute('data-on') === 'true' ? [people[i]!.id] : [],
          ),
          count: Number(tr.querySelector('td.col-count')?.textContent ?? NaN),
        };
      });
      return { people, rows };
    });
  }

  // ---- 抽取记录 ------------------------------------------------------------------------------

  /** One of the record's exports, as the browser downloads it. */
  async exportRecord(format: 'json' | 'populations' | 'docx'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId(`record-export-${format}`).click(),
    ]);
    return download;
  }
}

/** 核验抽取: the dialog opened from the list or from the draw record. */
export class VerifyDialog {
  readonly root: Locator;
  readonly result: Locator;
  readonly error: Locator;
  readonly runButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog').filter({ has: page.getByTestId('verify-run') });
    this.result = this.root.getByTestId('verify-result');
    this.error = this.root.getByTestId('verify-error');
    this.runButton = this.root.getByTestId('verify-run');
  }

  /** Picks the record and the population file and runs 核验; returns the API's answer. */
  async verify(record: string, populations: string): Promise<Envelope<{ ok: boolean }>> {
    await this.root.getByTestId('verify-record').locator('input[type=file]').setInputFiles(record);
    await this.root
      .getByTestId('verify-populations')
      .locator('input[type=file]')
      .setInputFiles(populations);
    await expect(this.runButton).toBeEnabled();
    const answer = await answerOf<{ ok: boolean }>(this.page, 'campaigns.verifyDraw', () =>
      this.runButton.click(),
    );
    await expect(this.result.or(this.error)).toBeVisible();
    return answer;
  }

  async close(): Promise<void> {
    await this.root.getByTestId('verify-close').click();
    await expect(this.root).toHaveCount(0);
  }
}
