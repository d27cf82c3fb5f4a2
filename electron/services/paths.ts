// Where the workspace lives by default. APP_DATA_DIR overrides it (tests give every run its own).
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'anjuan-pingcha';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.APP_DATA_DIR) return path.resolve(env.APP_DATA_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
  }
}
