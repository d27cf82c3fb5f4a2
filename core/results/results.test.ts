import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAND_PRESETS } from '../standards/model';
import { divRoundHalfUp, formatHundredths, meanHundredths, percentHundredths } from './collate';
import { CAMPAIGN, FILES, PENALTY, VOCABULARY } from './fixture';
import { buildResults, type ResultsFile, type ResultsInput } from './results';

const model = buildResults(CAMPAIGN);
const fileOf = (id: string) => model.files.find((f) => f.caseId === id)!;

describe('integer rounding', () => {
  it('rounds halves up and prints hundredths', () => {
    expect([divRoundHalfUp(5, 2), divRoundHalfUp(4, 3), divRoundHalfUp(5, 3)]).toEqual([3, 1, 2]);
    expect(meanHundredths(1855, 2)).toBe(9275);
    expect(meanHundredths(0, 0)).toBeNull();
    expect(percentHundredths(1, 3)).toBe(3333);
    expect(percentHundredths(2, 3)).toBe(6667);
    expect(percentHundredths(1, 0)).toBeNull();
    expect([9275, 900, 5, -5, 0].map(formatHundredths)).toEqual([
      '92.75',
      '9.00',
      '0.05',
      '-0.05',
      '0.00',
    ]);
  });
});

describe('results of the hand-computed campaign (fixture.ts)', () => {
  it('orders files by department (pinyin: 丙 丁 甲 乙), then case number', () => {
    expect(model.files.map((f) => f.caseId)).toEqual([
      'f5',
      'f6',
      'f7',
      'f8',
      'f1',
      'f2',
      'f3',
      'f4',
    ]);
  });

  it('merges the grade names of four- and three-band templates, best first', () => {
    expect(model.grades.map((g) => g.name)).toEqual(['优秀', '良好', '合格', '不合格']);
    // The templates' bands differ, so means get no grade unless bands are given.
    expect(model.meanBands).toBeNull();
  });

  it('per file: final score, grade, veto and the problems with who found them', () => {
    const f1 = fileOf('f1');
    expect(f1.final).toEqual({
      total: 940,
      bandIndex: 0,
      grade: '优秀',
      veto: false,
      excellent: true,
      failed: false,
    });
    expect(f1.sheets.map((s) => [s.evaluatorName, s.total])).toEqual([
      ['李四', 930],
      ['张三', 950],
    ]);
    // Mean of two sheets: the union of their problems, in template order.
    expect(f1.problems.map((p) => [p.code, p.foundBy, p.raters, p.tags])).toEqual([
      ['A1', 2, 2, ['B02']],
      ['C1', 1, 2, ['F03']],
    ]);
    // 李四 left the reason empty: the first note with a reason gives reason and pages.
    expect(f1.problems[0]).toMatchObject({
      text: '违法事实表述完整',
      categoryName: '实体',
      reason: '违法地点表述不全',
      pages: '3',
    });
    expect(f1.problems[0]!.notes.map((n) => [n.evaluatorName, n.deducted])).toEqual([
      ['李四', 50],
      ['张三', 50],
    ]);

    // 复核 by an arbiter: the arbiter's sheet decides the problems; foundBy counts the evaluators.
    const f2 = fileOf('f2');
    expect(f2.decision).toBe('arbiter');
    expect(f2.final).toMatchObject({ total: 860, grade: '良好', excellent: false, failed: false });
    expect(f2.problems.map((p) => [p.code, p.foundBy, p.raters, p.reason, p.pages])).toEqual([
      ['B1', 2, 2, '未告知听证权', '12'],
      ['B2', 1, 2, 'B2 理由', ''],
    ]);
    expect(f2.problems[0]!.notes).toEqual([
      {
        sheetId: 's2x',
        kind: 'arbiter',
        evaluatorName: null,
        deducted: 40,
        reason: '未告知听证权',
        pages: '12',
      },
    ]);
    expect(f2.problems[1]!.tags).toEqual([]);
    expect(f2.sheets.map((s) => [s.kind, s.evaluatorName, s.total])).toEqual([
      ['evaluator', '王五', 860],
      ['evaluator', '张三', 980],
      ['arbiter', null, 860],
    ]);

    // Veto items come first, as on the sheet.
    const f3 = fileOf('f3');
    expect(f3.final).toMatchObject({ total: 0, grade: '不合格', veto: true, failed: true });
    expect(f3.problems.map((p) => [p.source, p.code, p.foundBy, p.categoryName])).toEqual([
      ['veto', 'V1', 2, null],
      ['item', 'A2', 1, '实体'],
    ]);

    // Joint sheet: its signers stand for the evaluator.
    const f5 = fileOf('f5');
    expect(f5.sheets).toEqual([
      {
        sheetId: 's5j',
        kind: 'joint',
        evaluatorName: '王五、张三',
        total: 900,
        bandIndex: 0,
        grade: '优秀',
        veto: false,
      },
    ]);
    expect(f5.problems.map((p) => [p.code, p.foundBy, p.raters])).toEqual([['A2', 1, 1]]);

    // Not final: no final score, but the submitted sheet's problems are listed.
    const f6 = fileOf('f6');
    expect(f6.state).toBe('waiting');
    expect(f6.final).toBeNull();
    expect(f6.decision).toBeNull();
    expect(f6.sheets.map((s) => s.evaluatorName)).toEqual(['李四']);
    expect(f6.problems.map((p) => p.code)).toEqual(['A1']);
  });

  it('departments: mean of final scores, grade counts, rank by mean then total, ties shared', () => {
    expect(
      model.departments.map((d) => [
        d.departmentName,
        d.files,
        d.finalFiles,
        d.pendingFiles,
        d.totalTenths,
        d.meanHundredths,
        d.rank,
        d.tied,
      ]),
    ).toEqual([
      // 丁局 and 甲局: mean 90.00 and total 180 each → 并列第1名; next is 3rd.
      ['丁局', 2, 2, 0, 1800, 9000, 1, true],
      ['甲局', 2, 2, 0, 1800, 9000, 1, true],
      // 丙局 also averages 90.00 but over 90 points in all: the total breaks the tie.
      ['丙局', 2, 1, 1, 900, 9000, 3, false],
      ['乙局', 2, 2, 0, 995, 4975, 4, false],
    ]);
    const jia = model.departments.find((d) => d.departmentName === '甲局')!;
    expect(jia.grades).toEqual([
      { grade: '优秀', count: 1, percentHundredths: 5000 },
      { grade: '良好', count: 1, percentHundredths: 5000 },
      { grade: '合格', count: 0, percentHundredths: 0 },
      { grade: '不合格', count: 0, percentHundredths: 0 },
    ]);
    expect(jia.grade).toBeNull();
    expect(model.departments.find((d) => d.departmentName === '乙局')!.vetoFiles).toBe(1);
  });

  it('grades means when bands are given (exact comparison: 90.00 is 优秀, 49.75 不合格)', () => {
    const m = buildResults({ ...CAMPAIGN, options: { meanBands: BAND_PRESETS.four } });
    expect(m.departments.map((d) => [d.departmentName, d.grade?.name])).toEqual([
      ['丁局', '优秀'],
      ['甲局', '优秀'],
      ['丙局', '优秀'],
      ['乙局', '不合格'],
    ]);
    expect(m.totals.grade).toEqual({ bandIndex: 2, name: '合格' }); // 78.50
    // One template only: its bands grade the means by default.
    const penaltyOnly = buildResults({
      ...CAMPAIGN,
      files: FILES.filter((f) => f.caseType === 'penalty'),
    });
    expect(penaltyOnly.meanBands).toEqual(PENALTY.bands);
    expect(penaltyOnly.totals.grade).toEqual({ bandIndex: 2, name: '合格' }); // 75.00
  });

  it('case types and totals', () => {
    expect(
      model.caseTypes.map((c) => [c.caseTypeName, c.files, c.finalFiles, c.meanHundredths]),
    ).toEqual([
      ['行政处罚', 7, 6, 7500],
      ['行政许可', 1, 1, 9950],
    ]);
    expect(model.totals).toMatchObject({
      files: 8,
      finalFiles: 7,
      pendingFiles: 1,
      waitingFiles: 1,
      reviewFiles: 0,
      departments: 4,
      caseTypes: 2,
      evaluators: 3,
      totalTenths: 5495,
      meanHundredths: 7850,
      vetoFiles: 1,
    });
    expect(model.totals.grades).toEqual([
      { grade: '优秀', count: 5, percentHundredths: 7143 },
      { grade: '良好', count: 1, percentHundredths: 1429 },
      { grade: '合格', count: 0, percentHundredths: 0 },
      { grade: '不合格', count: 1, percentHundredths: 1429 },
    ]);
  });

  it('lists the excellent and the failed files in file order', () => {
    expect(model.excellent.map((f) => [f.caseId, f.total, f.grade])).toEqual([
      ['f5', 900, '优秀'],
      ['f7', 900, '优秀'],
      ['f8', 900, '优秀'],
      ['f1', 940, '优秀'],
      ['f4', 995, '优秀'],
    ]);
    expect(model.failed).toEqual([
      {
        caseId: 'f3',
        caseNo: '乙罚〔2024〕1号',
        title: '乙局案卷f3',
        departmentName: '乙局',
        caseType: 'penalty',
        caseTypeName: '行政处罚',
        total: 0,
        grade: '不合格',
        veto: true,
      },
    ]);
  });

  it('counts problems of final files by tag, group, section and category, sorted for a Pareto', () => {
    const p = model.problems;
    expect([p.files, p.problems, p.filesWithProblems]).toEqual([7, 10, 7]);
    expect(p.byTag.map((t) => [t.code, t.occurrences, t.files, t.groupCode])).toEqual([
      ['C05', 3, 3, 'C'],
      ['B02', 2, 2, 'B'], // ties with F03: vocabulary order
      ['F03', 2, 2, 'F'],
      ['A01', 1, 1, 'A'],
      ['D05', 1, 1, 'D'],
      ['D06', 1, 1, 'D'],
    ]);
    expect(p.byTag.map((t) => t.cumulativeShare)).toEqual([0.3, 0.5, 0.7, 0.8, 0.9, 1]);
    expect(p.byTag[0]).toMatchObject({
      name: '未适用或未说明裁量基准',
      groupName: '法律适用与裁量',
      known: true,
      caseIds: ['f5', 'f7', 'f3'],
      share: 0.3,
    });
    // B1 carries D05 and D06: once for group D.
    expect(p.byGroup.map((g) => [g.code, g.occurrences, g.section])).toEqual([
      ['C', 3, 'substance'],
      ['B', 2, 'substance'],
      ['F', 2, 'filing'],
      ['A', 1, 'substance'],
      ['D', 1, 'procedure'],
    ]);
    expect(p.bySection.map((s) => [s.section, s.occurrences, s.files])).toEqual([
      ['substance', 6, 5],
      ['filing', 2, 2],
      ['procedure', 1, 1],
    ]);
    // 程序 and 立卷 both occur twice; 立卷 in more files comes first.
    expect(p.byCategory.map((c) => [c.name, c.occurrences, c.files])).toEqual([
      ['实体', 5, 5],
      ['立卷', 2, 2],
      ['程序', 2, 1],
      [null, 1, 1],
    ]);
    expect(p.untagged).toEqual({ occurrences: 1, files: 1, caseIds: ['f2'] });
  });

  it('counts problems per department', () => {
    const jia = model.departments.find((d) => d.departmentName === '甲局')!.problems;
    expect([jia.files, jia.problems]).toEqual([2, 4]);
    expect(jia.byTag.map((t) => t.code)).toEqual(['B02', 'D05', 'D06', 'F03']);
    // 丙局's waiting file does not count.
    const bing = model.departments.find((d) => d.departmentName === '丙局')!.problems;
    expect(bing.byTag.map((t) => [t.code, t.occurrences])).toEqual([['C05', 1]]);
  });

  it('lists commendable practices (亮点 and bonus items) with their department', () => {
    expect(
      model.highlights.map((h) => [h.departmentName, h.caseId, h.source, h.text, h.evaluatorName]),
    ).toEqual([
      ['丙局', 'f5', 'highlight', '立案及时', '王五、张三'],
      ['甲局', 'f2', 'highlight', '全过程记录完整', '张三'],
      ['乙局', 'f4', 'bonus', '三项制度落实到位', '李四'],
    ]);
    expect(model.highlights[2]!.reason).toBe('公示及时');
  });

  it('counts unknown tags under their code, in a group of their own', () => {
    const m = buildResults({ ...CAMPAIGN, vocabulary: { groups: VOCABULARY.groups, tags: [] } });
    expect(m.problems.byTag.every((t) => !t.known && t.name === t.code)).toBe(true);
    expect(m.problems.byGroup).toHaveLength(1);
    expect(m.problems.byGroup[0]).toMatchObject({ code: null, section: 'other', occurrences: 9 });
  });

  it('refuses inconsistent input', () => {
    expect(() => buildResults({ ...CAMPAIGN, files: [FILES[0]!, FILES[0]!] })).toThrow(/twice/);
    expect(() => buildResults({ ...CAMPAIGN, templates: {} })).toThrow(/template/);
    const lost = { ...FILES[1]!, sheets: FILES[1]!.sheets.slice(0, 2) };
    expect(() => buildResults({ ...CAMPAIGN, files: [lost] })).toThrow(/s2x/);
  });

  it('gives the same model for any order of the input', () => {
    const shuffled = [...FILES].reverse().map((f) => ({ ...f, sheets: [...f.sheets].reverse() }));
    const templates = { 'tv-permit': CAMPAIGN.templates['tv-permit']!, ...CAMPAIGN.templates };
    expect(buildResults({ ...CAMPAIGN, files: shuffled, templates })).toEqual(model);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random campaigns: final results only (no sheets), random departments.

const DEPARTMENTS = ['甲局', '乙局', '丙局', '丁局', '市场监管局', '交通运输局'];

const arbFile = fc.record({
  department: fc.constantFrom(...DEPARTMENTS),
  // Half-point steps between 60 and 100, so ties in mean and total happen often.
  total: fc.integer({ min: 120, max: 200 }).map((x) => x * 5),
  final: fc.boolean(),
});

function campaign(files: { department: string; total: number; final: boolean }[]): ResultsInput {
  return {
    files: files.map((f, i): ResultsFile => ({
      caseId: `c${i}`,
      caseNo: `No.${i}`,
      caseType: 'penalty',
      caseTypeName: '行政处罚',
      departmentName: f.department,
      title: '',
      templateKey: 't',
      result: f.final
        ? {
            state: 'final',
            total: f.total,
            bandIndex: PENALTY.bands.findIndex((b) => f.total >= b.min),
            grade: PENALTY.bands.find((b) => f.total >= b.min)!.name,
            decision: 'mean',
            keptSheetId: null,
          }
        : {
            state: 'review',
            total: null,
            bandIndex: null,
            grade: null,
            decision: null,
            keptSheetId: null,
          },
      sheets: [],
    })),
    templates: { t: PENALTY },
    vocabulary: VOCABULARY,
  };
}

describe('results properties', () => {
  const files = fc.array(arbFile, { minLength: 0, maxLength: 40 });

  it('a department mean is the mean of its files’ final scores', () => {
    fc.assert(
      fc.property(files, (fs) => {
        const m = buildResults(campaign(fs));
        for (const d of m.departments) {
          const finals = m.files
            .filter((f) => f.departmentName === d.departmentName && f.final)
            .map((f) => f.final!.total);
          const sum = finals.reduce((a, b) => a + b, 0);
          expect(d.totalTenths).toBe(sum);
          expect(d.finalFiles).toBe(finals.length);
          if (finals.length === 0) expect(d.meanHundredths).toBeNull();
          // |mean − exact mean| ≤ half a hundredth of a point.
          else
            expect(Math.abs(d.meanHundredths! - (sum * 10) / finals.length)).toBeLessThanOrEqual(
              0.5,
            );
          expect(d.grades.reduce((a, g) => a + g.count, 0)).toBe(finals.length);
        }
        expect(m.departments.reduce((a, d) => a + d.finalFiles, 0)).toBe(m.totals.finalFiles);
      }),
    );
  });

  it('ranks: 1 + the number of strictly better departments; tied exactly when equal', () => {
    fc.assert(
      fc.property(files, (fs) => {
        const m = buildResults(campaign(fs));
        const ranked = m.departments.filter((d) => d.meanHundredths !== null);
        const better = (a: (typeof ranked)[0], b: (typeof ranked)[0]) =>
          a.meanHundredths! > b.meanHundredths! ||
          (a.meanHundredths === b.meanHundredths && a.totalTenths > b.totalTenths);
        for (const d of ranked) {
          expect(d.rank).toBe(1 + ranked.filter((o) => better(o, d)).length);
          const equals = ranked.filter(
            (o) =>
              o !== d && o.meanHundredths === d.meanHundredths && o.totalTenths === d.totalTenths,
          );
          expect(d.tied).toBe(equals.length > 0);
          for (const o of equals) expect(o.rank).toBe(d.rank);
        }
        // Without ties the ranks are a permutation of 1..n; listed in rank order.
        const ranks = ranked.map((d) => d.rank!);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        if (!ranked.some((d) => d.tied)) {
          expect(ranks).toEqual(ranked.map((_, i) => i + 1));
        }
        for (const d of m.departments) if (d.meanHundredths === null) expect(d.rank).toBeNull();
      }),
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        files.chain((fs) =>
          fc.tuple(
            fc.constant(fs),
            fc.shuffledSubarray(
              fs.map((_, i) => i),
              { minLength: fs.length, maxLength: fs.length },
            ),
          ),
        ),
        ([fs, order]) => {
          const input = campaign(fs);
          const permuted = { ...input, files: order.map((i) => input.files[i]!) };
          expect(buildResults(permuted)).toEqual(buildResults(input));
        },
      ),
    );
  });
});
