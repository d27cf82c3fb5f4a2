// Seeded mutation fuzzing of the whole import path over the real samples: flipped, inserted,
// deleted and truncated bytes in the CSV and the XLSX (and in the XML inside the XLSX). Every
// preview must either succeed or be refused with BAD_INPUT — never crash, never write; every
// commit of a successful preview (every one for CSV, every fourth for XLSX) must leave a
// consistent registry.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../core/demo/generate';
import type { ImportPreview } from '../../../core/api/methods/imports';
import { tableCounts, testApp, type TestApp } from '../testing';
import { ZipReader, writeZip } from './zip';

const SAMPLES = path.resolve('e2e/fixtures/samples');
const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(SAMPLES, name)));

let t: TestApp;
let s: string;
beforeAll(async () => {
  t = await testApp();
  s = await t.setupCoordinator();
});
afterAll(() => t.cleanup());

function mutate(bytes: Uint8Array, rand: () => number): Uint8Array {
  const out = Array.from(bytes);
  const edits = 1 + Math.floor(rand() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * out.length);
    const op = rand();
    if (op < 0.4) out[at] = Math.floor(rand() * 256);
    else if (op < 0.6) out.splice(at, 1 + Math.floor(rand() * 16));
    else if (op < 0.8)
      out.splice(
        at,
        0,
        ...Array.from({ length: 1 + Math.floor(rand() * 8) }, () => Math.floor(rand() * 256)),
      );
    else
      out.splice(
        at,
        0,
        ...[0x22, 0x2c, 0x0a, 0x0d, 0x3c, 0x26].slice(0, 1 + Math.floor(rand() * 6)),
      );
  }
  if (rand() < 0.15) out.length = Math.floor(out.length * rand());
  return new Uint8Array(out);
}

/** Rebuilds an XLSX with one mutated XML entry (stored uncompressed), to reach the XML scanner. */
function mutateInsideXlsx(bytes: Uint8Array, rand: () => number): Uint8Array {
  const zip = new ZipReader(bytes);
  const names = [...zip.entries.keys()];
  const victim = [
    'xl/worksheets/sheet1.xml',
    'xl/sharedStrings.xml',
    'xl/styles.xml',
    'xl/workbook.xml',
  ][Math.floor(rand() * 4)]!;
  const files = names.map((n) => ({
    name: n,
    data: n === victim ? mutate(zip.read(n), rand) : zip.read(n),
  }));
  return writeZip(files, { store: true });
}

async function tryImport(
  kind: 'cases' | 'people',
  fileName: string,
  bytes: Uint8Array,
  commit = true,
): Promise<'ok' | 'refused'> {
  const before = tableCounts(t.app);
  const r = await t.call('imports.preview', { kind, file: { fileName, bytes } }, s);
  expect(tableCounts(t.app)).toEqual(before);
  if (!r.ok) {
    expect(['BAD_INPUT']).toContain(r.error.code);
    return 'refused';
  }
  const p = r.data as ImportPreview;
  expect(p.counts.new + p.counts.update + p.counts.duplicate + p.counts.error).toBe(p.counts.rows);
  if (commit && p.missingRequired.length === 0 && p.counts.new + p.counts.update > 0) {
    const c = await t.call(
      'imports.commit',
      {
        previewId: p.previewId,
        departments: p.unknownDepartments.map((u) => ({ name: u.name, action: 'create' })),
      },
      s,
    );
    expect(c.ok, JSON.stringify(!c.ok && c.error)).toBe(true);
  } else {
    await t.call('imports.discard', { previewId: p.previewId }, s);
  }
  return 'ok';
}

describe('fuzzing the importer with mutated samples', () => {
  it('survives 80 mutations of the GB18030 CSV', async () => {
    const rand = seededRandom(1);
    const src = read('另一办案系统导出-GB18030.csv');
    const seen = { ok: 0, refused: 0 };
    for (let i = 0; i < 80; i++) seen[await tryImport('cases', `m${i}.csv`, mutate(src, rand))]++;
    expect(seen.ok).toBeGreaterThan(0);
    expect(t.app.context.repos.audit.verify().ok).toBe(true);
  });

  it('survives 40 mutations of the XLSX bytes and 60 of the XML inside it', async () => {
    const rand = seededRandom(2);
    const src = read('东湖区2025年度行政执法案卷目录.xlsx');
    const seen = { ok: 0, refused: 0 };
    for (let i = 0; i < 40; i++)
      seen[await tryImport('cases', `b${i}.xlsx`, mutate(src, rand), i % 4 === 0)]++;
    for (let i = 0; i < 60; i++)
      seen[await tryImport('cases', `x${i}.xlsx`, mutateInsideXlsx(src, rand), i % 4 === 0)]++;
    expect(seen.refused).toBeGreaterThan(0);
    expect(seen.ok).toBeGreaterThan(0);
  }, 120_000);

  it('survives 40 mutations of the pool workbook', async () => {
    const rand = seededRandom(3);
    const src = read('东湖区行政执法评查人员库.xlsx');
    for (let i = 0; i < 40; i++)
      await tryImport('people', `p${i}.xlsx`, mutateInsideXlsx(src, rand));
    expect(t.app.context.repos.audit.verify().ok).toBe(true);
  }, 60_000);
});
