import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../core/demo/generate';
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
