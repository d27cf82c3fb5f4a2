// RPC round trip: through the dispatcher in-process and over the browser-mode HTTP transport,
// beside a bare function call and a bare HTTP round trip on the same machine.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startWebServer } from '../../electron/web/server';
import { benchApp } from '../app';
import { figure, measureInterleaved, type Figure } from '../harness';

export async function rpcSuite(): Promise<Figure[]> {
  const { app, session, cleanup } = await benchApp();
  const user = {
    id: 'x',
    username: 'bench',
    displayName: '王明',
    role: 'coordinator',
    locale: 'zh-CN',
  };

  // Baseline 1: a bare async function returning the same envelope.
  const bare = async () => ({ ok: true, data: user });
  const local = await measureInterleaved(
    { bare, dispatch: () => app.dispatch({ method: 'auth.me', input: {}, session }) },
    { rounds: 10, perRound: 2000, warmup: 2000 },
  );
  const bareStats = local.bare;
  const inproc = local.dispatch;

  // Baseline 2: a bare HTTP server on loopback answering the same JSON.
  const body = JSON.stringify({ ok: true, data: user });
  const plain = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
  });
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/rpc/auth.me`;
  const web = await startWebServer({ app, rendererDir: null });
  const webUrl = `http://127.0.0.1:${web.port}/rpc/auth.me`;
  const post = (url: string, headers: Record<string, string>) => async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{"input":{}}',
    });
    const json = (await res.json()) as { ok: boolean };
    if (!json.ok) throw new Error('call failed');
  };
  const remote = await measureInterleaved(
    {
      bareHttp: post(plainUrl, {}),
      overHttp: post(webUrl, { 'x-app-token': web.token, 'x-app-session': session }),
    },
    { rounds: 10, perRound: 300, warmup: 500 },
  );
  const bareHttp = remote.bareHttp;
  const overHttp = remote.overHttp;
  await web.close();
  plain.close();
  cleanup();

  const detail = (s: typeof bareStats) => ({
    p50_us: s.p50Us,
    p99_us: s.p99Us,
    ops_per_s: s.opsPerSec,
  });
  return [
    figure(
      'RPC round trip (auth.me)',
      'dispatcher in-process, mean',
      inproc.meanUs,
      'µs',
      'bare async call',
      bareStats.meanUs,
      detail(inproc),
    ),
    figure(
      'RPC round trip (auth.me)',
      'HTTP transport (browser mode), mean',
      overHttp.meanUs,
      'µs',
      'bare HTTP round trip',
      bareHttp.meanUs,
      detail(overHttp),
    ),
    figure(
      'RPC round trip (auth.me)',
      'HTTP transport vs in-process dispatcher',
      overHttp.meanUs,
      'µs',
      'dispatcher in-process',
      inproc.meanUs,
    ),
  ];
}
