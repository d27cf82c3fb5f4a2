// `npm run dev:web`: the renderer with hot reload (Vite) plus the browser-mode server (restarted
// on change by tsx watch). Vite proxies /rpc and /events to the server.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer } from 'vite';

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const port = await freePort();
const token = randomBytes(32).toString('base64url');
const api = spawn(
  process.execPath,
  [path.resolve('node_modules/tsx/dist/cli.mjs'), 'watch', 'electron/web/main.ts', '--api-only'],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, APP_PORT: String(port), APP_TOKEN: token },
  },
);

const target = `http://127.0.0.1:${port}`;
const vite = await createServer({
  configFile: false,
  root: path.resolve('renderer'),
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: {
      '/rpc': { target, changeOrigin: true },
      '/events': { target, changeOrigin: true },
    },
  },
});
await vite.listen();
const url = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
console.log(`Renderer with hot reload: ${url}#token=${token}`);

const stop = async () => {
  api.kill('SIGTERM');
  await vite.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
