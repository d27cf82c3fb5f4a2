// 评查标准: the list of templates (new, import, open), the problem-tags tab, and the editor of one
// version (tree, node forms, problems, publish / new draft / export, the try-it pane, the print
// preview).
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { Envelope } from '../../core/api/errors';

type FilePayload = { name: string; mimeType: string; buffer: Buffer };

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

export class StandardsListPage {
  readonly root: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly createButton: Locator;
  readonly importButton: Locator;
  readonly importProblems: Locator;
  readonly showRetired: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('standards-page');
    this.table = page.getByTestId('standards-table');
    this.rows = this.table.getByTestId('standard-row');
    this.count = page.getByTestId('standards-count');
    this.createButton = page.getByTestId('standards-create');
    this.importButton = page.getByTestId('standards-import');
    this.importProblems = page.getByTestId('import-problems');
    this.showRetired = page.getByTestId('standards-show-retired');
  }

  tab(key: 'templates' | 'tags'): Locator {
    return this.page.getByTestId(`standards-tab-${key}`);
  }

  /** The row of a template by its exact name. */
  row(name: string): Locator {
    return this.table.locator(`[data-testid="standard-row"][data-name="${name}"]`);
  }

  async expectLoaded(count: number): Promise<void> {
    await expect(this.count).toHaveAttribute('data-count', String(count));
    await expect(this.rows).toHaveCount(count);
  }

  /** Opens the latest version (or the draft, when nothing is published) of a template. */
  async open(name: string): Promise<void> {
    await this.row(name).getByTestId('standard-open').click();
    await expect(this.page.getByTestId('standard-editor')).toBeVisible();
  }

  /** 新建标准: name and preset label ('空白标准', …); ends in the new draft's editor. */
  async create(name: string, presetLabel: string): Promise<Envelope<{ id: string }>> {
    await this.createButton.click();
    await this.page.getByTestId('create-name').fill(name);
    await this.page.getByRole('dialog').getByText(presetLabel, { exact: true }).click();
    const answer = await answerOf<{ id: string }>(this.page, 'standards.create', () =>
      this.page.getByTestId('create-ok').click(),
    );
    await expect(this.page.getByTestId('standard-editor')).toBeVisible();
    return answer;
  }

  /** Imports a JSON or XLSX file through the Upload button; returns the API's answer. */
  async importFile(file: string | FilePayload): Promise<Envelope<{ id: string }>> {
    const input = this.page
      .locator('.ant-upload')
      .filter({ has: this.importButton })
      .locator('input[type=file]');
    return answerOf<{ id: string }>(this.page, 'standards.import', () => input.setInputFiles(file));
  }
}

export class TagsTab {
  readonly root: Locator;
  readonly newCode: Locator;
  readonly newName: Locator;
  readonly newGroup: Locator;
  readonly addButton: Locator;
  readonly saveButton: Locator;
  readonly dirty: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('tags-tab');
    this.newCode = page.getByTestId('tag-new-code');
    this.newName = page.getByTestId('tag-new-name');
    this.newGroup = page.getByTestId('tag-new-group');
    this.addButton = page.getByTestId('tag-add');
    this.saveButton = page.getByTestId('tags-save');
    this.dirty = page.getByTestId('tags-dirty');
  }

  row(code: string): Locator {
    return this.root.locator(`[data-testid="tag-row"][data-code="${code}"]`);
  }

  /** Adds a tag to the draft list; `groupLabel` as shown, e.g. 'D 程序'. */
  async add(code: string, name: string, groupLabel: string): Promise<void> {
    await this.newCode.fill(code);
    await this.newName.fill(name);
    await this.newGroup.click();
    await this.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .locator(`.ant-select-item-option[title="${groupLabel}"]`)
      .click();
    await this.addButton.click();
    await expect(this.row(code)).toHaveCount(1);
  }

  async save(): Promise<Envelope<unknown>> {
    return answerOf(this.page, 'tags.save', () => this.saveButton.click());
  }
}

export type View = 'edit' | 'try' | 'print';

export class StandardEditor {
  readonly root: Locator;
  readonly name: Locator;
  readonly status: Locator;
  readonly saveState: Locator;
  readonly total: Locator;
  readonly tree: Locator;
  readonly problems: Locator;
  readonly problemItems: Locator;
  readonly form: Locator;
  readonly readonlyNote: Locator;
  readonly publishButton: Locator;
  readonly newDraftButton: Locator;
  readonly tryPane: Locator;
  readonly print: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('standard-editor');
    this.name = page.getByTestId('editor-name');
    this.status = page.getByTestId('editor-status');
    this.saveState = page.getByTestId('save-state');
    this.total = page.getByTestId('template-total');
    this.tree = page.getByTestId('standard-tree');
    this.problems = page.getByTestId('editor-problems');
    this.problemItems = page.getByTestId('editor-problem');
    this.form = page.getByTestId('node-form');
    this.readonlyNote = page.getByTestId('editor-readonly');
    this.publishButton = page.getByTestId('editor-publish');
    this.newDraftButton = page.getByTestId('editor-new-draft');
    this.tryPane = page.getByTestId('try-pane');
    this.print = page.getByTestId('standard-print');
  }

  /** The version id in the address (#/standards/:versionId). */
  versionId(): string {
    const m = /#\/standards\/([^/?]+)/.exec(this.page.url());
    if (!m?.[1]) throw new Error(`not in the editor: ${this.page.url()}`);
    return m[1];
  }

  // ---- the tree ----------------------------------------------------------------------------

  /** A tree node by its code (items, categories, veto and bonus items). */
  node(code: string): Locator {
    return this.tree.locator(`[data-testid="tree-node"][data-code="${code}"]`);
  }

  /** A tree node by its key ('settings', 'veto', 'cat.0', 'cat.0.item.1', 'bonus'). */
  nodeByKey(key: string): Locator {
    return this.tree.locator(`[data-testid="tree-node"][data-key="${key}"]`);
  }

  async select(code: string): Promise<void> {
    await this.node(code).click();
  }

  async selectKey(key: string): Promise<void> {
    await this.nodeByKey(key).click();
  }

  /** The codes of the items, in tree order. */
  itemCodes(): Promise<string[]> {
    return this.tree
      .locator('[data-testid="tree-node"][data-key*=".item."]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''));
  }

  /**
   * Drags a node onto another: 'top' is the target's upper edge (before it, or first in its
   * category), 'bottom' its lower half (inside an open category, or after a node).
   */
  async drag(code: string, target: Locator, place: 'top' | 'bottom'): Promise<void> {
    await this.node(code).dragTo(target, {
      targetPosition: { x: 60, y: place === 'top' ? 2 : 16 },
    });
  }

  async addCategory(): Promise<void> {
    await this.page.getByTestId('tree-add-category').click();
  }

  async addItem(): Promise<void> {
    await this.page.getByTestId('tree-add-item').click();
  }

  async addVeto(): Promise<void> {
    await this.page.getByTestId('tree-add-veto').click();
  }

  // ---- the form of the selected node ---------------------------------------------------------

  field(name: string): Locator {
    return this.form.getByTestId(`field-${name}`);
  }

  /** Types a points value (as people write it, e.g. '2.5') into a points field. */
  async setPoints(name: string, value: string): Promise<void> {
    await this.field(name).fill(value);
  }

  async setMode(label: '固定扣分' | '按处扣分' | '区间扣分'): Promise<void> {
    await this.field('mode').getByText(label, { exact: true }).click();
  }

  /** Picks an option of a (multiple) select in the form, typing first to find it in long lists. */
  async choose(select: Locator, label: string, search = label): Promise<void> {
    await select.click();
    await this.page.keyboard.type(search);
    await this.page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .locator(`.ant-select-item-option[title="${label}"]`)
      .click();
    await this.page.keyboard.press('Escape');
    await expect(select).toContainText(label);
  }

  /** Waits until the autosave has the working copy. */
  async expectSaved(): Promise<void> {
    await expect(this.saveState).toHaveAttribute('data-state', 'saved');
  }

  // ---- header actions ----------------------------------------------------------------------

  async publish(): Promise<Envelope<{ id: string; version: number | null }>> {
    await expect(this.publishButton).toBeEnabled();
    await this.publishButton.click();
    return answerOf(this.page, 'standards.publish', () =>
      this.page.getByTestId('publish-ok').click(),
    );
  }

  async newDraft(): Promise<Envelope<{ id: string }>> {
    const answer = await answerOf<{ id: string }>(this.page, 'standards.newDraft', () =>
      this.newDraftButton.click(),
    );
    await expect(this.root).toHaveAttribute('data-status', 'draft');
    return answer;
  }

  async export(kind: 'json' | 'xlsx' | 'docx'): Promise<Download> {
    await this.page.getByTestId('editor-export').click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId(`editor-export-${kind}`).click(),
    ]);
    return download;
  }

  async view(view: View): Promise<void> {
    await this.page.getByTestId(`editor-view-${view}`).click();
  }

  // ---- the try-it pane -----------------------------------------------------------------------

  tryItem(code: string): Locator {
    return this.tryPane.locator(`[data-testid="try-item"][data-code="${code}"]`);
  }

  tryVeto(code: string): Locator {
    return this.tryPane.locator(`[data-testid="try-veto"][data-code="${code}"]`);
  }

  get tryTotal(): Locator {
    return this.page.getByTestId('try-total');
  }

  get tryGrade(): Locator {
    return this.page.getByTestId('try-grade');
  }

  get tryProblems(): Locator {
    return this.page.getByTestId('try-problems');
  }
}
