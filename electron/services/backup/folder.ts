// The backups folder (<data folder>/backups/): what is in it, what the new files are called, and
// the rotation. Three kinds, told apart by name and rotated separately, the newest KEEP of each
// kind kept:
//   workspace-daily-<stamp>.sqlite              one a day while the app runs
//   workspace-v<N>-pre-migration-<stamp>.sqlite before a migration from schema version N (db/migrate.ts)
//   workspace-pre-restore-<stamp>.sqlite        the workspace a restore replaced
// Separate rotations, so that a week of daily backups never pushes out the copy taken before a
// migration or a restore, and a series of restores never pushes out the daily ones.
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupKind } from '../../../core/api/methods/backup';

export const KEEP = 7;
export const BACKUP_DIR = 'backups';
export const DAY_MS = 24 * 60 * 60 * 1000;

const PATTERNS: Record<BackupKind, RegExp> = {
  daily: /^workspace-daily-(\d{8}T\d{6})(\d{3})?Z\.sqlite$/,
  migration: /^workspace-v(\d+)-pre-migration-(\d{8}T\d{6})(\d{3})?Z\.sqlite$/,
  restore: /^workspace-pre-restore-(\d{8}T\d{6})(\d{3})?Z\.sqlite$/,
};

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

/** 20261123T020000123Z: sortable, safe in every file system, milliseconds against collisions. */
export function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('.', '');
}

function parseStamp(base: string, ms: string | undefined): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(base)!;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${ms ?? '000'}Z`;
}

export function backupName(kind: Exclude<BackupKind, 'migration'>, at: Date): string {
  return kind === 'daily'
    ? `workspace-daily-${stamp(at)}.sqlite`
    : `workspace-pre-restore-${stamp(at)}.sqlite`;
}

/** What a name says about a backup, or null for any other file. */
export function parseBackupName(
  name: string,
): Pick<BackupInfo, 'kind' | 'createdAt' | 'schemaVersion'> | null {
  let m = PATTERNS.daily.exec(name);
  if (m) return { kind: 'daily', createdAt: parseStamp(m[1]!, m[2]), schemaVersion: null };
  m = PATTERNS.restore.exec(name);
  if (m) return { kind: 'restore', createdAt: parseStamp(m[1]!, m[2]), schemaVersion: null };
  m = PATTERNS.migration.exec(name);
  if (m) {
    return { kind: 'migration', createdAt: parseStamp(m[2]!, m[3]), schemaVersion: Number(m[1]) };
  }
  return null;
}

/** Every backup in the folder, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const stat = fs.statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    out.push({ name, size: stat.size, ...parsed });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Deletes all but the newest KEEP backups of one kind; returns the names deleted. */
export function prune(dataDir: string, kind: BackupKind, keep = KEEP): string[] {
  const old = listBackups(dataDir)
    .filter((b) => b.kind === kind)
    .slice(keep);
  for (const b of old) fs.rmSync(path.join(backupDir(dataDir), b.name), { force: true });
  return old.map((b) => b.name);
}

/** The path of a listed backup; null when there is no such backup (names are checked, not joined blindly). */
export function backupPath(dataDir: string, name: string): string | null {
  if (!parseBackupName(name)) return null;
  const file = path.join(backupDir(dataDir), name);
  return fs.existsSync(file) ? file : null;
}

/** True when the newest daily backup is older than a day (or there is none). */
export function dailyDue(dataDir: string, now: Date): boolean {
  const newest = listBackups(dataDir).find((b) => b.kind === 'daily');
  return !newest || now.getTime() - Date.parse(newest.createdAt) >= DAY_MS;
}
