import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PENALTY } from '../standards/defaults';
import { FindingSchema, type FindingInput, type TemplateContent } from '../standards/model';
import { score } from '../standards/score';
import { compareSheets, roundToHalfPoint } from './discrepancy';
import { submitProblems } from './submit';

const t: TemplateContent = DEFAULT_PENALTY;
const perOccurrence = t.categories
  .flatMap((c) => c.items)
  .find((i) => i.mode === 'per_occurrence')!;
const sheet = (id: string, findings: FindingInput[]) => ({
  sheetId: id,
  result: score(
    t,
    findings.map((f) => FindingSchema.parse(f)),
  ),
});
const occ = (count: number): FindingInput => ({
  kind: 'item',
  code: perOccurrence.code,
  count,
  reason: '理由',
});
const veto = (code = t.vetoItems[0]!.code): FindingInput => ({
  kind: 'veto',
  code,
  reason: '理由',
});

describe('roundToHalfPoint', () => {
  it('rounds tenths to the nearest half point, halves up', () => {
    expect([0, 2, 2.5, 3, 7, 7.5, 975, 972.5, 977.4].map(roundToHalfPoint)).toEqual([
      0, 0, 5, 5, 5, 10, 975, 975, 975,
    ]);
  });
});

describe('compareSheets', () => {
  it('two sheets 1 point apart: no flag, final = mean rounded to 0.5, grade from the template', () => {
    // 98 and 97 → 97.5, 优秀 (domain.md §7.0 worked example: |A − B| ≤ 5).
    const a = sheet('a', [occ(1)]);
    const b = sheet('b', [occ(2)]);
    const unit = perOccurrence.unit!;
    const c = compareSheets(t, [a, b], 50);
    expect(c.flags).toEqual([]);
    expect(c.final).toEqual({
      total: roundToHalfPoint((2000 - 3 * unit) / 2),
      bandIndex: 0,
      grade: '优秀',
    });
    expect(c.info).toEqual([]);
  });

  it('a veto on one sheet only is a flag, and its item is listed for information', () => {
    const c = compareSheets(t, [sheet('a', [veto()]), sheet('b', [])], 50);
    expect(c.flags).toContainEqual({ kind: 'veto', withVeto: 1, without: 1 });
    expect(c.final).toBeNull();
    expect(c.info).toEqual([{ source: 'veto', code: t.vetoItems[0]!.code, sheetIds: ['a'] }]);
  });

  it('both sheets hit a veto (effect zero): no flag, the final total is 0 and the grade the worst', () => {
    const c = compareSheets(t, [sheet('a', [veto()]), sheet('b', [veto()])], 50);
    expect(c.flags).toEqual([]);
    expect(c.final).toEqual({ total: 0, bandIndex: t.bands.length - 1, grade: '不合格' });
  });

  it('totals further apart than the threshold are flagged, and so are different bands', () => {
    const a = sheet('a', []);
    // Full deductions on per-occurrence items until at least 12 points are gone: 优秀 → 良好 or worse.
    const heavy: FindingInput[] = [];
    let gone = 0;
    for (const i of t.categories.flatMap((x) => x.items)) {
      if (gone >= 120 || i.mode !== 'per_occurrence' || !i.unit) continue;
      heavy.push({ kind: 'item', code: i.code, count: Math.ceil(i.max / i.unit), reason: '理由' });
      gone += i.max;
    }
    const b = sheet('b', heavy);
    const c = compareSheets(t, [a, b], 50);
    expect(c.flags.map((f) => f.kind).sort()).toEqual(['band', 'threshold']);
    expect(c.info.map((i) => i.code)).toEqual(heavy.map((h) => h.code));
  });

  it('a difference equal to the threshold is not flagged', () => {
    const unit = perOccurrence.unit!;
    const a = sheet('a', [occ(1)]);
    const b = sheet('b', [occ(2)]);
    expect(compareSheets(t, [a, b], unit).flags.filter((f) => f.kind === 'threshold')).toEqual([]);
    expect(compareSheets(t, [a, b], unit - 1).flags.map((f) => f.kind)).toContain('threshold');
  });

  it('property: identical sheets never disagree, and the mean lies between the totals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (x, y) => {
        const a = sheet('a', [occ(x)]);
        const b = sheet('b', [occ(y)]);
        expect(compareSheets(t, [a, a], 0).flags).toEqual([]);
        const c = compareSheets(t, [a, b], 1000);
        if (c.final) {
          const lo = Math.min(a.result.total, b.result.total);
          const hi = Math.max(a.result.total, b.result.total);
          expect(c.final.total).toBeGreaterThanOrEqual(lo - 2);
          expect(c.final.total).toBeLessThanOrEqual(hi + 3);
          expect(c.final.total % 5).toBe(0);
        }
      }),
    );
  });
});

describe('submitProblems', () => {
  it('asks for a reason for every deduction, veto and bonus, and nothing for a clean sheet', () => {
    const f = (x: FindingInput) => FindingSchema.parse(x);
    expect(submitProblems(t, [])).toEqual([]);
    expect(submitProblems(t, [f({ ...occ(1), reason: ' ' })])).toEqual([
      { key: 'scoring.submit.reasonRequired', params: { code: perOccurrence.code } },
    ]);
    expect(submitProblems(t, [f({ ...occ(0), reason: '' })])).toEqual([]);
    expect(submitProblems(t, [f({ kind: 'veto', code: t.vetoItems[0]!.code })])).toEqual([
      { key: 'scoring.submit.vetoReasonRequired', params: { code: t.vetoItems[0]!.code } },
    ]);
    expect(submitProblems(t, [f({ kind: 'item', code: 'ZZ9', reason: 'x' })])[0]!.key).toBe(
      'standards.scoring.unknownItem',
    );
  });
});
