// Build of the Electron app: main (ESM), sandboxed preload (CommonJS, as sandboxing requires)
// and the renderer. The browser-mode server is built by scripts/build-web.mjs.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: path.join(root, 'out/main'),
      lib: { entry: path.join(root, 'electron/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: path.join(root, 'out/preload'),
      lib: { entry: path.join(root, 'electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: path.join(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: path.join(root, 'out/renderer'),
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: path.join(root, 'renderer/index.html') },
    },
  },
});
