// Helpers for tests that need a real workspace file: a fresh temporary folder per test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from './types';

export function tempDir(prefix = 'anjuan-test-'): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Every row of every table, in a stable order, as one string: compare a dump before and after a
 * call to prove it changed nothing (issue 8: refused packages leave the database as it was).
 */
export function dumpDatabase(db: Db): string {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((t) => t.name);
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const cols = db
      .prepare<[], { name: string }>(`PRAGMA table_info("${t}")`)
      .all()
      .map((c) => `"${c.name}"`);
    out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY ${cols.join(', ')}`).all();
  }
  return JSON.stringify({ userVersion: db.pragma('user_version', { simple: true }), tables: out });
}
