// 部门与人员: importing the evaluator pool sample through the UI (unknown departments created on
// confirmation, an abbreviation mapped to its department and kept as an alias), departments
// (create, alias, deactivate, merge), editing a person and linking an evaluator account, and the
// case types on the settings page.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type Coordinator } from './support/fixtures';
import { chooseOption } from './pages/AntSelect';
import { CaseTypesCard } from './pages/CaseTypesCard';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';
import { PeoplePage } from './pages/PeoplePage';
import { ROOT } from './support/paths';
import type { AppServer } from './support/server';

const POOL_SAMPLE = path.join(ROOT, 'e2e', 'fixtures', 'samples', '东湖区行政执法评查人员库.xlsx');

async function signIn(
  page: Page,
  server: AppServer,
  coordinator: Coordinator,
): Promise<MainWindow> {
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  await login.open(server);
  const answer = await login.login(coordinator.username, coordinator.password);
  expect(answer.ok).toBe(true);
  await expect(main.welcome).toBeVisible();
  return main;
}

test('the pool sample imports through the UI; an abbreviation maps to its department and becomes an alias', async ({
  page,
  server,
  coordinator,
}, testInfo) => {
  const main = await signIn(page, server, coordinator);
  const people = new PeoplePage(page);
  await main.open('people');
  await people.openTab('pool');
  await expect(people.peopleCount).toHaveText('共 0 人');

  // Preview: 90 new rows, no errors, 30 departments nobody has recorded yet.
  await people.startPoolImport(POOL_SAMPLE);
  await expect(people.importCount('new')).toHaveText('90');
  await expect(people.importCount('error')).toHaveText('0');
  await page.getByRole('tab', { name: '未知执法部门 (30)' }).click();
  const unknown = page.getByTestId('import-departments');
  await expect(unknown.locator('tbody tr')).toHaveCount(30);
  await expect(page.getByTestId('dept-create-东湖区市场监督管理局')).toBeChecked();

  const done = await people.commitImport();
  await expect(done).toContainText('新增 90 行');
  await expect(done).toContainText('新建执法部门 30 个');
  await people.closeImport();

  // The table lists the 90 people, with the 法制员 flag as in the file.
  await expect(people.peopleCount).toHaveText('共 90 人');
  await expect(people.tab('pool')).toContainText('90');
  const expected: [name: string, department: string, legal: boolean][] = [
    ['方兰明', '东湖区市场监督管理局', true],
    ['向娜军', '东湖区生态环境分局', false],
    ['潘霞', '东湖区公安分局', true],
    // 职务 法制员 but 是否法制员 否: the flag column wins.
    ['武勇燕', '东湖区公安分局', false],
  ];
  for (const [name, department, legal] of expected) {
    await people.searchPeople(name);
    const row = people.personRow(name);
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('person-department-cell')).toHaveText(department);
    await expect(row.getByTestId('person-legal-tag')).toHaveCount(legal ? 1 : 0);
  }
  await people.searchPeople('');

  await people.openTab('departments');
  await expect(people.departmentsCount).toHaveText('共 30 个部门');
  await expect(
    people.departmentRow('东湖区市场监督管理局').getByTestId('department-people'),
  ).toHaveText('2');

  // 导入记录: the batch with its file name and SHA-256 (shortened, full on hover).
  const sha = createHash('sha256')
    .update(await readFile(POOL_SAMPLE))
    .digest('hex');
  await people.openTab('imports');
  const batch = people.importsTable.locator('tbody tr').first();
  await expect(batch).toContainText('评查人员库');
  await expect(batch.getByTestId('batch-file')).toHaveText('东湖区行政执法评查人员库.xlsx');
  await expect(batch.getByTestId('batch-sha')).toContainText(`${sha.slice(0, 12)}…`);
  await batch.getByTestId('batch-sha').hover();
  await expect(page.getByRole('tooltip').filter({ hasText: sha })).toBeVisible();

  // A file that writes the department by its abbreviation.
  const csv = testInfo.outputPath('简称.csv');
  await writeFile(
    csv,
    '姓名,所在单位,职务,是否法制员,执法证号,联系电话\r\n林小雨,东湖区市场监管局,法制员,是,11999001,13800000001\r\n',
  );
  await people.openTab('pool');
  await people.startPoolImport(csv);
  await expect(people.importCount('new')).toHaveText('1');
  await page.getByRole('tab', { name: '未知执法部门 (1)' }).click();
  await expect(page.getByTestId('dept-map-东湖区市场监管局')).toBeChecked();
  await expect(page.getByTestId('import-departments')).toContainText('东湖区市场监督管理局');
  const done2 = await people.commitImport();
  await expect(done2).toContainText('新建执法部门 0 个');
  await people.closeImport();

  await expect(people.peopleCount).toHaveText('共 91 人');
  await people.searchPeople('林小雨');
  await expect(people.personRow('林小雨').getByTestId('person-department-cell')).toHaveText(
    '东湖区市场监督管理局',
  );
  await people.openTab('departments');
  await expect(people.departmentsCount).toHaveText('共 30 个部门');
  const market = people.departmentRow('东湖区市场监督管理局');
  await expect(market.getByTestId('alias-tag')).toHaveText(['东湖区市场监管局']);
  await expect(market.getByTestId('department-people')).toHaveText('3');
});

test('departments: create, alias, deactivate; merging moves the people and keeps the old name as an alias', async ({
  page,
  server,
  coordinator,
}) => {
  const main = await signIn(page, server, coordinator);
  const people = new PeoplePage(page);
  await main.open('people');
  await expect(people.departmentsTable).toContainText('暂无执法部门');

  await people.createDepartment({
    name: '东湖区应急管理局',
    shortName: '东应急',
    kindLabel: '行政机关',
  });
  await people.createDepartment({ name: '东湖区安全生产临时专班', kindLabel: '其他' });
  const target = people.departmentRow('东湖区应急管理局');
  await expect(target).toContainText('东应急');
  await expect(target).toContainText('行政机关');
  await expect(people.departmentsCount).toHaveText('共 2 个部门');

  // A name already taken is refused on the field.
  await page.getByTestId('department-create').click();
  await page.getByTestId('department-name').fill('东湖区应急管理局');
  await page.getByTestId('department-ok').click();
  await expect(page.getByRole('dialog')).toContainText('已有名为“东湖区应急管理局”的执法部门');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /取\s*消/ })
    .click();

  // Aliases: add one from the row, then remove it.
  await target.getByTestId('alias-add').click();
  await target.getByTestId('alias-input').fill('东湖区应急局');
  await target.getByTestId('alias-input').press('Enter');
  await expect(target.getByTestId('alias-tag')).toHaveText(['东湖区应急局']);
  await target.getByTestId('alias-tag').locator('.ant-tag-close-icon').click();
  await page.getByTestId('alias-remove-ok').click();
  await expect(target.getByTestId('alias-tag')).toHaveCount(0);

  // Deactivate and activate again.
  await target.getByTestId('department-toggle').click();
  await expect(target.getByTestId('department-status')).toHaveText('停用');
  await target.getByTestId('department-toggle').click();
  await expect(target.getByTestId('department-status')).toHaveText('启用');

  // One person in the spare department.
  await people.openTab('pool');
  await people.createPerson('赵敏', '东湖区安全生产临时专班');
  await expect(people.personRow('赵敏').getByTestId('person-department-cell')).toHaveText(
    '东湖区安全生产临时专班',
  );

  // Two files with the same case number block the merge, with a message that says why.
  const depts = await server.call('departments.list', {}, coordinator.session);
  const idOf = (name: string) => depts.departments.find((d) => d.name === name)!.id;
  const caseInput = {
    caseNo: '东应急罚〔2025〕7号',
    caseType: 'penalty',
    status: 'closed' as const,
  };
  const c1 = await server.call(
    'cases.create',
    { ...caseInput, departmentId: idOf('东湖区应急管理局') },
    coordinator.session,
  );
  const c2 = await server.call(
    'cases.create',
    { ...caseInput, departmentId: idOf('东湖区安全生产临时专班') },
    coordinator.session,
  );
  await people.openTab('departments');
  await page.reload();
  await people.departmentRow('东湖区安全生产临时专班').getByTestId('department-merge').click();
  await expect(page.getByTestId('merge-explain')).toContainText('1 件案卷和 1 名评查人员');
  await chooseOption(page, page.getByTestId('merge-target'), '东湖区应急管理局');
  await page.getByTestId('merge-ok').click();
  await expect(page.getByTestId('merge-error')).toContainText('无法合并');
  await expect(page.getByTestId('merge-error')).toContainText('东应急罚〔2025〕7号');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /取\s*消/ })
    .click();
  expect(c1.id).not.toBe(c2.id);
  await server.call('cases.delete', { id: c2.id }, coordinator.session);
  await page.reload();

  // The merge itself.
  const result = await people.mergeDepartment('东湖区安全生产临时专班', '东湖区应急管理局');
  await expect(result).toHaveText('已合并到“东湖区应急管理局”：转移案卷 0 件、评查人员 1 名。');
  await expect(people.departmentRow('东湖区安全生产临时专班')).toHaveCount(0);
  await expect(people.departmentsCount).toHaveText('共 1 个部门');
  await expect(target.getByTestId('alias-tag')).toHaveText(['东湖区安全生产临时专班']);
  await expect(target.getByTestId('department-people')).toHaveText('1');
  await expect(target.getByTestId('department-cases')).toHaveText('1');

  await people.openTab('pool');
  await expect(people.personRow('赵敏').getByTestId('person-department-cell')).toHaveText(
    '东湖区应急管理局',
  );
});

test('the pool: filters, editing a person and linking an evaluator account, deleting', async ({
  page,
  server,
  coordinator,
}) => {
  const s = coordinator.session;
  const a = await server.call('departments.create', { name: '东湖区水务局' }, s);
  const b = await server.call('departments.create', { name: '东湖区教育局' }, s);
  await server.call(
    'people.create',
    {
      name: '张伟',
      departmentId: a.id,
      legalOfficer: true,
      certNo: '11000001',
      phone: '13900000001',
    },
    s,
  );
  await server.call('people.create', { name: '李娜', departmentId: a.id, legalOfficer: false }, s);
  await server.call(
    'people.create',
    { name: '王芳', departmentId: b.id, legalOfficer: true, active: false },
    s,
  );
  await server.call(
    'users.create',
    { username: 'lihua', displayName: '李华', role: 'evaluator', password: 'Evaluator-2024' },
    s,
  );
  await server.call(
    'users.create',
    { username: 'zhaoliu', displayName: '赵六', role: 'coordinator', password: 'Coordinator-2024' },
    s,
  );

  const main = await signIn(page, server, coordinator);
  const people = new PeoplePage(page);
  await main.open('people');
  await people.openTab('pool');
  await expect(people.peopleCount).toHaveText('共 3 人');

  // Filters, all in the renderer.
  await page.getByTestId('people-filter-legal').click();
  await expect(people.peopleCount).toHaveText('显示 2 / 3 人');
  await page.getByTestId('people-filter-active').click();
  await expect(people.peopleCount).toHaveText('显示 1 / 3 人');
  await expect(people.personRow('张伟')).toHaveCount(1);
  await page.getByTestId('people-filter-legal').click();
  await page.getByTestId('people-filter-active').click();
  await chooseOption(page, page.getByTestId('people-filter-department'), '东湖区教育局');
  await expect(people.peopleCount).toHaveText('显示 1 / 3 人');
  await expect(people.personRow('王芳')).toHaveCount(1);
  await page.getByTestId('people-filter-department').hover();
  await page.getByTestId('people-filter-department').locator('.ant-select-clear').click();
  await expect(people.peopleCount).toHaveText('共 3 人');
  await people.searchPeople('13900000001');
  await expect(people.peopleCount).toHaveText('显示 1 / 3 人');
  await expect(people.personRow('张伟')).toHaveCount(1);

  // Edit 张伟: position, and link the evaluator account (coordinator accounts are not offered).
  await people.editPerson('张伟', { position: '法制科科长', accountLabel: '李华（lihua）' });
  const row = people.personRow('张伟');
  await expect(row).toContainText('法制科科长');
  await expect(row.getByTestId('person-account-cell')).toHaveText('lihua');
  const linked = (await server.call('people.list', {}, s)).people.find((p) => p.name === '张伟');
  expect(linked?.username).toBe('lihua');

  // The linked account is no longer offered for somebody else.
  await people.searchPeople('李娜');
  await people.personRow('李娜').getByTestId('person-edit').click();
  await page.getByTestId('person-account').click();
  const options = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
  );
  await expect(options).toHaveText(['不关联']);
  await page.keyboard.press('Escape');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /取\s*消/ })
    .click();

  // Delete with confirmation.
  await people.personRow('李娜').getByTestId('person-delete').click();
  await page.getByTestId('person-delete-ok').click();
  await people.searchPeople('');
  await expect(people.peopleCount).toHaveText('共 2 人');
  await expect(people.personRow('李娜')).toHaveCount(0);
});

test('case types: add 行政裁决 with the synonym 裁决, save, and it is still there after a reload', async ({
  page,
  server,
  coordinator,
}) => {
  const main = await signIn(page, server, coordinator);
  const types = new CaseTypesCard(page);
  await main.open('settings');
  await expect(types.root).toBeVisible();
  await expect(types.row('行政处罚')).toContainText('内置');
  await expect(types.row('行政处罚').getByTestId('case-type-remove')).toHaveCount(0);

  await types.addType('行政裁决');
  await types.addSynonym('行政裁决', '裁决');

  // A spelling already used by another type is refused, naming both types.
  await types.addSynonym('行政裁决', '处罚');
  expect(await types.save()).toBe(false);
  await expect(types.error).toContainText('“处罚”同时出现在“行政处罚”和“行政裁决”中');
  await types
    .synonyms('行政裁决')
    .filter({ hasText: '处罚' })
    .locator('.ant-tag-close-icon')
    .click();

  expect(await types.save()).toBe(true);
  await expect(types.error).toHaveCount(0);
  await expect(page.getByTestId('case-types-dirty')).toHaveCount(0);

  await page.reload();
  await expect(types.row('行政裁决')).toHaveCount(1);
  await expect(types.synonyms('行政裁决')).toHaveText(['裁决']);
  const saved = await server.call('caseTypes.list', {}, coordinator.session);
  expect(saved.caseTypes.find((t) => t.name === '行政裁决')).toMatchObject({
    synonyms: ['裁决'],
    builtin: false,
  });
});
