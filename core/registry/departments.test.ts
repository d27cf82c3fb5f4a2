import { describe, expect, it } from 'vitest';
import { createDepartmentMatcher, similarity } from './departments';

const known = [
  { id: 'scjg', name: '东湖区市场监督管理局', aliases: [] },
  { id: 'mz', name: '东湖区民政局', aliases: [] },
  { id: 'fgw', name: '东湖区发展和改革委员会', aliases: ['东湖区发改委'] },
  { id: 'cg', name: '东湖区城市管理综合行政执法局', aliases: [] },
  { id: 'hb', name: '东湖区生态环境分局', aliases: [] },
];
const m = createDepartmentMatcher(known);

describe('department matching', () => {
  it('finds exact names and aliases, ignoring spaces', () => {
    expect(m.exact('东湖区民政局')?.id).toBe('mz');
    expect(m.exact('东湖区 民政局')?.id).toBe('mz');
    expect(m.exact('东湖区发改委')?.id).toBe('fgw');
    expect(m.exact('东湖区市场监管局')).toBeNull();
  });

  it('suggests the full name for an abbreviation', () => {
    expect(m.suggest('东湖区市场监管局')?.id).toBe('scjg');
    expect(m.suggest('东湖区城管局')?.id).toBe('cg');
    expect(m.suggest('东湖区环境分局')?.id).toBe('hb');
    expect(m.suggest('市场监管局')?.id).toBe('scjg');
  });

  it('does not suggest unrelated bodies', () => {
    expect(m.suggest('东湖区卫生健康委员会')).toBeNull();
    expect(m.suggest('西山县公安局')).toBeNull();
  });

  it('scores an in-order abbreviation above a mere overlap', () => {
    expect(similarity('东湖区市场监管局', '东湖区市场监督管理局')).toBeGreaterThan(
      similarity('东湖区民政局', '东湖区市场监督管理局'),
    );
  });
});
