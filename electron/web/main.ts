// Entry point of browser mode: `node out/web/server.js [--port N] [--api-only]`.
// Prints the URL (with the per-run token) to open in a browser.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { translate } from '../../core/i18n';
import { isAppError } from '../../core/api/errors';
import pkg from '../../package.json' with { type: 'json' };
import { createApp } from '../services/app';
import { createLogger } from '../services/logger';
import { defaultDataDir } from '../services/paths';
import { startWebServer } from './server';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dataDir = defaultDataDir();
  const log = createLogger({ dir: path.join(dataDir, 'logs') });
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = process.argv.includes('--api-only')
    ? null
    : (process.env.APP_RENDERER_DIR ?? path.resolve(here, '../renderer'));
  let app;
  try {
    app = await createApp({ dataDir, appVersion: pkg.version, log });
  } catch (e) {
    if (isAppError(e)) {
      process.stderr.write(
        `${translate('zh-CN', e.key, e.params)}\n${translate('en-US', e.key, e.params)}\n`,
      );
      process.exit(2);
    }
    throw e;
  }
  const portArg = arg('--port') ?? process.env.APP_PORT;
  const server = await startWebServer({
    app,
    rendererDir,
    ...(portArg ? { port: Number(portArg) } : {}),
    ...(process.env.APP_TOKEN ? { token: process.env.APP_TOKEN } : {}),
  });
  log.info('browser mode started', { port: server.port, dataDir });
  process.stdout.write(
    `浏览器模式 / Browser mode: ${server.url}\n数据目录 / Data folder: ${dataDir}\n`,
  );

  const stop = async () => {
    await server.close();
    app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
