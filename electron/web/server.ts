// Browser mode (design §7): the same dispatcher behind POST /rpc/:method on 127.0.0.1 only, a
// per-run random token on every call, progress events on GET /events, and the built renderer.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJson, encodeJson, type Base64 } from '../../core/api/codec';
import type { ApiError, Envelope } from '../../core/api/errors';
import { SESSION_HEADER, TOKEN_HEADER } from '../../core/api/transport';
import type { App } from '../services/app';
import { readStatic, SECURITY_HEADERS } from '../services/static-files';

/** Largest request body: a 200 MB spreadsheet as base64 inside JSON, with room to spare. */
export const MAX_BODY_BYTES = 300 * 1024 * 1024;

export const bufferBase64: Base64 = {
  encode: (bytes) =>
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  decode: (text) => new Uint8Array(Buffer.from(text, 'base64')),
};

export interface WebServerOptions {
  app: App;
  /** Folder of the built renderer; null serves the API only (dev mode, Vite serves the UI). */
  rendererDir: string | null;
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function tokenMatches(expected: Buffer, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const g = Buffer.from(given);
  return g.length === expected.length && timingSafeEqual(g, expected);
}

function sendJson(res: http.ServerResponse, status: number, envelope: Envelope<unknown>): void {
  const body = encodeJson(envelope, bufferBase64);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...SECURITY_HEADERS,
  });
  res.end(body);
}

function fail(res: http.ServerResponse, status: number, error: ApiError): void {
  sendJson(res, status, { ok: false, error });
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const expected = Buffer.from(token);
  let port = 0;
  const streams = new Set<http.ServerResponse>();
  const unsubscribe = opts.app.events.subscribe((event) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const s of streams) s.write(line);
  });

  const server = http.createServer(async (req, res) => {
    try {
      // DNS-rebinding guard: only our own loopback address is a valid Host.
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
        res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request');
        return;
      }
      const url = new URL(req.url ?? '/', `http://${host}`);

      if (url.pathname.startsWith('/rpc/')) {
        if (req.method !== 'POST') {
          res.writeHead(405, { allow: 'POST' }).end();
          return;
        }
        if (!tokenMatches(expected, req.headers[TOKEN_HEADER])) {
          fail(res, 401, {
            code: 'UNAUTHENTICATED',
            key: 'errors.noToken',
            message: 'missing or wrong access token',
          });
          return;
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          fail(res, 415, {
            code: 'BAD_INPUT',
            key: 'errors.BAD_INPUT',
            message: 'expected application/json',
          });
          return;
        }
        const raw = await readBody(req);
        if (raw === null) {
          fail(res, 413, {
            code: 'BAD_INPUT',
            key: 'errors.BAD_INPUT',
            message: 'request body too large',
          });
          return;
        }
        let body: unknown;
        try {
          body = raw.length ? decodeJson(raw.toString('utf8'), bufferBase64) : {};
        } catch {
          fail(res, 400, {
            code: 'BAD_INPUT',
            key: 'errors.BAD_INPUT',
            message: 'body is not valid JSON',
          });
          return;
        }
        const b = (body && typeof body === 'object' ? body : {}) as {
          input?: unknown;
          callId?: unknown;
        };
        const session = req.headers[SESSION_HEADER];
        const envelope = await opts.app.dispatch({
          method: decodeURIComponent(url.pathname.slice('/rpc/'.length)),
          input: b.input,
          session: typeof session === 'string' ? session : undefined,
          callId: typeof b.callId === 'string' ? b.callId : undefined,
        });
        sendJson(res, 200, envelope);
        return;
      }

      if (url.pathname === '/events') {
        if (!tokenMatches(expected, req.headers[TOKEN_HEADER])) {
          res.writeHead(401).end();
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        streams.add(res);
        const ping = setInterval(() => res.write(': ping\n\n'), 15000);
        req.on('close', () => {
          clearInterval(ping);
          streams.delete(res);
        });
        return;
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      if (!opts.rendererDir) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('API only');
        return;
      }
      const file = await readStatic(opts.rendererDir, url.pathname);
      res.writeHead(file.status, file.headers);
      res.end(req.method === 'HEAD' ? undefined : file.body);
    } catch (e) {
      opts.app.context.log.error('web request failed', { error: e });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  server.requestTimeout = 0; // large imports may take a while to upload
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
