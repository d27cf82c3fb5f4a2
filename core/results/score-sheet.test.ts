// The score sheet's content (shared by its DOCX and its printable HTML): one row per veto item and
// item of the template, in the template's order, with the sheet's deductions and reasons, and the
// subtotals, total and grade of core score() — checked on the fixture's sheets.
import { describe, expect, it } from 'vitest';
import { formatPoints } from '../standards/model';
import { score } from '../standards/score';
import { CAMPAIGN, FILES, PENALTY, PERMIT } from './fixture';
import { buildResults } from './results';
import { scoreSheetContent, type ScoreSheetContext } from './score-sheet';

const model = buildResults(CAMPAIGN);
const kase = {
  caseNo: '甲罚〔2024〕1号',
  departmentName: '甲局',
  caseTypeName: '行政处罚',
  partyName: '某公司',
  cause: null,
};
const ctx: ScoreSheetContext = {
  locale: 'zh-CN',
  campaignName: '2025年度评查',
  kase,
  outcome: model.files.find((f) => f.caseId === 'f1')!,
};

describe('the score sheet content', () => {
  const s = FILES[0]!.sheets[1]!; // 李四 on f1: A1 once, C1 twice
  const result = score(PENALTY, s.content.findings);
  const c = scoreSheetContent({ sheet: { ...s, result }, template: PENALTY }, ctx);

  it('names the file, the evaluator and the campaign', () => {
    expect(c.title).toBe('行政执法案卷评查表');
    expect(c.campaign).toBe('评查活动：2025年度评查');
    expect(c.info).toEqual([
      ['案卷编号', '甲罚〔2024〕1号', '执法单位', '甲局'],
      ['案卷类型', '行政处罚', '评查标准', '测试处罚标准'],
      ['当事人', '某公司', '案由', '—'],
      ['评查人员', '李四', '评查方式', '独立评查'],
    ]);
  });

  it('lists every veto item and item of the template with the sheet’s deductions', () => {
    const items = c.rows.filter((r) => r.kind === 'item');
    expect(items.map((r) => r.item.split(' ')[0])).toEqual(['A1', 'A2', 'B1', 'B2', 'C1']);
    expect(c.rows.filter((r) => r.kind === 'veto')).toEqual([
      {
        kind: 'veto',
        head: { text: '否决项', rows: 1 },
        item: 'V1 执法主体不合法',
        hit: false,
        status: '未触及',
        reason: '',
        pages: '',
      },
    ]);
    for (const r of items) {
      const code = r.item.split(' ')[0]!;
      const got = result.items.find((x) => x.code === code)!;
      expect(r.score).toBe(formatPoints(got.score));
      expect(r.deducted).toBe(got.deducted > 0 ? formatPoints(got.deducted) : '');
    }
    const c1 = items.find((r) => r.item.startsWith('C1'))!;
    expect(c1.reason).toBe('C1 理由');
    // Category names head their first row and span their items.
    expect(items.map((r) => r.head)).toEqual([
      { text: '实体', rows: 2 },
      null,
      { text: '程序', rows: 2 },
      null,
      { text: '立卷', rows: 1 },
    ]);
  });

  it('adds up as core score() does: subtotals, total, grade, the file’s final score', () => {
    const subtotals = c.rows.filter((r) => r.kind === 'subtotal');
    expect(subtotals.map((r) => r.score)).toEqual(
      result.categories.map((x) => formatPoints(x.score)),
    );
    const summary = c.rows.filter((r) => r.kind === 'summary');
    expect(summary).toEqual([
      { kind: 'summary', label: '总分', value: `${formatPoints(result.total)} / 100` },
      { kind: 'summary', label: '评定等次', value: result.grade },
    ]);
    expect(c.finalNote).toBe('本案卷最终得分：94分（优秀）');
    expect(c.signatures).toEqual([
      { name: '评查人员（签名）：____________________', date: '日期：______年____月____日' },
    ]);
  });

  it('lists bonus items where the template has them, and a reviewer line on 复核 sheets', () => {
    const b = FILES[3]!.sheets[0]!; // 李四 on f4 (permit): bonus J1
    const r = score(PERMIT, b.content.findings);
    const pc = scoreSheetContent(
      { sheet: { ...b, kind: 'arbiter', result: r }, template: PERMIT },
      { ...ctx, outcome: null },
    );
    expect(pc.rows.find((x) => x.kind === 'summary')).toEqual({
      kind: 'summary',
      label: '加分',
      value: `${formatPoints(r.bonus)}\u3000三项制度落实到位（+2）：公示及时`,
    });
    expect(pc.finalNote).toBe('本案卷最终得分尚未确定。');
    expect(pc.signatures).toHaveLength(2);
  });

  it('refuses a sheet without a score', () => {
    expect(() => scoreSheetContent({ sheet: s, template: PENALTY }, ctx)).toThrow(/no score/);
  });
});
