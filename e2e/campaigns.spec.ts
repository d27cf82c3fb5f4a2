// 评查活动, the field scenario: in the demo workspace (30 departments) a campaign draws 40 行政处罚
// and 20 行政许可 files after a seed ceremony (commitment shown and recorded before the reveal),
// 37 evaluators from the 法制员 pool, 2 per file; the assignment is previewed, confirmed, and
// checked both on the matrix and through the API (no own department, no two of one department on
// a file, loads within 1). The draw record and its population file, downloaded from the UI,
// verify as identical; with one pick changed, verification names the first difference. A
// configuration without any valid assignment is explained in the coordinator's words and nothing
// is applied. Screenshots of every step go to test-results/screens/.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO_CAMPAIGN_NAME } from '../electron/services/scoring/demo-campaign';
import { expect, test } from './support/fixtures';
import { shot } from './support/screens';
import { CampaignListPage, CampaignWizard, VerifyDialog, type Matrix } from './pages/CampaignsPage';
import { DemoPanel } from './pages/DemoPanel';
import { LoginPage } from './pages/LoginPage';
import { MainWindow } from './pages/MainWindow';
import { SetupPage } from './pages/SetupPage';
import type { AppServer } from './support/server';

const DEMO_PASSWORD = 'demo2025';

const SEED_PARTS = [
  { contributor: '张律师（见证人）', kind: '掷骰', digits: '3546311556' },
  { contributor: '李科长（监督员）', kind: '彩票号码', digits: '112163624615351222' },
] as const;
const SEED = SEED_PARTS.map((p) => p.digits).join('');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

test.use({ viewport: { width: 1440, height: 900 } });

/**
 * 载入示例数据 on the first-run page, then the demo coordinator (zuzhi) signs in; returns the
 * main window and the session token of the tab (for the API cross-checks).
 */
async function demoCoordinator(
  page: Page,
  server: AppServer,
): Promise<{ main: MainWindow; session: string }> {
  const setup = new SetupPage(page);
  const demo = new DemoPanel(page);
  const login = new LoginPage(page);
  const main = new MainWindow(page);
  await setup.open(server);
  await demo.load();
  const answer = await login.login('zuzhi', DEMO_PASSWORD);
  expect(answer.ok).toBe(true);
  await expect(main.userMenu).toContainText('（组织者）');
  const session = await main.sessionToken();
  expect(session).toBeTruthy();
  return { main, session: session! };
}

/** The seed ceremony of the wizard: two parts, the commitment checked and recorded, the draw. */
async function ceremony(wizard: CampaignWizard): Promise<void> {
  for (const p of SEED_PARTS) await wizard.addSeedPart(p.contributor, p.kind, p.digits);
  await expect(wizard.seedCount).toHaveAttribute('data-count', String(SEED.length));
  await expect(wizard.commitment).toHaveText(sha256(SEED));
  await wizard.lockSeed();
  const drawn = await wizard.drawFiles();
  expect(drawn.ok, JSON.stringify(drawn)).toBe(true);
  await expect(wizard.drawnSeed).toHaveText(SEED);
}

/** What the constraints say about one assignment: departments per file and the loads. */
function checkAssignment(
  rows: readonly { caseId: string; personIds: readonly string[] }[],
  fileDept: ReadonlyMap<string, string>,
  personDept: ReadonlyMap<string, string>,
  perFile: number,
): { loads: Map<string, number> } {
  const loads = new Map([...personDept.keys()].map((id) => [id, 0]));
  for (const r of rows) {
    const own = fileDept.get(r.caseId);
    expect(own, `file ${r.caseId} is one of the drawn files`).toBeDefined();
    expect(r.personIds, `evaluators of ${r.caseId}`).toHaveLength(perFile);
    const depts = r.personIds.map((id) => personDept.get(id));
    expect(depts, `no evaluator of ${r.caseId} from its own department`).not.toContain(own);
    expect(new Set(depts).size, `evaluators of ${r.caseId} from different departments`).toBe(
      perFile,
    );
    for (const id of r.personIds) loads.set(id, (loads.get(id) ?? 0) + 1);
  }
  const values = [...loads.values()];
  expect(
    Math.max(...values) - Math.min(...values),
    'loads differ by at most 1',
  ).toBeLessThanOrEqual(1);
  return { loads };
}

/** The matrix as the constraints see it: by file, the departments shown on screen. */
function checkMatrix(matrix: Matrix, files: number, people: number, perFile: number): void {
  expect(matrix.rows).toHaveLength(files);
  expect(matrix.people).toHaveLength(people);
  const fileDept = new Map(matrix.rows.map((r) => [r.caseId, r.department]));
  const personDept = new Map(matrix.people.map((p) => [p.id, p.department]));
  const { loads } = checkAssignment(matrix.rows, fileDept, personDept, perFile);
  for (const r of matrix.rows) expect(r.count, `人数 of ${r.caseNo}`).toBe(perFile);
  // The 件数 footer agrees with the marked cells.
  for (const p of matrix.people) expect(p.load, `件数 of ${p.name}`).toBe(loads.get(p.id));
}

test('field scenario: 40 处罚 + 20 许可 drawn after a seed ceremony, 37 法制员, 2 per file without 回避 conflicts and loads within 1; the exported draw verifies, a tampered one shows the first difference', async ({
  page,
  server,
}, testInfo) => {
  // A long journey on a busy machine: the demo workspace alone takes several seconds to build.
  test.setTimeout(240_000);
  const { main, session } = await demoCoordinator(page, server);
  const list = new CampaignListPage(page);
  const wizard = new CampaignWizard(page);

  await main.open('campaigns');
  await expect(main.pageTitle).toHaveText('评查活动');
  // The demo workspace comes with a campaign in progress.
  await expect(list.row(DEMO_CAMPAIGN_NAME)).toContainText('评查中');
  await shot(page, 'campaigns-list-demo', { whole: true });

  // 新建评查活动 → 范围与设置: 处罚 and 许可, 普通程序, closed files, default standards.
  const name = '2026年度行政执法案卷评查';
  const created = await list.create(name, 2026);
  expect(created.ok, JSON.stringify(created)).toBe(true);
  await expect(wizard.name).toHaveText(name);
  await expect(wizard.status).toHaveText('草稿');
  const id = wizard.campaignId();
  const population = await server.call('campaigns.population', { id }, session);
  const available = new Map(population.byType.map((b) => [b.caseType, b.count]));
  expect(available.get('penalty')).toBeGreaterThan(40);
  expect(available.get('permit')).toBeGreaterThan(20);
  await expect(wizard.populationTotal).toHaveAttribute('data-total', String(population.total));
  await expect(wizard.populationType('penalty')).toContainText(
    `行政处罚 ${available.get('penalty')}`,
  );
  await expect(page.getByTestId('scope-template-penalty')).toContainText(
    '行政处罚案卷评查标准（普通程序）— 默认 第 1 版',
  );
  await expect(page.getByTestId('scope-perFile')).toHaveValue('2');
  await shot(page, 'campaigns-scope', { whole: true });

  // 抽样方案: totals per case type.
  await wizard.goto('plan');
  await wizard.setTypeTotal('penalty', 40);
  await wizard.setTypeTotal('permit', 20);
  await expect(wizard.planEstimate).toHaveAttribute('data-count', '60');
  await expect(wizard.planEstimate).toHaveText('按此方案预计抽取 60 件');
  await shot(page, 'campaigns-plan', { whole: true });
  await page.getByTestId('plan-next').click();
  await expect(wizard.content('seed')).toBeVisible();
  await expect(page.getByTestId('seed-plan')).toHaveText(
    '按案件类型定额：行政处罚 40 件、行政许可 20 件',
  );

  // The ceremony: parts added, digits hidden; the commitment is shown before anything is drawn
  // and the draw waits until the witnesses have recorded it.
  await expect(wizard.drawButton).toBeDisabled();
  await expect(page.getByTestId('seed-too-short')).toBeVisible();
  for (const p of SEED_PARTS) await wizard.addSeedPart(p.contributor, p.kind, p.digits);
  await expect(wizard.seedParts).toContainText('张律师（见证人）');
  await expect(wizard.seedParts).toContainText('10 位数字（揭晓前隐藏）');
  await expect(wizard.seedParts).not.toContainText(SEED_PARTS[0].digits);
  await expect(page.locator('body')).not.toContainText(SEED_PARTS[1].digits);
  await expect(wizard.seedCount).toHaveText(`已有 ${SEED.length} 位数字`);
  const commitment = sha256(SEED);
  await expect(wizard.commitment).toHaveText(commitment);
  await expect(page.getByTestId('seed-need-lock')).toBeVisible();
  await expect(wizard.drawButton).toBeDisabled();
  expect((await server.call('campaigns.get', { id }, session)).status).toBe('draft');
  await shot(page, 'campaigns-seed-commitment', { whole: true });
  await wizard.lockSeed();
  await expect(page.getByTestId('seed-contributor')).toHaveCount(0);
  await shot(page, 'campaigns-seed-locked', { whole: true });

  const drawn = await wizard.drawFiles();
  expect(drawn.ok, JSON.stringify(drawn)).toBe(true);
  await expect(wizard.status).toHaveText('已抽取');
  // The reveal: the seed is shown, and its SHA-256 is the commitment recorded before the draw.
  await expect(wizard.drawnSeed).toHaveText(SEED);
  await expect(wizard.drawnCommitment).toHaveText(commitment);
  await expect(wizard.drawnFilesCount).toHaveAttribute('data-count', '60');
  const drawnFiles = page.getByTestId('drawn-files');
  await expect(drawnFiles.locator('tr[data-type="penalty"]').first()).toBeVisible();
  await shot(page, 'campaigns-seed-drawn', { whole: true });
  const afterFiles = await server.call('campaigns.drawn', { id }, session);
  expect(afterFiles.files.filter((f) => f.caseType === 'penalty')).toHaveLength(40);
  expect(afterFiles.files.filter((f) => f.caseType === 'permit')).toHaveLength(20);
  expect((await server.call('campaigns.get', { id }, session)).seedCommitment).toBe(commitment);

  // 抽取评查员: 37 from the active 法制员 of the pool.
  await wizard.goto('evaluators');
  const people = (await server.call('people.list', {}, session)).people;
  const legalOfficers = people.filter((p) => p.legalOfficer && p.active);
  expect(legalOfficers.length).toBeGreaterThanOrEqual(37);
  await expect(wizard.evaluatorPool).toHaveAttribute('data-count', String(legalOfficers.length));
  await expect(page.getByTestId('evaluators-legalOnly')).toBeChecked();
  await wizard.setEvaluatorCount(37);
  await shot(page, 'campaigns-evaluators-plan', { whole: true });
  const evaluatorsDrawn = await wizard.drawEvaluators();
  expect(evaluatorsDrawn.ok, JSON.stringify(evaluatorsDrawn)).toBe(true);
  await expect(wizard.drawnEvaluatorsCount).toHaveAttribute('data-count', '37');
  const evaluatorRows = page.getByTestId('drawn-evaluators').locator('tbody tr.ant-table-row');
  await expect(evaluatorRows).toHaveCount(37);
  await expect(evaluatorRows.filter({ hasText: '法制员' })).toHaveCount(37);
  await expect(wizard.counts).toHaveText('案卷 60 件 · 评查员 37 名 · 分配 0 人次');
  await shot(page, 'campaigns-evaluators', { whole: true });
  const drawnAll = await server.call('campaigns.drawn', { id }, session);
  expect(drawnAll.evaluators).toHaveLength(37);
  expect(drawnAll.evaluators.every((e) => e.legalOfficer)).toBe(true);

  // 回避关系: nothing declared beyond the built-in rules.
  await wizard.goto('conflicts');
  await expect(page.getByTestId('conflicts-table')).toContainText('没有声明的回避关系');
  await shot(page, 'campaigns-conflicts', { whole: true });

  // 分配: propose, preview (matrix, by file, loads), confirm.
  await wizard.goto('assignment');
  const proposed = await wizard.propose();
  expect(proposed.ok && proposed.data.ok, JSON.stringify(proposed)).toBe(true);
  await expect(wizard.preview).toBeVisible();
  await expect(wizard.preview.getByTestId('assignment-files')).toHaveText('60');
  await expect(wizard.preview.getByTestId('assignment-reviews')).toHaveText('120');
  // 120 reviews over 37 people: 3 or 4 each.
  await expect(wizard.preview.getByTestId('assignment-spread')).toHaveAttribute('data-spread', '1');
  const preview = await wizard.readMatrix(wizard.preview);
  checkMatrix(preview, 60, 37, 2);
  await shot(page, 'campaigns-assignment-preview', { whole: true });
  await wizard.assignmentView(wizard.preview, '按案卷');
  await expect(wizard.preview.getByTestId('assignee').first()).toBeVisible();
  await shot(page, 'campaigns-assignment-list', { whole: true });
  await wizard.assignmentView(wizard.preview, '负荷');
  await expect(wizard.preview.getByTestId('assignment-loads')).toBeVisible();
  await shot(page, 'campaigns-assignment-loads', { whole: true });
  // Nothing is stored before the confirmation.
  expect((await server.call('campaigns.get', { id }, session)).counts.assignments).toBe(0);

  const confirmedAnswer = await wizard.confirm();
  expect(confirmedAnswer.ok, JSON.stringify(confirmedAnswer)).toBe(true);
  await expect(wizard.status).toHaveText('已分配');
  await expect(wizard.confirmed).toBeVisible();
  await expect(wizard.counts).toHaveText('案卷 60 件 · 评查员 37 名 · 分配 120 人次');
  const matrix = await wizard.readMatrix(wizard.confirmed);
  checkMatrix(matrix, 60, 37, 2);
  const byCase = (m: Matrix) =>
    m.rows.map((r) => `${r.caseId}:${[...r.personIds].sort().join(',')}`).sort();
  expect(byCase(matrix), 'the confirmed assignment is the one previewed').toEqual(byCase(preview));
  await shot(page, 'campaigns-assignment-confirmed', { whole: true });

  // The same assignment through the API, with the departments of the registry.
  const stored = await server.call('campaigns.assignment', { id }, session);
  const fileDept = new Map(drawnAll.files.map((f) => [f.caseId, f.departmentId]));
  const personDept = new Map(drawnAll.evaluators.map((e) => [e.personId, e.departmentId]));
  expect(stored.rows).toHaveLength(60);
  checkAssignment(stored.rows, fileDept, personDept, 2);
  expect(
    stored.rows.map((r) => `${r.caseId}:${[...r.personIds].sort().join(',')}`).sort(),
    'the matrix on screen is the stored assignment',
  ).toEqual(byCase(matrix));
  // The department names on screen are the registry's.
  const deptName = new Map(drawnAll.files.map((f) => [f.caseId, f.departmentName]));
  for (const r of matrix.rows) expect(r.department).toBe(deptName.get(r.caseId));

  // 抽取记录: the JSON record and the population file, downloaded from the UI.
  await wizard.goto('record');
  await expect(page.getByTestId('record-seed')).toHaveText(SEED);
  await expect(page.getByTestId('record-commitment')).toHaveText(commitment);
  await expect(page.getByTestId('record-parts')).toContainText('李科长（监督员）');
  // The evaluators' picks are person ids in the record: shown with name and department.
  const evaluatorStream = page.getByTestId('record-streams').locator('tr[data-label="evaluators"]');
  await evaluatorStream.locator('.ant-table-row-expand-icon').click();
  const firstEvaluator = drawnAll.evaluators.find((e) => e.counter === 1)!;
  await expect(page.getByTestId('pick-person').first()).toContainText(
    `${firstEvaluator.name}（${firstEvaluator.departmentName}）`,
  );
  await shot(page, 'campaigns-record', { whole: true });
  const jsonDownload = await wizard.exportRecord('json');
  expect(jsonDownload.suggestedFilename()).toBe(`${name}-抽取记录.json`);
  const recordPath = testInfo.outputPath(jsonDownload.suggestedFilename());
  await jsonDownload.saveAs(recordPath);
  const popDownload = await wizard.exportRecord('populations');
  expect(popDownload.suggestedFilename()).toBe(`${name}-抽取范围.json`);
  const populationsPath = testInfo.outputPath(popDownload.suggestedFilename());
  await popDownload.saveAs(populationsPath);
  const record = JSON.parse(await readFile(recordPath, 'utf8')) as {
    seed: string;
    seedSha256: string;
    streams: { label: string; picks: { counter: number; index: number; key: string }[] }[];
  };
  expect(record.seed).toBe(SEED);
  expect(record.seedSha256).toBe(commitment);
  expect(record.streams.reduce((n, s) => n + s.picks.length, 0)).toBe(60 + 37);

  // 核验抽取 from the record: identical.
  await page.getByTestId('record-verify').click();
  const verify = new VerifyDialog(page);
  const same = await verify.verify(recordPath, populationsPath);
  expect(same.ok && same.data.ok, JSON.stringify(same)).toBe(true);
  await expect(verify.result).toHaveAttribute('data-ok', 'true');
  await expect(verify.result).toContainText('核验一致');
  await expect(verify.result).toContainText(
    `${record.streams.length} 个抽取序列、97 个抽中结果均可由种子和抽取范围重新算出`,
  );
  await shot(page, 'campaigns-verify-identical', { whole: true });
  await verify.close();

  // One pick changed: the third pick of the first file stream takes the fourth one's file.
  const stream = record.streams.find((s) => s.label.startsWith('files/'))!;
  const original = stream.picks[2]!.key;
  const forged = stream.picks[3]!.key;
  const counter = stream.picks[2]!.counter;
  stream.picks[2]!.key = forged;
  const tamperedPath = testInfo.outputPath('抽取记录-改动.json');
  await writeFile(tamperedPath, JSON.stringify(record, null, 2));

  // 核验抽取 from the list this time: it needs no campaign at all.
  await page.getByTestId('campaign-back').click();
  await expect(list.row(name)).toContainText('已分配');
  await expect(list.row(name).getByTestId('campaign-files')).toHaveText('60');
  await shot(page, 'campaigns-list', { whole: true });
  await list.verifyButton.click();
  const changed = await verify.verify(tamperedPath, populationsPath);
  expect(changed.ok && !changed.data.ok, JSON.stringify(changed)).toBe(true);
  await expect(verify.result).toHaveAttribute('data-ok', 'false');
  await expect(verify.result).toContainText('发现不一致');
  const readable = (key: string) => key.replace('\t', ' · ');
  await expect(verify.result).toContainText(
    `序列“${stream.label}”的第 3 个抽中结果不一致：记录为 ${readable(forged)}（序号 i = ${counter}），重新计算为 ${readable(original)}（序号 i = ${counter}）。`,
  );
  await shot(page, 'campaigns-verify-different', { whole: true });
  await verify.close();
});

test('no valid assignment: one evaluator cannot take 2 per file; the reasons are in the coordinator’s words and nothing is applied', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  const { main, session } = await demoCoordinator(page, server);
  const list = new CampaignListPage(page);
  const wizard = new CampaignWizard(page);
  await main.open('campaigns');
  const created = await list.create('人手不足的评查', 2026);
  expect(created.ok).toBe(true);
  const id = wizard.campaignId();

  await wizard.goto('plan');
  await wizard.setTypeTotal('penalty', 6);
  await wizard.setTypeTotal('permit', 0);
  await expect(wizard.planEstimate).toHaveAttribute('data-count', '6');
  await page.getByTestId('plan-next').click();
  await ceremony(wizard);
  await expect(wizard.drawnFilesCount).toHaveAttribute('data-count', '6');

  await wizard.goto('evaluators');
  await wizard.setEvaluatorCount(1);
  const one = await wizard.drawEvaluators();
  expect(one.ok, JSON.stringify(one)).toBe(true);
  await expect(wizard.drawnEvaluatorsCount).toHaveAttribute('data-count', '1');

  await wizard.goto('assignment');
  const answer = await wizard.propose();
  expect(answer.ok && !answer.data.ok, JSON.stringify(answer)).toBe(true);
  await expect(wizard.infeasible).toBeVisible();
  await expect(wizard.infeasible).toContainText('无法完成分配');
  await expect(wizard.infeasible).toContainText('调整评查员、回避关系或每人上限后重新生成');
  // Without a limit per person, the shortage is said without a limit to raise.
  await expect(wizard.infeasibleReasons.first()).toHaveText(
    '共需 12 人次评查，而 1 名评查员即使每人评查全部 6 件案卷，合计也只有 6 人次。请增加评查员。',
  );

  // Every file lacks a second department: one reason per file, named by its number and
  // department, with how many other departments could take it; the long list opens on demand.
  const { files, evaluators } = await server.call('campaigns.drawn', { id }, session);
  const evaluator = evaluators[0]!;
  const count = Number(await wizard.infeasible.getAttribute('data-count'));
  expect(count).toBeGreaterThan(files.length);
  await expect(wizard.infeasibleReasons).toHaveCount(6);
  await shot(page, 'campaigns-assignment-infeasible', { whole: true });
  await wizard.infeasible.getByTestId('assignment-reasons-all').click();
  await expect(wizard.infeasibleReasons).toHaveCount(count);
  for (const f of files) {
    const eligible = f.departmentId === evaluator.departmentId ? 0 : 1;
    await expect(
      wizard.infeasibleReasons.filter({
        hasText: `案卷 ${f.caseNo}（${f.departmentName}）只有来自 ${eligible} 个其他部门的评查员可以回避地评查，但每件需要 2 名来自不同部门的评查员。`,
      }),
    ).toHaveCount(1);
  }
  // No message key or placeholder leaks into the words.
  for (const text of await wizard.infeasibleReasons.allTextContents()) {
    expect(text).not.toMatch(/campaigns\.|\{\{|undefined|NaN|Infinity/);
  }
  await expect(wizard.preview).toHaveCount(0);
  await expect(wizard.confirmButton).toHaveCount(0);

  // Nothing applied: still 已抽取, no assignment stored.
  await expect(wizard.status).toHaveText('已抽取');
  await expect(wizard.counts).toContainText('分配 0 人次');
  const campaign = await server.call('campaigns.get', { id }, session);
  expect(campaign.status).toBe('drawn');
  expect(campaign.counts.assignments).toBe(0);
  const stored = await server.call('campaigns.assignment', { id }, session);
  expect(stored.rows.every((r) => r.personIds.length === 0)).toBe(true);

  // The same explanation in English.
  await main.switchLanguage('English');
  await expect(wizard.infeasible).toContainText('No assignment is possible');
  await expect(wizard.infeasibleReasons.first()).toHaveText(
    'Reviews needed: 12. Evaluators drawn: 1; even if each reviews every one of the 6 files, that makes only 6. Draw more evaluators.',
  );
  await shot(page, 'campaigns-assignment-infeasible-en-US', { whole: true });
  await main.switchLanguage('简体中文');
  await expect(wizard.infeasible).toContainText('无法完成分配');

  // Following the advice: more evaluators, and an assignment exists.
  await wizard.goto('evaluators');
  await wizard.setEvaluatorCount(6);
  const six = await wizard.drawEvaluators();
  expect(six.ok, JSON.stringify(six)).toBe(true);
  await expect(wizard.drawnEvaluatorsCount).toHaveAttribute('data-count', '6');
  await wizard.goto('assignment');
  const again = await wizard.propose();
  expect(again.ok && again.data.ok, JSON.stringify(again)).toBe(true);
  await expect(wizard.infeasible).toHaveCount(0);
  checkMatrix(await wizard.readMatrix(wizard.preview), 6, 6, 2);
});
