import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../core/api/contract';
import { AppError } from '../../core/api/errors';
import { createDispatcher } from './dispatcher';
import { createHandlers } from './handlers';
import { testApp, TEST_PASSWORD, type TestApp } from './testing';

let t: TestApp;
beforeEach(async () => (t = await testApp()));
afterEach(() => t.cleanup());

function rowCounts() {
  const db = t.app.context.db;
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  ).map((r) => r.name);
  return Object.fromEntries(
    names.map((n) => [
      n,
      (db.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n,
    ]),
  );
}

describe('dispatcher', () => {
  it('has a handler for every method of the contract, and only those', () => {
    const handlers = createHandlers(t.app.context);
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('refuses unknown methods, including prototype names', async () => {
    for (const method of ['nope.nothing', '__proto__', 'constructor', 'toString', '']) {
      const r = await t.call(method);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.code).toBe('UNKNOWN_METHOD');
    }
  });

  it('refuses calls without a session, or with a bad one', async () => {
    await t.setupCoordinator();
    const r = await t.call('users.list', {});
    expect(!r.ok && r.error).toMatchObject({
      code: 'UNAUTHENTICATED',
      key: 'errors.UNAUTHENTICATED',
    });
    const bad = await t.call('users.list', {}, 'forged-token');
    expect(!bad.ok && bad.error.code).toBe('UNAUTHENTICATED');
  });

  it('gives a validation error naming the field and changes nothing', async () => {
    const session = await t.setupCoordinator();
    const before = rowCounts();
    const r = await t.call(
      'users.create',
      { username: 'a b', displayName: '', role: 'admin', password: '123' },
      session,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.key).toBe('errors.VALIDATION');
    expect(r.error.fieldErrors?.map((f) => f.path).sort()).toEqual([
      'displayName',
      'password',
      'role',
      'username',
    ]);
    expect(rowCounts()).toEqual(before);
  });

  it('refuses extra fields (strict inputs)', async () => {
    const session = await t.setupCoordinator();
    const r = await t.call('users.list', { all: true }, session);
    expect(!r.ok && r.error.fieldErrors).toEqual([
      { path: '', key: 'validation.unrecognized_keys', params: { keys: 'all' } },
    ]);
  });

  it('checks the role of every protected method', async () => {
    const session = await t.setupCoordinator();
    const evaluator = await t.addUser(session, { username: 'li.na', role: 'evaluator' });
    for (const name of METHOD_NAMES) {
      const access = contract[name].access;
      if (access === 'public' || access.includes('evaluator')) continue;
      const r = await t.call(name, {}, evaluator.session);
      expect(!r.ok && r.error.code, name).toBe('FORBIDDEN');
    }
    const before = rowCounts();
    const r = await t.call(
      'users.create',
      { username: 'sneaky', displayName: 'x', role: 'coordinator', password: TEST_PASSWORD },
      evaluator.session,
    );
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    expect(rowCounts()).toEqual(before);
  });

  it('never lets an exception escape, and strips fields the contract does not declare', async () => {
    const ctx = t.app.context;
    const handlers = createHandlers(ctx);
    handlers['app.status'] = () => {
      throw new TypeError('kaput');
    };
    handlers['auth.me'] = (_i, call) =>
      ({ ...call.user, passwordHash: 'scrypt$secret' }) as unknown as typeof call.user;
    handlers['users.list'] = () => {
      throw new AppError('CONFLICT', 'typed', { params: { n: 1 } });
    };
    const dispatch = createDispatcher(ctx, handlers);
    const crash = await dispatch({ method: 'app.status', input: {} });
    expect(crash).toEqual({
      ok: false,
      error: { code: 'INTERNAL', key: 'errors.INTERNAL', message: 'kaput' },
    });
    const session = await t.setupCoordinator();
    const me = await dispatch({ method: 'auth.me', input: {}, session });
    expect(me.ok && Object.keys(me.data as object).sort()).toEqual([
      'displayName',
      'id',
      'locale',
      'role',
      'username',
    ]);
    const typed = await dispatch({ method: 'users.list', input: {}, session });
    expect(typed).toEqual({
      ok: false,
      error: { code: 'CONFLICT', key: 'errors.CONFLICT', message: 'typed', params: { n: 1 } },
    });
    // A malformed request object is an error envelope too, not an exception.
    expect((await dispatch(null as never)).ok).toBe(false);
  });

  it('reports output that breaks the contract as an internal error', async () => {
    const handlers = createHandlers(t.app.context);
    handlers['app.status'] = () => ({ setupRequired: 'yes' }) as never;
    const r = await createDispatcher(t.app.context, handlers)({ method: 'app.status', input: {} });
    expect(!r.ok && r.error.code).toBe('INTERNAL');
  });

  it('lets the caller cancel its own long call, and nobody else’s', async () => {
    const session = await t.setupCoordinator();
    const other = await t.addUser(session, { username: 'zhao', role: 'coordinator' });
    const ctx = t.app.context;
    const handlers = createHandlers(ctx);
    const progress: number[] = [];
    ctx.events.subscribe((e) => progress.push(e.done));
    let release!: () => void;
    const started = new Promise<void>((r) => (release = r));
    handlers['users.list'] = async (_i, call) => {
      call.progress('phase', 1, 3);
      release();
      await new Promise((r) => setTimeout(r, 50));
      if (call.signal.aborted) throw new AppError('CANCELLED', 'cancelled');
      return { users: [] };
    };
    const dispatch = createDispatcher(ctx, handlers);
    const pending = dispatch({ method: 'users.list', input: {}, session, callId: 'job-1' });
    await started;
    const foreign = await dispatch({
      method: 'jobs.cancel',
      input: { callId: 'job-1' },
      session: other.session,
    });
    expect(foreign).toEqual({ ok: true, data: { cancelled: false } });
    const own = await dispatch({ method: 'jobs.cancel', input: { callId: 'job-1' }, session });
    expect(own).toEqual({ ok: true, data: { cancelled: true } });
    const r = await pending;
    expect(!r.ok && r.error.code).toBe('CANCELLED');
    expect(progress).toEqual([1]);
  });
});
