import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COERCION, DEFAULT_PENALTY, DEFAULT_PERMIT } from './defaults';
import {
  cloneTemplate,
  FindingSchema,
  TemplateContentSchema,
  type Finding,
  type FindingInput,
  type TemplateContent,
  type TemplateContentInput,
} from './model';
import { score, ScoringError } from './score';
import { validateTemplate } from './validate';

const finding = (f: FindingInput): Finding => FindingSchema.parse(f);

/** A small template whose numbers are easy to follow by hand. */
const small: TemplateContent = TemplateContentSchema.parse({
  format: 'anjuan-standard/1',
  name: '测试',
  appliesTo: {},
  total: 100,
  vetoItems: [
    { code: 'V1', text: '主体不合法', effect: 'zero' },
    { code: 'V2', text: '程序严重违法', effect: 'fail' },
    { code: 'V3', text: '基本要素问题', effect: 'block_excellent' },
  ],
  categories: [
    {
      code: 'A',
      name: '实体',
      max: 60,
      items: [{ code: 'A1', text: '每处扣2分', max: 60, mode: 'per_occurrence', unit: 20 }],
    },
    {
      code: 'B',
      name: '程序',
      max: 40,
      items: [
        {
          code: 'B1',
          text: '缺少即扣3分，不规范每处扣1分',
          max: 30,
          mode: 'fixed',
          deduct: 30,
          partialUnit: 10,
        },
        {
          code: 'B2',
          text: '扣0.5–1分',
          max: 10,
          mode: 'range',
          rangeMin: 5,
          rangeMax: 10,
          step: 5,
          naFullMarks: true,
        },
      ],
    },
  ],
  bands: [
    { name: '优秀', min: 90 },
    { name: '合格', min: 60 },
    { name: '不合格', min: 0 },
  ],
  bonus: { enabled: true, cap: 10, items: [{ code: 'J1', text: '亮点', points: 5 }] },
} satisfies TemplateContentInput);

describe('worked examples (computed by hand)', () => {
  it('3 occurrences on a 2-point item of maximum 6 score 0 on the item, not −0', () => {
    const r = score(small, [finding({ kind: 'item', code: 'A1', count: 3 })]);
    const a1 = r.items.find((i) => i.code === 'A1')!;
    expect(a1.deducted).toBe(60);
    expect(Object.is(a1.score, 0)).toBe(true);
    expect(r.total).toBe(40); // 0 + 30 + 10
    expect(r.grade).toBe('不合格');
  });

  it('a fourth occurrence is capped at zero by default …', () => {
    const r = score(small, [finding({ kind: 'item', code: 'A1', count: 4 })]);
    expect(r.items.find((i) => i.code === 'A1')).toMatchObject({ deducted: 60, score: 0 });
  });

  it('… and refused when the template says so', () => {
    const refusing = cloneTemplate(small);
    refusing.categories[0]!.items[0]!.overflow = 'refuse';
    expect(() => score(refusing, [finding({ kind: 'item', code: 'A1', count: 4 })])).toThrow(
      ScoringError,
    );
    try {
      score(refusing, [finding({ kind: 'item', code: 'A1', count: 4 })]);
    } catch (e) {
      expect((e as ScoringError).problems).toEqual([
        { key: 'standards.scoring.tooManyOccurrences', params: { code: 'A1', count: 4, most: 3 } },
      ]);
    }
    expect(score(refusing, [finding({ kind: 'item', code: 'A1', count: 3 })]).total).toBe(40);
  });

  it('a fixed item: missing entirely, or done badly per defect', () => {
    expect(score(small, [finding({ kind: 'item', code: 'B1', missing: true })]).total).toBe(70);
    expect(score(small, [finding({ kind: 'item', code: 'B1', count: 2 })]).total).toBe(80);
  });

  it('a range item accepts amounts inside its range in its steps, and refuses others', () => {
    expect(score(small, [finding({ kind: 'item', code: 'B2', amount: 5 })]).total).toBe(95);
    for (const amount of [3, 15, 7]) {
      expect(() => score(small, [finding({ kind: 'item', code: 'B2', amount })])).toThrow(
        /rangeOutOfBounds/,
      );
    }
  });

  it('not applicable scores full marks where allowed, and is refused elsewhere', () => {
    expect(
      score(small, [finding({ kind: 'item', code: 'B2', na: true })]).items.find(
        (i) => i.code === 'B2',
      ),
    ).toMatchObject({
      score: 10,
      na: true,
    });
    expect(() => score(small, [finding({ kind: 'item', code: 'A1', na: true })])).toThrow(
      /naNotAllowed/,
    );
  });

  it('a finding on an item that does not exist is an error, not ignored', () => {
    expect(() => score(small, [finding({ kind: 'item', code: 'Z9', count: 1 })])).toThrow(
      /unknownItem/,
    );
    expect(() => score(small, [finding({ kind: 'veto', code: 'V9' })])).toThrow(/unknownVeto/);
  });

  it('veto effects: zero gives 0 and the lowest band; fail keeps the score; block_excellent demotes 优秀', () => {
    const zero = score(small, [finding({ kind: 'veto', code: 'V1' })]);
    expect([zero.total, zero.grade]).toEqual([0, '不合格']);
    const fail = score(small, [finding({ kind: 'veto', code: 'V2' })]);
    expect([fail.total, fail.grade]).toEqual([100, '不合格']);
    const block = score(small, [finding({ kind: 'veto', code: 'V3' })]);
    expect([block.total, block.grade]).toEqual([100, '合格']);
  });

  it('bonus points are capped and never lift the total above the maximum', () => {
    const twice = cloneTemplate(small);
    twice.bonus.items.push({ code: 'J2', text: '亮点二', points: 8, tags: [], guidance: '' });
    const r = score(twice, [
      finding({ kind: 'item', code: 'A1', count: 1 }),
      finding({ kind: 'bonus', code: 'J1' }),
      finding({ kind: 'bonus', code: 'J2' }),
    ]);
    expect(r.bonus).toBe(10);
    expect(r.total).toBe(90); // 80 + capped 10
    expect(score(twice, [finding({ kind: 'bonus', code: 'J1' })]).total).toBe(100);
  });

  it('lists the problems found with the item’s tags unless the evaluator chose others', () => {
    const t = cloneTemplate(small);
    t.categories[0]!.items[0]!.tags = ['B04'];
    const r = score(t, [
      finding({ kind: 'item', code: 'A1', count: 1, reason: '缺询问笔录', pages: '12' }),
      finding({ kind: 'item', code: 'B1', count: 1, tags: ['E03'] }),
    ]);
    expect(r.problems.map((p) => [p.code, p.deducted, p.tags])).toEqual([
      ['A1', 20, ['B04']],
      ['B1', 10, ['E03']],
    ]);
    expect(r.problems[0]).toMatchObject({ reason: '缺询问笔录', pages: '12' });
  });
});

describe('the built-in templates', () => {
  it.each([DEFAULT_PENALTY, DEFAULT_PERMIT, DEFAULT_COERCION])(
    '$name is valid and scores 100 with no findings',
    (t) => {
      expect(TemplateContentSchema.parse(t)).toEqual(t);
      expect(validateTemplate(t)).toEqual([]);
      expect(score(t, [])).toMatchObject({ total: 1000, grade: '优秀' });
    },
  );
});

// ---- properties ------------------------------------------------------------------------------

const templateArb: fc.Arbitrary<TemplateContent> = fc
  .array(
    fc.array(
      fc.oneof(
        fc.record({
          mode: fc.constant('per_occurrence' as const),
          max: fc.integer({ min: 5, max: 100 }),
          unit: fc.integer({ min: 1, max: 50 }),
          overflow: fc.constantFrom('cap' as const, 'refuse' as const),
        }),
        fc.record({
          mode: fc.constant('fixed' as const),
          max: fc.integer({ min: 5, max: 100 }),
          deduct: fc.integer({ min: 1, max: 100 }),
          partialUnit: fc.integer({ min: 1, max: 30 }),
        }),
        fc.record({
          mode: fc.constant('range' as const),
          max: fc.integer({ min: 10, max: 100 }),
          rangeMin: fc.integer({ min: 1, max: 5 }),
          span: fc.integer({ min: 0, max: 5 }),
        }),
      ),
      { minLength: 1, maxLength: 6 },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .chain((cats) =>
    fc
      .record({
        na: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        effect: fc.constantFrom('zero' as const, 'fail' as const, 'block_excellent' as const),
      })
      .map(({ na, effect }) => {
        let n = 0;
        const categories = cats.map((items, ci) => {
          const built = items.map((it) => {
            const code = `I${n}`;
            const allowNa = na[n++ % na.length]!;
            if (it.mode === 'per_occurrence')
              return {
                code,
                text: code,
                max: it.max,
                mode: it.mode,
                unit: it.unit,
                overflow: it.overflow,
                naFullMarks: allowNa,
                tags: [],
                guidance: '',
              };
            if (it.mode === 'fixed')
              return {
                code,
                text: code,
                max: it.max,
                mode: it.mode,
                deduct: Math.min(it.deduct, it.max),
                partialUnit: it.partialUnit,
                overflow: 'cap' as const,
                naFullMarks: allowNa,
                tags: [],
                guidance: '',
              };
            const rangeMax = Math.min(it.max, it.rangeMin + it.span);
            return {
              code,
              text: code,
              max: it.max,
              mode: it.mode,
              rangeMin: it.rangeMin,
              rangeMax,
              step: 1,
              overflow: 'cap' as const,
              naFullMarks: allowNa,
              tags: [],
              guidance: '',
            };
          });
          return {
            code: `C${ci}`,
            name: `C${ci}`,
            max: built.reduce((a, b) => a + b.max, 0),
            items: built,
          };
        });
        const total = categories.reduce((a, c) => a + c.max, 0);
        return {
          format: 'anjuan-standard/1' as const,
          name: 'p',
          description: '',
          appliesTo: { caseTypes: [], procedures: [] },
          total,
          vetoItems: [{ code: 'V1', text: 'v', effect, tags: [], guidance: '' }],
          categories,
          bands: [
            { name: 'A', min: Math.floor(total * 0.9) },
            { name: 'B', min: Math.floor(total * 0.6) },
            { name: 'C', min: 0 },
          ],
          bonus: { enabled: false, cap: 0, items: [] },
        } satisfies TemplateContent;
      }),
  );

/** Valid findings for a template: a subset of items, each with a legal value for its mode. */
const findingsArb = (t: TemplateContent): fc.Arbitrary<Finding[]> => {
  const items = t.categories.flatMap((c) => c.items);
  return fc
    .tuple(
      fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: items.length - 1 }),
          fc.nat(1000),
          fc.boolean(),
          fc.boolean(),
        ),
        { maxLength: items.length },
      ),
      fc.boolean(),
    )
    .map(([picks, veto]) => {
      const seen = new Set<string>();
      const out: Finding[] = [];
      for (const [i, n, flag, useNa] of picks) {
        const item = items[i]!;
        if (seen.has(item.code)) continue;
        seen.add(item.code);
        if (useNa && item.naFullMarks) {
          out.push(finding({ kind: 'item', code: item.code, na: true }));
        } else if (item.mode === 'per_occurrence') {
          const most = item.overflow === 'refuse' ? Math.floor(item.max / item.unit!) : 20;
          out.push(finding({ kind: 'item', code: item.code, count: n % (most + 1) }));
        } else if (item.mode === 'fixed') {
          out.push(
            finding(
              flag
                ? { kind: 'item', code: item.code, missing: true }
                : { kind: 'item', code: item.code, count: n % 6 },
            ),
          );
        } else {
          const span = item.rangeMax! - item.rangeMin!;
          out.push(
            finding({ kind: 'item', code: item.code, amount: item.rangeMin! + (n % (span + 1)) }),
          );
        }
      }
      if (veto) out.push(finding({ kind: 'veto', code: 'V1' }));
      return out;
    });
};

const withFindings = templateArb.chain((t) => findingsArb(t).map((f) => ({ t, f })));

describe('properties of the scoring function', () => {
  it('the total is never negative and never above the maximum; items never below zero', () => {
    fc.assert(
      fc.property(withFindings, ({ t, f }) => {
        const r = score(t, f);
        expect(r.total).toBeGreaterThanOrEqual(0);
        expect(r.total).toBeLessThanOrEqual(t.total);
        for (const i of r.items) {
          expect(i.score).toBeGreaterThanOrEqual(0);
          expect(Object.is(i.score, -0)).toBe(false);
        }
      }),
    );
  });

  it('removing a finding never lowers the score', () => {
    fc.assert(
      fc.property(
        withFindings.chain(({ t, f }) =>
          fc.nat(Math.max(0, f.length - 1)).map((k) => ({ t, f, k })),
        ),
        ({ t, f, k }) => {
          if (!f.length) return;
          const fewer = f.filter((_x, i) => i !== k);
          expect(score(t, fewer).total).toBeGreaterThanOrEqual(score(t, f).total);
          expect(score(t, fewer).bandIndex).toBeLessThanOrEqual(score(t, f).bandIndex);
        },
      ),
    );
  });

  it('a veto hit with effect zero always gives 0 and the lowest band', () => {
    fc.assert(
      fc.property(withFindings, ({ t, f }) => {
        const zero = { ...t, vetoItems: [{ ...t.vetoItems[0]!, effect: 'zero' as const }] };
        const r = score(zero, [
          ...f.filter((x) => x.kind !== 'veto'),
          finding({ kind: 'veto', code: 'V1' }),
        ]);
        expect(r.total).toBe(0);
        expect(r.bandIndex).toBe(t.bands.length - 1);
        expect(r.grade).toBe('C');
      }),
    );
  });

  it('the grade is monotone in the total', () => {
    fc.assert(
      fc.property(withFindings, withFindings, ({ t, f }, other) => {
        const a = score(
          t,
          f.filter((x) => x.kind !== 'veto'),
        );
        const b = score(t, findingsFrom(other.f, t));
        if (a.total > b.total) expect(a.bandIndex).toBeLessThanOrEqual(b.bandIndex);
        if (a.total === b.total) expect(a.bandIndex).toBe(b.bandIndex);
      }),
    );
  });

  it('refuses any finding whose deduction lies outside its rule, never clamps it', () => {
    fc.assert(
      fc.property(templateArb, fc.integer({ min: 101, max: 5000 }), (t, amount) => {
        const r = t.categories.flatMap((c) => c.items).find((i) => i.mode === 'range');
        if (!r) return;
        expect(() => score(t, [finding({ kind: 'item', code: r.code, amount })])).toThrow(
          ScoringError,
        );
      }),
    );
  });
});

/** Findings made for another template: keep only those that are valid here (none, usually). */
function findingsFrom(f: Finding[], t: TemplateContent): Finding[] {
  const codes = new Set(t.categories.flatMap((c) => c.items.map((i) => i.code)));
  try {
    const kept = f.filter((x) => x.kind === 'item' && codes.has(x.code));
    score(t, kept);
    return kept;
  } catch {
    return [];
  }
}
