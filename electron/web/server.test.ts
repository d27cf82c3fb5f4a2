import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeJson } from '../../core/api/codec';
import { testApp, type TestApp } from '../services/testing';
import { startWebServer, type WebServer } from './server';

let t: TestApp;
let server: WebServer;

beforeEach(async () => {
  t = await testApp();
  const rendererDir = path.join(t.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startWebServer({ app: t.app, rendererDir });
});
afterEach(async () => {
  await server.close();
  t.cleanup();
});

function request(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const rpc = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  request({
    method: 'POST',
    path: `/rpc/${method}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ input }),
  });

describe('browser-mode server', () => {
  it('listens on loopback only, on a random port, and prints a URL with the token', () => {
    expect(server.url).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#token=[\\w-]{43}$`),
    );
  });

  it('answers a call that carries the token', async () => {
    const r = await rpc('app.status', {}, { 'x-app-token': server.token });
    expect(r.status).toBe(200);
    expect(decodeJson(r.body)).toMatchObject({ ok: true, data: { setupRequired: true } });
  });

  it('refuses a call without the token, or with a wrong one, and runs nothing', async () => {
    const input = {
      orgName: '东湖区司法局',
      displayName: '王明',
      username: 'wm',
      password: 'Passw0rd!',
      locale: 'zh-CN',
    };
    const attempts: Record<string, string>[] = [
      {},
      { 'x-app-token': 'wrong' },
      { 'x-app-token': server.token.slice(0, -1) + (server.token.endsWith('x') ? 'y' : 'x') },
    ];
    for (const headers of attempts) {
      const r = await rpc('setup.createCoordinator', input, headers);
      expect(r.status).toBe(401);
      expect(JSON.parse(r.body)).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED', key: 'errors.noToken' },
      });
    }
    expect(t.app.context.repos.users.count()).toBe(0);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await rpc(
      'app.status',
      {},
      { 'x-app-token': server.token, host: `evil.example:${server.port}` },
    );
    expect(r.status).toBe(421);
  });

  it('refuses non-JSON bodies and malformed JSON with an error envelope', async () => {
    const form = await request({
      method: 'POST',
      path: '/rpc/app.status',
      headers: { 'x-app-token': server.token, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    const broken = await request({
      method: 'POST',
      path: '/rpc/app.status',
      headers: { 'x-app-token': server.token, 'content-type': 'application/json' },
      body: '{"input":',
    });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('carries the session header and reports unknown methods', async () => {
    const session = await t.setupCoordinator();
    const me = await rpc('auth.me', {}, { 'x-app-token': server.token, 'x-app-session': session });
    expect(JSON.parse(me.body)).toMatchObject({ ok: true, data: { username: 'wangming' } });
    const unknown = await rpc('no.such', {}, { 'x-app-token': server.token });
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
  });

  it('serves the renderer with security headers, and nothing outside it', async () => {
    const index = await request({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.body).toContain('<title>t</title>');
    const escape = await request({ path: '/..%2fworkspace.sqlite' });
    expect(escape.status).toBe(404);
  });

  it('streams events only with the token', async () => {
    const denied = await request({ path: '/events' });
    expect(denied.status).toBe(401);
    const got = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/events',
          headers: { 'x-app-token': server.token },
        },
        (res) => {
          let buf = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            buf += c;
            if (buf.includes('data: ')) {
              req.destroy();
              resolve(buf);
            } else {
              t.app.events.publish({
                type: 'progress',
                callId: 'c1',
                phase: 'p',
                done: 1,
                total: 2,
              });
            }
          });
        },
      );
      req.on('error', reject);
    });
    expect(got).toContain('"callId":"c1"');
  });
});
