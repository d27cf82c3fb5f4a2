// The storage layer: all SQL lives under db/. Services get repositories from createRepos().
import { auditRepo } from './repos/audit';
import { sessionsRepo } from './repos/sessions';
import { settingsRepo } from './repos/settings';
import { usersRepo } from './repos/users';
import type { Db } from './types';

export { openWorkspace, applyPragmas, WORKSPACE_FILE } from './open';
export type { OpenOptions, OpenedWorkspace } from './open';
export { migrate, latestVersion } from './migrate';
export type { Migration, MigrationResult } from './migrate';
export { migrations } from './migrations';
export type { Db } from './types';
export type { AuditEntry, AuditInput, AuditVerification } from './repos/audit';
export type { UserRecord } from './repos/users';
export type { SessionRecord } from './repos/sessions';

export function createRepos(db: Db) {
  return {
    settings: settingsRepo(db),
    users: usersRepo(db),
    sessions: sessionsRepo(db),
    audit: auditRepo(db),
  };
}

export type Repos = ReturnType<typeof createRepos>;
