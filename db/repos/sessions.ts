import type { Db } from '../types';

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

interface Row {
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export type SessionsRepo = ReturnType<typeof sessionsRepo>;

export function sessionsRepo(db: Db) {
  const insert = db.prepare<[string, string, string, string, string]>(
    'INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const find = db.prepare<[string], Row>('SELECT * FROM sessions WHERE token_hash = ?');
  const touch = db.prepare<[string, string, string]>(
    'UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?',
  );
  const remove = db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?');
  const removeForUser = db.prepare<[string]>('DELETE FROM sessions WHERE user_id = ?');
  const removeForUserExcept = db.prepare<[string, string]>(
    'DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?',
  );
  const purge = db.prepare<[string]>('DELETE FROM sessions WHERE expires_at <= ?');

  return {
    create(tokenHash: string, userId: string, now: string, expiresAt: string): void {
      insert.run(tokenHash, userId, now, now, expiresAt);
    },
    find(tokenHash: string): SessionRecord | null {
      const r = find.get(tokenHash);
      return r
        ? {
            tokenHash: r.token_hash,
            userId: r.user_id,
            createdAt: r.created_at,
            lastSeenAt: r.last_seen_at,
            expiresAt: r.expires_at,
          }
        : null;
    },
    touch(tokenHash: string, now: string, expiresAt: string): void {
      touch.run(now, expiresAt, tokenHash);
    },
    remove(tokenHash: string): void {
      remove.run(tokenHash);
    },
    removeForUser(userId: string, exceptTokenHash?: string): void {
      if (exceptTokenHash) removeForUserExcept.run(userId, exceptTokenHash);
      else removeForUser.run(userId);
    },
    purgeExpired(now: string): number {
      return purge.run(now).changes;
    },
  };
}
