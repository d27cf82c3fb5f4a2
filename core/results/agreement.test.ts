import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import {
  agreement,
  cohenKappa,
  fleissKappa,
  fleissKappaOf,
  icc1,
  iccBand,
  kappaBand,
  ratedFiles,
  round2,
  signedPoints,
  type AgreementReport,
} from './agreement';
import { CAMPAIGN, FILES } from './fixture';

describe('ICC(1,1)', () => {
  // Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
  // reliability. Psychological Bulletin 86(2), 420–428. Table 2: four judges rate six targets;
  // Table 3: one-way ANOVA BMS = 11.24, WMS = 6.26; Table 4: ICC(1,1) = .17.
  const table2 = [
    [9, 2, 5, 8],
    [6, 1, 3, 2],
    [8, 4, 6, 8],
    [7, 1, 2, 6],
    [10, 5, 6, 9],
    [6, 2, 4, 7],
  ];

  it('reproduces Shrout & Fleiss (1979) Table 2: ICC(1,1) = 0.17', () => {
    const r = icc1(table2);
    if (r.value === null) throw new Error(r.reason);
    expect(round2(r.msb)).toBe(11.24);
    expect(round2(r.msw)).toBe(6.26);
    expect(r.k0).toBe(4);
    expect([r.targets, r.ratings]).toEqual([6, 24]);
    expect(round2(r.value)).toBe(0.17);
    expect(r.value).toBeCloseTo((11.2417 - 6.2639) / (11.2417 + 3 * 6.2639), 4);
  });

  it('is null with a reason on degenerate data', () => {
    expect(icc1([])).toEqual({ value: null, reason: 'noDoubleScored' });
    expect(icc1([[5], [6]])).toEqual({ value: null, reason: 'noDoubleScored' });
    expect(icc1([[5, 6]])).toEqual({ value: null, reason: 'tooFewFiles' });
    expect(
      icc1([
        [7, 7],
        [7, 7, 7],
      ]),
    ).toEqual({ value: null, reason: 'noVariance' });
  });

  it('is 1 without disagreement, and uses k0 for unequal numbers of ratings', () => {
    expect(
      icc1([
        [1, 1],
        [5, 5, 5],
        [9, 9],
      ]).value,
    ).toBe(1);
    // Two targets of 2 and 3 ratings: N = 5, k0 = (5 − 13/5) / 1 = 2.4.
    const r = icc1([
      [1, 3],
      [6, 8, 7],
    ]);
    if (r.value === null) throw new Error(r.reason);
    expect(r.k0).toBeCloseTo(2.4, 12);
  });

  it('lies in [−1, 1] or is null, and ignores shifts and positive scaling', () => {
    const groups = fc.array(
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 4 }),
      {
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(
        groups,
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: 1, max: 9 }),
        (gs, shift, scale) => {
          const r = icc1(gs);
          if (r.value === null) {
            expect(['noDoubleScored', 'tooFewFiles', 'noVariance']).toContain(r.reason);
            return;
          }
          expect(Number.isFinite(r.value)).toBe(true);
          expect(r.value).toBeGreaterThanOrEqual(-1);
          expect(r.value).toBeLessThanOrEqual(1);
          const moved = icc1(gs.map((g) => g.map((x) => x * scale + shift)));
          expect(moved.value).toBeCloseTo(r.value, 9);
        },
      ),
    );
  });
});

describe("Cohen's kappa", () => {
  const table = (yy: number, yn: number, ny: number, nn: number) => [
    ...Array<[string, string]>(yy).fill(['yes', 'yes']),
    ...Array<[string, string]>(yn).fill(['yes', 'no']),
    ...Array<[string, string]>(ny).fill(['no', 'yes']),
    ...Array<[string, string]>(nn).fill(['no', 'no']),
  ];

  it('reproduces the worked example of Wikipedia, "Cohen\'s kappa": κ = 0.4', () => {
    // https://en.wikipedia.org/wiki/Cohen%27s_kappa#Simple_example: 50 grant proposals, readers
    // A and B: 20 yes/yes, 5 A-yes/B-no, 10 A-no/B-yes, 15 no/no. pₒ = 0.7, pₑ = 0.5, κ = 0.4.
    const r = cohenKappa(table(20, 5, 10, 15));
    if (r.value === null) throw new Error(r.reason);
    expect(r.n).toBe(50);
    expect(r.observed).toBeCloseTo(0.7, 12);
    expect(r.expected).toBeCloseTo(0.5, 12);
    expect(r.value).toBeCloseTo(0.4, 12);
  });

  it('reproduces Wikipedia\'s "same percentage but different numbers": κ = 0.1304 and 0.2593', () => {
    // Same article, two tables with pₒ = 0.60 each: (45, 15, 25, 15) and (25, 35, 5, 35).
    expect(cohenKappa(table(45, 15, 25, 15)).value).toBeCloseTo(0.1304, 4);
    expect(cohenKappa(table(25, 35, 5, 35)).value).toBeCloseTo(0.2593, 4);
  });

  it('is null with a reason on degenerate data', () => {
    expect(cohenKappa([])).toEqual({ value: null, reason: 'noDoubleScored' });
    expect(
      cohenKappa([
        ['合格', '合格'],
        ['合格', '合格'],
      ]),
    ).toEqual({
      value: null,
      reason: 'singleCategory',
    });
  });

  const labels = fc.constantFrom('优秀', '良好', '合格', '不合格');
  it('is 1 for identical ratings with more than one category, symmetric, in [−1, 1]', () => {
    fc.assert(
      fc.property(fc.array(labels, { minLength: 1, maxLength: 30 }), (xs) => {
        const r = cohenKappa(xs.map((x) => [x, x] as const));
        if (new Set(xs).size > 1) expect(r.value).toBe(1);
        else expect(r).toEqual({ value: null, reason: 'singleCategory' });
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(labels, labels), { minLength: 1, maxLength: 30 }), (pairs) => {
        const r = cohenKappa(pairs);
        const s = cohenKappa(pairs.map(([a, b]) => [b, a] as const));
        if (r.value === null) {
          expect(s).toEqual(r);
          return;
        }
        expect(r.value).toBeGreaterThanOrEqual(-1);
        expect(r.value).toBeLessThanOrEqual(1);
        expect(s.value).toBeCloseTo(r.value, 12);
      }),
    );
  });
});

describe("Fleiss' kappa", () => {
  it('reproduces Fleiss (1971) as worked in Wikipedia, "Fleiss\' kappa": κ ≈ 0.210', () => {
    // https://en.wikipedia.org/wiki/Fleiss%27_kappa#Worked_example: 14 raters put 10 subjects in
    // 5 categories. P̄ = 0.378, Pₑ = 0.213, κ = 0.210; p = 0.143, 0.200, 0.279, 0.150, 0.229.
    const r = fleissKappa([
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ]);
    if (r.value === null) throw new Error(r.reason);
    expect(r.n).toBe(10);
    expect(r.observed).toBeCloseTo(0.378, 3);
    expect(r.expected).toBeCloseTo(0.213, 3);
    expect(r.shares.map((p) => Math.round(p * 1000) / 1000)).toEqual([
      0.143, 0.2, 0.279, 0.15, 0.229,
    ]);
    expect(r.value).toBeCloseTo(0.21, 3);
  });

  it('is null with a reason on degenerate data', () => {
    expect(fleissKappa([])).toEqual({ value: null, reason: 'noDoubleScored' });
    expect(fleissKappa([[1, 0]])).toEqual({ value: null, reason: 'noDoubleScored' });
    expect(
      fleissKappaOf([
        [true, true],
        [true, true],
      ]),
    ).toEqual({
      value: null,
      reason: 'singleCategory',
    });
  });

  it('is 1 for unanimous subjects over more than one category, and at most 1', () => {
    const labels = fc.constantFrom('优秀', '良好', '合格', '不合格');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(labels, fc.integer({ min: 2, max: 5 })), { minLength: 1, maxLength: 20 }),
        (subjects) => {
          const r = fleissKappaOf(subjects.map(([l, k]) => Array<string>(k).fill(l)));
          if (new Set(subjects.map(([l]) => l)).size > 1) expect(r.value).toBe(1);
          else expect(r.value).toBeNull();
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(labels, { minLength: 2, maxLength: 5 }), { maxLength: 20 }),
        (s) => {
          const r = fleissKappaOf(s);
          if (r.value === null) return;
          expect(Number.isFinite(r.value)).toBe(true);
          expect(r.value).toBeGreaterThanOrEqual(-1);
          expect(r.value).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('reading bands', () => {
  it('Landis & Koch (1977) for kappa, on the two-decimal value', () => {
    expect(
      [-0.01, -0.004, 0, 0.2, 0.204, 0.205, 0.4, 0.41, 0.6, 0.61, 0.8, 0.81, 1].map(kappaBand),
    ).toEqual([
      'poor',
      'slight', // shown as 0.00
      'slight',
      'slight',
      'slight',
      'fair', // shown as 0.21
      'fair',
      'moderate',
      'moderate',
      'substantial',
      'substantial',
      'almostPerfect',
      'almostPerfect',
    ]);
  });

  it('Koo & Li (2016) for the ICC', () => {
    expect([-0.3, 0.49, 0.5, 0.74, 0.75, 0.9, 0.904, 0.91, 1].map(iccBand)).toEqual([
      'poor',
      'poor',
      'moderate',
      'moderate',
      'good',
      'good',
      'good',
      'excellent',
      'excellent',
    ]);
  });

  it('prints signed points', () => {
    expect([433.3333, -3.3333, -60, 0, -0.01].map(signedPoints)).toEqual([
      '+43.33',
      '-0.33',
      '-6.00',
      '0.00',
      '0.00',
    ]);
  });
});

/** No NaN or Infinity anywhere in a report. */
function finite(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (x && typeof x === 'object') return Object.values(x).every(finite);
  return true;
}

describe('the agreement report of the hand-computed campaign (fixture.ts)', () => {
  const report = agreement(CAMPAIGN);

  it('takes independent evaluator sheets only, from files with two or more', () => {
    // f5 is a joint sheet, f6 has one submitted sheet, f7 and f8 one evaluator; f2's arbiter
    // sheet is not a rating.
    expect(
      ratedFiles(CAMPAIGN).map((f) => [f.caseId, f.ratings.map((r) => [r.name, r.total])]),
    ).toEqual([
      [
        'f1',
        [
          ['李四', 930],
          ['张三', 950],
        ],
      ],
      [
        'f2',
        [
          ['王五', 860],
          ['张三', 980],
        ],
      ],
      [
        'f3',
        [
          ['李四', 0],
          ['王五', 0],
        ],
      ],
      [
        'f4',
        [
          ['李四', 1000],
          ['张三', 990],
        ],
      ],
    ]);
    expect([report.doubleScoredFiles, report.ratings]).toEqual([4, 8]);
    expect(finite(report)).toBe(true);
  });

  it('ICC(1,1) on the totals', () => {
    // Means 940, 920, 0, 995; grand mean 713.75; SSB = 1,364,537.5 (3 df), SSW = 7,450 (4 df).
    const msb = 1_364_537.5 / 3;
    const msw = 7_450 / 4;
    expect(report.icc.value).toBeCloseTo((msb - msw) / (msb + msw), 12);
    expect(report.icc.rounded).toBe(0.99);
    expect(report.icc.reading).toEqual({
      key: 'results.agreement.icc.excellent',
      params: { value: '0.99', n: 4 },
    });
    expect(report.icc.caution).toEqual({ key: 'results.agreement.smallSample', params: { n: 4 } });
  });

  it("Fleiss' kappa on grades and on veto decisions", () => {
    // Grades: (优秀 优秀) (良好 优秀) (不合格 不合格) (优秀 优秀): P̄ = 3/4, p = 5/8, 1/8, 2/8,
    // Pₑ = 30/64, κ = (3/4 − 30/64) / (1 − 30/64) = 9/17.
    expect(report.grades.value).toBeCloseTo(9 / 17, 12);
    expect(report.grades.reading.key).toBe('results.agreement.kappa.moderate');
    // Veto: f3 both yes, the rest both no: κ = 1.
    expect(report.veto.value).toBe(1);
    expect(report.veto.reading).toEqual({
      key: 'results.agreement.kappa.almostPerfect',
      params: { value: '1.00', n: 4 },
    });
  });

  it("Cohen's kappa per pair of evaluators", () => {
    expect(
      report.pairs.map((p) => [p.a.name, p.b.name, p.files, p.grades.value, p.grades.reason]),
    ).toEqual([
      ['李四', '王五', 1, null, 'singleCategory'],
      ['李四', '张三', 2, null, 'singleCategory'],
      ['王五', '张三', 1, 0, null],
    ]);
    expect(report.pairs[0]!.grades.reading).toEqual({
      key: 'results.agreement.unavailable.singleCategory',
      params: { n: 1 },
    });
    expect(report.pairs[2]!.grades.reading.key).toBe('results.agreement.kappa.slight');
  });

  it('percent agreement per item', () => {
    expect(
      report.items.map((i) => [
        i.templateName,
        i.code,
        i.files,
        i.allDeducted,
        i.noneDeducted,
        i.split,
        i.percentHundredths,
      ]),
    ).toEqual([
      ['测试处罚标准', 'V1', 3, 1, 2, 0, 10000],
      ['测试处罚标准', 'A1', 3, 1, 2, 0, 10000],
      ['测试处罚标准', 'A2', 3, 0, 2, 1, 6667],
      ['测试处罚标准', 'B1', 3, 1, 2, 0, 10000],
      ['测试处罚标准', 'B2', 3, 0, 2, 1, 6667],
      ['测试处罚标准', 'C1', 3, 0, 2, 1, 6667],
      ['测试许可标准', 'V1', 1, 0, 1, 0, 10000],
      ['测试许可标准', 'A1', 1, 0, 1, 0, 10000],
      ['测试许可标准', 'A2', 1, 0, 1, 0, 10000],
      ['测试许可标准', 'B1', 1, 0, 1, 0, 10000],
      ['测试许可标准', 'B2', 1, 0, 1, 0, 10000],
      ['测试许可标准', 'C1', 1, 0, 0, 1, 0],
    ]);
    expect(report.items[2]!.reading).toEqual({
      key: 'results.agreement.item',
      params: { agree: 2, files: 3, percent: '66.67' },
    });
  });

  it('leniency per evaluator', () => {
    // 张三: +20 (f1), +120 (f2), −10 (f4) → +43.33 tenths; 李四: −20, 0, +10 → −3.33;
    // 王五: −120, 0 on two files only.
    expect(
      report.leniency.map((l) => [l.name, l.files, l.band, l.reading.params.difference]),
    ).toEqual([
      ['李四', 3, 'inLine', '-0.33'],
      ['王五', 2, 'tooFew', '-6.00'],
      ['张三', 3, 'lenient', '+4.33'],
    ]);
    expect(report.leniency[2]!.meanDifference).toBeCloseTo(130 / 3, 12);
    expect(
      translate('zh-CN', report.leniency[2]!.reading.key, report.leniency[2]!.reading.params),
    ).toBe('比同案其他评查员平均相差 +4.33 分（3 份案卷），超过 ±2.0 分，评分偏宽松。');
  });

  it('without double-scored files every figure is null with a reason, never NaN', () => {
    const single = agreement({
      ...CAMPAIGN,
      files: FILES.filter((f) => ['f5', 'f7'].includes(f.caseId)),
    });
    const empty: Partial<AgreementReport> = {
      doubleScoredFiles: 0,
      ratings: 0,
      pairs: [],
      items: [],
      leniency: [],
    };
    expect(single).toMatchObject(empty);
    for (const s of [single.icc, single.grades, single.veto]) {
      expect(s).toMatchObject({ value: null, rounded: null, reason: 'noDoubleScored', n: 0 });
      expect(s.reading.key).toBe('results.agreement.unavailable.noDoubleScored');
    }
    expect(finite(single)).toBe(true);
  });

  it('zero variance and a single category are reported as such', () => {
    const same = FILES.filter((f) => f.caseId === 'f3'); // both sheets 0, both 不合格, both veto
    const twice = [same[0]!, { ...same[0]!, caseId: 'f3b' }];
    const r = agreement({ ...CAMPAIGN, files: twice });
    expect(r.icc.reason).toBe('noVariance');
    expect(r.grades.reason).toBe('singleCategory');
    expect(r.veto.reason).toBe('singleCategory');
    expect(finite(r)).toBe(true);
  });

  it('every reading key exists in both dictionaries', () => {
    const readings = [
      report.icc.reading,
      report.grades.reading,
      report.veto.reading,
      report.icc.caution!,
      ...report.pairs.flatMap((p) => [p.grades.reading, p.veto.reading]),
      ...report.items.map((i) => i.reading),
      ...report.leniency.map((l) => l.reading),
    ];
    for (const r of readings) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const text = translate(locale, r.key, r.params);
        expect(text).not.toBe(r.key);
        expect(text).not.toMatch(/\{\{/);
      }
    }
  });
});
