// Use cases: app status, first-run setup, login/logout, own account, account management.
import {
  DEFAULT_LOCALE,
  LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  type Locale,
  type SessionUser,
  type UserSummary,
} from '../../../core/accounts/schemas';
import { AppError } from '../../../core/api/errors';
import type { UserRecord } from '../../../db';
import { decoyHash, hashPassword, verifyPassword } from '../auth/passwords';
import { openSession } from '../auth/sessions';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handler';
import { readDemoInfo } from './demo';
import { workspaceMode } from '../packages/mode';
import { SETTING_DEFAULT_LOCALE, SETTING_ORG_NAME, SETTING_WORKSPACE_ID } from '../settings-keys';

function sessionUser(u: UserRecord): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    locale: u.locale,
  };
}

function summary(u: UserRecord): UserSummary {
  return {
    ...sessionUser(u),
    active: u.active,
    lockedUntil: u.lockedUntil,
    createdAt: u.createdAt,
    lastLoginAt: u.lastLoginAt,
  };
}

function mustFind(app: AppContext, id: string): UserRecord {
  const u = app.repos.users.findById(id);
  if (!u) throw new AppError('NOT_FOUND', `user ${id} not found`);
  return u;
}

function lockedError(lockedUntil: string, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 60000));
  return new AppError('AUTH_LOCKED', 'account locked', {
    params: { max: MAX_FAILED_LOGINS, minutes, until: lockedUntil },
  });
}

type Attempt =
  | { kind: 'ok'; token: string; expiresAt: string; user: SessionUser }
  | { kind: 'wrong' }
  | { kind: 'locked'; until: string }
  | { kind: 'inactive' };

async function login(app: AppContext, username: string, password: string) {
  const { repos } = app;
  const user = repos.users.findByUsername(username);
  if (!user) {
    await verifyPassword(password, await decoyHash());
    throw new AppError('AUTH_INVALID', 'unknown user name', {
      params: { max: MAX_FAILED_LOGINS, minutes: LOCK_MINUTES },
    });
  }
  const started = app.now();
  if (user.lockedUntil && user.lockedUntil > started.toISOString()) {
    throw lockedError(user.lockedUntil, started);
  }
  const passwordOk = await verifyPassword(password, user.passwordHash);
  // The outcome is committed first and reported after: throwing inside the transaction would
  // roll back the failure count and the lock.
  const attempt = app.tx((): Attempt => {
    // Re-read: another attempt may have run while scrypt was busy.
    const fresh = mustFind(app, user.id);
    const now = app.now();
    const nowIso = now.toISOString();
    if (fresh.lockedUntil && fresh.lockedUntil > nowIso)
      return { kind: 'locked', until: fresh.lockedUntil };
    if (!passwordOk) {
      const attempts = (fresh.lockedUntil ? 0 : fresh.failedAttempts) + 1; // an expired lock starts afresh
      if (attempts >= MAX_FAILED_LOGINS) {
        const until = new Date(now.getTime() + LOCK_MINUTES * 60000).toISOString();
        repos.users.recordFailure(fresh.id, attempts, until, nowIso);
        app.audit(
          null,
          'auth.locked',
          { type: 'user', id: fresh.id },
          { username: fresh.username, until },
        );
        return { kind: 'locked', until };
      }
      repos.users.recordFailure(fresh.id, attempts, null, nowIso);
      return { kind: 'wrong' };
    }
    if (!fresh.active) return { kind: 'inactive' };
    repos.users.recordLogin(fresh.id, nowIso);
    app.audit(fresh, 'auth.login', { type: 'user', id: fresh.id });
    return { kind: 'ok', ...openSession(app, fresh.id), user: sessionUser(fresh) };
  });
  switch (attempt.kind) {
    case 'ok':
      return { token: attempt.token, expiresAt: attempt.expiresAt, user: attempt.user };
    case 'locked':
      throw lockedError(attempt.until, app.now());
    case 'inactive':
      throw new AppError('AUTH_INACTIVE', 'account inactive');
    case 'wrong':
      throw new AppError('AUTH_INVALID', 'wrong password', {
        params: { max: MAX_FAILED_LOGINS, minutes: LOCK_MINUTES },
      });
  }
}

export function accountHandlers(
  app: AppContext,
): HandlerGroup<
  | 'app.status'
  | 'setup.createCoordinator'
  | 'auth.login'
  | 'auth.logout'
  | 'auth.me'
  | 'account.changePassword'
  | 'account.setLocale'
  | 'users.list'
  | 'users.create'
  | 'users.update'
  | 'users.resetPassword'
  | 'jobs.cancel'
> {
  const { repos } = app;
  return {
    'app.status': () => ({
      setupRequired: repos.users.count() === 0,
      orgName: repos.settings.get(SETTING_ORG_NAME),
      defaultLocale:
        (repos.settings.get(SETTING_DEFAULT_LOCALE) as Locale | null) ?? DEFAULT_LOCALE,
      appVersion: app.appVersion,
      schemaVersion: app.schemaVersion,
      workspaceId: repos.settings.get(SETTING_WORKSPACE_ID) ?? '',
      demo: readDemoInfo(app),
      mode: workspaceMode(repos),
    }),

    'setup.createCoordinator': async (input) => {
      const passwordHash = await hashPassword(input.password);
      return app.tx(() => {
        if (repos.users.count() > 0) throw new AppError('SETUP_DONE', 'setup already done');
        const now = app.now().toISOString();
        repos.settings.set(SETTING_ORG_NAME, input.orgName);
        repos.settings.set(SETTING_DEFAULT_LOCALE, input.locale);
        const user = repos.users.create({
          id: app.newId(),
          username: input.username,
          displayName: input.displayName,
          role: 'coordinator',
          passwordHash,
          locale: input.locale,
          now,
        });
        repos.users.recordLogin(user.id, now);
        app.audit(
          user,
          'setup.completed',
          { type: 'user', id: user.id },
          { orgName: input.orgName },
        );
        app.audit(
          user,
          'user.created',
          { type: 'user', id: user.id },
          {
            username: user.username,
            role: user.role,
          },
        );
        const session = openSession(app, user.id);
        return { ...session, user: sessionUser(user) };
      });
    },

    'auth.login': (input) => login(app, input.username, input.password),

    'auth.logout': (_input, call) => {
      app.tx(() => {
        if (call.sessionHash) repos.sessions.remove(call.sessionHash);
        app.audit(call.user, 'auth.logout', { type: 'user', id: call.user.id });
      });
      return { ok: true as const };
    },

    'auth.me': (_input, call) => call.user,

    'account.changePassword': async (input, call) => {
      const user = mustFind(app, call.user.id);
      if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
        throw new AppError('AUTH_INVALID', 'wrong current password', {
          key: 'errors.wrongCurrentPassword',
          fieldErrors: [{ path: 'currentPassword', key: 'errors.wrongCurrentPassword' }],
        });
      }
      const hash = await hashPassword(input.newPassword);
      app.tx(() => {
        repos.users.setPassword(user.id, hash, app.now().toISOString());
        repos.sessions.removeForUser(user.id, call.sessionHash ?? undefined);
        app.audit(call.user, 'account.passwordChanged', { type: 'user', id: user.id });
      });
      return { ok: true as const };
    },

    'account.setLocale': (input, call) => {
      repos.users.setLocale(call.user.id, input.locale, app.now().toISOString());
      return { ok: true as const };
    },

    'users.list': () => ({ users: repos.users.list().map(summary) }),

    'users.create': async (input, call) => {
      const passwordHash = await hashPassword(input.password);
      return app.tx(() => {
        if (repos.users.findByUsername(input.username)) {
          throw new AppError('CONFLICT', 'user name taken', {
            key: 'errors.usernameTaken',
            params: { username: input.username },
            fieldErrors: [
              {
                path: 'username',
                key: 'errors.usernameTaken',
                params: { username: input.username },
              },
            ],
          });
        }
        const user = repos.users.create({
          id: app.newId(),
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          passwordHash,
          locale: null,
          now: app.now().toISOString(),
        });
        app.audit(
          call.user,
          'user.created',
          { type: 'user', id: user.id },
          {
            username: user.username,
            role: user.role,
          },
        );
        return summary(user);
      });
    },

    'users.update': (input, call) =>
      app.tx(() => {
        const user = mustFind(app, input.id);
        const next = {
          displayName: input.displayName ?? user.displayName,
          role: input.role ?? user.role,
          active: input.active ?? user.active,
        };
        if (user.id === call.user.id && !next.active) {
          throw new AppError('CONFLICT', 'cannot deactivate self', {
            key: 'errors.selfDeactivate',
          });
        }
        const losesCoordinator =
          user.role === 'coordinator' &&
          user.active &&
          (next.role !== 'coordinator' || !next.active);
        if (losesCoordinator && repos.users.countActiveCoordinators() <= 1) {
          throw new AppError('CONFLICT', 'last coordinator', { key: 'errors.lastCoordinator' });
        }
        const updated = repos.users.update({ id: user.id, ...next, now: app.now().toISOString() });
        if (!next.active || next.role !== user.role) repos.sessions.removeForUser(user.id);
        app.audit(
          call.user,
          'user.updated',
          { type: 'user', id: user.id },
          {
            before: { displayName: user.displayName, role: user.role, active: user.active },
            after: next,
          },
        );
        return summary(updated);
      }),

    'users.resetPassword': async (input, call) => {
      mustFind(app, input.id);
      const hash = await hashPassword(input.password);
      app.tx(() => {
        repos.users.setPassword(input.id, hash, app.now().toISOString());
        repos.sessions.removeForUser(input.id);
        app.audit(call.user, 'user.passwordReset', { type: 'user', id: input.id });
      });
      return { ok: true as const };
    },

    'jobs.cancel': (input, call) => ({ cancelled: app.jobs.cancel(input.callId, call.user.id) }),
  };
}
