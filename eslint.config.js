// ESLint flat config. The layering table of docs/architecture.md is enforced here with
// `no-restricted-imports`, one block per folder: a folder may import only what its row allows.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Relative-path patterns that reach into another top-level layer. */
const layer = {
  core: ['**/core', '**/core/**'],
  db: ['**/db', '**/db/**'],
  services: ['**/services', '**/services/**'],
  main: ['**/main', '**/main/**'],
  preload: ['**/preload', '**/preload/**'],
  web: ['**/web', '**/web/**'],
  renderer: ['**/renderer', '**/renderer/**'],
};

function restrict({ paths = [], layers = [], message }) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({ name, message })),
        patterns: [{ group: layers.flatMap((l) => layer[l]), message }],
      },
    ],
  };
}

const uiPackages = ['react', 'react-dom', 'antd', 'zustand', 'i18next', 'react-i18next'];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'out/**', 'release/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import/no-default-export': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (design §9).' },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict({
      paths: [...nodeBuiltins, 'electron', 'better-sqlite3', ...uiPackages],
      layers: ['db', 'services', 'main', 'preload', 'web', 'renderer'],
      message:
        'core/ is pure TypeScript: no Node, no DOM, no I/O, no other layer (docs/architecture.md).',
    }),
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict({
      paths: ['electron', ...uiPackages],
      layers: ['services', 'main', 'preload', 'web', 'renderer'],
      message: 'db/ may import core/ and itself only (docs/architecture.md).',
    }),
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: restrict({
      paths: ['electron', ...uiPackages],
      layers: ['main', 'preload', 'web', 'renderer'],
      message:
        'electron/services/ is plain Node: it may import core/, db/ and itself, never electron (docs/architecture.md).',
    }),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict({
      paths: ['better-sqlite3', ...uiPackages],
      layers: ['db', 'preload', 'web', 'renderer'],
      message:
        'electron/main/ may import core/, electron/services/ and itself (docs/architecture.md).',
    }),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict({
      paths: [...nodeBuiltins, 'better-sqlite3', 'zod', ...uiPackages],
      layers: ['db', 'services', 'main', 'web', 'renderer'],
      message:
        'electron/preload/ is sandboxed: it may import electron and names (constants, types) from core/ only.',
    }),
  },
  {
    files: ['electron/web/**/*.ts'],
    rules: restrict({
      paths: ['electron', ...uiPackages],
      layers: ['db', 'main', 'preload', 'renderer'],
      message:
        'electron/web/ may import core/, electron/services/ and itself (docs/architecture.md).',
    }),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict({
        paths: [...nodeBuiltins, 'electron', 'better-sqlite3'],
        layers: ['db', 'services', 'main', 'preload', 'web'],
        message:
          'renderer/ imports core/ only; everything else goes through the API (docs/architecture.md).',
      }),
    },
  },
  {
    files: ['*.config.{js,ts,mjs}', 'eslint.config.js', 'electron.vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.ts', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
