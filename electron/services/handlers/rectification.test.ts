// Rectification use cases on a real workspace: the demo with its finished campaign (2025年度, every
// file final) and its campaign in progress. Access, the overview against the results model,
// issuing (one transaction, idempotent, refused as a whole), status moves with the reply and the
// refusals (translated), evidence files, the overdue list after the deadline and the summary.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { DEMO_PASSWORD } from '../../../core/demo/generate';
import { translate } from '../../../core/i18n';
import type { ResultsModel } from '../../../core/results/results';
import { DEMO_FINISHED_CAMPAIGN_NAME } from '../scoring/demo-campaign';
import { ZipReader } from '../import/zip';
import { tableCounts, testApp, type TestApp } from '../testing';

type Overview = MethodOutput<'rectify.overview'>;
type Item = MethodOutput<'rectify.update'>;
type Page = MethodOutput<'rectify.list'>;

let t: TestApp;
let session: string;
let evaluator: string;
let done: string;
let scoring: string;
let model: ResultsModel;
let overview: Overview;

const PDF = new TextEncoder().encode(
  '%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n',
);

beforeAll(async () => {
  t = await testApp();
  await t.ok('demo.load', { campaign: true });
  session = (
    await t.ok<{ token: string }>('auth.login', { username: 'zuzhi', password: DEMO_PASSWORD })
  ).token;
  evaluator = (
    await t.ok<{ token: string }>('auth.login', { username: 'pingcha1', password: DEMO_PASSWORD })
  ).token;
  const { campaigns } = await t.ok<{ campaigns: { id: string; name: string; status: string }[] }>(
    'campaigns.list',
    {},
    session,
  );
  const finished = campaigns.find((c) => c.status === 'done')!;
  expect(finished.name).toBe(DEMO_FINISHED_CAMPAIGN_NAME);
  done = finished.id;
  scoring = campaigns.find((c) => c.status === 'scoring')!.id;
  model = (await t.ok<{ model: ResultsModel }>('results.get', { campaignId: done }, session)).model;
  overview = await t.ok<Overview>('rectify.overview', { campaignId: done }, session);
}, 120_000);
afterAll(() => t.cleanup());

const call = (method: string, input: unknown) => t.call(method, input, session);
async function refused(method: string, input: unknown): Promise<ApiError> {
  const r = await call(method, input);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}
const zh = (e: ApiError) => translate('zh-CN', e.key, e.params ?? {});

/** The department with the most problems, and one with the fewest (but some). */
const mostProblems = () => [...overview.departments].sort((a, b) => b.problems - a.problems)[0]!;
const fewestProblems = () =>
  [...overview.departments]
    .filter((d) => d.problems > 0)
    .sort((a, b) => a.problems - b.problems)[0]!;

describe('access', () => {
  it('is for the coordinator only', async () => {
    const inputs: Record<string, unknown> = {
      'rectify.overview': { campaignId: done },
      'rectify.issue': { campaignId: done, departmentIds: ['x'] },
      'rectify.noticeDocx': { campaignId: done, departmentId: 'x' },
      'rectify.list': { campaignId: done },
      'rectify.item': { itemId: 'x' },
      'rectify.update': { itemId: 'x', status: 'rectified' },
      'rectify.attach': { itemId: 'x', file: { fileName: 'a.pdf', bytes: PDF } },
      'rectify.evidence': { evidenceId: 'x' },
      'rectify.detach': { evidenceId: 'x' },
      'rectify.overdue': { campaignId: done },
      'rectify.summary': { campaignId: done },
    };
    for (const [m, input] of Object.entries(inputs)) {
      const r = await t.call(m, input, evaluator);
      expect(r.ok || r.error.code, m).toBe('FORBIDDEN');
    }
  });
});

describe('rectify.overview', () => {
  it('lists every department of the campaign with the problems of its final results', () => {
    expect(overview.name).toBe(DEMO_FINISHED_CAMPAIGN_NAME);
    expect(overview.departments.length).toBe(model.departments.length);
    for (const d of overview.departments) {
      const row = model.departments.find((m) => m.departmentName === d.departmentName)!;
      expect(d.files, d.departmentName).toBe(row.files);
      expect(d.finalFiles).toBe(row.finalFiles);
      expect(d.meanHundredths).toBe(row.meanHundredths);
      // What a notice would track is the department's problem count in the model.
      expect(d.problems).toBe(row.problems.problems);
      expect(d.problemFiles).toBe(row.problems.filesWithProblems);
      expect(d.notice).toBeNull();
      expect(d.total).toBe(0);
    }
    expect(overview.totals.problems).toBe(model.problems.problems);
    expect(overview.totals.notified).toBe(0);
    expect(overview.defaults.issuer).not.toBe('');
    expect(overview.asOf).toBe('2026-11-23');
    expect(overview.defaults.deadline).toBe('2026-12-23');
  });

  it('refuses an unknown campaign', async () => {
    expect((await refused('rectify.overview', { campaignId: 'nope' })).code).toBe('NOT_FOUND');
  });
});

describe('rectify.issue', () => {
  it('refuses a campaign that is not finished, saying its state', async () => {
    const dept = overview.departments[0]!;
    const e = await refused('rectify.issue', {
      campaignId: scoring,
      departmentIds: [dept.departmentId],
    });
    expect(e.code).toBe('CONFLICT');
    expect(e.key).toBe('rectify.errors.campaignNotDone');
    expect(zh(e)).toContain('评查活动当前为“评查中”状态');
  });

  it('refuses invalid input field by field, with translated keys', async () => {
    const e = await refused('rectify.issue', {
      campaignId: done,
      departmentIds: [],
      date: '2026-02-30',
      rectifyDays: 0,
      extra: 1,
    });
    expect(e.code).toBe('VALIDATION');
    const byPath = new Map(e.fieldErrors!.map((f) => [f.path, f.key]));
    expect(byPath.get('departmentIds')).toBe('validation.array_min');
    expect(byPath.get('date')).toBe('validation.date');
    expect(byPath.get('rectifyDays')).toBe('validation.number_min');
    expect(byPath.get('')).toBe('validation.unrecognized_keys');
  });

  it('refuses a deadline before the date and a department outside the campaign', async () => {
    const dept = mostProblems();
    const e = await refused('rectify.issue', {
      campaignId: done,
      departmentIds: [dept.departmentId],
      date: '2026-11-23',
      deadline: '2026-11-22',
    });
    expect(e.code).toBe('BAD_INPUT');
    expect(zh(e)).toBe('整改期限（2026-11-22）不能早于发文日期（2026-11-23）。');
    const outside = await refused('rectify.issue', { campaignId: done, departmentIds: ['nope'] });
    expect(outside.key).toBe('rectify.errors.departmentNotInCampaign');
  });

  it('writes nothing when one department of the call cannot be notified', async () => {
    const before = tableCounts(t.app);
    const e = await refused('rectify.issue', {
      campaignId: done,
      departmentIds: [mostProblems().departmentId, 'nope'],
    });
    expect(e.key).toBe('rectify.errors.departmentNotInCampaign');
    expect(tableCounts(t.app)).toEqual(before);
  });

  it('records the notice and one tracking row per problem of the final results, once', async () => {
    const dept = mostProblems();
    const before = tableCounts(t.app);
    const r = await t.ok<MethodOutput<'rectify.issue'>>(
      'rectify.issue',
      {
        campaignId: done,
        departmentIds: [dept.departmentId],
        docNumber: { code: '东司法函', year: 2026, serial: 12 },
      },
      session,
    );
    expect(r.notices).toHaveLength(1);
    const n = r.notices[0]!;
    expect(n.created).toBe(true);
    expect(n.problems).toBe(dept.problems);
    expect(n.notice).toMatchObject({
      departmentId: dept.departmentId,
      departmentName: dept.departmentName,
      date: '2026-11-23',
      deadline: '2026-12-23',
      docNumber: { code: '东司法函', year: 2026, serial: 12 },
      issuedBy: '王明',
    });
    const after = tableCounts(t.app);
    expect(after.rectification_notices).toBe(before.rectification_notices! + 1);
    expect(after.rectification_items).toBe(before.rectification_items! + dept.problems);
    expect(after.audit_log).toBe(before.audit_log! + 1);

    // The rows are the model's problems of the department's final files, in the model's order.
    const list = await t.ok<Page>(
      'rectify.list',
      { campaignId: done, departmentId: dept.departmentId, pageSize: 200 },
      session,
    );
    const expected = model.files
      .filter((f) => f.departmentName === dept.departmentName && f.final)
      .flatMap((f) =>
        f.problems.map((p) => ({
          caseNo: f.caseNo,
          code: p.code,
          reason: p.reason,
          description: p.text,
        })),
      );
    expect(list.total).toBe(expected.length);
    expect(
      list.items.map((i) => ({
        caseNo: i.caseNo,
        code: i.code,
        reason: i.reason,
        description: i.description,
      })),
    ).toEqual(expected);
    expect(
      list.items.every((i) => i.status === 'open' && i.reply === '' && i.overdueDays === 0),
    ).toBe(true);

    // Issuing again changes nothing and says so.
    const again = await t.ok<MethodOutput<'rectify.issue'>>(
      'rectify.issue',
      { campaignId: done, departmentIds: [dept.departmentId], rectifyDays: 5 },
      session,
    );
    expect(again.notices[0]).toMatchObject({ created: false, problems: dept.problems });
    expect(again.notices[0]!.notice.deadline).toBe('2026-12-23');
    expect(tableCounts(t.app)).toEqual(after);

    const o = await t.ok<Overview>('rectify.overview', { campaignId: done }, session);
    const row = o.departments.find((d) => d.departmentId === dept.departmentId)!;
    expect(row.notice?.id).toBe(n.notice.id);
    expect(row.counts).toEqual({ open: dept.problems, in_progress: 0, rectified: 0, verified: 0 });
    expect(o.totals.notified).toBe(1);
  });
});

describe('rectify.update and evidence', () => {
  let item: Item;
  beforeAll(async () => {
    const list = await t.ok<Page>(
      'rectify.list',
      { campaignId: done, departmentId: mostProblems().departmentId, pageSize: 1 },
      session,
    );
    item = list.items[0]!;
  });

  it('refuses 已复核 before 已整改, and 已整改 without a reply, in the user’s language', async () => {
    const e = await refused('rectify.update', {
      itemId: item.id,
      status: 'verified',
      reply: '已补正',
    });
    expect(e.code).toBe('CONFLICT');
    expect(zh(e)).toBe('问题要先标记为“已整改”，才能复核（当前为“未整改”）。');
    const noReply = await refused('rectify.update', { itemId: item.id, status: 'rectified' });
    expect(noReply.code).toBe('BAD_INPUT');
    expect(zh(noReply)).toBe('标记为“已整改”前，请填写单位的整改答复（采取了哪些整改措施）。');
    const bad = await refused('rectify.update', { itemId: item.id, status: 'fixed' });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fieldErrors![0]).toMatchObject({ path: 'status', key: 'validation.invalid_value' });
  });

  it('moves 未整改 → 整改中 → 已整改 → 已复核 with the reply, history and audit', async () => {
    const audit0 = tableCounts(t.app).audit_log!;
    const a = await t.ok<Item>(
      'rectify.update',
      {
        itemId: item.id,
        status: 'in_progress',
        reply: '已组织承办人员补正送达回证',
        expected: 'open',
      },
      session,
    );
    expect(a).toMatchObject({
      status: 'in_progress',
      reply: '已组织承办人员补正送达回证',
      changedBy: '王明',
    });
    expect(a.repliedAt).not.toBeNull();

    const ev = await t.ok<MethodOutput<'rectify.attach'>>(
      'rectify.attach',
      { itemId: item.id, file: { fileName: '送达回证（补正）.pdf', bytes: PDF } },
      session,
    );
    expect(ev).toMatchObject({
      fileName: '送达回证（补正）.pdf',
      mime: 'application/pdf',
      size: PDF.length,
    });

    const b = await t.ok<Item>('rectify.update', { itemId: item.id, status: 'rectified' }, session);
    expect(b.status).toBe('rectified');
    expect(b.reply).toBe('已组织承办人员补正送达回证'); // kept when not given
    expect(b.evidence.map((e) => e.fileName)).toEqual(['送达回证（补正）.pdf']);

    // Back to 整改中 needs a note.
    const back = await refused('rectify.update', { itemId: item.id, status: 'in_progress' });
    expect(back.key).toBe('rectify.errors.noteRequired');

    const c = await t.ok<Item>('rectify.update', { itemId: item.id, status: 'verified' }, session);
    expect(c).toMatchObject({ status: 'verified', verifiedBy: '王明' });

    const detail = await t.ok<MethodOutput<'rectify.item'>>(
      'rectify.item',
      { itemId: item.id },
      session,
    );
    expect(detail.changes.map((ch) => `${ch.from}>${ch.to}`)).toEqual([
      'open>in_progress',
      'in_progress>rectified',
      'rectified>verified',
    ]);
    expect(tableCounts(t.app).audit_log).toBe(audit0 + 4); // three moves and the evidence

    // 已复核 is final: no move, no reply edit, no evidence change.
    const final = await refused('rectify.update', {
      itemId: item.id,
      status: 'verified',
      reply: '改',
    });
    expect(zh(final)).toBe('这个问题已复核，整改记录不能再修改。');
    const locked = await refused('rectify.attach', {
      itemId: item.id,
      file: { fileName: 'b.pdf', bytes: PDF },
    });
    expect(locked.key).toBe('rectify.errors.evidenceLocked');
    expect((await refused('rectify.detach', { evidenceId: ev.id })).key).toBe(
      'rectify.errors.evidenceLocked',
    );
  });

  it('refuses a move over someone else’s change', async () => {
    const list = await t.ok<Page>(
      'rectify.list',
      {
        campaignId: done,
        departmentId: mostProblems().departmentId,
        statuses: ['open'],
        pageSize: 1,
      },
      session,
    );
    const it = list.items[0]!;
    await t.ok(
      'rectify.update',
      { itemId: it.id, status: 'in_progress', reply: '整改中' },
      session,
    );
    const e = await refused('rectify.update', {
      itemId: it.id,
      status: 'rectified',
      reply: '已整改',
      expected: 'open',
    });
    expect(e.code).toBe('CONFLICT');
    expect(zh(e)).toBe('这个问题已被他人改为“整改中”，请刷新后再操作。');
  });

  it('accepts PDF, images and DOCX evidence, refuses other files, and keeps the bytes apart', async () => {
    const list = await t.ok<Page>(
      'rectify.list',
      {
        campaignId: done,
        departmentId: mostProblems().departmentId,
        statuses: ['open'],
        pageSize: 1,
      },
      session,
    );
    const it = list.items[0]!;
    const text = await refused('rectify.attach', {
      itemId: it.id,
      file: { fileName: '说明.txt', bytes: new TextEncoder().encode('已整改') },
    });
    expect(text.code).toBe('BAD_INPUT');
    expect(zh(text)).toBe(
      '“说明.txt”不是可接受的佐证材料。请上传 PDF、图片（JPG、PNG 等）或 Word（.docx）文件。',
    );
    const empty = await refused('rectify.attach', {
      itemId: it.id,
      file: { fileName: 'x.pdf', bytes: new Uint8Array() },
    });
    expect(empty.key).toBe('errors.fileEmpty');

    // A DOCX (the written report): the notice of another department will do.
    const other = fewestProblems();
    await t.ok('rectify.issue', { campaignId: done, departmentIds: [other.departmentId] }, session);
    const docx = await t.ok<{ fileName: string; bytes: Uint8Array }>(
      'rectify.noticeDocx',
      { campaignId: done, departmentId: other.departmentId },
      session,
    );
    const word = await t.ok<MethodOutput<'rectify.attach'>>(
      'rectify.attach',
      { itemId: it.id, file: { fileName: '整改报告.docx', bytes: docx.bytes } },
      session,
    );
    expect(word.mime).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const content = await t.ok<{ bytes: Uint8Array; fileName: string }>(
      'rectify.evidence',
      { evidenceId: word.id },
      session,
    );
    expect(Buffer.from(content.bytes).equals(Buffer.from(docx.bytes))).toBe(true);

    // Stored content-addressed in the rectification store, not among case attachments.
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(docx.bytes).digest('hex');
    const blob = join(t.dir, 'rectification', 'attachments', sha.slice(0, 2), sha);
    expect(existsSync(blob)).toBe(true);
    expect(existsSync(join(t.dir, 'attachments', sha.slice(0, 2), sha))).toBe(false);

    await t.ok('rectify.detach', { evidenceId: word.id }, session);
    // The file is kept: a backup taken before the removal still names it.
    expect(existsSync(blob)).toBe(true);
    expect((await refused('rectify.evidence', { evidenceId: word.id })).code).toBe('NOT_FOUND');
  });
});

describe('rectify.list', () => {
  it('filters by department and status, and pages', async () => {
    const all = await t.ok<Page>('rectify.list', { campaignId: done, pageSize: 200 }, session);
    const o = await t.ok<Overview>('rectify.overview', { campaignId: done }, session);
    expect(all.total).toBe(o.totals.total);
    const open = await t.ok<Page>(
      'rectify.list',
      { campaignId: done, statuses: ['open'], pageSize: 200 },
      session,
    );
    expect(open.total).toBe(o.totals.counts.open);
    expect(open.items.every((i) => i.status === 'open')).toBe(true);
    const two = await t.ok<Page>(
      'rectify.list',
      { campaignId: done, statuses: ['in_progress', 'verified'] },
      session,
    );
    expect(two.total).toBe(o.totals.counts.in_progress + o.totals.counts.verified);
    const p2 = await t.ok<Page>(
      'rectify.list',
      { campaignId: done, page: 2, pageSize: 3 },
      session,
    );
    expect(p2.items.map((i) => i.id)).toEqual(all.items.slice(3, 6).map((i) => i.id));
    const e = await refused('rectify.list', { campaignId: done, pageSize: 1000 });
    expect(e.fieldErrors![0]).toMatchObject({ path: 'pageSize', key: 'validation.number_max' });
  });
});

describe('overdue and summary', () => {
  it('lists the problems not rectified once the deadline has passed, and sums up', async () => {
    const before = await t.ok<MethodOutput<'rectify.overdue'>>(
      'rectify.overdue',
      { campaignId: done },
      session,
    );
    expect(before.total).toBe(0);

    t.clock.advance(40 * 86_400_000); // 2027-01-02: ten days after the deadline 2026-12-23
    // Sessions end after 12 idle hours: sign in again.
    session = (
      await t.ok<{ token: string }>('auth.login', { username: 'zuzhi', password: DEMO_PASSWORD })
    ).token;
    const o = await t.ok<Overview>('rectify.overview', { campaignId: done }, session);
    const notOk = o.totals.counts.open + o.totals.counts.in_progress;
    expect(notOk).toBeGreaterThan(0);
    const late = await t.ok<MethodOutput<'rectify.overdue'>>(
      'rectify.overdue',
      { campaignId: done },
      session,
    );
    expect(late.asOf).toBe('2027-01-02');
    expect(late.total).toBe(notOk);
    expect(
      late.items.every(
        (i) => i.overdueDays === 10 && (i.status === 'open' || i.status === 'in_progress'),
      ),
    ).toBe(true);
    expect(late.departments.map((d) => d.departmentName).sort()).toEqual(
      o.departments
        .filter((d) => d.isOverdue)
        .map((d) => d.departmentName)
        .sort(),
    );
    expect(
      o.departments.filter((d) => d.notice).every((d) => d.isOverdue && d.overdueDays === 10),
    ).toBe(true);

    const s = await t.ok<MethodOutput<'rectify.summary'>>(
      'rectify.summary',
      { campaignId: done },
      session,
    );
    expect(s.totals.total).toBe(o.totals.total);
    expect(s.totals.overdue).toBe(notOk);
    expect(s.paragraph).toContain(
      `截至2027年1月2日，已向${s.totals.departments}个单位下发整改通知，涉及问题${s.totals.total}个。`,
    );
    expect(s.paragraph).toContain(`已复核${s.totals.counts.verified}个`);
    expect(s.paragraph).toContain('逾期未整改');
    expect(s.notNotified.length).toBe(
      o.departments.filter((d) => !d.notice && d.problems > 0).length,
    );

    await t.ok('account.setLocale', { locale: 'en-US' }, session);
    const en = await t.ok<MethodOutput<'rectify.summary'>>(
      'rectify.summary',
      { campaignId: done },
      session,
    );
    expect(en.paragraph).toMatch(/^As of 2027-1-2, rectification notices have been issued to/);
    await t.ok('account.setLocale', { locale: 'zh-CN' }, session);
  });
});

describe('rectify.extend (整改延期)', () => {
  it('moves an overdue department’s deadline later with the reason; the notice keeps the notified one', async () => {
    // The clock stands at 2027-01-02 (overdue and summary): ten days past 2026-12-23.
    const dept = mostProblems();
    const extend = (
      deadline: string,
      expected: string,
      reason = '单位申请延期，经分管领导批准',
    ) => ({
      campaignId: done,
      departmentId: dept.departmentId,
      deadline,
      reason,
      expected,
    });
    const before = tableCounts(t.app);

    const notLater = await refused('rectify.extend', extend('2026-12-20', '2026-12-23'));
    expect(notLater).toMatchObject({ code: 'BAD_INPUT', key: 'rectify.errors.extendNotLater' });
    expect(zh(notLater)).toBe('延期后的整改期限（2026-12-20）应晚于现在的期限（2026-12-23）。');
    const stale = await refused('rectify.extend', extend('2027-01-31', '2026-12-30'));
    expect(stale).toMatchObject({ code: 'CONFLICT', key: 'rectify.errors.deadlineChanged' });
    expect(zh(stale)).toContain(`“${dept.departmentName}”的整改期限已被他人改为 2026-12-23`);
    const notified = new Set(
      t.app.context.repos.rectification.notices(done).map((x) => x.departmentId),
    );
    const notNotified = overview.departments.find(
      (d) => d.problems > 0 && !notified.has(d.departmentId),
    )!;
    const e = await refused('rectify.extend', {
      ...extend('2027-01-31', '2026-12-23'),
      departmentId: notNotified.departmentId,
    });
    expect(e.key).toBe('rectify.errors.notIssued');
    const bad = await refused('rectify.extend', extend('2027-02-30', '2026-12-23', ' '));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fieldErrors?.map((f) => f.path).sort()).toEqual(['deadline', 'reason']);
    expect(tableCounts(t.app)).toEqual(before);

    const n = await t.ok<MethodOutput<'rectify.extend'>>(
      'rectify.extend',
      extend('2027-01-31', '2026-12-23'),
      session,
    );
    expect(n).toMatchObject({
      deadline: '2027-01-31',
      notifiedDeadline: '2026-12-23',
      extensions: [
        {
          from: '2026-12-23',
          to: '2027-01-31',
          reason: '单位申请延期，经分管领导批准',
          grantedBy: '王明',
        },
      ],
    });
    const after = tableCounts(t.app);
    expect(after.rectification_extensions).toBe(before.rectification_extensions! + 1);
    expect(after.audit_log).toBe(before.audit_log! + 1);
    const [entry] = (
      await t.ok<{ entries: { action: string; details: string }[] }>(
        'audit.list',
        { actions: ['rectify.extended'] },
        session,
      )
    ).entries;
    expect(JSON.parse(entry!.details)).toMatchObject({ from: '2026-12-23', to: '2027-01-31' });

    // No longer overdue: the overdue list and the overview follow the deadline in force.
    const o = await t.ok<Overview>('rectify.overview', { campaignId: done }, session);
    const row = o.departments.find((d) => d.departmentId === dept.departmentId)!;
    expect(row).toMatchObject({ isOverdue: false, overdueDays: 0 });
    const late = await t.ok<MethodOutput<'rectify.overdue'>>(
      'rectify.overdue',
      { campaignId: done, pageSize: 200 },
      session,
    );
    expect(late.items.some((i) => i.departmentId === dept.departmentId)).toBe(false);

    // The 整改通知书 is the document as issued: the notified deadline.
    const docx = await t.ok<{ bytes: Uint8Array }>(
      'rectify.noticeDocx',
      { campaignId: done, departmentId: dept.departmentId },
      session,
    );
    const xml = new ZipReader(docx.bytes).readText('word/document.xml').replace(/<[^>]+>/g, '');
    expect(xml).toContain('2026年12月23日');
    expect(xml).not.toContain('2027年1月31日');

    // A second extension starts from the first one's deadline.
    const again = await t.ok<MethodOutput<'rectify.extend'>>(
      'rectify.extend',
      extend('2027-02-28', '2027-01-31', '第二次延期'),
      session,
    );
    expect(again.extensions.map((x) => [x.from, x.to])).toEqual([
      ['2026-12-23', '2027-01-31'],
      ['2027-01-31', '2027-02-28'],
    ]);
    expect(again.notifiedDeadline).toBe('2026-12-23');
    const s = await t.ok<MethodOutput<'rectify.summary'>>(
      'rectify.summary',
      { campaignId: done },
      session,
    );
    expect(s.paragraph).toContain('1个单位经批准延长了整改期限。');
  });
});
