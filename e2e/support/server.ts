// One browser-mode server per test: its own temporary data folder and its own process, started
// from the built output (`npm run build`), stopped and deleted when the test ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decodeJson, encodeJson } from '../../core/api/codec';
import type { Envelope } from '../../core/api/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../core/api/contract';
import { SESSION_HEADER, TOKEN_HEADER } from '../../core/api/transport';
import { SERVER_JS } from './paths';

const URL_LINE = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)/;
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

export interface RpcOptions {
  /** Session token (x-app-session). */
  session?: string | undefined;
  /** Access token (x-app-token): the server's own by default, null to leave the header out. */
  token?: string | null;
}

export interface RpcResponse<T = unknown> {
  status: number;
  body: Envelope<T>;
}

export interface AppServer {
  /** The address the server printed, with the per-run token in the fragment. */
  url: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  token: string;
  dataDir: string;
  /** Everything the server wrote so far (for failure messages). */
  output(): string;
  /** A raw call: any method name, any input; returns the HTTP status and the envelope. */
  rpc(method: string, input: unknown, opts?: RpcOptions): Promise<RpcResponse>;
  /** A typed call that must succeed; throws with the error envelope otherwise. */
  call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    session?: string,
  ): Promise<MethodOutput<M>>;
  /** Stops the server and deletes its data folder (unless the caller passed one in). */
  stop(): Promise<void>;
  /** Kills the process with a signal, as a crash would, and keeps the data folder. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  /** An existing data folder (a restart): the caller owns it, stop() leaves it in place. */
  dataDir?: string;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startServer(opts: StartOptions = {}): Promise<AppServer> {
  if (!existsSync(SERVER_JS)) {
    throw new Error(`${SERVER_JS} does not exist: run \`npm run build\` before the e2e tests`);
  }
  const ownData = !opts.dataDir;
  const dataDir = opts.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'anjuan-e2e-')));
  // A random port and a fresh token every time, whatever the calling shell has set.
  const env: NodeJS.ProcessEnv = { ...process.env, APP_DATA_DIR: dataDir };
  delete env.APP_PORT;
  delete env.APP_TOKEN;
  delete env.APP_RENDERER_DIR;
  const child = spawn(process.execPath, [SERVER_JS], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  // Both pipes are drained for the whole life of the process, so it never blocks on a full pipe.
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let match: RegExpExecArray;
  try {
    match = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server printed no URL within ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      const onData = () => {
        const m = URL_LINE.exec(log);
        if (m) {
          clearTimeout(timer);
          child.stdout.off('data', onData);
          resolve(m);
        }
      };
      child.stdout.on('data', onData);
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`server exited early (code ${code}, signal ${signal})`));
      });
    });
  } catch (e) {
    child.kill('SIGKILL');
    if (ownData) await rm(dataDir, { recursive: true, force: true });
    const reason = e instanceof Error ? e.message : String(e);
    throw new Error(`${reason}\n--- server output ---\n${log}`, { cause: e });
  }

  const [url, port, token] = match as unknown as [string, string, string];
  const origin = `http://127.0.0.1:${port}`;

  const rpc = async (method: string, input: unknown, opts: RpcOptions = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const t = opts.token === undefined ? token : opts.token;
    if (t !== null) headers[TOKEN_HEADER] = t;
    if (opts.session) headers[SESSION_HEADER] = opts.session;
    const res = await fetch(`${origin}/rpc/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers,
      // The app's own wire codec: bytes go as {$bytes: base64} both ways, as from the renderer.
      body: encodeJson({ input }),
    });
    return { status: res.status, body: decodeJson(await res.text()) as Envelope<unknown> };
  };

  let stopped = false;
  return {
    url,
    origin,
    token,
    dataDir,
    output: () => log,
    rpc,
    async call(method, input, session) {
      const { body } = await rpc(method, input, { session });
      if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
      return body.data as MethodOutput<typeof method>;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      child.kill('SIGTERM');
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        child.kill('SIGKILL');
        await waitForExit(child, STOP_TIMEOUT_MS);
      }
      if (ownData) await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    },
    async kill(signal) {
      stopped = true;
      child.kill(signal);
      await waitForExit(child, STOP_TIMEOUT_MS);
    },
  };
}
