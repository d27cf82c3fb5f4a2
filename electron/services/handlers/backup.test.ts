import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../core/api/methods/backup';
import { DEMO_PASSWORD } from '../../../core/demo/generate';
import { latestVersion, migrations, type Db } from '../../../db';
import { dumpDatabase, tempDir } from '../../../db/testing';
import { fingerprintOf } from '../../../core/packages/rules';
import { coordinatorWithCampaign } from '../packages/testing';
import { hostOf } from '../backup/host';
import { testApp, TEST_PASSWORD, type TestApp } from '../testing';

const opened: TestApp[] = [];
const dirs: { cleanup(): void }[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.cleanup();
  for (const d of dirs.splice(0)) d.cleanup();
});

async function start(dataDir?: string): Promise<TestApp> {
  const t = await testApp(dataDir ? { dataDir } : {});
  opened.push(t);
  return t;
}

function folder(): string {
  const d = tempDir('anjuan-backup-');
  dirs.push(d);
  return d.dir;
}

/** Every row of every table, in a stable order: two dumps are equal only if nothing changed. */
function dump(db: Db): Record<string, string[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((n) => [
      n,
      (db.prepare(`SELECT * FROM "${n}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort(),
    ]),
  );
}

/** A copy of a file's bytes changed by a function run on it as a SQLite database. */
function altered(bytes: Uint8Array, dir: string, change: (db: Db) => void): Uint8Array {
  const file = path.join(dir, `altered-${Math.random().toString(36).slice(2)}.sqlite`);
  fs.writeFileSync(file, bytes);
  const db = new Database(file);
  change(db);
  db.close();
  const out = new Uint8Array(fs.readFileSync(file));
  fs.rmSync(file);
  return out;
}

/** Overwrites pages in the middle of a database file with a pattern (a bad disk, a bad copy). */
function corruptMiddle(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes);
  const page = 4096;
  const pages = Math.floor(out.length / page);
  for (let p = Math.floor(pages / 4); p < Math.floor((pages * 3) / 4); p++) {
    out.fill(0xa5, p * page, p * page + page);
  }
  return out;
}

async function demo(): Promise<{ t: TestApp; s: string }> {
  const t = await start();
  await t.ok('demo.load', {});
  const s = (
    await t.ok<{ token: string }>('auth.login', { username: 'zuzhi', password: DEMO_PASSWORD })
  ).token;
  return { t, s };
}

const list = (t: TestApp, s: string) =>
  t.ok<{ backups: BackupInfo[]; keep: number; dir: string }>('backup.list', {}, s);

describe('backup.create and backup.restore', () => {
  it('round trip: every row of every table comes back; calls then work on the restored file', async () => {
    const { t, s } = await demo();
    const made = await t.ok<{ fileName: string; bytes: Uint8Array }>('backup.create', {}, s);
    expect(made.fileName).toMatch(/^案卷评查-工作区备份-\d{8}-\d{6}\.sqlite$/);
    const before = dump(t.app.context.db);
    expect(before.audit_log!.some((r) => r.includes('"backup.created"'))).toBe(true);
    expect(Object.values(before).filter((rows) => rows.length > 0).length).toBeGreaterThan(15);

    // Work after the backup, which the restore takes away.
    await t.ok(
      'users.create',
      { username: 'later', displayName: '后来者', role: 'evaluator', password: TEST_PASSWORD },
      s,
    );
    await t.ok('campaigns.create', { name: '备份之后的活动', year: 2027 }, s);

    const restored = await t.ok<{
      signedIn: boolean;
      safetyBackup: string;
      tables: Record<string, number>;
    }>(
      'backup.restore',
      { source: { kind: 'file', fileName: made.fileName, bytes: made.bytes } },
      s,
    );
    expect(restored.signedIn).toBe(true);
    const after = dump(t.app.context.db);
    const { audit_log: auditAfter, ...restAfter } = after;
    const { audit_log: auditBefore, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    // The restore is the one new entry, at the end of the restored chain.
    expect(auditAfter!.length).toBe(auditBefore!.length + 1);
    expect(auditAfter!.filter((r) => !auditBefore!.includes(r))[0]).toContain('"backup.restored"');
    expect(restored.tables.cases).toBe(before.cases!.length);

    // The same session goes on working, on the restored data.
    const users = await t.ok<{ users: { username: string }[] }>('users.list', {}, s);
    expect(users.users.map((u) => u.username)).not.toContain('later');
    expect(await t.ok('audit.verify', {}, s)).toMatchObject({ ok: true });

    // The replaced workspace was kept; restoring it brings the later work back.
    const { backups } = await list(t, s);
    expect(backups.find((b) => b.name === restored.safetyBackup)).toMatchObject({
      kind: 'restore',
    });
    await t.ok('backup.restore', { source: { kind: 'backup', name: restored.safetyBackup } }, s);
    const again = await t.ok<{ users: { username: string }[] }>('users.list', {}, s);
    expect(again.users.map((u) => u.username)).toContain('later');
  });

  it('calls made during a restore wait for it and see the restored workspace', async () => {
    const { t, s } = await demo();
    const made = await t.ok<{ fileName: string; bytes: Uint8Array }>('backup.create', {}, s);
    await t.ok(
      'users.create',
      { username: 'later', displayName: '后来者', role: 'evaluator', password: TEST_PASSWORD },
      s,
    );
    const restoring = t.call(
      'backup.restore',
      { source: { kind: 'file', fileName: 'b.sqlite', bytes: made.bytes } },
      s,
    );
    const during = t.call('users.list', {}, s);
    const [r, u] = await Promise.all([restoring, during]);
    expect(r.ok).toBe(true);
    expect(
      u.ok && (u.data as { users: { username: string }[] }).users.map((x) => x.username),
    ).not.toContain('later');
  });

  it('refuses a bad file with its reason, before replacing anything', async () => {
    const { t, s } = await demo();
    const good = (await t.ok<{ bytes: Uint8Array }>('backup.create', {}, s)).bytes;
    const scratch = folder();
    const newer = latestVersion(migrations) + 1;
    const cases: [string, Uint8Array, string, Record<string, unknown>][] = [
      ['empty', new Uint8Array(0), 'backup.refused.empty', {}],
      [
        'text',
        new TextEncoder().encode('这不是数据库'.repeat(300)),
        'backup.refused.notDatabase',
        {},
      ],
      ['damaged pages', corruptMiddle(good), 'backup.refused.integrity', {}],
      [
        'a newer schema',
        altered(good, scratch, (db) => db.pragma(`user_version = ${newer}`)),
        'backup.refused.tooNew',
        { fileVersion: newer, appVersion: newer - 1 },
      ],
      [
        'another SQLite file',
        altered(new Uint8Array(0), scratch, (db) =>
          db.exec('CREATE TABLE t (x); PRAGMA user_version = 1'),
        ),
        'backup.refused.notWorkspace',
        {},
      ],
      [
        'an edited audit row',
        altered(good, scratch, (db) => {
          db.exec('DROP TRIGGER audit_log_no_update');
          db.prepare("UPDATE audit_log SET actor_name = '某人' WHERE seq = 3").run();
        }),
        'backup.refused.auditBroken',
        { seq: 3 },
      ],
    ];
    const before = dump(t.app.context.db);
    const files = fs.readdirSync(t.dir).sort();
    for (const [what, bytes, key, params] of cases) {
      const r = await t.call(
        'backup.restore',
        { source: { kind: 'file', fileName: `${what}.sqlite`, bytes } },
        s,
      );
      expect(r.ok, what).toBe(false);
      if (r.ok) continue;
      expect(r.error, what).toMatchObject({ code: 'BAD_INPUT', key, params });
      // Nothing replaced, nothing left behind, no safety copy taken.
      expect(dump(t.app.context.db), what).toEqual(before);
      expect(fs.readdirSync(t.dir).sort(), what).toEqual(files);
    }
    expect((await list(t, s)).backups.filter((b) => b.kind === 'restore')).toEqual([]);
  });

  it('a copy of another workspace is restored only when confirmed, and says what it costs', async () => {
    const co = await coordinatorWithCampaign({ scansPerFile: 0 });
    opened.push(co.t);
    const { t, s } = { t: co.t, s: co.session };
    await t.ok('packages.exportTasks', { campaignId: co.campaign.id, personId: co.person.id }, s);
    const other = await start();
    const os = await other.setupCoordinator();
    const foreign = await other.ok<{ fileName: string; bytes: Uint8Array }>(
      'backup.create',
      {},
      os,
    );
    const fp = (app: TestApp) =>
      fingerprintOf(app.app.context.repos.packages.identity()!.publicKey);

    const before = dumpDatabase(t.app.context.db);
    const files = fs.readdirSync(t.dir).sort();
    const source = { kind: 'file', fileName: foreign.fileName, bytes: foreign.bytes } as const;
    const refused = await t.call('backup.restore', { source }, s);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        key: 'backup.errors.otherWorkspace',
        params: { backupWorkspace: fp(other), thisWorkspace: fp(t), openPackages: 1 },
      },
    });
    expect(fp(other)).not.toBe(fp(t));
    // Nothing replaced, nothing left behind, no safety copy taken.
    expect(dumpDatabase(t.app.context.db)).toBe(before);
    expect(fs.readdirSync(t.dir).sort()).toEqual(files);

    const restored = await t.ok<{ signedIn: boolean; safetyBackup: string }>(
      'backup.restore',
      { source, otherWorkspace: true },
      s,
    );
    // The session's account (the demo's zuzhi) does not exist in the other workspace.
    expect(restored.signedIn).toBe(false);
    expect(fp(t)).toBe(fp(other));
    const last = t.app.context.db
      .prepare("SELECT details FROM audit_log WHERE action = 'backup.restored'")
      .pluck()
      .get() as string;
    expect(JSON.parse(last)).toMatchObject({ otherWorkspace: fp(other) });

    // Going back to the pre-restore copy: from the now-live workspace's point of view that is
    // another workspace again, so it too needs the confirmation.
    const s2 = (
      await t.ok<{ token: string }>('auth.login', { username: 'wangming', password: TEST_PASSWORD })
    ).token;
    const safety = { kind: 'backup', name: restored.safetyBackup } as const;
    expect(await t.call('backup.restore', { source: safety }, s2)).toMatchObject({
      ok: false,
      error: { key: 'backup.errors.otherWorkspace', params: { openPackages: 0 } },
    });
    await t.ok('backup.restore', { source: safety, otherWorkspace: true }, s2);
    expect(fp(t)).not.toBe(fp(other));
  });

  it('a listed backup that no longer exists, or a name with a path, is refused', async () => {
    const { t, s } = await demo();
    const gone = await t.call(
      'backup.restore',
      { source: { kind: 'backup', name: 'workspace-daily-20200101T000000Z.sqlite' } },
      s,
    );
    expect(gone).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', key: 'backup.errors.notFound' },
    });
    const sneaky = await t.call(
      'backup.restore',
      { source: { kind: 'backup', name: '../workspace.sqlite' } },
      s,
    );
    expect(sneaky).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('is for coordinators; recovery is refused while the workspace is sound', async () => {
    const t = await start();
    const s = await t.setupCoordinator();
    const e = await t.addUser(s, { username: 'lisi', role: 'evaluator' });
    expect(await t.call('backup.create', {}, e.session)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.ok('backup.status', {})).toEqual({
      state: 'ok',
      problem: null,
      backups: [],
      latestGood: null,
    });
    const r = await t.call('backup.recover', {
      source: { kind: 'file', fileName: 'x.sqlite', bytes: new Uint8Array(1) },
    });
    expect(r).toMatchObject({ ok: false, error: { key: 'backup.errors.notDamaged' } });
  });
});

describe('automatic backups', () => {
  it('once a day at start and while running, the newest 7 kept; migration backups rotate apart', async () => {
    const dir = folder();
    const first = await start(dir);
    const s = await first.setupCoordinator();
    // A workspace created just now is not backed up.
    expect((await list(first, s)).backups).toEqual([]);
    first.app.close();
    opened.splice(opened.indexOf(first), 1);

    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    for (let i = 1; i <= 9; i++) {
      fs.writeFileSync(
        path.join(backups, `workspace-v${i}-pre-migration-2025010${i}T000000Z.sqlite`),
        'x',
      );
    }
    const t = await start(dir); // same clock as the first start: a daily backup is due (none yet)
    let daily = (await list(t, s)).backups.filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(1);
    expect((await list(t, s)).backups.filter((b) => b.kind === 'migration')).toHaveLength(7);

    const host = hostOf(t.app.context);
    expect(await host.dailyBackup()).toBeNull(); // not a day old yet
    for (let day = 1; day <= 9; day++) {
      t.clock.advance(24 * 60 * 60 * 1000);
      expect(await host.dailyBackup()).toMatch(/^workspace-daily-/);
    }
    const again = (
      await t.ok<{ token: string }>('auth.login', { username: 'wangming', password: TEST_PASSWORD })
    ).token;
    const all = (await list(t, again)).backups;
    daily = all.filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(7);
    expect(daily[0]!.createdAt).toBe(t.app.context.now().toISOString());
    expect(all.filter((b) => b.kind === 'migration')).toHaveLength(7);
    // Each backup is a sound, self-contained workspace file.
    const copy = new Database(path.join(backups, daily[0]!.name), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });
});

describe('a damaged workspace at start', () => {
  async function damagedWorkspace(damage: (file: string) => void) {
    const dir = folder();
    const first = await start(dir);
    await first.setupCoordinator();
    first.app.close();
    opened.splice(opened.indexOf(first), 1);
    const second = await start(dir); // takes the daily backup
    await second.addUser(await loginCoordinator(second), {
      username: 'afterbackup',
      role: 'evaluator',
    });
    second.app.close();
    opened.splice(opened.indexOf(second), 1);
    const file = path.join(dir, 'workspace.sqlite');
    // A newer backup that is itself damaged: the offer skips it.
    const daily = fs
      .readdirSync(path.join(dir, 'backups'))
      .find((n) => n.startsWith('workspace-daily-'))!;
    const badCopy = corruptMiddle(
      new Uint8Array(fs.readFileSync(path.join(dir, 'backups', daily))),
    );
    fs.writeFileSync(
      path.join(dir, 'backups', 'workspace-daily-20991231T000000000Z.sqlite'),
      badCopy,
    );
    damage(file);
    const bytes = fs.readFileSync(file);
    const t = await start(dir);
    return { t, dir, file, bytes };
  }

  async function loginCoordinator(t: TestApp): Promise<string> {
    return (
      await t.ok<{ token: string }>('auth.login', { username: 'wangming', password: TEST_PASSWORD })
    ).token;
  }

  it('is not opened: the start page is offered the latest good backup, and restoring it opens that backup', async () => {
    const { t, dir, file, bytes } = await damagedWorkspace((f) =>
      fs.writeFileSync(f, corruptMiddle(new Uint8Array(fs.readFileSync(f)))),
    );
    // Nothing but the recovery answers; the damaged file is untouched.
    expect(await t.call('app.status', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'backup.errors.damaged' },
    });
    expect(
      await t.call('auth.login', { username: 'wangming', password: TEST_PASSWORD }),
    ).toMatchObject({
      ok: false,
      error: { key: 'backup.errors.damaged' },
    });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    const status = await t.ok<{
      state: string;
      problem: { reason: string };
      backups: BackupInfo[];
      latestGood: string;
    }>('backup.status', {});
    expect(status.state).toBe('damaged');
    expect(status.problem.reason).toBe('integrity');
    expect(status.backups.map((b) => b.name)).toEqual([
      'workspace-daily-20991231T000000000Z.sqlite',
      status.latestGood,
    ]);
    expect(status.latestGood).toMatch(/^workspace-daily-2026/);

    const r = await t.ok<{ restoredFrom: string; signedIn: boolean }>('backup.recover', {
      source: { kind: 'backup', name: status.latestGood },
    });
    expect(r).toMatchObject({ restoredFrom: status.latestGood, signedIn: false });
    // The app works on the backup now: sign in, the account made after the backup is not there.
    expect(await t.ok('app.status', {})).toMatchObject({ setupRequired: false });
    const s = await loginCoordinator(t);
    const users = await t.ok<{ users: { username: string }[] }>('users.list', {}, s);
    expect(users.users.map((u) => u.username)).toEqual(['wangming']);
    expect(await t.ok('backup.status', {})).toMatchObject({ state: 'ok' });
    const log = await t.ok<{ entries: { action: string; details: string }[] }>(
      'audit.list',
      { actions: ['backup.'] },
      s,
    );
    expect(log.entries[0]!.action).toBe('backup.recovered');
    expect(await t.ok('audit.verify', {}, s)).toMatchObject({ ok: true });
    // The damaged file is kept aside, byte for byte.
    const kept = fs.readdirSync(path.join(dir, 'damaged')).filter((n) => n.endsWith('.sqlite'));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'damaged', kept[0]!)).equals(bytes)).toBe(true);
  });

  it('a file that is not a database at all is damaged too; an uploaded backup file can replace it', async () => {
    const dir = folder();
    const first = await start(dir);
    const s = await first.setupCoordinator();
    const saved = (await first.ok<{ bytes: Uint8Array }>('backup.create', {}, s)).bytes;
    first.app.close();
    opened.splice(opened.indexOf(first), 1);
    fs.writeFileSync(
      path.join(dir, 'workspace.sqlite'),
      'PK\u0003\u0004 not a database at all'.repeat(100),
    );
    const t = await start(dir);
    const status = await t.ok<{ problem: { reason: string }; latestGood: string | null }>(
      'backup.status',
      {},
    );
    expect(status).toMatchObject({ problem: { reason: 'notDatabase' }, latestGood: null });
    // A bad upload is refused with its reason and changes nothing.
    const bad = await t.call('backup.recover', {
      source: { kind: 'file', fileName: 'x.sqlite', bytes: corruptMiddle(saved) },
    });
    expect(bad).toMatchObject({ ok: false, error: { key: 'backup.refused.integrity' } });
    expect(await t.ok('backup.status', {})).toMatchObject({ state: 'damaged' });
    await t.ok('backup.recover', {
      source: { kind: 'file', fileName: '备份.sqlite', bytes: saved },
    });
    expect(await t.ok('app.status', {})).toMatchObject({
      setupRequired: false,
      orgName: '东湖区司法局',
    });
  });
});
