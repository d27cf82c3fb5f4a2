// A fresh workspace with a signed-in coordinator, for benchmarks.
import { tempDir } from '../db/testing';
import { createApp, type App } from '../electron/services/app';
import { createLogger } from '../electron/services/logger';

export interface BenchApp {
  app: App;
  session: string;
  cleanup(): void;
}

export async function benchApp(): Promise<BenchApp> {
  const tmp = tempDir('anjuan-bench-');
  const app = await createApp({
    dataDir: tmp.dir,
    appVersion: 'bench',
    log: createLogger({ stderr: false, level: 'error' }),
  });
  const r = await app.dispatch({
    method: 'setup.createCoordinator',
    input: {
      orgName: '东湖区司法局',
      displayName: '王明',
      username: 'bench',
      password: 'Passw0rd!',
      locale: 'zh-CN',
    },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return {
    app,
    session: (r.data as { token: string }).token,
    cleanup: () => {
      app.close();
      tmp.cleanup();
    },
  };
}
