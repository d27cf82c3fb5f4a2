// Backup and restore (issue 8 item 7). Automatic backups live in <data folder>/backups/: one a day
// while the app runs (the newest 7 kept), one before every migration and one before every
// restore (the newest 7 of each kind kept). A manual backup is downloaded as a file. A restore,
// from such a file or from the folder, checks the candidate first (PRAGMA integrity_check, the
// schema version, the audit chain) and replaces nothing when a check fails.
import { z } from 'zod';
import { BytesSchema } from '../bytes';
import { COORDINATOR, method } from '../define';

export const BACKUP_KINDS = ['daily', 'migration', 'restore'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** Why a file cannot be the workspace (db/backup.ts FileProblem), with its message's params. */
export const FILE_PROBLEMS = [
  'empty',
  'notDatabase',
  'integrity',
  'notWorkspace',
  'tooNew',
  'auditBroken',
] as const;
export type FileProblemReason = (typeof FILE_PROBLEMS)[number];

export const FileProblemSchema = z.object({
  reason: z.enum(FILE_PROBLEMS),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});

/** A backup in the backups folder: `name` is the file name there. */
export const BackupInfoSchema = z.object({
  name: z.string(),
  kind: z.enum(BACKUP_KINDS),
  createdAt: z.string(),
  size: z.number().int(),
  /** The schema version before the migration (pre-migration backups only). */
  schemaVersion: z.number().int().nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

/** File names the services write: nothing with a path in it can be named. */
export const BACKUP_NAME = /^workspace-[A-Za-z0-9-]+\.sqlite$/;

export const RestoreSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('backup'),
    name: z.string().max(120).regex(BACKUP_NAME, { error: 'validation.invalid_format' }),
  }),
  z.strictObject({
    kind: z.literal('file'),
    fileName: z.string().trim().min(1).max(255),
    bytes: BytesSchema,
  }),
]);
export type RestoreSource = z.infer<typeof RestoreSourceSchema>;

const RestoredSchema = z.object({
  /** The backup name, or the uploaded file's name. */
  restoredFrom: z.string(),
  schemaVersion: z.number().int(),
  auditEntries: z.number().int(),
  /** Row count of every table of the restored workspace. */
  tables: z.record(z.string(), z.number().int()),
  /** The copy of the replaced workspace kept in the backups folder (null when it was damaged). */
  safetyBackup: z.string().nullable(),
  /** The caller's session still holds in the restored workspace. */
  signedIn: z.boolean(),
});

export const backupMethods = {
  'backup.list': method({
    input: z.strictObject({}),
    output: z.object({
      /** The backups folder on this machine, for the coordinator's information. */
      dir: z.string(),
      keep: z.number().int(),
      backups: z.array(BackupInfoSchema),
    }),
    access: COORDINATOR,
  }),
  /** A manual backup: a consistent copy of the workspace, as a file to save. */
  'backup.create': method({
    input: z.strictObject({}),
    output: z.object({ fileName: z.string(), bytes: BytesSchema }),
    access: COORDINATOR,
    long: true,
  }),
  /**
   * Replaces the workspace with a checked copy. The replaced workspace is kept as a "restore"
   * backup first. Afterwards every call works on the restored workspace. A copy of another
   * workspace (another workspace id: another signing key, other package secrets) is refused
   * with backup.errors.otherWorkspace unless `otherWorkspace` confirms it.
   */
  'backup.restore': method({
    input: z.strictObject({
      source: RestoreSourceSchema,
      otherWorkspace: z.boolean().optional(),
    }),
    output: RestoredSchema,
    access: COORDINATOR,
    long: true,
  }),
  /**
   * The state the app started in. `damaged`: the workspace file failed its check at start and
   * was not opened; the backups are listed newest first with the newest one that passes every
   * check, for the start page's "从备份恢复". Nothing else is told without signing in.
   */
  'backup.status': method({
    input: z.strictObject({}),
    output: z.object({
      state: z.enum(['ok', 'damaged']),
      problem: FileProblemSchema.nullable(),
      backups: z.array(BackupInfoSchema),
      latestGood: z.string().nullable(),
    }),
    access: 'public',
  }),
  /**
   * Only while the workspace is damaged (nobody can sign in to it): restores a backup from the
   * folder or an uploaded backup file, after the same checks as backup.restore. The damaged file
   * is moved to <data folder>/damaged/, never deleted.
   */
  'backup.recover': method({
    input: z.strictObject({ source: RestoreSourceSchema }),
    output: RestoredSchema,
    access: 'public',
    long: true,
  }),
};
