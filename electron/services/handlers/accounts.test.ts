import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../../../core/accounts/schemas';
import { testApp, TEST_PASSWORD, type TestApp } from '../testing';

let t: TestApp;
beforeEach(async () => (t = await testApp()));
afterEach(() => t.cleanup());

const login = (username: string, password: string) => t.call('auth.login', { username, password });

describe('first-run setup', () => {
  it('creates the coordinator, signs them in and records it in the audit log', async () => {
    expect(await t.ok('app.status')).toMatchObject({ setupRequired: true, orgName: null });
    const session = await t.setupCoordinator();
    expect(await t.ok('app.status')).toMatchObject({
      setupRequired: false,
      orgName: '东湖区司法局',
    });
    expect(await t.ok('auth.me', {}, session)).toMatchObject({
      username: 'wangming',
      role: 'coordinator',
    });
    const actions = t.app.context.repos.audit.recent(10).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['setup.completed', 'user.created']));
    expect(t.app.context.repos.audit.verify().ok).toBe(true);
  });

  it('can run only once', async () => {
    await t.setupCoordinator();
    const again = await t.call('setup.createCoordinator', {
      orgName: '别的机关',
      displayName: '张三',
      username: 'zhangsan',
      password: TEST_PASSWORD,
      locale: 'zh-CN',
    });
    expect(!again.ok && again.error.code).toBe('SETUP_DONE');
    expect(t.app.context.repos.users.count()).toBe(1);
  });

  it('stores a self-describing scrypt hash, never the password', async () => {
    await t.setupCoordinator();
    const stored = t.app.context.repos.users.findByUsername('wangming')!.passwordHash;
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain(TEST_PASSWORD);
  });
});

describe('login', () => {
  beforeEach(async () => {
    await t.setupCoordinator();
  });

  it('accepts the right password, case-insensitive user name', async () => {
    const r = await login('WangMing', TEST_PASSWORD);
    expect(r.ok && (r.data as { user: { username: string } }).user.username).toBe('wangming');
  });

  it('gives the same error for an unknown user and a wrong password', async () => {
    const a = await login('nobody', TEST_PASSWORD);
    const b = await login('wangming', 'wrong-password');
    expect(!a.ok && a.error.code).toBe('AUTH_INVALID');
    expect(!b.ok && b.error.code).toBe('AUTH_INVALID');
    expect(!a.ok && !b.ok && a.error.params).toEqual(!b.ok && b.error.params);
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} failures for ${LOCK_MINUTES} minutes`, async () => {
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      const r = await login('wangming', `wrong-${i}`);
      expect(!r.ok && r.error.code).toBe('AUTH_INVALID');
    }
    const fifth = await login('wangming', 'wrong-5');
    expect(!fifth.ok && fifth.error).toMatchObject({
      code: 'AUTH_LOCKED',
      params: { max: 5, minutes: 5, until: '2026-11-23T02:05:00.000Z' },
    });
    // Locked: even the right password is refused, and the lock is audited.
    const right = await login('wangming', TEST_PASSWORD);
    expect(!right.ok && right.error.code).toBe('AUTH_LOCKED');
    expect(t.app.context.repos.audit.recent(5).some((e) => e.action === 'auth.locked')).toBe(true);
    t.clock.advance(4 * 60_000);
    expect((await login('wangming', TEST_PASSWORD)).ok).toBe(false);
    t.clock.advance(60_000);
    expect((await login('wangming', TEST_PASSWORD)).ok).toBe(true);
    expect(t.app.context.repos.users.findByUsername('wangming')).toMatchObject({
      failedAttempts: 0,
      lockedUntil: null,
    });
  });

  it('forgets earlier failures after a successful login', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) await login('wangming', 'wrong');
    expect((await login('wangming', TEST_PASSWORD)).ok).toBe(true);
    const r = await login('wangming', 'wrong');
    expect(!r.ok && r.error.code).toBe('AUTH_INVALID');
  });

  it('expires idle sessions and removes them on logout', async () => {
    const r = await t.ok<{ token: string }>('auth.login', {
      username: 'wangming',
      password: TEST_PASSWORD,
    });
    expect((await t.call('auth.me', {}, r.token)).ok).toBe(true);
    t.clock.advance(13 * 3600_000);
    const expired = await t.call('auth.me', {}, r.token);
    expect(!expired.ok && expired.error.code).toBe('UNAUTHENTICATED');
    const s2 = await t.ok<{ token: string }>('auth.login', {
      username: 'wangming',
      password: TEST_PASSWORD,
    });
    await t.ok('auth.logout', {}, s2.token);
    expect((await t.call('auth.me', {}, s2.token)).ok).toBe(false);
  });
});

describe('account management', () => {
  it('coordinators create evaluators; duplicate user names are refused with the field named', async () => {
    const session = await t.setupCoordinator();
    await t.ok(
      'users.create',
      { username: 'li.na', displayName: '李娜', role: 'evaluator', password: TEST_PASSWORD },
      session,
    );
    const dup = await t.call(
      'users.create',
      { username: 'LI.NA', displayName: '李娜2', role: 'evaluator', password: TEST_PASSWORD },
      session,
    );
    expect(!dup.ok && dup.error).toMatchObject({
      code: 'CONFLICT',
      key: 'errors.usernameTaken',
      fieldErrors: [{ path: 'username', key: 'errors.usernameTaken' }],
    });
    const list = await t.ok<{ users: { username: string }[] }>('users.list', {}, session);
    expect(list.users.map((u) => u.username)).toEqual(['wangming', 'li.na']);
  });

  it('protects the last active coordinator and one’s own account', async () => {
    const session = await t.setupCoordinator();
    const me = await t.ok<{ id: string }>('auth.me', {}, session);
    const self = await t.call('users.update', { id: me.id, active: false }, session);
    expect(!self.ok && self.error.key).toBe('errors.selfDeactivate');
    const demote = await t.call('users.update', { id: me.id, role: 'evaluator' }, session);
    expect(!demote.ok && demote.error.key).toBe('errors.lastCoordinator');
  });

  it('deactivating an account ends its sessions and blocks login', async () => {
    const session = await t.setupCoordinator();
    const ev = await t.addUser(session, { username: 'li.na', role: 'evaluator' });
    await t.ok('users.update', { id: ev.id, active: false }, session);
    expect((await t.call('auth.me', {}, ev.session)).ok).toBe(false);
    const r = await login('li.na', TEST_PASSWORD);
    expect(!r.ok && r.error.code).toBe('AUTH_INACTIVE');
  });

  it('a password reset unlocks the account and ends its sessions', async () => {
    const session = await t.setupCoordinator();
    const ev = await t.addUser(session, { username: 'li.na', role: 'evaluator' });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await login('li.na', 'wrong');
    expect((await t.call('auth.me', {}, ev.session)).ok).toBe(true); // existing session unaffected by the lock
    await t.ok('users.resetPassword', { id: ev.id, password: 'NewPassw0rd' }, session);
    expect((await t.call('auth.me', {}, ev.session)).ok).toBe(false);
    expect((await login('li.na', 'NewPassw0rd')).ok).toBe(true);
  });

  it('changing one’s password keeps this session and ends the others', async () => {
    const session = await t.setupCoordinator();
    const other = await t.ok<{ token: string }>('auth.login', {
      username: 'wangming',
      password: TEST_PASSWORD,
    });
    const wrong = await t.call(
      'account.changePassword',
      { currentPassword: 'nope', newPassword: 'NewPassw0rd' },
      session,
    );
    expect(!wrong.ok && wrong.error.fieldErrors?.[0]?.path).toBe('currentPassword');
    await t.ok(
      'account.changePassword',
      { currentPassword: TEST_PASSWORD, newPassword: 'NewPassw0rd' },
      session,
    );
    expect((await t.call('auth.me', {}, session)).ok).toBe(true);
    expect((await t.call('auth.me', {}, other.token)).ok).toBe(false);
    expect((await login('wangming', 'NewPassw0rd')).ok).toBe(true);
  });

  it('remembers the language per account', async () => {
    const session = await t.setupCoordinator({ locale: 'zh-CN' });
    await t.ok('account.setLocale', { locale: 'en-US' }, session);
    expect(await t.ok('auth.me', {}, session)).toMatchObject({ locale: 'en-US' });
  });

  it('keeps the audit chain intact through all of it', async () => {
    const session = await t.setupCoordinator();
    await t.addUser(session, { username: 'li.na', role: 'evaluator' });
    expect(await t.ok('audit.verify', {}, session)).toMatchObject({
      ok: true,
      firstBrokenSeq: null,
    });
  });
});
