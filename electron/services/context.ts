// What every handler works with: the open workspace, its repositories, a clock and the audit log.
import { randomUUID } from 'node:crypto';
import type { SessionUser } from '../../core/accounts/schemas';
import type { Db, Repos } from '../../db';
import type { EventBus } from './events';
import type { Logger } from './logger';

export interface AppContext {
  db: Db;
  repos: Repos;
  dataDir: string;
  appVersion: string;
  schemaVersion: number;
  log: Logger;
  events: EventBus;
  jobs: JobRegistry;
  now(): Date;
  /** Runs fn in one SQLite transaction. Never await inside (design §4). */
  tx<T>(fn: () => T): T;
  /** Appends to the hash-chained audit log; call inside the transaction of the change. */
  audit(
    actor: Pick<SessionUser, 'id' | 'displayName'> | null,
    action: string,
    entity?: { type: string; id: string } | null,
    details?: Record<string, unknown>,
  ): void;
  newId(): string;
}

interface Job {
  controller: AbortController;
  userId: string | null;
}

/** Running calls by callId, so that `jobs.cancel` can abort the caller's own long work. */
export class JobRegistry {
  private jobs = new Map<string, Job>();

  start(callId: string, userId: string | null): AbortController {
    const controller = new AbortController();
    this.jobs.set(callId, { controller, userId });
    return controller;
  }

  end(callId: string): void {
    this.jobs.delete(callId);
  }

  cancel(callId: string, userId: string): boolean {
    const job = this.jobs.get(callId);
    if (!job || job.userId !== userId) return false;
    job.controller.abort();
    return true;
  }
}

export function createContext(deps: {
  db: Db;
  repos: Repos;
  dataDir: string;
  appVersion: string;
  schemaVersion: number;
  log: Logger;
  events: EventBus;
  now?: () => Date;
}): AppContext {
  const now = deps.now ?? (() => new Date());
  return {
    ...deps,
    jobs: new JobRegistry(),
    now,
    tx: (fn) => deps.db.transaction(fn)(),
    audit(actor, action, entity, details) {
      deps.repos.audit.append(
        {
          actorId: actor?.id ?? null,
          actorName: actor?.displayName ?? null,
          action,
          entityType: entity?.type ?? null,
          entityId: entity?.id ?? null,
          details: details ?? {},
        },
        now().toISOString(),
      );
    },
    newId: () => randomUUID(),
  };
}
