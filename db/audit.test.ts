import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRepos, openWorkspace, type Db } from './index';
import { GENESIS_HASH } from './repos/audit';
import { tempDir } from './testing';

let tmp: ReturnType<typeof tempDir>;
let db: Db;
let repos: ReturnType<typeof createRepos>;

beforeEach(async () => {
  tmp = tempDir();
  db = (await openWorkspace({ dataDir: tmp.dir })).db;
  repos = createRepos(db);
  for (let i = 1; i <= 5; i++) {
    repos.audit.append(
      {
        actorId: 'u1',
        actorName: '王明',
        action: `test.step${i}`,
        entityType: 'case',
        entityId: `c${i}`,
        details: { i },
      },
      `2026-01-0${i}T00:00:00.000Z`,
    );
  }
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

describe('audit log', () => {
  it('chains every entry to the previous one', () => {
    const entries = repos.audit.recent(10).reverse();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i++)
      expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    expect(repos.audit.verify()).toEqual({ ok: true, entries: 5, firstBrokenSeq: null });
  });

  it('refuses UPDATE and DELETE through SQL', () => {
    expect(() => db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 2").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 5').run()).toThrow(/append-only/);
  });

  it('names the first edited row when history is changed behind the app', () => {
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET details = '{"i":99}' WHERE seq = 3`).run();
    expect(repos.audit.verify()).toEqual({ ok: false, entries: 3, firstBrokenSeq: 3 });
  });

  it('notices a deleted row in the middle', () => {
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(repos.audit.verify()).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('notices a recomputed hash that no longer links to the next entry', () => {
    db.exec('DROP TRIGGER audit_log_no_update');
    // Forge row 4 and fix up its own hash: row 5 still points at the old hash.
    db.prepare(
      "UPDATE audit_log SET action = 'forged', hash = 'f'||substr(hash, 2) WHERE seq = 4",
    ).run();
    expect(repos.audit.verify().firstBrokenSeq).toBe(4);
  });
});
