// Electron main process: one hardened window showing the renderer from app://, one IPC channel
// into the shared dispatcher, and progress events back to the window.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol } from 'electron';
import { isAppError } from '../../core/api/errors';
import {
  EVENT_CHANNEL,
  PRINT_PDF_CHANNEL,
  RPC_CHANNEL,
  type RpcRequest,
} from '../../core/api/transport';
import { translate } from '../../core/i18n';
import { createApp, type App } from '../services/app';
import { defaultDataDir } from '../services/paths';
import { readStatic } from '../services/static-files';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  devServerUrl,
  hardenContents,
  hardenSession,
  isTrustedSender,
} from './security';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '../renderer');
const preloadPath = path.resolve(here, '../preload/index.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let services: App | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: translate('zh-CN', 'app.name'),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  const dev = devServerUrl();
  void win.loadURL(dev ?? `${APP_ORIGIN}/index.html`);
  return win;
}

/** electron-vite dev and `npm start` build better-sqlite3 for Electron into a side folder. */
function nativeBinding(): string | undefined {
  const candidate = process.env.APP_NATIVE_BINDING;
  return candidate && fs.existsSync(candidate) ? candidate : undefined;
}

async function start(): Promise<void> {
  hardenSession();
  app.on('web-contents-created', (_e, contents) => hardenContents(contents));

  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const file = await readStatic(rendererDir, url.pathname);
    return new Response(file.body as ConstructorParameters<typeof Response>[0], {
      status: file.status,
      headers: file.headers,
    });
  });

  try {
    services = await createApp({
      dataDir: defaultDataDir(),
      appVersion: app.getVersion(),
      nativeBinding: nativeBinding(),
    });
  } catch (e) {
    const text = isAppError(e)
      ? `${translate('zh-CN', e.key, e.params)}\n\n${translate('en-US', e.key, e.params)}`
      : String(e instanceof Error ? e.message : e);
    dialog.showErrorBox(translate('zh-CN', 'app.name'), text);
    app.exit(2);
    return;
  }
  const dispatch = services.dispatch;

  ipcMain.handle(RPC_CHANNEL, async (event, request: RpcRequest) => {
    if (!isTrustedSender(event)) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN', key: 'errors.FORBIDDEN', message: 'untrusted IPC sender' },
      };
    }
    return dispatch(request && typeof request === 'object' ? request : { method: '', input: {} });
  });
  // The platform's printToPDF (design §7): the calling window as it prints (the renderer has put
  // its print view in place), sized by the page's own CSS @page rules. Only our own top frame.
  ipcMain.handle(PRINT_PDF_CHANNEL, async (event) => {
    if (!isTrustedSender(event)) throw new Error('untrusted IPC sender');
    const pdf = await event.sender.printToPDF({ preferCSSPageSize: true, printBackground: true });
    return new Uint8Array(pdf);
  });
  services.events.subscribe((event) => mainWindow?.webContents.send(EVENT_CHANNEL, event));

  mainWindow = createWindow();
  mainWindow.on('closed', () => (mainWindow = null));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => services?.close());
  void app.whenReady().then(start);
}
