// The app's small logger (design §9: no console.log in app code). One JSON line per entry on
// stderr, and in <dataDir>/logs/app.log when a directory is given.
import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

function serialise(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!fields) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    out[k] = v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v;
  }
  return out;
}

/**
 * `level` is the threshold for the log file, `stderrLevel` for the terminal (warnings and errors by
 * default, so that the terminal shows only what needs attention).
 */
export function createLogger(
  opts: { dir?: string; level?: LogLevel; stderrLevel?: LogLevel | 'off'; stderr?: boolean } = {},
): Logger {
  const min = ORDER[opts.level ?? (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'info'] ?? 20;
  const stderrLevel = opts.stderr === false ? 'off' : (opts.stderrLevel ?? 'warn');
  const minStderr = stderrLevel === 'off' ? Infinity : ORDER[stderrLevel];
  let file: number | null = null;
  if (opts.dir) {
    fs.mkdirSync(opts.dir, { recursive: true });
    file = fs.openSync(path.join(opts.dir, 'app.log'), 'a');
  }
  const write = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    const toFile = file !== null && ORDER[level] >= min;
    const toStderr = ORDER[level] >= minStderr;
    if (!toFile && !toStderr) return;
    const line =
      JSON.stringify({ t: new Date().toISOString(), level, msg, ...serialise(fields) }) + '\n';
    if (toStderr) process.stderr.write(line);
    if (toFile) fs.writeSync(file!, line);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
