// The audit log (design §4): append-only (triggers refuse UPDATE and DELETE) and hash-chained:
// every entry stores the SHA-256 of the previous entry, so an edit of history behind the app's
// back breaks the chain at the edited row, which verify() names.
import { createHash } from 'node:crypto';
import { auditCanonical, GENESIS_HASH } from '../../core/audit/export-format';
import type { Db } from '../types';

export { GENESIS_HASH };

export interface AuditInput {
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  details: string;
  prevHash: string;
  hash: string;
}

interface Row {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** core/audit's hash of an entry, with Node's SHA-256 (every state change appends one). */
export function auditHash(e: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256').update(auditCanonical(e), 'utf8').digest('hex');
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBrokenSeq: number | null;
}

/** What audit.list and audit.export select; every part optional (all of them: AND). */
export interface AuditFilter {
  /** ISO-8601 UTC bounds on `at`, inclusive from, exclusive to. */
  fromAt?: string | undefined;
  toAt?: string | undefined;
  fromSeq?: number | undefined;
  toSeq?: number | undefined;
  /** A user id; null: entries made by the system (no actor). */
  actorId?: string | null | undefined;
  /** Each either an exact action or a prefix ending in '.' (e.g. 'sheet.'). */
  actions?: readonly string[] | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Substring of the action, actor name, entity id or details. */
  text?: string | undefined;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE clause of a filter, with its parameters in order. */
function where(f: AuditFilter): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (f.fromAt !== undefined) {
    parts.push('at >= ?');
    params.push(f.fromAt);
  }
  if (f.toAt !== undefined) {
    parts.push('at < ?');
    params.push(f.toAt);
  }
  if (f.fromSeq !== undefined) {
    parts.push('seq >= ?');
    params.push(f.fromSeq);
  }
  if (f.toSeq !== undefined) {
    parts.push('seq <= ?');
    params.push(f.toSeq);
  }
  if (f.actorId === null) parts.push('actor_id IS NULL');
  else if (f.actorId !== undefined) {
    parts.push('actor_id = ?');
    params.push(f.actorId);
  }
  if (f.actions?.length) {
    const any = f.actions.map((a) => {
      if (a.endsWith('.')) {
        params.push(`${likeEscape(a)}%`);
        return "action LIKE ? ESCAPE '\\'";
      }
      params.push(a);
      return 'action = ?';
    });
    parts.push(`(${any.join(' OR ')})`);
  }
  if (f.entityType !== undefined) {
    parts.push('entity_type = ?');
    params.push(f.entityType);
  }
  if (f.entityId !== undefined) {
    parts.push('entity_id = ?');
    params.push(f.entityId);
  }
  if (f.text) {
    const like = `%${likeEscape(f.text)}%`;
    parts.push(
      "(action LIKE ? ESCAPE '\\' OR actor_name LIKE ? ESCAPE '\\' OR entity_id LIKE ? ESCAPE '\\' OR details LIKE ? ESCAPE '\\')",
    );
    params.push(like, like, like, like);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export type AuditRepo = ReturnType<typeof auditRepo>;

export function auditRepo(db: Db) {
  const last = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor_name, action, entity_type, entity_id, details, prev_hash, hash)
     VALUES (@seq, @at, @actorId, @actorName, @action, @entityType, @entityId, @details, @prevHash, @hash)`,
  );
  const all = db.prepare<[], Row>('SELECT * FROM audit_log ORDER BY seq');
  const recent = db.prepare<[number], Row>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?');

  const toEntry = (r: Row): AuditEntry => ({
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  });

  return {
    /** Appends one entry. Call it inside the transaction of the change it records. */
    append(input: AuditInput, at: string): AuditEntry {
      const prev = last.get();
      const base = {
        seq: (prev?.seq ?? 0) + 1,
        at,
        actorId: input.actorId,
        actorName: input.actorName,
        action: input.action,
        entityType: input.entityType ?? null,
        entityId: input.entityId ?? null,
        details: JSON.stringify(input.details ?? {}),
        prevHash: prev?.hash ?? GENESIS_HASH,
      };
      const entry: AuditEntry = { ...base, hash: auditHash(base) };
      insert.run(entry);
      return entry;
    },
    recent(limit: number): AuditEntry[] {
      return recent.all(limit).map(toEntry);
    },
    /** One page of the entries matching a filter, newest first, and how many match in all. */
    list(
      filter: AuditFilter,
      offset: number,
      limit: number,
    ): { total: number; entries: AuditEntry[] } {
      const w = where(filter);
      const total = (
        db.prepare(`SELECT count(*) AS n FROM audit_log ${w.sql}`).get(...w.params) as { n: number }
      ).n;
      const rows = db
        .prepare<unknown[], Row>(
          `SELECT * FROM audit_log ${w.sql} ORDER BY seq DESC LIMIT ? OFFSET ?`,
        )
        .all(...w.params, limit, offset);
      return { total, entries: rows.map(toEntry) };
    },
    /** Every entry matching a filter, oldest first (the export). */
    matching(filter: AuditFilter): AuditEntry[] {
      const w = where(filter);
      return db
        .prepare<unknown[], Row>(`SELECT * FROM audit_log ${w.sql} ORDER BY seq`)
        .all(...w.params)
        .map(toEntry);
    },
    /** One entry by its sequence number. */
    get(seq: number): AuditEntry | null {
      const r = db.prepare<[number], Row>('SELECT * FROM audit_log WHERE seq = ?').get(seq);
      return r ? toEntry(r) : null;
    },
    /** The newest entry (the head of the chain) and the number of entries. */
    head(): { seq: number; hash: string; count: number } {
      const h = last.get();
      const n = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      return { seq: h?.seq ?? 0, hash: h?.hash ?? GENESIS_HASH, count: n };
    },
    /** Walks the chain from the start; the first entry whose links do not hold is reported. */
    verify(): AuditVerification {
      let prevHash = GENESIS_HASH;
      let expectedSeq = 1;
      let entries = 0;
      for (const row of all.iterate()) {
        const e = toEntry(row);
        entries++;
        if (e.seq !== expectedSeq || e.prevHash !== prevHash || auditHash(e) !== e.hash) {
          return { ok: false, entries, firstBrokenSeq: e.seq };
        }
        prevHash = e.hash;
        expectedSeq++;
      }
      return { ok: true, entries, firstBrokenSeq: null };
    },
  };
}
