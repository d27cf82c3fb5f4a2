// Matching a department name as written in an export to the departments on record: the exact
// name, a recorded alias, or else a suggestion for abbreviations such as 东湖区市场监管局 →
// 东湖区市场监督管理局 (the shorter name's characters appear in order in the longer one).

export interface KnownDepartment {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** Removes spaces (including full-width) so that "东湖区 民政局" matches "东湖区民政局". */
export function departmentKey(name: string): string {
  return name.replace(/[\s\u3000]+/g, '');
}

export function createDepartmentMatcher(known: readonly KnownDepartment[]) {
  const byKey = new Map<string, KnownDepartment>();
  for (const d of known) {
    byKey.set(departmentKey(d.name), d);
    for (const a of d.aliases) byKey.set(departmentKey(a), d);
  }
  return {
    /** The department this name (or alias) denotes, if recorded. */
    exact(name: string): KnownDepartment | null {
      return byKey.get(departmentKey(name)) ?? null;
    },
    /** The most likely department for an unknown name, or null when none is close enough. */
    suggest(name: string): KnownDepartment | null {
      const key = departmentKey(name);
      let best: KnownDepartment | null = null;
      let bestScore = 0;
      for (const d of known) {
        for (const candidate of [d.name, ...d.aliases]) {
          const s = similarity(key, departmentKey(candidate));
          if (s > bestScore) {
            bestScore = s;
            best = d;
          }
        }
      }
      return bestScore >= 0.6 ? best : null;
    },
  };
}

/** Length of the longest common subsequence. Names are short, so O(n·m) is fine. */
function lcs(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  const cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    for (let j = 0; j <= b.length; j++) prev[j] = cur[j]!;
  }
  return prev[b.length]!;
}

/**
 * 1 when one name is an in-order abbreviation of the other and they share the last character
 * (局/委/队 …); otherwise the share of characters in common. Different endings (局 vs 委员会)
 * mean different kinds of bodies, so they never score as abbreviations.
 */
export function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const common = lcs(short, long);
  const sameEnd = short[short.length - 1] === long[long.length - 1];
  if (common === short.length && sameEnd && short.length >= 3)
    return 0.6 + 0.4 * (short.length / long.length);
  return sameEnd ? (0.8 * common) / long.length : (0.5 * common) / long.length;
}
