// The workspace host: owns the open workspace (database, context, handlers, dispatcher — the
// "runtime") and is the one place that may replace it. Both transports hold the App, whose
// dispatch goes through the host, so after a restore every call reaches the new runtime: the
// handlers, repositories and prepared statements of the old file are dropped with it, none keeps
// a stale handle. Calls that arrive during the swap wait for it.
//
// At start the live file is checked (db/open.ts); a damaged file is not opened: the host serves
// only backup.status and backup.recover until a backup has been restored.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { contract } from '../../../core/api/contract';
import { AppError, isAppError, type Envelope } from '../../../core/api/errors';
import { fingerprintOf } from '../../../core/packages/rules';
import type { RestoreSource } from '../../../core/api/methods/backup';
import type { MethodOutput } from '../../../core/api/contract';
import type { RpcRequest } from '../../../core/api/transport';
import { zodFieldErrors } from '../../../core/api/validation';
import {
  backupDatabase,
  checkpointAndClose,
  checkWorkspaceFile,
  tableSizes,
  WorkspaceDamagedError,
  type FileProblem,
} from '../../../db/backup';
import {
  createRepos,
  migrations,
  openInMemoryWorkspace,
  type Db,
  type MigrationResult,
} from '../../../db';
import { createContext, type AppContext } from '../context';
import type { Dispatch } from '../dispatcher';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import {
  backupDir,
  backupName,
  backupPath,
  dailyDue,
  KEEP,
  listBackups,
  prune,
  stamp,
} from './folder';
import { problemError, problemView } from './problems';

/** An open workspace and everything built on it. */
export interface Runtime {
  db: Db;
  context: AppContext;
  dispatch: Dispatch;
  file: string;
  migration: MigrationResult;
}

export interface HostOptions {
  dataDir: string;
  appVersion: string;
  nativeBinding?: string | undefined;
  log: Logger;
  events: EventBus;
  now?: () => Date;
  /** Opens the workspace file and builds a runtime on it (electron/services/app.ts). */
  open(): Promise<Runtime>;
}

type Restored = MethodOutput<'backup.restore'>;

const hosts = new WeakMap<AppContext, WorkspaceHost>();

/** The host that owns a context (the backup handlers reach it through their context). */
export function hostOf(context: AppContext): WorkspaceHost {
  const host = hosts.get(context);
  if (!host) throw new Error('context has no workspace host');
  return host;
}

const HOUR_MS = 60 * 60 * 1000;

function removeSidecars(file: string): void {
  fs.rmSync(`${file}-wal`, { force: true });
  fs.rmSync(`${file}-shm`, { force: true });
}

export class WorkspaceHost {
  private runtime: Runtime | null = null;
  /** The problem of the live file while it is damaged (then runtime is a stand-in, see below). */
  private damage: FileProblem | null = null;
  private swapping: Promise<unknown> | null = null;
  private background: Promise<unknown> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  readonly file: string;
  private readonly now: () => Date;

  private constructor(private readonly opts: HostOptions) {
    this.file = path.join(opts.dataDir, 'workspace.sqlite');
    this.now = opts.now ?? (() => new Date());
  }

  static async start(opts: HostOptions): Promise<WorkspaceHost> {
    const host = new WorkspaceHost(opts);
    try {
      host.adopt(await opts.open());
    } catch (e) {
      if (!(e instanceof WorkspaceDamagedError)) throw e;
      opts.log.error('workspace file failed its check at start; not opened', {
        file: e.file,
        problem: e.problem,
      });
      host.damage = e.problem;
      host.adopt(host.standIn());
      return host;
    }
    prune(opts.dataDir, 'migration');
    const { migration } = host.current;
    // A workspace created just now has nothing to keep yet.
    if (migration.from !== 0) await host.dailyBackup();
    host.timer = setInterval(() => host.runInBackground(() => host.dailyBackup()), HOUR_MS);
    host.timer.unref();
    return host;
  }

  private get current(): Runtime {
    if (!this.runtime) throw new Error('workspace is closed');
    return this.runtime;
  }

  get context(): AppContext {
    return this.current.context;
  }

  get migration(): MigrationResult {
    return this.current.migration;
  }

  get damaged(): FileProblem | null {
    return this.damage;
  }

  private adopt(runtime: Runtime): void {
    this.runtime = runtime;
    hosts.set(runtime.context, this);
  }

  /**
   * While the live file is damaged: an empty in-memory workspace, so that `app.context` (logger,
   * clock, events) keeps working for the transports; no call is ever dispatched to it.
   */
  private standIn(): Runtime {
    const db = openInMemoryWorkspace(this.opts.nativeBinding);
    const context = createContext({
      db,
      repos: createRepos(db),
      dataDir: this.opts.dataDir,
      appVersion: this.opts.appVersion,
      schemaVersion: migrations.length,
      log: this.opts.log,
      events: this.opts.events,
      now: this.now,
    });
    const v = migrations.length;
    return {
      db,
      context,
      dispatch: (request) => this.recoveryDispatch(request),
      file: this.file,
      migration: { from: v, to: v, backupPath: null },
    };
  }

  /** Every call goes through here; during a swap it waits for the new runtime. */
  readonly dispatch: Dispatch = async (request) => {
    while (this.swapping) await this.swapping.catch(() => undefined);
    return this.current.dispatch(request);
  };

  /** While damaged: backup.status and backup.recover only. */
  private async recoveryDispatch(request: RpcRequest): Promise<Envelope<unknown>> {
    try {
      if (request.method === 'backup.status') return { ok: true, data: this.status() };
      if (request.method === 'backup.recover') {
        const def = contract['backup.recover'];
        const raw = request.input ?? {};
        const parsed = def.input.safeParse(raw);
        if (!parsed.success) {
          throw new AppError('VALIDATION', 'invalid input for backup.recover', {
            fieldErrors: zodFieldErrors(parsed.error, raw),
          });
        }
        return { ok: true, data: await this.recover(parsed.data.source) };
      }
      throw new AppError('CONFLICT', `${String(request.method)}: the workspace is damaged`, {
        key: 'backup.errors.damaged',
      });
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: e.toApiError() };
      this.opts.log.error('recovery call failed', { method: String(request.method), error: e });
      return {
        ok: false,
        error: { code: 'INTERNAL', key: 'errors.INTERNAL', message: String(e) },
      };
    }
  }

  status(): MethodOutput<'backup.status'> {
    if (!this.damage) return { state: 'ok', problem: null, backups: [], latestGood: null };
    const backups = listBackups(this.opts.dataDir);
    let latestGood: string | null = null;
    for (const b of backups) {
      if (this.candidateCheck({ kind: 'backup', name: b.name }).ok) {
        latestGood = b.name;
        break;
      }
    }
    return { state: 'damaged', problem: problemView(this.damage), backups, latestGood };
  }

  /** Checks a source on a private copy and deletes the copy again. */
  private candidateCheck(source: RestoreSource): { ok: boolean } {
    let file: string | null = null;
    try {
      file = this.materialize(source);
      return { ok: checkWorkspaceFile(file, { nativeBinding: this.opts.nativeBinding }).ok };
    } catch {
      return { ok: false };
    } finally {
      if (file) fs.rmSync(file, { force: true });
    }
  }

  /** A private copy of the source beside the live file (same file system: rename is atomic). */
  private materialize(source: RestoreSource): string {
    const file = path.join(this.opts.dataDir, `restore-${randomUUID()}.sqlite`);
    if (source.kind === 'backup') {
      const from = backupPath(this.opts.dataDir, source.name);
      if (!from) {
        throw new AppError('NOT_FOUND', `backup ${source.name} not found`, {
          key: 'backup.errors.notFound',
          params: { name: source.name },
        });
      }
      fs.copyFileSync(from, file);
    } else {
      fs.writeFileSync(file, source.bytes);
    }
    return file;
  }

  /** Copies the source and runs every check; the live workspace is not touched. */
  private checkedCandidate(source: RestoreSource): {
    file: string;
    auditEntries: number;
    workspace: { id: string; publicKey: string } | null;
  } {
    const file = this.materialize(source);
    try {
      const check = checkWorkspaceFile(file, { nativeBinding: this.opts.nativeBinding });
      if (!check.ok) throw problemError(check.problem);
      return { file, auditEntries: check.auditEntries, workspace: check.workspace };
    } catch (e) {
      fs.rmSync(file, { force: true });
      removeSidecars(file);
      throw e;
    }
  }

  /** Runs fn while every other call waits; the host's one critical section. */
  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    // Wait until neither a swap nor a daily backup (which finishes on the old file first) is
    // running, checking both again after every wait: two calls waiting on the same backup must
    // not both go ahead.
    for (;;) {
      if (this.swapping) await this.swapping.catch(() => undefined);
      else if (this.background) await this.background.catch(() => undefined);
      else break;
    }
    const run = fn();
    this.swapping = run;
    try {
      return await run;
    } finally {
      this.swapping = null;
    }
  }

  /** Replaces the live workspace with a checked backup (backup.restore). */
  async restore(
    source: RestoreSource,
    caller: { id: string; displayName: string; sessionHash: string | null },
    opts: { otherWorkspace?: boolean | undefined } = {},
  ): Promise<Restored> {
    if (this.damage)
      throw new AppError('CONFLICT', 'workspace damaged', { key: 'backup.errors.damaged' });
    const candidate = this.checkedCandidate(source);
    const other = this.otherWorkspace(candidate.workspace);
    if (other && !opts.otherWorkspace) {
      fs.rmSync(candidate.file, { force: true });
      removeSidecars(candidate.file);
      throw new AppError('CONFLICT', 'backup is of another workspace', {
        key: 'backup.errors.otherWorkspace',
        params: other,
      });
    }
    return this.exclusive(async () => {
      const old = this.current;
      const safetyName = backupName('restore', this.now());
      const safety = path.join(backupDir(this.opts.dataDir), safetyName);
      try {
        fs.mkdirSync(backupDir(this.opts.dataDir), { recursive: true });
        await backupDatabase(old.db, safety, { nativeBinding: this.opts.nativeBinding });
      } catch (e) {
        fs.rmSync(candidate.file, { force: true });
        throw e;
      }
      checkpointAndClose(old.db);
      removeSidecars(this.file);
      fs.renameSync(candidate.file, this.file);
      let runtime: Runtime;
      try {
        runtime = await this.opts.open();
      } catch (e) {
        // Cannot happen for a file that passed the checks; if it does, put the old one back.
        this.opts.log.error('restored workspace failed to open; putting the previous one back', {
          error: e,
        });
        removeSidecars(this.file);
        fs.copyFileSync(safety, `${this.file}.back`);
        fs.renameSync(`${this.file}.back`, this.file);
        this.adopt(await this.opts.open());
        throw e;
      }
      this.adopt(runtime);
      prune(this.opts.dataDir, 'restore');
      const from = source.kind === 'backup' ? source.name : source.fileName;
      const signedIn = this.recordRestore(runtime, 'backup.restored', caller, {
        from,
        safetyBackup: safetyName,
        ...(other ? { otherWorkspace: other.backupWorkspace } : {}),
      });
      this.opts.log.info('workspace restored', { from, safetyBackup: safetyName });
      return this.restored(runtime, from, safetyName, signedIn, candidate.auditEntries);
    });
  }

  /**
   * When a checked candidate is a copy of another workspace than the live one, what the
   * coordinator must know before replacing it: both key fingerprints (as the 离线评查 tab and
   * every package preview show them) and how many task packages are out whose results could not
   * be merged afterwards. Null for the same workspace, or a file from before workspace
   * identities (nothing to compare).
   */
  private otherWorkspace(
    candidate: { id: string; publicKey: string } | null,
  ): { backupWorkspace: string; thisWorkspace: string; openPackages: number } | null {
    const repo = this.current.context.repos.packages;
    const live = repo.identity();
    if (!candidate || !live || candidate.id === live.workspaceId) return null;
    return {
      backupWorkspace: fingerprintOf(candidate.publicKey),
      thisWorkspace: fingerprintOf(live.publicKey),
      openPackages: repo.openIssuedCount(),
    };
  }

  /** Replaces a damaged workspace that could not be opened (backup.recover). */
  async recover(source: RestoreSource): Promise<Restored> {
    if (!this.damage) {
      throw new AppError('CONFLICT', 'workspace is not damaged', {
        key: 'backup.errors.notDamaged',
      });
    }
    const candidate = this.checkedCandidate(source);
    return this.exclusive(async () => {
      const standIn = this.current;
      const damagedDir = path.join(this.opts.dataDir, 'damaged');
      fs.mkdirSync(damagedDir, { recursive: true });
      const kept = path.join(damagedDir, `workspace-${stamp(this.now())}.sqlite`);
      // Kept, never deleted: it may still hold what the backup lacks.
      if (fs.existsSync(this.file)) fs.renameSync(this.file, kept);
      for (const side of ['-wal', '-shm']) {
        if (fs.existsSync(`${this.file}${side}`))
          fs.renameSync(`${this.file}${side}`, `${kept}${side}`);
      }
      fs.renameSync(candidate.file, this.file);
      const runtime = await this.opts.open();
      const problem = this.damage!;
      this.damage = null;
      standIn.db.close();
      this.adopt(runtime);
      const from = source.kind === 'backup' ? source.name : source.fileName;
      this.recordRestore(runtime, 'backup.recovered', null, {
        from,
        damagedCopy: path.relative(this.opts.dataDir, kept),
        problem: problem.reason,
      });
      this.opts.log.warn('damaged workspace replaced by a backup', { from, kept });
      return this.restored(runtime, from, null, false, candidate.auditEntries);
    });
  }

  /** The restore's own audit entry, in the restored chain; keeps the caller signed in if they exist there. */
  private recordRestore(
    runtime: Runtime,
    action: string,
    caller: { id: string; displayName: string; sessionHash: string | null } | null,
    details: Record<string, unknown>,
  ): boolean {
    const ctx = runtime.context;
    return ctx.tx(() => {
      ctx.audit(caller, action, null, details);
      if (!caller?.sessionHash) return false;
      const user = ctx.repos.users.findById(caller.id);
      if (!user?.active) return false;
      if (!ctx.repos.sessions.find(caller.sessionHash)) {
        const now = ctx.now();
        ctx.repos.sessions.create(
          caller.sessionHash,
          user.id,
          now.toISOString(),
          new Date(now.getTime() + 12 * HOUR_MS).toISOString(),
        );
      }
      return true;
    });
  }

  private restored(
    runtime: Runtime,
    from: string,
    safetyBackup: string | null,
    signedIn: boolean,
    auditEntries: number,
  ): Restored {
    return {
      restoredFrom: from,
      schemaVersion: runtime.migration.to,
      auditEntries,
      tables: tableSizes(runtime.db),
      safetyBackup,
      signedIn,
    };
  }

  /** A manual backup: a consistent copy read back as bytes, the temporary file removed. */
  async backupBytes(): Promise<Uint8Array> {
    if (this.damage)
      throw new AppError('CONFLICT', 'workspace damaged', { key: 'backup.errors.damaged' });
    // Exclusive: a restore must not close the database in the middle of the copy.
    return this.exclusive(async () => {
      const tmp = path.join(this.opts.dataDir, `backup-${randomUUID()}.sqlite`);
      try {
        await backupDatabase(this.current.db, tmp, { nativeBinding: this.opts.nativeBinding });
        return new Uint8Array(fs.readFileSync(tmp));
      } finally {
        fs.rmSync(tmp, { force: true });
      }
    });
  }

  /** The daily backup when the newest is older than a day; then the rotation. */
  async dailyBackup(): Promise<string | null> {
    if (this.damage || this.closed || this.swapping) return null;
    const now = this.now();
    if (!dailyDue(this.opts.dataDir, now)) return null;
    const name = backupName('daily', now);
    fs.mkdirSync(backupDir(this.opts.dataDir), { recursive: true });
    await backupDatabase(this.current.db, path.join(backupDir(this.opts.dataDir), name), {
      nativeBinding: this.opts.nativeBinding,
    });
    const pruned = prune(this.opts.dataDir, 'daily', KEEP);
    this.opts.log.info('daily backup written', { name, pruned });
    return name;
  }

  private runInBackground(fn: () => Promise<unknown>): void {
    if (this.background || this.swapping || this.closed) return;
    this.background = fn()
      .catch((e: unknown) => this.opts.log.error('background backup failed', { error: e }))
      .finally(() => {
        this.background = null;
      });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    const db = this.runtime?.db;
    if (!db) return;
    // A backup still copying finishes first; the database closes right after it.
    if (this.background) void this.background.finally(() => db.open && db.close());
    else if (db.open) db.close();
  }
}
