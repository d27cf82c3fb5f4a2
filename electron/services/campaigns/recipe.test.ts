// The README's Python recipe recomputes a real draw from its exported record and populations,
// and refuses a tampered record.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedCommitment, seedOf } from '../../../core/draw/draw';
import { DEMO_PASSWORD } from '../../../core/demo/generate';
import { testApp, type TestApp } from '../testing';

const RECIPE = path.resolve(__dirname, '../../../docs/recipes/verify_draw.py');
let t: TestApp;
beforeEach(async () => {
  t = await testApp();
  await t.ok('demo.load', {});
});
afterEach(() => t.cleanup());

const python = (...args: string[]) => {
  try {
    return {
      ok: true,
      out: execFileSync('python3', [RECIPE, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    };
  } catch (e) {
    return { ok: false, out: String((e as { stderr?: string }).stderr ?? e) };
  }
};

it('recomputes every stream of a draw, and catches a changed pick', async () => {
  const s = (
    await t.ok<{ token: string }>('auth.login', { username: 'zuzhi', password: DEMO_PASSWORD })
  ).token;
  const parts = [{ contributor: '见证人', kind: 'dice', digits: '3546311556112163624615351222' }];
  const c = await t.ok<{ id: string }>('campaigns.create', { name: '核验示例', year: 2026 }, s);
  await t.ok(
    'campaigns.drawFiles',
    {
      id: c.id,
      plan: { kind: 'proportional', total: 60, min: 1, max: 5 },
      seedParts: parts,
      commitment: seedCommitment(seedOf(parts as never)),
    },
    s,
  );
  await t.ok('campaigns.drawEvaluators', { id: c.id, plan: { count: 30, maxPerDepartment: 1 } }, s);
  const save = async (format: string, name: string) => {
    const f = await t.ok<{ bytes: Uint8Array }>(
      'campaigns.exportDraw',
      { id: c.id, format, locale: 'zh-CN' },
      s,
    );
    const file = path.join(t.dir, name);
    fs.writeFileSync(file, f.bytes);
    return file;
  };
  const record = await save('json', '抽取记录.json');
  const populations = await save('populations', '抽取范围.json');

  const good = python(record, populations);
  expect(good.ok, good.out).toBe(true);
  const lines = good.out.trim().split('\n');
  const streams = (JSON.parse(fs.readFileSync(record, 'utf8')) as { streams: unknown[] }).streams;
  expect(lines).toHaveLength(streams.length);
  expect(lines.at(-1)).toBe('identical: evaluators 30 picks');

  const json = JSON.parse(fs.readFileSync(record, 'utf8'));
  json.streams[0].picks[0].counter += 1;
  fs.writeFileSync(record, JSON.stringify(json));
  const bad = python(record, populations);
  expect(bad.ok).toBe(false);
  expect(bad.out).toContain(`picks ${json.streams[0].label}`);
});
