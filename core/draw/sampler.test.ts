import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byCodePoint, manifest, pickAt, sample, streamSeed } from './sampler';

describe("Rivest's sampler", () => {
  it('reproduces the published worked example (seed 3546311556112163624615351222, 1..876)', () => {
    const picks = sample('3546311556112163624615351222', 876, 5);
    expect(picks.map((p) => p.index)).toEqual([740, 180, 264, 789, 238]);
    expect(picks.map((p) => p.counter)).toEqual([1, 2, 3, 4, 5]);
    expect(pickAt('3546311556112163624615351222', 1, 1, 876)).toBe(740);
  });

  it('is the same every time, and one changed seed digit changes it', () => {
    const a = sample('31415926535897932384', 500, 30);
    expect(sample('31415926535897932384', 500, 30)).toEqual(a);
    expect(sample('31415926535897932385', 500, 30)).not.toEqual(a);
  });

  it('enlarging a sample keeps every earlier pick, in order', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{20,30}$/),
        fc.integer({ min: 1, max: 300 }),
        fc.nat(40),
        fc.nat(40),
        (seed, size, n, more) => {
          const first = sample(seed, size, n);
          const larger = sample(seed, size, n + more);
          expect(larger.slice(0, first.length)).toEqual(first);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('never repeats, stays in range, and takes everything when asked for more than there is', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{20}$/),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 100 }),
        (seed, size, n) => {
          const picks = sample(seed, size, n);
          expect(picks).toHaveLength(Math.min(n, size));
          expect(new Set(picks.map((p) => p.index)).size).toBe(picks.length);
          for (const p of picks) expect(p.index >= 1 && p.index <= size).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('skips refused positions like repeats, and stops when nothing acceptable is left', () => {
    const odd = sample('12345678901234567890', 10, 10, (i) => i % 2 === 1);
    expect(odd.map((p) => p.index).sort((a, b) => a - b)).toEqual([1, 3, 5, 7, 9]);
  });

  it('labels streams and fingerprints populations as documented', () => {
    expect(streamSeed('123', 'files/行政处罚')).toBe('123,files/行政处罚');
    // printf 'a\nb' | sha256sum
    expect(manifest(['a', 'b'])).toBe(
      '7e18f737311b2dc3b2f269dd78396b0351f14fb66efa879f768cb23181883c78',
    );
    expect(['b', 'A', 'a', '东', '〔'].sort(byCodePoint)).toEqual(['A', 'a', 'b', '〔', '东']);
    // Code points, not UTF-16 units: U+FF08 （ sorts before U+2000B 𠀋 (a surrogate pair).
    expect(['𠀋', '（', '东'].sort(byCodePoint)).toEqual(['东', '（', '𠀋']);
    expect(['𠀋', '（', '东'].sort()).toEqual(['东', '𠀋', '（']);
  });
});
