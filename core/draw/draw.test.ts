import { describe, expect, it } from 'vitest';
import {
  drawEvaluators,
  drawFiles,
  fileKey,
  proportionalQuotas,
  seedCommitment,
  seedOf,
  verifyDraw,
  type DrawRecord,
  type PopulationFile,
} from './draw';

const SEED = '31415926535897932384626';
const depts = ['东湖区市场监督管理局', '东湖区民政局', '东湖区交通运输局'];
const population: PopulationFile[] = [];
depts.forEach((d, di) => {
  for (let i = 1; i <= 10 + di * 5; i++) {
    for (const [type, name] of [
      ['penalty', '行政处罚'],
      ['permit', '行政许可'],
    ] as const) {
      const no = `${d.slice(3, 5)}${type === 'penalty' ? '处罚' : '许'}〔2025〕${i}号`;
      population.push({
        id: `${d}-${type}-${i}`,
        key: fileKey(no, d),
        caseType: type,
        typeName: name,
        departmentId: `d${di}`,
        departmentName: d,
      });
    }
  }
});

const record = (draw: ReturnType<typeof drawFiles>): DrawRecord => ({
  algorithm: 'rivest-sha256/1',
  seed: SEED,
  seedParts: [{ contributor: '张三', kind: 'dice', digits: SEED }],
  seedSha256: seedCommitment(SEED),
  streams: draw.streams,
});

describe('drawing files', () => {
  it('totals per case type: one stream per type, sorted population, exact counts', () => {
    const d = drawFiles(SEED, population, {
      kind: 'type_totals',
      totals: { penalty: 8, permit: 4 },
    });
    expect(d.streams.map((s) => [s.label, s.size, s.picks.length])).toEqual([
      ['files/行政处罚', 45, 8],
      ['files/行政许可', 45, 4],
    ]);
    expect(d.selected).toHaveLength(12);
    expect(new Set(d.selected).size).toBe(12);
    expect(d.populations[0]!.keys).toEqual([...d.populations[0]!.keys].sort());
  });

  it('a fixed quota per department (and type), all of them when fewer', () => {
    const small = population.filter(
      (f) =>
        !(f.departmentName === '东湖区民政局' && f.caseType === 'permit' && !f.id.endsWith('-1')),
    );
    const d = drawFiles(SEED, small, { kind: 'department_quota', quota: 3, byType: true });
    const count = (label: string) => d.streams.find((s) => s.label === label)!.picks.length;
    expect(count('files/行政处罚/东湖区市场监督管理局')).toBe(3);
    expect(count('files/行政许可/东湖区民政局')).toBe(1);
  });

  it('proportional to volume, within min and max, meeting the total', () => {
    const q = proportionalQuotas(
      new Map([
        ['a', 100],
        ['b', 10],
        ['c', 1],
        ['d', 40],
      ]),
      20,
      2,
      10,
    );
    // a is capped at 10; the other 10 seats go to b, c, d by volume (10 : 1 : 40); c is capped at 1.
    expect([...q.entries()]).toEqual([
      ['a', 10],
      ['b', 2],
      ['c', 1],
      ['d', 7],
    ]);
    expect([...q.values()].reduce((x, y) => x + y, 0)).toBe(20);
    const d = drawFiles(SEED, population, { kind: 'proportional', total: 12, min: 2, max: 6 });
    expect(d.selected).toHaveLength(12);
  });

  it('enlarging a plan keeps every earlier pick', () => {
    const a = drawFiles(SEED, population, {
      kind: 'type_totals',
      totals: { penalty: 5, permit: 5 },
    });
    const b = drawFiles(SEED, population, {
      kind: 'type_totals',
      totals: { penalty: 9, permit: 5 },
    });
    expect(b.streams[0]!.picks.slice(0, 5)).toEqual(a.streams[0]!.picks);
    expect(b.streams[1]!.picks).toEqual(a.streams[1]!.picks);
  });

  it('verifies a record against the populations, and names the first difference', () => {
    const d = drawFiles(SEED, population, {
      kind: 'type_totals',
      totals: { penalty: 6, permit: 3 },
    });
    expect(verifyDraw(record(d), d.populations)).toEqual({ ok: true, streams: 2, picks: 9 });
    // A population with one file more: the manifest differs.
    const grown = d.populations.map((p) =>
      p.label === 'files/行政许可' ? { ...p, keys: [...p.keys, 'zz'] } : p,
    );
    expect(verifyDraw(record(d), grown)).toMatchObject({
      ok: false,
      stream: 'files/行政许可',
      reason: 'manifest',
    });
    // A record whose third pick was changed after the fact.
    const forged = record(d);
    forged.streams[0]!.picks[2] = { ...forged.streams[0]!.picks[2]!, key: 'forged' };
    expect(verifyDraw(forged, d.populations)).toMatchObject({
      ok: false,
      stream: 'files/行政处罚',
      reason: 'pick',
      position: 3,
    });
    // A seed that does not match its parts or its commitment.
    expect(verifyDraw({ ...record(d), seed: SEED.replace('3', '4') }, d.populations)).toMatchObject(
      { ok: false, reason: 'seed' },
    );
  });
});

describe('drawing evaluators', () => {
  const pool = Array.from({ length: 30 }, (_v, i) => ({
    id: `person-${String(i).padStart(2, '0')}`,
    departmentId: `d${i % 10}`,
  }));

  it('at most k per department, must-include people counting toward it, recomputable', () => {
    const mustInclude = [{ id: 'boss', departmentId: 'd0' }];
    const r = drawEvaluators(SEED, pool, 12, { maxPerDepartment: 1, mustInclude });
    const depts = r.selected.map((id) => pool.find((p) => p.id === id)!.departmentId);
    expect(r.selected).toHaveLength(9); // 10 departments, d0 already has one
    expect(new Set(depts).size).toBe(depts.length);
    expect(depts).not.toContain('d0');
    expect(r.stream.groupStart).toEqual({ d0: 1 });
    const rec: DrawRecord = {
      algorithm: 'rivest-sha256/1',
      seed: SEED,
      seedParts: [{ contributor: 'app', kind: 'generated', digits: SEED }],
      seedSha256: seedCommitment(SEED),
      streams: [r.stream],
    };
    expect(verifyDraw(rec, [r.population])).toMatchObject({ ok: true });
  });

  it('the seed is the parts’ digits in order', () => {
    expect(
      seedOf([
        { contributor: 'a', kind: 'dice', digits: '123' },
        { contributor: 'b', kind: 'lottery', digits: '456' },
      ]),
    ).toBe('123456');
  });
});
