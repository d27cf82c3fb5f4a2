// Electron smoke test: the real app starts on a fresh data folder and shows the first-run page.
// It needs the Electron runtime, which `npm install` downloads from GitHub; where it is missing
// the test skips with a one-line reason.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ELECTRON_MAIN_JS, ROOT } from '../support/paths';

const ELECTRON_PKG = path.join(ROOT, 'node_modules', 'electron');

function electronAvailable(): boolean {
  const pathTxt = path.join(ELECTRON_PKG, 'path.txt');
  if (!existsSync(pathTxt)) return false;
  const binary = readFileSync(pathTxt, 'utf8').trim();
  return binary.length > 0 && existsSync(path.join(ELECTRON_PKG, 'dist', binary));
}

/**
 * better-sqlite3 in node_modules is built for Node; Electron needs one built for its own ABI.
 * `npm start` builds it into .cache/electron-native/<electron version>/ (see scripts/start.mjs);
 * APP_NATIVE_BINDING overrides.
 */
function electronNativeBinding(): string | null {
  if (process.env.APP_NATIVE_BINDING && existsSync(process.env.APP_NATIVE_BINDING)) {
    return process.env.APP_NATIVE_BINDING;
  }
  const pkg = JSON.parse(readFileSync(path.join(ELECTRON_PKG, 'package.json'), 'utf8')) as {
    version: string;
  };
  const binding = path.join(
    ROOT,
    '.cache',
    'electron-native',
    pkg.version,
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  return existsSync(binding) ? binding : null;
}

const available = electronAvailable();
test.skip(
  !available,
  'Electron runtime not installed (node_modules/electron/dist is missing; it is downloaded from GitHub, which this machine cannot reach)',
);
const binding = available ? electronNativeBinding() : null;
test.skip(
  available && !binding,
  'better-sqlite3 is not built for Electron yet (run `npm start` once; it builds it into .cache/electron-native)',
);

test('the Electron app starts and shows the first-run page', async () => {
  expect(existsSync(ELECTRON_MAIN_JS), 'run `npm run build` first').toBe(true);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'anjuan-electron-'));
  // Root cannot use Chromium's sandbox on Linux (CI containers run as root).
  const sandboxArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    args: [...sandboxArgs, ELECTRON_MAIN_JS],
    cwd: ROOT,
    env: { ...process.env, APP_DATA_DIR: dataDir, APP_NATIVE_BINDING: binding ?? '' },
  });
  try {
    const win = await app.firstWindow();
    await expect(win.getByTestId('setup-title')).toHaveText('首次使用：创建组织者账户');
    await expect(win.getByTestId('setup-submit')).toBeVisible();
    // The renderer talks to the main process through the preload bridge, not HTTP.
    expect(await win.evaluate(() => typeof (globalThis as { api?: unknown }).api)).toBe('object');
    expect(new URL(win.url()).protocol).toBe('app:');
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
