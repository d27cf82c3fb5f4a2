// Builds the browser-mode server (electron/web) into out/web/server.js. The renderer it serves
// is the one electron-vite builds into out/renderer.
import { build } from 'esbuild';

await build({
  entryPoints: ['electron/web/main.ts'],
  outfile: 'out/web/server.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('built out/web/server.js');
