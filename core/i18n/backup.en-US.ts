// Backup and restore (en-US; keys as in backup.zh-CN.ts).
import type { backupZhCN } from './backup.zh-CN';
import type { Messages } from './keys';

export const backupEnUS: Messages<typeof backupZhCN> = {
  title: 'Backup and restore',
  intro:
    'While the app runs it backs the workspace up once a day and keeps the newest {{keep}}; it also backs up before a software upgrade changes the data structure and before a restore, keeping the newest {{keep}} of each. Backups folder: {{dir}}',
  create: 'Back up now',
  createHelp:
    'Makes a complete copy of the workspace and downloads it; keep it on a USB stick or somewhere safe.',
  created: 'Backup file made: {{file}}',
  fileName: 'case-evaluation-backup-{{stamp}}',
  list: 'Automatic backups',
  none: 'No automatic backups yet.',
  columns: { time: 'Time', kind: 'Kind', size: 'Size' },
  kinds: {
    daily: 'Daily backup',
    migration: 'Before upgrade (structure version {{version}})',
    restore: 'Before restore',
  },
  restore: 'Restore',
  restoreFile: 'Restore from a backup file…',
  confirmTitle: 'Replace the workspace with this backup?',
  confirmBody:
    'Restoring replaces all data of this workspace with “{{name}}”. The backup is checked first (integrity, structure version, audit chain) and nothing changes if a check fails; the current workspace is kept as a “before restore” backup.',
  confirmOk: 'Check and restore',
  otherTitle: 'This backup comes from another workspace',
  otherBackupKey: 'Workspace key fingerprint of the backup',
  otherThisKey: 'Key fingerprint of this workspace',
  otherBody: 'After the restore this machine signs with the backup’s key and package secrets.',
  otherPackages:
    'Results of the {{openPackages}} task package(s) this workspace has out in unfinished campaigns could no longer be merged; those packages would have to be issued again.',
  otherNoPackages: 'This workspace has no task packages out in unfinished campaigns.',
  otherKept: 'The current workspace is still kept as a pre-restore backup first. Restore anyway?',
  otherOk: 'Restore anyway',
  restoring: 'Checking and restoring…',
  restored:
    'Restored from “{{from}}”: structure version {{version}}, {{entries}} audit entries. The previous workspace was kept as “{{safety}}”.',
  signedOut: 'Your sign-in does not exist in the restored workspace; please sign in again.',
  problems: {
    empty: 'The file is empty (0 bytes).',
    notDatabase: 'The file is not an SQLite database, or its header is damaged ({{detail}}).',
    integrity: 'The file fails SQLite’s integrity check: pages are damaged ({{detail}}).',
    notWorkspace: 'The file is an SQLite database but not a workspace of this app.',
    tooNew:
      'The file was made by a newer version of the app (structure version {{fileVersion}}; this app supports up to {{appVersion}}). Please upgrade first.',
    auditBroken:
      'The file’s audit chain breaks at entry {{seq}} ({{at}}, {{action}}): its data was changed outside the app.',
  },
  refused: {
    empty:
      'Cannot restore: the file is empty (0 bytes), not a workspace backup. The workspace was not changed.',
    notDatabase:
      'Cannot restore: the file is not an SQLite database, or its header is damaged ({{detail}}). The workspace was not changed.',
    integrity:
      'Cannot restore: the backup fails the integrity check (PRAGMA integrity_check): pages are damaged ({{detail}}). The workspace was not changed.',
    notWorkspace:
      'Cannot restore: the file is an SQLite database but not a backup of this app’s workspace. The workspace was not changed.',
    tooNew:
      'Cannot restore: the backup was made by a newer version of the app (structure version {{fileVersion}}; this app supports up to {{appVersion}}). Please upgrade first. The workspace was not changed.',
    auditBroken:
      'Cannot restore: the backup’s audit chain breaks at entry {{seq}} ({{at}}, {{action}}): its data was changed outside the app. The workspace was not changed.',
  },
  errors: {
    damaged: 'The workspace file is damaged and was not opened. Please restore a backup.',
    notDamaged:
      'The workspace is sound; there is nothing to recover here. To restore a backup, sign in and use Settings.',
    notFound:
      'Backup “{{name}}” was not found (it may have been rotated out). Please refresh the list.',
    otherWorkspace:
      'This backup comes from another workspace (key fingerprint {{backupWorkspace}}; this workspace’s is {{thisWorkspace}}). Nothing was changed. Restoring it replaces this machine’s signing key, and results of the {{openPackages}} task package(s) out could no longer be merged. To restore it anyway, confirm when asked.',
  },
  recovery: {
    title: 'The workspace file is damaged',
    body: 'The workspace file failed its check at start. To keep the damage from spreading, the app did not open it. The damaged file will be moved to the “damaged” folder in the data folder and kept, never deleted.',
    problem: 'Check result:',
    latestGood: 'Newest sound backup: {{time}} ({{kind}})',
    restoreLatest: 'Restore from backup',
    noGood:
      'No backup in the backups folder passes the checks. If you saved a backup file yourself, choose it to restore.',
    others: 'Other backups',
    restoreFile: 'Choose a backup file to restore…',
    done: 'The workspace was restored from “{{from}}”. Please sign in.',
    toLogin: 'Go to sign-in',
  },
};
