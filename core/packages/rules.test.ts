import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from './canonical';
import {
  checkEntries,
  classifySheet,
  fingerprintOf,
  isExpired,
  isPartial,
  planMerge,
  sequenceStanding,
  type SheetClass,
} from './rules';

describe('canonical JSON', () => {
  it('sorts keys, drops whitespace, keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: null, c: '文' }], e: true })).toBe(
      '{"a":[3,{"c":"文","d":null}],"b":1,"e":true}',
    );
  });

  it('is the same for any key order and parses back to the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const once = canonicalJson(v);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
        expect(JSON.parse(once)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });

  it('refuses what JSON cannot carry exactly', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson([undefined])).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(CanonicalJsonError);
  });
});

describe('entry list', () => {
  const listed = [
    { name: 'a.json', sha256: 'a'.repeat(64), size: 1 },
    { name: 'b.json', sha256: 'b'.repeat(64), size: 2 },
  ];
  const digests: Record<string, { sha256: string; size: number }> = {
    'a.json': { sha256: 'a'.repeat(64), size: 1 },
    'b.json': { sha256: 'b'.repeat(64), size: 2 },
  };
  const check = (present: string[], d = digests) =>
    checkEntries(listed, present, ['manifest.sig'], (n) => d[n]!);

  it('accepts exactly the listed entries with their digests', () => {
    expect(check(['a.json', 'b.json', 'manifest.sig'])).toBeNull();
  });
  it('names the missing, the unexpected and the altered entry', () => {
    expect(check(['a.json'])).toEqual({
      key: 'errors.packageEntryMissing',
      params: { entry: 'b.json' },
    });
    expect(check(['a.json', 'b.json', 'x'])).toEqual({
      key: 'errors.packageEntryUnexpected',
      params: { entry: 'x' },
    });
    expect(
      check(['a.json', 'b.json'], { ...digests, 'b.json': { sha256: 'c'.repeat(64), size: 2 } }),
    ).toEqual({
      key: 'errors.packageEntryHash',
      params: { entry: 'b.json' },
    });
    expect(
      check(['a.json', 'b.json'], { ...digests, 'a.json': { sha256: 'a'.repeat(64), size: 9 } }),
    ).toEqual({
      key: 'errors.packageEntryHash',
      params: { entry: 'a.json' },
    });
  });
  it('refuses a list naming an entry twice or naming its authenticator', () => {
    expect(checkEntries([...listed, listed[0]!], [], [], () => ({ sha256: '', size: 0 }))).toEqual({
      key: 'errors.packageManifestInvalid',
    });
    expect(
      checkEntries(
        [{ name: 'manifest.sig', sha256: 'a'.repeat(64), size: 1 }],
        [],
        ['manifest.sig'],
        () => ({
          sha256: '',
          size: 0,
        }),
      ),
    ).toEqual({ key: 'errors.packageManifestInvalid' });
  });
});

describe('validity, fingerprint, sequence, partial', () => {
  it('expires after the instant, not at it', () => {
    expect(isExpired('2026-12-31T15:59:59.999Z', new Date('2026-12-31T15:59:59.999Z'))).toBe(false);
    expect(isExpired('2026-12-31T15:59:59.999Z', new Date('2026-12-31T16:00:00.000Z'))).toBe(true);
  });
  it('fingerprints the key bytes as eight groups of four hex digits', () => {
    // SHA-256 of the three bytes "abc" starts with ba7816bf 8f01cfea 414140de 5dae2223.
    expect(fingerprintOf('YWJj')).toBe('BA78 16BF 8F01 CFEA 4141 40DE 5DAE 2223');
  });
  it('orders exports by sequence', () => {
    expect(sequenceStanding(3, 2, null)).toBe('next');
    expect(sequenceStanding(1, 2, null)).toBe('older');
    expect(sequenceStanding(2, 2, true)).toBe('duplicate');
    expect(sequenceStanding(2, 2, false)).toBe('reused');
    expect(sequenceStanding(1, 0, null)).toBe('next');
  });
  it('is partial until every sheet is submitted', () => {
    expect(isPartial(['submitted', 'open'])).toBe(true);
    expect(isPartial(['submitted', 'submitted'])).toBe(false);
    expect(isPartial([])).toBe(true);
  });
});

describe('sheet classes', () => {
  const state = { revision: 3, status: 'open', content: 'x' };
  const classify = (
    local: Partial<typeof state> & { lastSeq: number },
    baseline: { baseSeq: number; mergedRemote: number },
    remote: Partial<typeof state> & { versions: number },
  ) => classifySheet({ local: { ...state, ...local }, baseline, remote: { ...state, ...remote } });

  it('new: nothing here yet, the package has work', () => {
    expect(
      classify(
        { revision: 0, content: '', lastSeq: 0 },
        { baseSeq: 0, mergedRemote: 0 },
        { versions: 3 },
      ),
    ).toBe('new');
  });
  it('newer: work here, untouched since issue, and new work in the package', () => {
    expect(
      classify(
        { revision: 1, content: 'a', lastSeq: 1 },
        { baseSeq: 1, mergedRemote: 0 },
        { versions: 2 },
      ),
    ).toBe('newer');
  });
  it('same: nothing new in the package, or both sides reached the same state', () => {
    expect(classify({ lastSeq: 4 }, { baseSeq: 4, mergedRemote: 2 }, { versions: 2 })).toBe('same');
    expect(classify({ lastSeq: 6 }, { baseSeq: 4, mergedRemote: 2 }, { versions: 3 })).toBe('same');
  });
  it('older: changed here, nothing new in the package (or fewer versions than merged)', () => {
    expect(
      classify(
        { status: 'returned', lastSeq: 5 },
        { baseSeq: 4, mergedRemote: 2 },
        { versions: 2 },
      ),
    ).toBe('older');
    expect(classify({ lastSeq: 4 }, { baseSeq: 4, mergedRemote: 3 }, { versions: 2 })).toBe(
      'older',
    );
  });
  it('conflict: changed on both sides since the baseline, to different states', () => {
    expect(
      classify(
        { content: 'here', lastSeq: 5 },
        { baseSeq: 4, mergedRemote: 2 },
        { content: 'there', versions: 3 },
      ),
    ).toBe('conflict');
  });
  it('never applies the package over a local change unless resolved', () => {
    fc.assert(
      fc.property(
        fc.nat(5),
        fc.nat(5),
        fc.nat(5),
        fc.nat(5),
        fc.boolean(),
        (lastSeq, baseSeq, mergedRemote, versions, sameContent) => {
          const cls = classify(
            { content: 'here', lastSeq },
            { baseSeq, mergedRemote },
            { content: sameContent ? 'here' : 'there', versions },
          );
          const { actions } = planMerge(new Map([['s', cls]]), new Map());
          if (lastSeq > baseSeq) expect(actions.get('s')).not.toBe('apply');
        },
      ),
    );
  });
});

describe('merge plan', () => {
  it('applies new and newer, leaves same and older, needs a resolution per conflict', () => {
    const classes = new Map<string, SheetClass>([
      ['a', 'new'],
      ['b', 'newer'],
      ['c', 'same'],
      ['d', 'older'],
      ['e', 'conflict'],
      ['f', 'conflict'],
    ]);
    const none = planMerge(classes, new Map());
    expect(none.unresolved).toEqual(['e', 'f']);
    const plan = planMerge(
      classes,
      new Map([
        ['e', 'package'],
        ['f', 'local'],
        ['a', 'local'],
      ]),
    );
    expect(plan.unresolved).toEqual([]);
    expect(Object.fromEntries(plan.actions)).toEqual({
      a: 'apply',
      b: 'apply',
      c: 'none',
      d: 'none',
      e: 'apply',
      f: 'keep',
    });
  });
});
