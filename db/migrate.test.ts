import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../core/api/errors';
import { latestVersion, migrate, type Migration } from './migrate';
import { migrations } from './migrations';
import { openWorkspace, WORKSPACE_FILE } from './open';
import { tempDir } from './testing';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const m1: Migration = {
  version: 1,
  name: 'one',
  up: (db) => db.exec('CREATE TABLE a (x INTEGER)'),
};
const m2: Migration = {
  version: 2,
  name: 'two',
  up: (db) => db.exec('CREATE TABLE b (y INTEGER)'),
};
const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe('openWorkspace', () => {
  it('creates the file with the pragmas and the latest schema', async () => {
    const { db, file, migration } = await openWorkspace({ dataDir: tmp.dir });
    expect(file).toBe(path.join(tmp.dir, WORKSPACE_FILE));
    expect(migration).toEqual({ from: 0, to: latestVersion(migrations), backupPath: null });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    db.close();
  });

  it('opens an up-to-date file without migrating or backing up', async () => {
    (await openWorkspace({ dataDir: tmp.dir })).db.close();
    const again = await openWorkspace({ dataDir: tmp.dir });
    expect(again.migration.backupPath).toBeNull();
    expect(fs.existsSync(path.join(tmp.dir, 'backups'))).toBe(false);
    again.db.close();
  });

  it('refuses a file made by a newer version, with a clear error, and leaves it untouched', async () => {
    const file = path.join(tmp.dir, WORKSPACE_FILE);
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (z TEXT)');
    raw.pragma('user_version = 99');
    raw.close();
    const before = fs.readFileSync(file);
    const err = await openWorkspace({ dataDir: tmp.dir }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('DB_TOO_NEW');
    expect(isAppError(err) && err.params).toEqual({
      fileVersion: 99,
      appVersion: latestVersion(migrations),
    });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('migrate', () => {
  it('backs up an existing file before migrating it, and the backup is the old schema', async () => {
    const db = new Database(path.join(tmp.dir, 'w.sqlite'));
    await migrate(db, [m1], { backupDir: path.join(tmp.dir, 'backups') });
    db.prepare('INSERT INTO a VALUES (42)').run();
    const r = await migrate(db, [m1, m2], {
      backupDir: path.join(tmp.dir, 'backups'),
      now: () => new Date('2026-01-05T08:00:00Z'),
    });
    expect(r.from).toBe(1);
    expect(r.to).toBe(2);
    expect(r.backupPath).toMatch(/workspace-v1-pre-migration-20260105T080000Z\.sqlite$/);
    const backup = new Database(r.backupPath!, { readonly: true });
    expect(tables(backup)).toEqual(['a']);
    expect(backup.prepare('SELECT x FROM a').get()).toEqual({ x: 42 });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    backup.close();
    expect(tables(db)).toEqual(['a', 'b']);
    db.close();
  });

  it('runs all pending steps in one transaction: a failing step leaves nothing behind', async () => {
    const db = new Database(path.join(tmp.dir, 'w.sqlite'));
    await migrate(db, [m1], { backupDir: path.join(tmp.dir, 'backups') });
    const bad: Migration = {
      version: 3,
      name: 'bad',
      up: (d) => {
        d.exec('CREATE TABLE c (z INTEGER)');
        throw new Error('boom');
      },
    };
    await expect(
      migrate(db, [m1, m2, bad], { backupDir: path.join(tmp.dir, 'backups') }),
    ).rejects.toThrow('boom');
    expect(tables(db)).toEqual(['a']);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('rejects migrations that are not numbered 1..n', async () => {
    const db = new Database(':memory:');
    await expect(migrate(db, [m2], { backupDir: tmp.dir })).rejects.toThrow(/expected 1/);
    db.close();
  });
});
