import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../core/api/contract';
import type { FileResult, Sheet, Task } from '../../../core/api/methods/scoring';
import { DEMO_PASSWORD } from '../../../core/demo/generate';
import type { FindingInput, TemplateContent } from '../../../core/standards/model';
import { scoringCampaign, type ScoringCampaign } from '../scoring/fixture';
import { tableCounts, testApp, type TestApp } from '../testing';

let t: TestApp;
let s: string;
beforeEach(async () => {
  t = await testApp();
  await t.ok('demo.load', { campaign: false });
  s = (await t.ok<{ token: string }>('auth.login', { username: 'zuzhi', password: DEMO_PASSWORD }))
    .token;
});
afterEach(() => t.cleanup());

interface Opened {
  template: { content: TemplateContent };
  sheet: Sheet;
}
type Content = { findings: FindingInput[]; comments?: string; highlights?: string };

/** A file of the campaign with its two evaluators (their user names). */
function fileOf(c: ScoringCampaign, index = 0) {
  const row = c.rows[index]!;
  const byPerson = new Map([...c.evaluators].map(([u, e]) => [e.personId, u]));
  const [a, b] = row.personIds.map((p) => byPerson.get(p)!);
  return { caseId: row.caseId, a: a!, b: b! };
}
const session = (c: ScoringCampaign, user: string) => c.evaluators.get(user)!.session;
const open = (c: ScoringCampaign, caseId: string, user: string) =>
  t.ok<Opened>('tasks.open', { campaignId: c.id, caseId }, session(c, user));
const save = (sheetId: string, revision: number, content: Content, who: string) =>
  t.call('sheets.save', { sheetId, revision, content }, who);

/** The first per-occurrence item of the template and its unit: count n deducts n × unit. */
function perOccurrence(tpl: TemplateContent) {
  for (const c of tpl.categories)
    for (const i of c.items) if (i.mode === 'per_occurrence' && i.unit) return i;
  throw new Error('no per-occurrence item');
}
const deduction = (
  tpl: TemplateContent,
  count: number,
  reason = '送达回证缺少签名',
): FindingInput => ({
  kind: 'item',
  code: perOccurrence(tpl).code,
  count,
  reason,
  pages: '12',
});

/** Saves the content as the user's next revision and submits it. */
async function scoreAndSubmit(c: ScoringCampaign, caseId: string, user: string, content: Content) {
  const o = await open(c, caseId, user);
  const rev = o.sheet.revision + 1;
  const saved = await save(o.sheet.id, rev, content, session(c, user));
  expect(saved.ok).toBe(true);
  return t.ok<{ sheet: Sheet; result: FileResult }>(
    'sheets.submit',
    { sheetId: o.sheet.id, revision: rev },
    session(c, user),
  );
}

describe('tasks and sheets', () => {
  it('starting the campaign opens one sheet per evaluator and file; each evaluator sees only their own tasks', async () => {
    const c = await scoringCampaign(t.ok, s);
    const counts = tableCounts(t.app);
    expect(counts.sheets).toBe(c.rows.length * 2);
    const mine = await t.ok<{ campaigns: { tasks: Task[]; mode: string }[] }>(
      'tasks.mine',
      {},
      session(c, 'pingcha1'),
    );
    const person = c.evaluators.get('pingcha1')!.personId;
    const expected = c.rows.filter((r) => r.personIds.includes(person)).length;
    expect(mine.campaigns).toHaveLength(1);
    expect(mine.campaigns[0]!.tasks).toHaveLength(expected);
    expect(mine.campaigns[0]!.tasks.every((x) => x.status === 'not_started')).toBe(true);
    // The coordinator has no person in the pool, hence no tasks.
    expect((await t.ok<{ campaigns: unknown[] }>('tasks.mine', {}, s)).campaigns).toEqual([]);
  });

  it('autosave is idempotent and ordered: a retried or late save never overwrites a newer one', async () => {
    const c = await scoringCampaign(t.ok, s);
    const { caseId, a } = fileOf(c);
    const o = await open(c, caseId, a);
    const tpl = o.template.content;
    const who = session(c, a);
    const r1 = await save(o.sheet.id, 1, { findings: [deduction(tpl, 1)] }, who);
    const r2 = await save(o.sheet.id, 2, { findings: [deduction(tpl, 2)] }, who);
    expect(r1.ok && r2.ok && r2.data).toMatchObject({ revision: 2, applied: true });
    // The first save arrives again, late: acknowledged, nothing changes.
    const late = await save(o.sheet.id, 1, { findings: [deduction(tpl, 1)] }, who);
    expect(late.ok && late.data).toMatchObject({ revision: 2, applied: false });
    const again = await save(o.sheet.id, 2, { findings: [deduction(tpl, 2)] }, who);
    expect(again.ok && again.data).toMatchObject({ revision: 2, applied: false });
    const now = await open(c, caseId, a);
    expect(now.sheet.revision).toBe(2);
    expect(now.sheet.content.findings[0]).toMatchObject({ count: 2 });
    const unit = perOccurrence(tpl).unit!;
    expect(now.sheet.score?.total).toBe(tpl.total - 2 * unit);
    // Every version is kept.
    const v = await t.ok<{ versions: { revision: number }[] }>(
      'sheets.versions',
      { sheetId: o.sheet.id },
      s,
    );
    expect(v.versions.map((x) => x.revision)).toEqual([1, 2]);
    const tasks = await t.ok<{ campaigns: { tasks: Task[] }[] }>('tasks.mine', {}, who);
    expect(tasks.campaigns[0]!.tasks.find((x) => x.caseId === caseId)!.status).toBe('in_progress');
  });

  it('submit refuses a deduction without a reason, then locks the sheet', async () => {
    const c = await scoringCampaign(t.ok, s);
    const { caseId, a } = fileOf(c);
    const o = await open(c, caseId, a);
    const tpl = o.template.content;
    const who = session(c, a);
    await save(o.sheet.id, 1, { findings: [deduction(tpl, 1, '')] }, who);
    const refused = await t.call('sheets.submit', { sheetId: o.sheet.id, revision: 1 }, who);
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'VALIDATION',
      key: 'errors.sheetIncomplete',
      fieldErrors: [
        { key: 'scoring.submit.reasonRequired', params: { code: perOccurrence(tpl).code } },
      ],
    });
    // A submit of an older revision than the sheet holds is refused too.
    await save(o.sheet.id, 2, { findings: [deduction(tpl, 1)] }, who);
    const stale = await t.call('sheets.submit', { sheetId: o.sheet.id, revision: 1 }, who);
    expect(!stale.ok && stale.error.key).toBe('errors.sheetStale');
    await t.ok('sheets.submit', { sheetId: o.sheet.id, revision: 2 }, who);
    const after = await save(o.sheet.id, 3, { findings: [] }, who);
    expect(!after.ok && after.error.key).toBe('errors.sheetSubmitted');
    // A veto needs a reason as well.
    const { caseId: other, a: a2 } = fileOf(c, 1);
    const o2 = await open(c, other, a2);
    await save(
      o2.sheet.id,
      1,
      { findings: [{ kind: 'veto', code: o2.template.content.vetoItems[0]!.code }] },
      session(c, a2),
    );
    const veto = await t.call(
      'sheets.submit',
      { sheetId: o2.sheet.id, revision: 1 },
      session(c, a2),
    );
    expect(!veto.ok && veto.error.fieldErrors?.[0]?.key).toBe('scoring.submit.vetoReasonRequired');
  });

  it('two sheets within the threshold give the mean, rounded to half a point', async () => {
    const c = await scoringCampaign(t.ok, s);
    const { caseId, a, b } = fileOf(c);
    const tpl = (await open(c, caseId, a)).template.content;
    const unit = perOccurrence(tpl).unit!;
    const first = await scoreAndSubmit(c, caseId, a, { findings: [deduction(tpl, 1)] });
    expect(first.result.state).toBe('waiting');
    const second = await scoreAndSubmit(c, caseId, b, { findings: [deduction(tpl, 2)] });
    const mean = Math.floor((tpl.total - unit + tpl.total - 2 * unit) / 2 / 5 + 0.5) * 5;
    expect(second.result).toMatchObject({
      state: 'final',
      decision: 'mean',
      total: mean,
      flags: [],
    });
    expect(second.result.info).toEqual([]);
  });

  it('a veto on one sheet only sends the file to 复核; the arbiter reconciles it with reasons', async () => {
    const c = await scoringCampaign(t.ok, s);
    const { caseId, a, b } = fileOf(c);
    const tpl = (await open(c, caseId, a)).template.content;
    const veto = { kind: 'veto' as const, code: tpl.vetoItems[0]!.code, reason: '主要证据不足' };
    await scoreAndSubmit(c, caseId, a, { findings: [veto] });
    const done = await scoreAndSubmit(c, caseId, b, { findings: [deduction(tpl, 1)] });
    expect(done.result.state).toBe('review');
    expect(done.result.flags.map((f) => f.kind)).toContain('veto');
    expect(done.result.info.map((i) => i.code).sort()).toEqual(
      [veto.code, perOccurrence(tpl).code].sort(),
    );
    const file = await t.ok<{ sheets: Sheet[] }>('review.file', { campaignId: c.id, caseId }, s);
    const base = file.sheets.find((x) => x.content.findings.some((f) => f.kind === 'item'))!;
    // The arbiter drops nothing and adds one occurrence, without saying why: refused.
    const content = { findings: [deduction(tpl, 2)] };
    const refused = await t.call(
      'review.decide',
      {
        decision: 'reconciled',
        campaignId: c.id,
        caseId,
        baseSheetId: base.id,
        content,
        changes: [],
        reason: '集体讨论',
      },
      s,
    );
    expect(!refused.ok && refused.error.key).toBe('errors.reconcileReasonMissing');
    const r = await t.ok<FileResult>(
      'review.decide',
      {
        decision: 'reconciled',
        campaignId: c.id,
        caseId,
        baseSheetId: base.id,
        content,
        changes: [{ kind: 'item', code: perOccurrence(tpl).code, reason: '第15页另有一处' }],
        reason: '否决项证据充分性经集体讨论不成立',
      },
      s,
    );
    expect(r).toMatchObject({
      state: 'final',
      decision: 'reconciled',
      total: tpl.total - 2 * perOccurrence(tpl).unit!,
      arbiter: '王明',
    });
    const all = await t.ok<{ sheets: Sheet[] }>('sheets.ofFile', { campaignId: c.id, caseId }, s);
    expect(all.sheets.map((x) => x.kind).sort()).toEqual(['evaluator', 'evaluator', 'reconciled']);
  });

  it('the coordinator returns a sheet with a reason; the evaluator sees why and submits again', async () => {
    const c = await scoringCampaign(t.ok, s);
    const { caseId, a, b } = fileOf(c);
    const tpl = (await open(c, caseId, a)).template.content;
    const first = await scoreAndSubmit(c, caseId, a, { findings: [deduction(tpl, 1)] });
    await scoreAndSubmit(c, caseId, b, { findings: [deduction(tpl, 1)] });
    const returned = await t.ok<Sheet>(
      'sheets.return',
      { sheetId: first.sheet.id, reason: '理由过于简单' },
      s,
    );
    expect(returned).toMatchObject({ status: 'returned', returnedReason: '理由过于简单' });
    const tasks = await t.ok<{ campaigns: { tasks: Task[] }[] }>('tasks.mine', {}, session(c, a));
    expect(tasks.campaigns[0]!.tasks.find((x) => x.caseId === caseId)).toMatchObject({
      status: 'returned',
      returnedReason: '理由过于简单',
    });
    const state = await t.ok<{ result: FileResult }>(
      'sheets.ofFile',
      { campaignId: c.id, caseId },
      s,
    );
    expect(state.result.state).toBe('waiting');
    const again = await scoreAndSubmit(c, caseId, a, {
      findings: [deduction(tpl, 1, '第12页送达回证无受送达人签名')],
    });
    expect(again.result.state).toBe('final');
    const v = await t.ok<{ versions: { status: string }[] }>(
      'sheets.versions',
      { sheetId: first.sheet.id },
      s,
    );
    expect(v.versions.map((x) => x.status)).toEqual([
      'open',
      'submitted',
      'returned',
      'returned',
      'submitted',
    ]);
  });

  it('joint mode: one sheet per file counts once every evaluator has signed the same revision', async () => {
    const c = await scoringCampaign(t.ok, s, { mode: 'joint' });
    expect(tableCounts(t.app).sheets).toBe(c.rows.length);
    const { caseId, a, b } = fileOf(c);
    const oa = await open(c, caseId, a);
    const tpl = oa.template.content;
    await save(oa.sheet.id, 1, { findings: [deduction(tpl, 1)] }, session(c, a));
    const signedA = await t.ok<{ sheet: Sheet; result: FileResult }>(
      'sheets.submit',
      { sheetId: oa.sheet.id, revision: 1 },
      session(c, a),
    );
    expect(signedA.sheet.status).toBe('open');
    // B changes the sheet: A's signature is for an older revision and no longer counts.
    await save(oa.sheet.id, 2, { findings: [deduction(tpl, 2)] }, session(c, b));
    const signedB = await t.ok<{ sheet: Sheet; result: FileResult }>(
      'sheets.submit',
      { sheetId: oa.sheet.id, revision: 2 },
      session(c, b),
    );
    expect(signedB.sheet.status).toBe('open');
    const final = await t.ok<{ sheet: Sheet; result: FileResult }>(
      'sheets.submit',
      { sheetId: oa.sheet.id, revision: 2 },
      session(c, a),
    );
    expect(final.sheet.status).toBe('submitted');
    expect(final.result).toMatchObject({ state: 'final', decision: 'joint' });
    expect(final.sheet.signatures.every((g) => g.signedRevision === 2)).toBe(true);
  });

  it('a campaign cannot be closed while files have no final score', async () => {
    const c = await scoringCampaign(t.ok, s);
    await t.ok('campaigns.setStatus', { id: c.id, status: 'review' }, s);
    const r = await t.call('campaigns.setStatus', { id: c.id, status: 'done' }, s);
    expect(!r.ok && r.error).toMatchObject({
      key: 'errors.campaignUnfinished',
      params: { count: c.rows.length },
    });
  });
});

describe('blindness, enforced by the API', () => {
  it('before B submits, no method B may call exposes A’s sheet; the coordinator gets it', async () => {
    const c = await scoringCampaign(t.ok, s);
    const { caseId, a, b } = fileOf(c);
    const oa = await open(c, caseId, a);
    const tpl = oa.template.content;
    const secret = 'A的独有理由-第7页询问笔录未签名';
    await scoreAndSubmit(c, caseId, a, { findings: [deduction(tpl, 1, secret)] });
    const ob = await open(c, caseId, b);
    const who = session(c, b);
    const ids = {
      campaignId: c.id,
      caseId,
      sheetId: oa.sheet.id,
      id: c.id,
      attachmentId: 'x',
    };
    // Every method an evaluator may call, with every id that could lead to A's sheet.
    // (auth.logout would end B's session and prove nothing.)
    const evaluatorMethods = (Object.keys(contract) as MethodName[]).filter((m) => {
      const access = contract[m].access;
      return access !== 'public' && access.includes('evaluator') && m !== 'auth.logout';
    });
    expect(evaluatorMethods).toEqual(
      expect.arrayContaining(['tasks.mine', 'tasks.open', 'sheets.ofFile', 'sheets.save']),
    );
    const leaks: string[] = [];
    for (const m of evaluatorMethods) {
      const shape = (contract[m].input as { shape?: Record<string, unknown> }).shape ?? {};
      const input = Object.fromEntries(
        Object.keys(shape)
          .filter((k) => k in ids)
          .map((k) => [k, ids[k as keyof typeof ids]]),
      );
      if (m === 'sheets.save') Object.assign(input, { revision: 99, content: { findings: [] } });
      if (m === 'sheets.submit') Object.assign(input, { revision: 1 });
      const r = await t.call(m, input, who);
      const text = JSON.stringify(r);
      if (text.includes(secret) || (r.ok && text.includes(oa.sheet.id))) leaks.push(m);
    }
    expect(leaks).toEqual([]);
    const blind = await t.call('sheets.ofFile', { campaignId: c.id, caseId }, who);
    expect(!blind.ok && blind.error).toMatchObject({
      code: 'FORBIDDEN',
      key: 'errors.sheetsBlind',
    });
    const write = await save(oa.sheet.id, 99, { findings: [] }, who);
    expect(!write.ok && write.error.key).toBe('errors.notYourSheet');
    // B's own sheet is still empty and still B's: the call above changed nothing.
    expect((await open(c, caseId, b)).sheet).toMatchObject({ id: ob.sheet.id, revision: 0 });
    // Coordinator-only reads are refused outright.
    for (const m of ['review.file', 'review.list', 'sheets.versions', 'review.progress']) {
      const r = await t.call(m, { campaignId: c.id, caseId, sheetId: oa.sheet.id }, who);
      expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    }
    // The coordinator reads A's sheet.
    const coord = await t.ok<{ sheets: Sheet[] }>('sheets.ofFile', { campaignId: c.id, caseId }, s);
    expect(JSON.stringify(coord)).toContain(secret);
    // Once B has submitted, both may read both sheets.
    await scoreAndSubmit(c, caseId, b, { findings: [deduction(tpl, 1)] });
    const after = await t.ok<{ sheets: Sheet[] }>(
      'sheets.ofFile',
      { campaignId: c.id, caseId },
      who,
    );
    expect(JSON.stringify(after)).toContain(secret);
  });
});

describe('the campaign dashboard', () => {
  it('counts progress per evaluator and per department, and lists overdue tasks after the deadline', async () => {
    const c = await scoringCampaign(t.ok, s, { deadline: '2026-11-20' });
    const { caseId, a, b } = fileOf(c);
    const tpl = (await open(c, caseId, a)).template.content;
    await scoreAndSubmit(c, caseId, a, { findings: [deduction(tpl, 1)] });
    await scoreAndSubmit(c, caseId, b, { findings: [] });
    const p = await t.ok<{
      files: { total: number; final: number; waiting: number };
      evaluators: { name: string; assigned: number; submitted: number }[];
      departments: { files: number; final: number; mean: number | null }[];
      overdue: { caseNo: string }[];
      grades: { grade: string; count: number }[];
    }>('review.progress', { campaignId: c.id }, s);
    expect(p.files).toMatchObject({ total: c.rows.length, final: 1, waiting: c.rows.length - 1 });
    expect(p.evaluators.reduce((n, e) => n + e.assigned, 0)).toBe(c.rows.length * 2);
    expect(p.evaluators.reduce((n, e) => n + e.submitted, 0)).toBe(2);
    expect(p.departments.reduce((n, d) => n + d.files, 0)).toBe(c.rows.length);
    expect(p.departments.filter((d) => d.mean !== null)).toHaveLength(1);
    expect(p.overdue).toHaveLength(c.rows.length * 2 - 2);
    expect(p.grades.reduce((n, g) => n + g.count, 0)).toBe(1);
  });
});
