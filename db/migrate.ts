// Migration runner (design §4): ordered steps, PRAGMA user_version, every pending step in one
// transaction, a backup of the file before touching it, and refusal to open a newer file.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/api/errors';
import type { Db } from './types';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export interface MigrationResult {
  from: number;
  to: number;
  backupPath: string | null;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length ? migrations[migrations.length - 1]!.version : 0;
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
    }
  });
}

export function assertNotNewer(fileVersion: number, appVersion: number): void {
  if (fileVersion > appVersion) {
    throw new AppError(
      'DB_TOO_NEW',
      `workspace schema version ${fileVersion} is newer than this app's ${appVersion}`,
      { params: { fileVersion, appVersion } },
    );
  }
}

function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

export async function migrate(
  db: Db,
  migrations: readonly Migration[],
  opts: { backupDir: string; now?: () => Date },
): Promise<MigrationResult> {
  checkOrder(migrations);
  const target = latestVersion(migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  assertNotNewer(from, target);
  if (from === target) return { from, to: target, backupPath: null };

  let backupPath: string | null = null;
  const hasTables =
    (
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
        n: number;
      }
    ).n > 0;
  if (hasTables) {
    fs.mkdirSync(opts.backupDir, { recursive: true });
    const now = (opts.now ?? (() => new Date()))();
    backupPath = path.join(opts.backupDir, `workspace-v${from}-pre-migration-${stamp(now)}.sqlite`);
    await db.backup(backupPath);
  }

  const pending = migrations.filter((m) => m.version > from);
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${target}`);
  })();
  return { from, to: target, backupPath };
}
