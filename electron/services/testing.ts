// Test helpers: a real app (real SQLite file in a temp folder) with a controllable clock.
import type { MethodInput } from '../../core/api/contract';
import type { Envelope } from '../../core/api/errors';
import { tempDir } from '../../db/testing';
import { createApp, type App } from './app';
import { createLogger } from './logger';

export interface TestApp {
  app: App;
  dir: string;
  clock: { now: number; advance(ms: number): void };
  call(method: string, input?: unknown, session?: string): Promise<Envelope<unknown>>;
  /** Like call, but fails the test unless the call succeeds; returns the data. */
  ok<T = Record<string, unknown>>(method: string, input?: unknown, session?: string): Promise<T>;
  setupCoordinator(input?: Partial<MethodInput<'setup.createCoordinator'>>): Promise<string>;
  addUser(
    coordinatorSession: string,
    input: { username: string; role: 'coordinator' | 'evaluator'; password?: string },
  ): Promise<{ id: string; session: string }>;
  cleanup(): void;
}

export const TEST_PASSWORD = 'Passw0rd!';

/** Row count of every table: compare before and after to prove a call changed nothing. */
export function tableCounts(app: App): Record<string, number> {
  const db = app.context.db;
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  return Object.fromEntries(
    names.map((n) => [
      n,
      (db.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n,
    ]),
  );
}

export async function testApp(opts: { dataDir?: string } = {}): Promise<TestApp> {
  const tmp = opts.dataDir ? { dir: opts.dataDir, cleanup: () => undefined } : tempDir();
  const clock = {
    now: Date.parse('2026-11-23T02:00:00.000Z'),
    advance(ms: number) {
      this.now += ms;
    },
  };
  const app = await createApp({
    dataDir: tmp.dir,
    appVersion: '0.0.0-test',
    log: createLogger({ stderr: false, level: 'error' }),
    now: () => new Date(clock.now),
  });
  const call = (method: string, input: unknown = {}, session?: string) =>
    app.dispatch({ method, input, session });
  const ok = async <T>(method: string, input: unknown = {}, session?: string): Promise<T> => {
    const r = await call(method, input, session);
    if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
    return r.data as T;
  };
  return {
    app,
    dir: tmp.dir,
    clock,
    call,
    ok,
    async setupCoordinator(input = {}) {
      const r = await ok<{ token: string }>('setup.createCoordinator', {
        orgName: '东湖区司法局',
        displayName: '王明',
        username: 'wangming',
        password: TEST_PASSWORD,
        locale: 'zh-CN',
        ...input,
      });
      return r.token;
    },
    async addUser(coordinatorSession, input) {
      const password = input.password ?? TEST_PASSWORD;
      const user = await ok<{ id: string }>(
        'users.create',
        { username: input.username, displayName: input.username, role: input.role, password },
        coordinatorSession,
      );
      const login = await ok<{ token: string }>('auth.login', {
        username: input.username,
        password,
      });
      return { id: user.id, session: login.token };
    },
    cleanup() {
      app.close();
      tmp.cleanup();
    },
  };
}
