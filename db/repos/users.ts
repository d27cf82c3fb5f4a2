import type { Locale, Role } from '../../core/accounts/schemas';
import type { Db } from '../types';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  active: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  locale: Locale | null;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

interface Row {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  locale: Locale | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

function fromRow(r: Row): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    passwordHash: r.password_hash,
    active: r.active === 1,
    failedAttempts: r.failed_attempts,
    lockedUntil: r.locked_until,
    locale: r.locale,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastLoginAt: r.last_login_at,
  };
}

export type UsersRepo = ReturnType<typeof usersRepo>;

export function usersRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO users (id, username, display_name, role, password_hash, active, locale, created_at, updated_at)
     VALUES (@id, @username, @displayName, @role, @passwordHash, 1, @locale, @now, @now)`,
  );
  const byId = db.prepare<[string], Row>('SELECT * FROM users WHERE id = ?');
  const byUsername = db.prepare<[string], Row>('SELECT * FROM users WHERE username = ?');
  const all = db.prepare<[], Row>('SELECT * FROM users ORDER BY role, username');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users');
  const activeCoordinators = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM users WHERE role = 'coordinator' AND active = 1",
  );
  const setFailures = db.prepare<[number, string | null, string, string]>(
    'UPDATE users SET failed_attempts = ?, locked_until = ?, updated_at = ? WHERE id = ?',
  );
  const loginOk = db.prepare<[string, string, string]>(
    'UPDATE users SET failed_attempts = 0, locked_until = NULL, last_login_at = ?, updated_at = ? WHERE id = ?',
  );
  const setPassword = db.prepare<[string, string, string]>(
    'UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?',
  );
  const setLocale = db.prepare<[string, string, string]>(
    'UPDATE users SET locale = ?, updated_at = ? WHERE id = ?',
  );
  const update = db.prepare(
    'UPDATE users SET display_name = @displayName, role = @role, active = @active, updated_at = @now WHERE id = @id',
  );

  return {
    create(u: {
      id: string;
      username: string;
      displayName: string;
      role: Role;
      passwordHash: string;
      locale: Locale | null;
      now: string;
    }): UserRecord {
      insert.run(u);
      return fromRow(byId.get(u.id)!);
    },
    findById(id: string): UserRecord | null {
      const r = byId.get(id);
      return r ? fromRow(r) : null;
    },
    findByUsername(username: string): UserRecord | null {
      const r = byUsername.get(username);
      return r ? fromRow(r) : null;
    },
    list(): UserRecord[] {
      return all.all().map(fromRow);
    },
    count(): number {
      return count.get()!.n;
    },
    countActiveCoordinators(): number {
      return activeCoordinators.get()!.n;
    },
    recordFailure(
      id: string,
      failedAttempts: number,
      lockedUntil: string | null,
      now: string,
    ): void {
      setFailures.run(failedAttempts, lockedUntil, now, id);
    },
    recordLogin(id: string, now: string): void {
      loginOk.run(now, now, id);
    },
    setPassword(id: string, passwordHash: string, now: string): void {
      setPassword.run(passwordHash, now, id);
    },
    setLocale(id: string, locale: Locale, now: string): void {
      setLocale.run(locale, now, id);
    },
    update(u: {
      id: string;
      displayName: string;
      role: Role;
      active: boolean;
      now: string;
    }): UserRecord {
      update.run({ ...u, active: u.active ? 1 : 0 });
      return fromRow(byId.get(u.id)!);
    },
  };
}
