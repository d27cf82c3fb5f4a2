// 部门与人员: the departments tab, the evaluator pool tab (with the pool import) and the import
// history tab.
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './AntSelect';

/**
 * A searchable antd Select: types the label first, so that the option is rendered even when the
 * list is long (antd renders only the visible part of a long list).
 */
export async function searchAndChoose(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  await page.keyboard.type(label);
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .locator(`.ant-select-item-option[title="${label}"]`)
    .filter({ visible: true })
    .click();
  await expect(select).toContainText(label);
}

export interface NewDepartment {
  name: string;
  shortName?: string;
  /** The kind's visible label, e.g. '行政机关'. */
  kindLabel?: string;
}

export interface PersonChanges {
  name?: string;
  departmentName?: string;
  position?: string;
  certNo?: string;
  phone?: string;
  /** The account's visible label, e.g. '李华（lihua）'. */
  accountLabel?: string;
}

export class PeoplePage {
  readonly root: Locator;
  readonly departmentsTable: Locator;
  readonly departmentsCount: Locator;
  readonly peopleTable: Locator;
  readonly peopleCount: Locator;
  readonly peopleSearch: Locator;
  readonly importsTable: Locator;
  readonly wizard: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('people-page');
    this.departmentsTable = page.getByTestId('departments-table');
    this.departmentsCount = page.getByTestId('departments-count');
    this.peopleTable = page.getByTestId('people-table');
    this.peopleCount = page.getByTestId('people-count');
    this.peopleSearch = page.getByTestId('people-search');
    this.importsTable = page.getByTestId('imports-table');
    this.wizard = page.locator('.ant-drawer').filter({ has: page.getByTestId('import-wizard') });
  }

  tab(key: 'departments' | 'pool' | 'imports'): Locator {
    return this.page.getByTestId(`people-tab-${key}`);
  }

  async openTab(key: 'departments' | 'pool' | 'imports'): Promise<void> {
    await this.tab(key).click();
    const table = {
      departments: this.departmentsTable,
      pool: this.peopleTable,
      imports: this.importsTable,
    }[key];
    await expect(table).toBeVisible();
  }

  /** The departments-table row whose name is exactly `name`. */
  departmentRow(name: string): Locator {
    return this.departmentsTable.locator('tbody tr').filter({
      has: this.page.getByTestId('department-name-cell').getByText(name, { exact: true }),
    });
  }

  /** The pool-table row whose name is exactly `name` (searching first narrows the table). */
  personRow(name: string): Locator {
    return this.peopleTable.locator('tbody tr').filter({
      has: this.page.getByTestId('person-name-cell').getByText(name, { exact: true }),
    });
  }

  async searchPeople(text: string): Promise<void> {
    await this.peopleSearch.fill(text);
  }

  private async okAndWait(
    method: string,
    button: Locator,
  ): Promise<{ ok: boolean; data?: unknown }> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.url().endsWith(`/rpc/${method}`)),
      button.click(),
    ]);
    return (await response.json()) as { ok: boolean; data?: unknown };
  }

  async createDepartment(d: NewDepartment): Promise<void> {
    await this.page.getByTestId('department-create').click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await this.page.getByTestId('department-name').fill(d.name);
    if (d.shortName) await this.page.getByTestId('department-shortName').fill(d.shortName);
    if (d.kindLabel) {
      await chooseOption(this.page, this.page.getByTestId('department-kind'), d.kindLabel);
    }
    const body = await this.okAndWait('departments.create', this.page.getByTestId('department-ok'));
    expect(body.ok, 'departments.create succeeded').toBe(true);
    await expect(dialog).toBeHidden();
    await expect(this.departmentRow(d.name)).toBeVisible();
  }

  /** Merges `source` into `target` through the 合并到… dialog; returns the success message. */
  async mergeDepartment(source: string, target: string): Promise<Locator> {
    await this.departmentRow(source).getByTestId('department-merge').click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await searchAndChoose(this.page, this.page.getByTestId('merge-target'), target);
    const body = await this.okAndWait('departments.merge', this.page.getByTestId('merge-ok'));
    expect(body.ok, 'departments.merge succeeded').toBe(true);
    await expect(dialog).toBeHidden();
    return this.page.getByTestId('merge-result');
  }

  async createPerson(name: string, departmentName: string, legalOfficer = true): Promise<void> {
    await this.page.getByTestId('person-create').click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await this.page.getByTestId('person-name').fill(name);
    await searchAndChoose(this.page, this.page.getByTestId('person-department'), departmentName);
    const legal = this.page.getByTestId('person-legal');
    if ((await legal.getAttribute('aria-checked')) !== String(legalOfficer)) await legal.click();
    const body = await this.okAndWait('people.create', this.page.getByTestId('person-ok'));
    expect(body.ok, 'people.create succeeded').toBe(true);
    await expect(dialog).toBeHidden();
  }

  async editPerson(name: string, changes: PersonChanges): Promise<void> {
    await this.searchPeople(name);
    await this.personRow(name).getByTestId('person-edit').click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    if (changes.name !== undefined) await this.page.getByTestId('person-name').fill(changes.name);
    if (changes.departmentName) {
      await searchAndChoose(
        this.page,
        this.page.getByTestId('person-department'),
        changes.departmentName,
      );
    }
    if (changes.position !== undefined) {
      await this.page.getByTestId('person-position').fill(changes.position);
    }
    if (changes.certNo !== undefined)
      await this.page.getByTestId('person-certNo').fill(changes.certNo);
    if (changes.phone !== undefined)
      await this.page.getByTestId('person-phone').fill(changes.phone);
    if (changes.accountLabel) {
      await chooseOption(this.page, this.page.getByTestId('person-account'), changes.accountLabel);
    }
    const body = await this.okAndWait('people.update', this.page.getByTestId('person-ok'));
    expect(body.ok, 'people.update succeeded').toBe(true);
    await expect(dialog).toBeHidden();
  }

  /** Opens 导入评查人员库 and hands a file to the wizard's (hidden) file input. */
  async startPoolImport(file: string): Promise<void> {
    await this.page.getByTestId('people-import').click();
    await expect(this.wizard).toBeVisible();
    await this.wizard.locator('input[type="file"]').setInputFiles(file);
    await expect(this.page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
  }

  importCount(status: 'new' | 'update' | 'duplicate' | 'error'): Locator {
    return this.page.getByTestId(`import-count-${status}`).locator('.ant-statistic-content-value');
  }

  /** Confirms the previewed import, waits for the result, closes the wizard. */
  async commitImport(): Promise<Locator> {
    const body = await this.okAndWait('imports.commit', this.page.getByTestId('import-commit'));
    expect(body.ok, 'imports.commit succeeded').toBe(true);
    const done = this.page.getByTestId('import-done');
    await expect(done).toBeVisible();
    return done;
  }

  async closeImport(): Promise<void> {
    await this.page.getByTestId('import-close').click();
    await expect(this.wizard).toBeHidden();
  }
}
