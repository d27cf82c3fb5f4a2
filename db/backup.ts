// Backup and the checks that come before a restore or an opening (issue 8 item 7). The SQL side
// only: copying a live database with SQLite's online backup, PRAGMA integrity_check/quick_check,
// the schema version and the audit chain of a candidate file. Choosing files, rotating the
// backup folder and swapping the live workspace are the services' work
// (electron/services/backup/).
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { latestVersion } from './migrate';
import { migrations } from './migrations';
import { auditRepo } from './repos/audit';
import type { Db } from './types';

/** Why a file cannot serve as the workspace. */
export type FileProblem =
  | { reason: 'empty' }
  | { reason: 'notDatabase'; detail: string }
  | { reason: 'integrity'; detail: string }
  | { reason: 'notWorkspace' }
  | { reason: 'tooNew'; fileVersion: number; appVersion: number }
  | { reason: 'auditBroken'; seq: number; at: string | null; action: string | null };

export type FileCheck =
  | {
      ok: true;
      schemaVersion: number;
      auditEntries: number;
      /** The file's workspace identity (migration 0007); null for a file from before it. */
      workspace: { id: string; publicKey: string } | null;
    }
  | { ok: false; problem: FileProblem };

/** Thrown by openWorkspace when the live file fails the check at start: it is not opened. */
export class WorkspaceDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly problem: FileProblem,
  ) {
    super(`workspace file ${file} is damaged: ${problem.reason}`);
    this.name = 'WorkspaceDamagedError';
  }
}

const SQLITE_FILE_ERRORS = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_VTAB']);

function sqliteCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** An exception that means "this file is not a (sound) SQLite database", as a problem. */
export function fileProblemOf(e: unknown): FileProblem | null {
  const code = sqliteCode(e);
  if (!code || !SQLITE_FILE_ERRORS.has(code)) return null;
  const detail = e instanceof Error ? e.message : String(e);
  return code === 'SQLITE_NOTADB'
    ? { reason: 'notDatabase', detail }
    : { reason: 'integrity', detail };
}

/**
 * PRAGMA integrity_check (full: every page, every index entry) or quick_check (the b-tree
 * structure without cross-checking indexes, several times faster: used at every start).
 * Returns null when the database is sound.
 */
export function structureProblem(db: Db, mode: 'full' | 'quick'): FileProblem | null {
  try {
    const rows = db
      .prepare(mode === 'full' ? 'PRAGMA integrity_check(20)' : 'PRAGMA quick_check(20)')
      .pluck()
      .all() as string[];
    if (rows.length === 1 && rows[0] === 'ok') return null;
    return { reason: 'integrity', detail: rows.join('\n').slice(0, 2000) };
  } catch (e) {
    const problem = fileProblemOf(e);
    if (problem) return problem;
    throw e;
  }
}

function auditProblem(db: Db): FileProblem | null {
  const v = auditRepo(db).verify();
  if (v.ok || v.firstBrokenSeq === null) return null;
  const row = db
    .prepare<[number], { at: string; action: string }>(
      'SELECT at, action FROM audit_log WHERE seq = ?',
    )
    .get(v.firstBrokenSeq);
  return {
    reason: 'auditBroken',
    seq: v.firstBrokenSeq,
    at: row?.at ?? null,
    action: row?.action ?? null,
  };
}

function hasTable(db: Db, name: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
    undefined
  );
}

/**
 * Everything a restore checks before it replaces anything: the file is a SQLite database, passes
 * PRAGMA integrity_check, is one of our workspaces, its schema is not newer than this code, and
 * its audit chain verifies. The file is opened read-write because it may be in WAL mode (a
 * read-only connection cannot open a WAL file without its -shm); callers pass a private copy.
 * On success the copy is left in rollback-journal mode, ready to be renamed into place.
 */
export function checkWorkspaceFile(
  file: string,
  opts: { nativeBinding?: string | undefined } = {},
): FileCheck {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) {
    return { ok: false, problem: { reason: 'empty' } };
  }
  let db: Db | null = null;
  try {
    db = new Database(file, {
      fileMustExist: true,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
    // The first read of the header: a file that is not a database fails here.
    const fileVersion = db.pragma('user_version', { simple: true }) as number;
    const structure = structureProblem(db, 'full');
    if (structure) return { ok: false, problem: structure };
    const appVersion = latestVersion(migrations);
    if (fileVersion > appVersion) {
      return { ok: false, problem: { reason: 'tooNew', fileVersion, appVersion } };
    }
    if (fileVersion < 1 || !hasTable(db, 'audit_log') || !hasTable(db, 'settings')) {
      return { ok: false, problem: { reason: 'notWorkspace' } };
    }
    const audit = auditProblem(db);
    if (audit) return { ok: false, problem: audit };
    const auditEntries = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number })
      .n;
    const workspace = hasTable(db, 'workspace_identity')
      ? ((db
          .prepare('SELECT workspace_id AS id, public_key AS publicKey FROM workspace_identity')
          .get() as { id: string; publicKey: string } | undefined) ?? null)
      : null;
    db.pragma('journal_mode = DELETE');
    return { ok: true, schemaVersion: fileVersion, auditEntries, workspace };
  } catch (e) {
    const problem = fileProblemOf(e);
    if (problem) return { ok: false, problem };
    throw e;
  } finally {
    db?.close();
  }
}

/**
 * A consistent copy of a live database (SQLite's online backup: other statements may run while it
 * copies), written to `dest + '.part'` and renamed when complete, so a crash never leaves a
 * half-written file under the real name. The copy is switched to rollback-journal mode: a single
 * self-contained file that opens anywhere, read-only included.
 */
export async function backupDatabase(
  db: Db,
  dest: string,
  opts: { nativeBinding?: string | undefined } = {},
): Promise<void> {
  const part = `${dest}.part`;
  fs.rmSync(part, { force: true });
  try {
    await db.backup(part);
    const copy = new Database(
      part,
      opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {},
    );
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(part, dest);
  } finally {
    fs.rmSync(part, { force: true });
    fs.rmSync(`${part}-wal`, { force: true });
    fs.rmSync(`${part}-shm`, { force: true });
  }
}

/**
 * Before the live file is replaced: write the WAL back into the main file and close. Without
 * this a stale -wal beside the renamed file could be replayed onto the wrong database.
 */
export function checkpointAndClose(db: Db): void {
  if (db.open) {
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  }
}

/** Names and row counts of the tables: what a restore reports it brought back. */
export function tableSizes(db: Db): Record<string, number> {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    names.map((n) => [
      n,
      (db.prepare(`SELECT count(*) AS n FROM "${n.replace(/"/g, '""')}"`).get() as { n: number }).n,
    ]),
  );
}
