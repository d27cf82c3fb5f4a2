// The audit log (design §4): append-only (triggers refuse UPDATE and DELETE) and hash-chained:
// every entry stores the SHA-256 of the previous entry, so an edit of history behind the app's
// back breaks the chain at the edited row, which verify() names.
import { createHash } from 'node:crypto';
import type { Db } from '../types';

export const GENESIS_HASH = '0'.repeat(64);

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

export function auditHash(e: Omit<AuditEntry, 'hash'>): string {
  const canonical = JSON.stringify([
    e.seq,
    e.at,
    e.actorId,
    e.actorName,
    e.action,
    e.entityType,
    e.entityId,
    e.details,
    e.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBrokenSeq: number | null;
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
