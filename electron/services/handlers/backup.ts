// Use cases of backup and restore (issue 8 item 7). The work is the workspace host's
// (electron/services/backup/host.ts): it owns the open database and is the one place that may
// replace it.
import { DEFAULT_LOCALE } from '../../../core/accounts/schemas';
import { AppError } from '../../../core/api/errors';
import { translate } from '../../../core/i18n';
import { backupDir, KEEP, listBackups } from '../backup/folder';
import { hostOf } from '../backup/host';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handler';
import { localStamp } from '../../../core/time';

export function backupHandlers(
  app: AppContext,
): HandlerGroup<
  'backup.list' | 'backup.create' | 'backup.restore' | 'backup.status' | 'backup.recover'
> {
  return {
    'backup.list': () => ({
      dir: backupDir(app.dataDir),
      keep: KEEP,
      backups: listBackups(app.dataDir),
    }),

    'backup.create': async (_input, call) => {
      call.progress('backup', 0, 1);
      // Recorded first, so that the backup holds its own entry.
      app.tx(() => app.audit(call.user, 'backup.created'));
      const bytes = await hostOf(app).backupBytes();
      call.progress('backup', 1, 1);
      const locale = call.user.locale ?? DEFAULT_LOCALE;
      return {
        fileName: `${translate(locale, 'backup.fileName', { stamp: localStamp(app.now()) })}.sqlite`,
        bytes,
      };
    },

    'backup.restore': async (input, call) => {
      call.progress('restore', 0, 1);
      const out = await hostOf(app).restore(
        input.source,
        { id: call.user.id, displayName: call.user.displayName, sessionHash: call.sessionHash },
        { otherWorkspace: input.otherWorkspace },
      );
      call.progress('restore', 1, 1);
      return out;
    },

    'backup.status': () => hostOf(app).status(),

    // Reached only while the workspace is sound (the damaged host answers it itself).
    'backup.recover': () => {
      throw new AppError('CONFLICT', 'workspace is not damaged', {
        key: 'backup.errors.notDamaged',
      });
    },
  };
}
