import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../core/demo/generate';
import { DEMO_CAMPAIGN_NAME, DEMO_FINISHED_CAMPAIGN_NAME } from '../scoring/demo-campaign';
import { tableCounts, testApp, type TestApp } from '../testing';

let t: TestApp;
beforeEach(async () => (t = await testApp()));
afterEach(() => t.cleanup());

describe('the demo workspace', () => {
  it('creates a district with accounts that can sign in, and says so on the login page', async () => {
    const r = await t.ok<{
      counts: Record<string, number>;
      accounts: { username: string; role: string }[];
    }>('demo.load', {});
    expect(r.counts).toEqual({ departments: 30, people: 90, cases: 2000 });
    expect(r.accounts.filter((a) => a.role === 'evaluator')).toHaveLength(5);
    const status = await t.ok<{
      setupRequired: boolean;
      orgName: string;
      demo: { password: string };
    }>('app.status');
    expect(status).toMatchObject({
      setupRequired: false,
      orgName: '东湖区司法局',
      demo: { password: DEMO_PASSWORD },
    });
    for (const a of r.accounts) {
      expect(
        (await t.call('auth.login', { username: a.username, password: DEMO_PASSWORD })).ok,
      ).toBe(true);
    }
    // Evaluator accounts are people of the pool, each in a different department.
    const linked = t.app.context.repos.people.list().filter((p) => p.userId);
    expect(linked).toHaveLength(5);
    expect(new Set(linked.map((p) => p.departmentId)).size).toBe(5);
    expect(t.app.context.repos.audit.verify().ok).toBe(true);
  });

  it('holds a campaign in progress: scoring started, some files final, two waiting for 复核', async () => {
    await t.ok('demo.load', {});
    const s = (
      await t.ok<{ token: string }>('auth.login', { username: 'zuzhi', password: DEMO_PASSWORD })
    ).token;
    const {
      campaigns: [c],
    } = await t.ok<{ campaigns: { id: string; name: string; status: string }[] }>(
      'campaigns.list',
      {},
      s,
    );
    expect(c).toMatchObject({ name: DEMO_CAMPAIGN_NAME, status: 'scoring' });
    const p = await t.ok<{
      files: { total: number; waiting: number; review: number; final: number };
      evaluators: { submitted: number; inProgress: number; notStarted: number }[];
    }>('review.progress', { campaignId: c!.id }, s);
    expect(p.files).toEqual({ total: 12, waiting: 5, review: 2, final: 5 });
    const sum = (k: 'submitted' | 'inProgress' | 'notStarted') =>
      p.evaluators.reduce((n, e) => n + e[k], 0);
    expect([sum('submitted'), sum('inProgress'), sum('notStarted')]).toEqual([16, 3, 5]);
    // Each evaluator finds their tasks, and the flagged files carry their reasons.
    const mine = await t.ok<{ campaigns: { tasks: unknown[] }[] }>(
      'tasks.mine',
      {},
      (
        await t.ok<{ token: string }>('auth.login', {
          username: 'pingcha1',
          password: DEMO_PASSWORD,
        })
      ).token,
    );
    expect(mine.campaigns[0]!.tasks.length).toBeGreaterThan(0);
    const { files } = await t.ok<{
      files: { result: { state: string; flags: { kind: string }[] } }[];
    }>('review.list', { campaignId: c!.id }, s);
    const flagged = files.filter((f) => f.result.state === 'review');
    expect(flagged.flatMap((f) => f.result.flags.map((x) => x.kind))).toEqual(
      expect.arrayContaining(['veto', 'threshold']),
    );
    expect(t.app.context.repos.audit.verify().ok).toBe(true);
  });

  it('holds a finished campaign: every file final, every grade, 复核 decided, closed', async () => {
    await t.ok('demo.load', {});
    const s = (
      await t.ok<{ token: string }>('auth.login', { username: 'zuzhi', password: DEMO_PASSWORD })
    ).token;
    const { campaigns } = await t.ok<{ campaigns: { id: string; name: string; status: string }[] }>(
      'campaigns.list',
      {},
      s,
    );
    const done = campaigns.find((c) => c.name === DEMO_FINISHED_CAMPAIGN_NAME);
    expect(done?.status).toBe('done');
    const p = await t.ok<{ files: { total: number; final: number } }>(
      'review.progress',
      { campaignId: done!.id },
      s,
    );
    expect(p.files).toMatchObject({ total: 20, final: 20 });
    const r = await t.ok<{
      model: {
        files: { final: { grade: string } | null }[];
        excellent: unknown[];
        failed: unknown[];
        highlights: unknown[];
      };
    }>('results.get', { campaignId: done!.id }, s);
    const grades = new Set(r.model.files.map((f) => f.final?.grade));
    expect(grades.size).toBeGreaterThanOrEqual(3);
    expect(r.model.excellent.length).toBeGreaterThan(0);
    expect(r.model.failed.length).toBeGreaterThan(0);
    expect(r.model.highlights.length).toBeGreaterThan(0);
    expect(t.app.context.repos.audit.verify().ok).toBe(true);
  });

  it('is refused once the workspace has accounts, and changes nothing', async () => {
    await t.setupCoordinator();
    const before = tableCounts(t.app);
    const r = await t.call('demo.load', {});
    expect(!r.ok && r.error.code).toBe('SETUP_DONE');
    expect(tableCounts(t.app)).toEqual(before);
  });

  it('is the same data every time (seeded)', async () => {
    await t.ok('demo.load', {});
    const other = await (await import('../testing')).testApp();
    await other.ok('demo.load', {});
    const numbers = (x: typeof t) =>
      (
        x.app.context.db.prepare('SELECT case_no FROM cases ORDER BY case_no').all() as {
          case_no: string;
        }[]
      ).map((r) => r.case_no);
    expect(numbers(other)).toEqual(numbers(t));
    other.cleanup();
  });
});
