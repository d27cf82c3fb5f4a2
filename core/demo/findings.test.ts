import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../standards/defaults';
import { DEFAULT_TAGS } from '../standards/tags';
import { typicalFinding } from './findings';

const countable = DEFAULT_TEMPLATES.flatMap((t) =>
  t.categories.flatMap((c) => c.items).filter((i) => i.mode === 'per_occurrence'),
);

describe('typicalFinding', () => {
  it('gives every countable item of the default templates a reason of one of its own tags', () => {
    const known = new Set(DEFAULT_TAGS.map((t) => t.code));
    expect(countable.length).toBeGreaterThan(40);
    for (const item of countable) {
      for (let k = 0; k < 4; k++) {
        const f = typicalFinding(item, k);
        expect(f.tags, item.text).toHaveLength(1);
        expect(item.tags, item.text).toContain(f.tags[0]);
        expect(known.has(f.tags[0]!)).toBe(true);
        expect(f.reason, item.text).not.toContain('的要求');
      }
    }
  });

  it('rotates over the reasons of all the item’s tags', () => {
    const item = countable.find((i) => i.tags.includes('D12') && i.tags.length === 1)!;
    const seen = new Set([0, 1, 2, 3, 4, 5].map((k) => typicalFinding(item, k).reason));
    expect(seen.size).toBe(3);
    expect(seen).toContain('送达回证无受送达人签名');
  });

  it('names the requirement of an item whose tags it has no reason for', () => {
    expect(typicalFinding({ text: '执法人员持证上岗', tags: ['Z99'] }, 0)).toEqual({
      reason: '不符合“执法人员持证上岗”的要求',
      tags: ['Z99'],
    });
  });
});
