// The type checker proves en-US has exactly the keys of zh-CN; this test checks what it cannot:
// that every {{placeholder}} of the source is present in the translation and nothing is empty.
import { describe, expect, it } from 'vitest';
import { enUS, translate, zhCN } from './index';

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const zh = new Map(leaves(zhCN));
  const en = new Map(leaves(enUS));

  it('have the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('keep every placeholder and are never empty', () => {
    for (const [key, source] of zh) {
      const target = en.get(key)!;
      expect(target.trim(), key).not.toBe('');
      expect(placeholders(target), key).toEqual(placeholders(source));
    }
  });

  it('fills placeholders and falls back to the key when unknown', () => {
    expect(translate('zh-CN', 'errors.UNKNOWN_METHOD', { method: 'x.y' })).toBe(
      '未知的操作“x.y”。',
    );
    expect(translate('en-US', 'errors.UNKNOWN_METHOD', { method: 'x.y' })).toBe(
      'Unknown operation "x.y".',
    );
    expect(translate('en-US', 'no.such.key')).toBe('no.such.key');
  });
});
