// Where things are, independent of the directory the test runner was started from.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER_JS = path.join(ROOT, 'out', 'web', 'server.js');
export const ELECTRON_MAIN_JS = path.join(ROOT, 'out', 'main', 'index.js');
/** Screenshots for humans (not asserted), see screens.spec.ts. */
export const SCREENS_DIR = path.join(ROOT, 'test-results', 'screens');
