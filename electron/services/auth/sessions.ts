// Sessions: a random token goes to the client; only its SHA-256 is stored. Sessions slide: each
// call within the idle window extends them.
import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../../core/accounts/schemas';
import type { AppContext } from '../context';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** Refresh the stored expiry at most once a minute, not on every call. */
const TOUCH_EVERY_MS = 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function openSession(app: AppContext, userId: string): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const now = app.now();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS).toISOString();
  app.repos.sessions.create(hashToken(token), userId, now.toISOString(), expiresAt);
  return { token, expiresAt };
}

export function resolveSession(
  app: AppContext,
  token: string | undefined,
): { user: SessionUser; hash: string } | null {
  if (!token) return null;
  const hash = hashToken(token);
  const session = app.repos.sessions.find(hash);
  if (!session) return null;
  const now = app.now();
  if (session.expiresAt <= now.toISOString()) {
    app.repos.sessions.remove(hash);
    return null;
  }
  const user = app.repos.users.findById(session.userId);
  if (!user || !user.active) return null;
  if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
    app.repos.sessions.touch(
      hash,
      now.toISOString(),
      new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
    );
  }
  return {
    hash,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      locale: user.locale,
    },
  };
}
