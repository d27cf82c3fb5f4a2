// Type-checks every folder against its own tsconfig (its own libs and types, see
// docs/architecture.md), two at a time, and fails if any of them fails.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const projects = [
  'core',
  'db',
  'electron/services',
  'electron/main',
  'electron/preload',
  'electron/web',
  'renderer',
  'e2e',
  'tsconfig.tools.json',
];

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--pretty'], { stdio: 'pipe' });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ project, code, out }));
  });
}

const queue = [...projects];
const failures = [];
async function worker() {
  for (let p = queue.shift(); p; p = queue.shift()) {
    const r = await check(p);
    process.stdout.write(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.project}\n`);
    if (r.code !== 0) failures.push(r);
  }
}
await Promise.all([worker(), worker()]);
for (const f of failures) process.stdout.write(`\n--- ${f.project}\n${f.out}`);
process.exit(failures.length ? 1 : 0);
