// Composition root of the application, shared by both transports: opens the workspace, builds
// the repositories, handlers and dispatcher. electron/main and electron/web call createApp().
import {
  latestVersion,
  migrations,
  openWorkspace,
  createRepos,
  type MigrationResult,
} from '../../db';
import { createContext, type AppContext } from './context';
import { createDispatcher, type Dispatch } from './dispatcher';
import { EventBus } from './events';
import { createHandlers } from './handlers';
import { SETTING_WORKSPACE_ID } from './settings-keys';
import { seedStandards } from './standards/seed';
import { installNativeSha256 } from './native-hash';
import { createLogger, type Logger } from './logger';
import { WorkspaceHost, type Runtime } from './backup/host';
import path from 'node:path';

export interface AppOptions {
  dataDir: string;
  appVersion: string;
  nativeBinding?: string | undefined;
  log?: Logger;
  now?: () => Date;
}

export interface App {
  dispatch: Dispatch;
  events: EventBus;
  context: AppContext;
  file: string;
  migration: MigrationResult;
  close(): void;
}

export async function createApp(opts: AppOptions): Promise<App> {
  installNativeSha256();
  const log = opts.log ?? createLogger({ dir: path.join(opts.dataDir, 'logs') });
  const events = new EventBus();
  // Opens the workspace file and builds everything on it. The host calls it at start and again
  // after a restore (backup/host.ts), so that every handler works on the new file.
  const open = async (): Promise<Runtime> => {
    const { db, file, migration } = await openWorkspace({
      dataDir: opts.dataDir,
      nativeBinding: opts.nativeBinding,
      ...(opts.now ? { now: opts.now } : {}),
    });
    if (migration.from !== migration.to) {
      log.info('workspace migrated', { ...migration });
    }
    const repos = createRepos(db);
    const context = createContext({
      db,
      repos,
      dataDir: opts.dataDir,
      appVersion: opts.appVersion,
      schemaVersion: latestVersion(migrations),
      log,
      events,
      ...(opts.now ? { now: opts.now } : {}),
    });
    context.tx(() => {
      if (!repos.settings.get(SETTING_WORKSPACE_ID))
        repos.settings.set(SETTING_WORKSPACE_ID, context.newId());
      repos.sessions.purgeExpired(context.now().toISOString());
      seedStandards(context);
    });
    const dispatch = createDispatcher(context, createHandlers(context));
    return { db, context, dispatch, file, migration };
  };
  // A damaged file is not opened: the host then answers backup.status / backup.recover only.
  const host = await WorkspaceHost.start({
    dataDir: opts.dataDir,
    appVersion: opts.appVersion,
    nativeBinding: opts.nativeBinding,
    log,
    events,
    ...(opts.now ? { now: opts.now } : {}),
    open,
  });
  return {
    dispatch: host.dispatch,
    events,
    get context() {
      return host.context;
    },
    file: host.file,
    get migration() {
      return host.migration;
    },
    close: () => host.close(),
  };
}
