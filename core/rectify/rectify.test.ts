// The pure rules of rectification: status moves, overdue days, progress per department, the
// summary paragraph, and the problems taken from the results model (the hand-computed fixture
// campaign of core/results/fixture.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAMPAIGN } from '../results/fixture';
import { buildResults } from '../results/results';
import { problemsOf } from './problems';
import { daysBetween, overdueDays, progressOf, type TrackedProblem } from './progress';
import { checkMove, RECTIFY_STATUSES, TRANSITIONS, type RectifyStatus } from './status';
import { summaryParagraph } from './summary';

describe('status moves', () => {
  const move = (from: RectifyStatus, to: RectifyStatus, reply = '已补正', note = '') =>
    checkMove({ from, to, reply, note });

  it('allows the documented moves', () => {
    expect(move('open', 'in_progress', '')).toBeNull();
    expect(move('open', 'rectified')).toBeNull();
    expect(move('in_progress', 'rectified')).toBeNull();
    expect(move('in_progress', 'open', '')).toBeNull();
    expect(move('rectified', 'verified')).toBeNull();
    expect(move('rectified', 'in_progress', '已补正', '送达回证仍缺签名')).toBeNull();
  });

  it('verifies only after 已整改', () => {
    expect(move('open', 'verified')).toBe('verifyBeforeRectified');
    expect(move('in_progress', 'verified')).toBe('verifyBeforeRectified');
  });

  it('keeps 已复核 final, even for the reply alone', () => {
    for (const to of RECTIFY_STATUSES) expect(move('verified', to)).toBe('verifiedFinal');
  });

  it('refuses other jumps', () => {
    expect(move('rectified', 'open')).toBe('transition');
  });

  it('needs a reply for 已整改 and 已复核, a note to send a problem back', () => {
    expect(move('open', 'rectified', '')).toBe('replyRequired');
    expect(move('rectified', 'verified', '')).toBe('replyRequired');
    expect(move('rectified', 'in_progress')).toBe('noteRequired');
  });

  it('lets the reply be edited without a move, but an empty reply cannot stay 已整改', () => {
    expect(move('open', 'open', '')).toBeNull();
    expect(move('in_progress', 'in_progress', '正在补正')).toBeNull();
    expect(move('rectified', 'rectified', '')).toBe('replyRequired');
  });

  it('never reaches 已复核 except from 已整改 (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RECTIFY_STATUSES),
        fc.constantFrom(...RECTIFY_STATUSES),
        fc.string(),
        fc.string(),
        (from, to, reply, note) => {
          const ok = checkMove({ from, to, reply: reply.trim(), note: note.trim() }) === null;
          if (ok && to === 'verified') expect(from).toBe('rectified');
          if (ok && from !== to) expect(TRANSITIONS[from]).toContain(to);
          if (from === 'verified') expect(ok).toBe(false);
        },
      ),
    );
  });
});

describe('overdue', () => {
  it('counts calendar days across months and years', () => {
    expect(daysBetween('2026-01-05', '2026-01-05')).toBe(0);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2); // leap year
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
  });

  it('starts the day after the deadline, and only while not rectified', () => {
    expect(overdueDays('2026-01-05', '2026-01-05', 'open')).toBe(0);
    expect(overdueDays('2026-01-05', '2026-01-06', 'open')).toBe(1);
    expect(overdueDays('2026-01-05', '2026-01-15', 'in_progress')).toBe(10);
    expect(overdueDays('2026-01-05', '2026-01-15', 'rectified')).toBe(0);
    expect(overdueDays('2026-01-05', '2026-01-15', 'verified')).toBe(0);
    expect(overdueDays('2026-01-05', '2025-12-01', 'open')).toBe(0);
  });
});

const item = (
  departmentId: string,
  departmentName: string,
  deadline: string,
  status: RectifyStatus,
): TrackedProblem => ({ departmentId, departmentName, deadline, status });

// 甲局 (deadline passed): 2 open, 1 in progress, 1 rectified → 3 overdue.
// 乙局 (deadline passed): 1 verified, 1 rectified → none overdue.
// 丙局 (deadline ahead): 2 open → none overdue.
const ITEMS = [
  item('a', '甲局', '2026-01-05', 'open'),
  item('a', '甲局', '2026-01-05', 'open'),
  item('a', '甲局', '2026-01-05', 'in_progress'),
  item('a', '甲局', '2026-01-05', 'rectified'),
  item('b', '乙局', '2026-01-05', 'verified'),
  item('b', '乙局', '2026-01-05', 'rectified'),
  item('c', '丙局', '2026-02-01', 'open'),
  item('c', '丙局', '2026-02-01', 'open'),
];

describe('progress', () => {
  const r = progressOf(ITEMS, '2026-01-10');

  it('counts per department, ordered by name (pinyin)', () => {
    expect(r.departments.map((d) => d.departmentName)).toEqual(['丙局', '甲局', '乙局']);
    const a = r.departments.find((d) => d.departmentId === 'a')!;
    expect(a.counts).toEqual({ open: 2, in_progress: 1, rectified: 1, verified: 0 });
    expect(a.total).toBe(4);
    expect(a.resolved).toBe(1);
    expect(a.rateHundredths).toBe(2500);
    expect(a.overdue).toBe(3);
    expect(a.isOverdue).toBe(true);
    expect(a.overdueDays).toBe(5);
    const b = r.departments.find((d) => d.departmentId === 'b')!;
    expect(b.rateHundredths).toBe(10_000);
    expect(b.isOverdue).toBe(false);
    expect(b.overdueDays).toBe(0);
    expect(r.departments.find((d) => d.departmentId === 'c')!.isOverdue).toBe(false);
  });

  it('adds up in the totals', () => {
    expect(r.totals.counts).toEqual({ open: 4, in_progress: 1, rectified: 2, verified: 1 });
    expect(r.totals.total).toBe(8);
    expect(r.totals.resolved).toBe(3);
    expect(r.totals.rateHundredths).toBe(3750);
    expect(r.totals.overdue).toBe(3);
    expect(r.totals.departments).toBe(3);
    expect(r.totals.overdueDepartments).toBe(1);
  });

  it('gives the same report for grouped counts as for single problems', () => {
    const grouped: TrackedProblem[] = [];
    for (const it of ITEMS) {
      const g = grouped.find((x) => x.departmentId === it.departmentId && x.status === it.status);
      if (g) g.count = (g.count ?? 1) + 1;
      else grouped.push({ ...it, count: 1 });
    }
    expect(grouped.length).toBeLessThan(ITEMS.length);
    expect(progressOf(grouped, '2026-01-10')).toEqual(r);
  });

  it('has no rate without problems', () => {
    expect(progressOf([], '2026-01-10').totals.rateHundredths).toBeNull();
  });
});

describe('summary paragraph', () => {
  it('states the figures and names the overdue departments (zh-CN)', () => {
    expect(summaryParagraph('zh-CN', progressOf(ITEMS, '2026-01-10'))).toBe(
      '截至2026年1月10日，已向3个单位下发整改通知，涉及问题8个。' +
        '其中已整改3个（已复核1个），整改中1个，未整改4个，整改率37.50%。' +
        '1个单位的3个问题逾期未整改（甲局3个）。请相关单位抓紧整改，按期报送整改情况。',
    );
  });

  it('counts the departments granted a later deadline, before the overdue ones', () => {
    expect(summaryParagraph('zh-CN', progressOf(ITEMS, '2026-01-10'), 2)).toContain(
      '整改率37.50%。2个单位经批准延长了整改期限。1个单位的3个问题逾期未整改',
    );
    expect(summaryParagraph('en-US', progressOf(ITEMS, '2026-01-10'), 1)).toContain(
      ' 1 department(s) were granted a later deadline.',
    );
  });

  it('is translated (en-US)', () => {
    const text = summaryParagraph('en-US', progressOf(ITEMS, '2026-01-10'));
    expect(text).toContain(
      'As of 2026-1-10, rectification notices have been issued to 3 departments',
    );
    expect(text).toContain('a rectification rate of 37.50%');
    expect(text).toContain('(甲局: 3)');
    expect(text).not.toMatch(/\{\{|\}\}/);
  });

  it('says when nothing is overdue, when all is done, and when nothing was issued', () => {
    const early = summaryParagraph('zh-CN', progressOf(ITEMS, '2026-01-05'));
    expect(early).not.toContain('逾期');
    const done = [item('a', '甲局', '2026-01-05', 'verified')];
    expect(summaryParagraph('zh-CN', progressOf(done, '2026-03-01'))).toContain(
      '已全部完成整改，并经复核确认',
    );
    const rectified = [...done, item('b', '乙局', '2026-01-05', 'rectified')];
    expect(summaryParagraph('zh-CN', progressOf(rectified, '2026-03-01'))).toContain('待复核确认');
    expect(summaryParagraph('zh-CN', progressOf([], '2026-03-01'))).toBe(
      '截至2026年3月1日，尚未向任何单位下发整改通知。',
    );
  });

  it('names five overdue departments at most, most overdue first', () => {
    const many = ['甲', '乙', '丙', '丁', '戊', '己', '庚'].flatMap((n, i) =>
      Array.from({ length: i + 1 }, () => item(n, `${n}局`, '2026-01-05', 'open')),
    );
    const text = summaryParagraph('zh-CN', progressOf(many, '2026-01-06'));
    expect(text).toContain(
      '7个单位的28个问题逾期未整改（庚局7个、己局6个、戊局5个、丁局4个、丙局3个等7个单位）',
    );
  });
});

describe('problems of the final results', () => {
  const model = buildResults(CAMPAIGN);

  it('lists every problem of the final files asked for, in the model order', () => {
    const ids = new Set(['f1', 'f2', 'f3']);
    const drafts = problemsOf(model, ids);
    const expected = model.files
      .filter((f) => ids.has(f.caseId))
      .flatMap((f) => f.problems.map((p) => `${f.caseId}:${p.source}:${p.code}`));
    expect(drafts.map((d) => `${d.caseId}:${d.source}:${d.code}`)).toEqual(expected);
    expect(drafts.map((d) => d.position)).toEqual(drafts.map((_, i) => i));
    // f3 has the veto item V1 first (veto items come first on the sheet).
    const f3 = drafts.filter((d) => d.caseId === 'f3');
    expect(f3[0]).toMatchObject({ source: 'veto', code: 'V1', categoryName: null });
  });

  it('takes reason, pages and tags from the model, and skips files not final', () => {
    const f6 = model.files.find((f) => f.caseId === 'f6')!;
    expect(f6.final).toBeNull();
    expect(f6.problems.length).toBeGreaterThan(0);
    expect(problemsOf(model, new Set(['f6']))).toEqual([]);
    const f2 = model.files.find((f) => f.caseId === 'f2')!;
    const drafts = problemsOf(model, new Set(['f2']));
    expect(drafts.length).toBe(f2.problems.length);
    drafts.forEach((d, i) => {
      expect(d.reason).toBe(f2.problems[i]!.reason.trim());
      expect(d.pages).toBe(f2.problems[i]!.pages.trim());
      expect(d.tags).toEqual(f2.problems[i]!.tags);
      expect(d.text).toBe(f2.problems[i]!.text);
      expect(d.caseNo).toBe(f2.caseNo);
    });
  });
});
