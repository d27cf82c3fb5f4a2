// 设置 → 案件类型 (coordinators): the case types and their synonyms.
import { expect, type Locator, type Page } from '@playwright/test';

export class CaseTypesCard {
  readonly root: Locator;
  readonly rows: Locator;
  readonly newName: Locator;
  readonly addButton: Locator;
  readonly saveButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('case-types');
    this.rows = this.root.getByTestId('case-type-row');
    this.newName = page.getByTestId('case-type-new-name');
    this.addButton = page.getByTestId('case-type-add');
    this.saveButton = page.getByTestId('case-types-save');
    this.error = page.getByTestId('case-types-error');
  }

  /** The row of a type, by its (current) name. */
  row(name: string): Locator {
    return this.root.locator(`[data-testid="case-type-row"][data-name="${name}"]`);
  }

  synonyms(name: string): Locator {
    return this.row(name).getByTestId('synonym-tag');
  }

  async addType(name: string): Promise<void> {
    await this.newName.fill(name);
    await this.addButton.click();
    await expect(this.row(name)).toHaveCount(1);
  }

  async addSynonym(typeName: string, word: string): Promise<void> {
    const row = this.row(typeName);
    await row.getByTestId('synonym-add').click();
    await row.getByTestId('synonym-input').fill(word);
    await row.getByTestId('synonym-input').press('Enter');
    await expect(this.synonyms(typeName).filter({ hasText: word })).toHaveCount(1);
  }

  /** Saves and returns whether the server accepted the list. */
  async save(): Promise<boolean> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith('/rpc/caseTypes.save')),
      this.saveButton.click(),
    ]);
    return ((await response.json()) as { ok: boolean }).ok;
  }
}
