// Opens (or creates) the workspace file, sets the pragmas and brings the schema up to date.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fileProblemOf, structureProblem, WorkspaceDamagedError } from './backup';
import { assertNotNewer, latestVersion, migrate, type MigrationResult } from './migrate';
import { migrations } from './migrations';
import type { Db } from './types';

export const WORKSPACE_FILE = 'workspace.sqlite';

export interface OpenOptions {
  dataDir: string;
  /** Path of a better_sqlite3.node built for another runtime (Electron during development). */
  nativeBinding?: string | undefined;
  now?: () => Date;
}

export interface OpenedWorkspace {
  db: Db;
  file: string;
  migration: MigrationResult;
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  // A desktop app with one user: a 64 MiB page cache keeps the registry's indexes in memory.
  db.pragma('cache_size = -65536');
}

export async function openWorkspace(opts: OpenOptions): Promise<OpenedWorkspace> {
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, WORKSPACE_FILE);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  const damaged = (e: unknown) => {
    const problem = fileProblemOf(e);
    return problem ? new WorkspaceDamagedError(file, problem) : e;
  };
  let db: Db;
  try {
    db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  } catch (e) {
    throw damaged(e);
  }
  try {
    // A file that is not a database fails on this first read of its header.
    let fileVersion: number;
    try {
      fileVersion = db.pragma('user_version', { simple: true }) as number;
    } catch (e) {
      throw damaged(e);
    }
    // Refuse a newer file before anything writes to it (even WAL mode changes its header).
    assertNotNewer(fileVersion, latestVersion(migrations));
    // A damaged file is never opened for work (issue 8 item 7): the app offers a backup instead.
    // quick_check checks every page's b-tree structure at a fraction of integrity_check's cost;
    // a restore runs the full integrity_check on its candidate.
    if (existed) {
      const problem = structureProblem(db, 'quick');
      if (problem) throw new WorkspaceDamagedError(file, problem);
    }
    applyPragmas(db);
    const migration = await migrate(db, migrations, {
      backupDir: path.join(opts.dataDir, 'backups'),
      ...(opts.now ? { now: opts.now } : {}),
    });
    return { db, file, migration };
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * An empty workspace in memory, at the latest schema: what the app holds while the workspace
 * file is damaged, so that the context (logger, clock, events) has a database behind it.
 */
export function openInMemoryWorkspace(nativeBinding?: string): Db {
  const db = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  db.transaction(() => {
    for (const m of migrations) m.up(db);
  })();
  return db;
}
