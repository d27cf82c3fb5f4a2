// A tiny benchmark harness: every figure is printed beside a baseline measured in the same run,
// with the ratio, and all figures are written to bench/results.json.
import fs from 'node:fs';
import path from 'node:path';

export interface Stats {
  iterations: number;
  meanUs: number;
  p50Us: number;
  p99Us: number;
  opsPerSec: number;
}

export interface Figure {
  suite: string;
  name: string;
  /** The number compared, in `unit`. */
  value: number;
  unit: string;
  baselineName: string;
  baseline: number;
  /** value / baseline. */
  ratio: number;
  detail?: Record<string, number | string>;
}

function stats(times: number[]): Stats {
  const sorted = Float64Array.from(times).sort();
  const n = sorted.length;
  const total = times.reduce((a, b) => a + b, 0);
  const q = (p: number) => sorted[Math.min(n - 1, Math.floor(p * n))]!;
  return {
    iterations: n,
    meanUs: total / n,
    p50Us: q(0.5),
    p99Us: q(0.99),
    opsPerSec: n / (total / 1e6),
  };
}

/** Times an async operation: a warm-up, then `iterations` timed calls one after another. */
export async function measure(
  fn: () => unknown,
  opts: { iterations?: number; warmup?: number } = {},
): Promise<Stats> {
  return (
    await measureInterleaved(
      { fn },
      { rounds: 1, perRound: opts.iterations ?? 2000, warmup: opts.warmup },
    )
  ).fn!;
}

/**
 * Times several operations in alternating blocks (A, B, A, B …) so that warm-up, GC and the
 * machine's other load fall on all of them alike; returns the stats of each.
 */
export async function measureInterleaved<K extends string>(
  fns: Record<K, () => unknown>,
  opts: { rounds?: number; perRound?: number; warmup?: number } = {},
): Promise<Record<K, Stats>> {
  const names = Object.keys(fns) as K[];
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (const n of names) for (let i = 0; i < (opts.warmup ?? 200); i++) await fns[n]();
  for (let r = 0; r < (opts.rounds ?? 5); r++) {
    for (const n of names) {
      const fn = fns[n];
      const out = times[n];
      for (let i = 0; i < (opts.perRound ?? 1000); i++) {
        const t0 = process.hrtime.bigint();
        await fn();
        out.push(Number(process.hrtime.bigint() - t0) / 1000);
      }
    }
  }
  return Object.fromEntries(names.map((n) => [n, stats(times[n])])) as Record<K, Stats>;
}

export function figure(
  suite: string,
  name: string,
  value: number,
  unit: string,
  baselineName: string,
  baseline: number,
  detail?: Record<string, number | string>,
): Figure {
  return {
    suite,
    name,
    value,
    unit,
    baselineName,
    baseline,
    ratio: value / baseline,
    ...(detail ? { detail } : {}),
  };
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export function printFigures(figures: Figure[]): void {
  let suite = '';
  for (const f of figures) {
    if (f.suite !== suite) {
      suite = f.suite;
      console.log(`\n== ${suite}`);
    }
    console.log(
      `  ${f.name.padEnd(52)} ${fmt(f.value).padStart(10)} ${f.unit.padEnd(6)}` +
        ` | baseline ${f.baselineName}: ${fmt(f.baseline)} ${f.unit} | ratio ${f.ratio.toFixed(2)}×`,
    );
    if (f.detail) {
      console.log(
        `    ${Object.entries(f.detail)
          .map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`)
          .join('  ')}`,
      );
    }
  }
}

export function writeResults(figures: Figure[], file = path.join('bench', 'results.json')): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        figures,
      },
      null,
      2,
    ),
  );
}
