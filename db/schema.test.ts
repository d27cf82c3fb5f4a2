// Schema snapshot (design §4): any change to the schema shows up here and in review. After a
// deliberate change (a new migration), refresh with UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run db.
// Released columns are added, never dropped or renamed: the second test checks that every table
// and column of the committed snapshot still exists after all migrations.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from './migrate';
import { migrations } from './migrations';

const SNAPSHOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema.snapshot.sql');
let db: Database.Database;

beforeAll(async () => {
  db = new Database(':memory:');
  await migrate(db, migrations, { backupDir: '/nonexistent' });
});
afterAll(() => db.close());

function dump(d: Database.Database): string {
  const rows = d
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name",
    )
    .all() as { type: string; name: string; sql: string }[];
  const version = d.pragma('user_version', { simple: true }) as number;
  return [`-- user_version ${version}`, ...rows.map((r) => `${r.sql};`)].join('\n\n') + '\n';
}

function columns(d: Database.Database): Set<string> {
  const out = new Set<string>();
  const tables = d.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
    name: string;
  }[];
  for (const t of tables) {
    for (const c of d.prepare(`PRAGMA table_info("${t.name}")`).all() as { name: string }[]) {
      out.add(`${t.name}.${c.name}`);
    }
  }
  return out;
}

describe('schema', () => {
  it('matches the committed snapshot', () => {
    const current = dump(db);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, current);
    expect(current).toBe(fs.readFileSync(SNAPSHOT, 'utf8'));
  });

  it('keeps every table and column of the snapshot (additive only)', () => {
    const old = new Database(':memory:');
    old.exec(fs.readFileSync(SNAPSHOT, 'utf8'));
    const now = columns(db);
    for (const col of columns(old))
      expect(now.has(col), `${col} was dropped or renamed`).toBe(true);
    old.close();
  });
});
