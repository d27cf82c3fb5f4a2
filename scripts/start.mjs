// `npm start`: builds, then opens the Electron app. Where the Electron runtime is missing it says
// so in one line and serves browser mode instead, printing the URL to open.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronBinary, electronVersion } from './lib/electron-runtime.mjs';

const run = (cmd, args, opts = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', shell: false, ...opts });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (
  run(npm, ['run', '--silent', 'build'], { stdio: ['inherit', 'ignore', 'inherit'] }).status !== 0
) {
  console.error('Build failed.');
  process.exit(1);
}

/**
 * better-sqlite3 in node_modules is built for Node (tests, browser mode). Electron needs a build
 * for its own ABI; it goes to a side folder so that both keep working.
 */
function electronNativeBinding() {
  const version = electronVersion();
  const dir = path.resolve('.cache', 'electron-native', version, 'better-sqlite3');
  const binding = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.resolve('node_modules', 'better-sqlite3'), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  const gyp = path.resolve('node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const r = run(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      `--target=${version}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: dir },
  );
  return r.status === 0 && fs.existsSync(binding) ? binding : null;
}

function browserMode(reason) {
  console.log(
    `${reason} — serving browser mode instead; open the URL below in Chromium or Chrome.`,
  );
  const child = spawn(process.execPath, ['out/web/server.js'], { stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

const electron = electronBinary();
if (!electron) {
  browserMode(
    'Electron runtime not installed (node_modules/electron/dist is missing; run `npx install-electron` where GitHub is reachable)',
  );
} else {
  const binding = electronNativeBinding();
  if (!binding) {
    browserMode(
      'Could not build better-sqlite3 for Electron (needs the Electron headers from electronjs.org)',
    );
  } else {
    const child = spawn(electron, ['.'], {
      stdio: 'inherit',
      env: { ...process.env, APP_NATIVE_BINDING: binding },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
