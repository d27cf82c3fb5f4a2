// Rivest's sampler (design §5; issue 5 §4), exactly, so that anyone can recompute a draw:
//   for i = 1, 2, …:  h = SHA-256(seed + "," + i) read as a big-endian 256-bit integer,
//                     pick = a + (h mod (b − a + 1)),   repeats skipped.
// Each stream of a draw has its own seed, `seed + "," + label`, so the streams are independent.
import { sha256Bytes } from '../hash';

export const ALGORITHM = 'rivest-sha256/1';

export interface Pick {
  /** The i that produced it. */
  counter: number;
  /** 1-based position in the population. */
  index: number;
}

function toBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** The value for counter i: a + (SHA-256(seed,i) mod (b − a + 1)). */
export function pickAt(seed: string, i: number, a: number, b: number): number {
  const h = toBigInt(sha256Bytes(`${seed},${i}`));
  return a + Number(h % BigInt(b - a + 1));
}

/** The seed of one stream: the draw's seed, a comma, and the stream's label. */
export function streamSeed(seed: string, label: string): string {
  return `${seed},${label}`;
}

/**
 * Draws `n` distinct positions out of 1..size (all of them when n ≥ size), in the order the
 * sampler produces them. Drawing more later with the same seed continues the same sequence, so
 * the first picks never change. `accept` may refuse a position (e.g. a department already at its
 * quota); refused positions are skipped like repeats.
 */
export function sample(
  seed: string,
  size: number,
  n: number,
  accept: (index: number) => boolean = () => true,
  maxCounter = 10_000_000,
): Pick[] {
  const want = Math.min(n, size);
  const taken = new Set<number>();
  const refused = new Set<number>();
  const picks: Pick[] = [];
  for (let i = 1; picks.length < want && i <= maxCounter; i++) {
    if (taken.size + refused.size >= size) break; // everything is taken or refused
    const index = pickAt(seed, i, 1, size);
    if (taken.has(index) || refused.has(index)) continue;
    if (!accept(index)) {
      refused.add(index);
      continue;
    }
    taken.add(index);
    picks.push({ counter: i, index });
  }
  return picks;
}

/** SHA-256 of the ordered population, one key per line (LF, no trailing newline). */
export function manifest(keys: readonly string[]): string {
  let text = '';
  for (let i = 0; i < keys.length; i++) text += (i ? '\n' : '') + keys[i];
  return sha256Bytes(text).reduce((s, b) => s + b.toString(16).padStart(2, '0'), '');
}

/** A UTF-16 code unit moved so that comparing units compares code points. */
function unitRank(u: number): number {
  if (u >= 0xd800 && u <= 0xdfff) return u + 0x2000; // surrogates: above the BMP
  if (u >= 0xe000) return u - 0x800; // U+E000–U+FFFF: below the surrogates' new place
  return u;
}

/** Sorts population keys the way every verifier must: by Unicode code point. */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitRank(x) - unitRank(y);
  }
  return a.length - b.length;
}
