import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Campaign, DrawnFile, DrawnPerson } from '../../../core/api/methods/campaigns';
import { seedCommitment, seedOf } from '../../../core/draw/draw';
import { DEMO_PASSWORD } from '../../../core/demo/generate';
import { ZipReader } from '../import/zip';
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

const SEED_PARTS = [
  { contributor: '张律师（见证人）', kind: 'dice' as const, digits: '3546311556' },
  { contributor: '李科长', kind: 'lottery' as const, digits: '112163624615351222' },
];
const commitment = (parts = SEED_PARTS) => seedCommitment(seedOf(parts));
const PLAN_40_20 = { kind: 'type_totals' as const, totals: { penalty: 40, permit: 20 } };

const create = (name = '2026年度行政执法案卷评查') =>
  t.ok<Campaign>('campaigns.create', { name, year: 2026 }, s);
const drawFiles = (id: string, extra: Record<string, unknown> = {}) =>
  t.ok<Campaign>(
    'campaigns.drawFiles',
    { id, plan: PLAN_40_20, seedParts: SEED_PARTS, commitment: commitment(), ...extra },
    s,
  );
const drawn = (id: string) =>
  t.ok<{ files: DrawnFile[]; evaluators: DrawnPerson[] }>('campaigns.drawn', { id }, s);
const drawEvaluators = (id: string, plan: Record<string, unknown> = {}) =>
  t.ok<Campaign>('campaigns.drawEvaluators', { id, plan: { count: 37, ...plan } }, s);
const exportDraw = async (id: string, format: 'json' | 'populations' | 'docx') =>
  t.ok<{ fileName: string; bytes: Uint8Array }>(
    'campaigns.exportDraw',
    { id, format, locale: 'zh-CN' },
    s,
  );
const auditActions = (id: string) =>
  (
    t.app.context.db
      .prepare(
        "SELECT action FROM audit_log WHERE entity_type = 'campaign' AND entity_id = ? ORDER BY seq",
      )
      .all(id) as { action: string }[]
  ).map((r) => r.action);

/** A campaign through the file and evaluator draws, ready for assignment. */
async function drawnCampaign() {
  const c = await create();
  await drawFiles(c.id);
  await drawEvaluators(c.id);
  return c.id;
}

describe('campaign settings', () => {
  it('a new campaign covers 处罚 and 许可, 普通程序 and closed files, with the default standards pinned', async () => {
    const c = await create();
    expect(c).toMatchObject({
      status: 'draft',
      organiser: '东湖区司法局',
      scope: { caseTypes: ['penalty', 'permit'], procedures: ['normal'], closedOnly: true },
      settings: { perFile: 2, mode: 'independent', threshold: 50 },
    });
    const versions = t.app.context.repos.standards.list();
    expect(Object.keys(c.settings.templates).sort()).toEqual(['penalty', 'permit']);
    for (const id of Object.values(c.settings.templates)) {
      expect(versions.some((v) => v.latestVersionId === id)).toBe(true);
    }
    expect(auditActions(c.id)).toEqual(['campaign.created']);
  });

  it('the population is closed files of the scope; a department filter narrows it', async () => {
    const c = await create();
    const p = await t.ok<{
      total: number;
      byType: { caseType: string; count: number }[];
      byDepartment: { departmentId: string; count: number }[];
    }>('campaigns.population', { id: c.id }, s);
    const db = t.app.context.db;
    const expected = (
      db
        .prepare(
          "SELECT count(*) AS n FROM cases WHERE case_type IN ('penalty','permit') AND status = 'closed' AND (procedure IS NULL OR procedure = 'normal')",
        )
        .get() as { n: number }
    ).n;
    expect(p.total).toBe(expected);
    expect(p.byDepartment.reduce((n, d) => n + d.count, 0)).toBe(expected);
    const one = p.byDepartment[0]!.departmentId;
    await t.ok('campaigns.update', { id: c.id, scope: { ...c.scope, departmentIds: [one] } }, s);
    const narrowed = await t.ok<{ total: number }>('campaigns.population', { id: c.id }, s);
    expect(narrowed.total).toBe(p.byDepartment[0]!.count);
  });

  it('refuses a case type without a published standard, naming the type', async () => {
    const c = await create();
    const r = await t.call(
      'campaigns.update',
      {
        id: c.id,
        scope: { ...c.scope, caseTypes: ['penalty', 'permit', 'coercion'] },
        settings: c.settings,
      },
      s,
    );
    expect(!r.ok && r.error.fieldErrors?.[0]).toMatchObject({
      path: 'settings.templates.coercion',
      key: 'errors.campaignTemplate',
      params: { type: '行政强制' },
    });
  });
});

describe('the file draw', () => {
  it('draws 40 处罚 + 20 许可 from the seed, the same every time; one changed digit changes it', async () => {
    const a = await create('甲活动');
    await drawFiles(a.id);
    const files = (await drawn(a.id)).files;
    expect(files.filter((f) => f.caseType === 'penalty')).toHaveLength(40);
    expect(files.filter((f) => f.caseType === 'permit')).toHaveLength(20);
    expect(files.every((f) => f.counter !== null && f.stream?.startsWith('files/'))).toBe(true);

    // Another workspace with the same demo data and the same seed draws the same files.
    const other = await testApp();
    await other.ok('demo.load', { campaign: false });
    const os = (
      await other.ok<{ token: string }>('auth.login', {
        username: 'zuzhi',
        password: DEMO_PASSWORD,
      })
    ).token;
    const b = await other.ok<Campaign>('campaigns.create', { name: '乙活动', year: 2026 }, os);
    await other.ok(
      'campaigns.drawFiles',
      { id: b.id, plan: PLAN_40_20, seedParts: SEED_PARTS, commitment: commitment() },
      os,
    );
    const again = (await other.ok<{ files: DrawnFile[] }>('campaigns.drawn', { id: b.id }, os))
      .files;
    expect(again.map((f) => f.caseNo)).toEqual(files.map((f) => f.caseNo));

    const changed = [SEED_PARTS[0]!, { ...SEED_PARTS[1]!, digits: '112163624615351223' }];
    const c = await other.ok<Campaign>('campaigns.create', { name: '丙活动', year: 2026 }, os);
    await other.ok(
      'campaigns.update',
      { id: c.id, scope: { ...c.scope, includePreviouslyDrawn: true } },
      os,
    );
    await other.ok(
      'campaigns.drawFiles',
      { id: c.id, plan: PLAN_40_20, seedParts: changed, commitment: commitment(changed) },
      os,
    );
    const different = (await other.ok<{ files: DrawnFile[] }>('campaigns.drawn', { id: c.id }, os))
      .files;
    expect(different.map((f) => f.caseNo)).not.toEqual(files.map((f) => f.caseNo));
    other.cleanup();
  });

  it('refuses a seed shorter than 20 digits, or one that does not match the commitment, and writes nothing', async () => {
    const c = await create();
    const before = tableCounts(t.app);
    const short = [{ contributor: '张', kind: 'dice' as const, digits: '1234567890' }];
    const r1 = await t.call(
      'campaigns.drawFiles',
      { id: c.id, plan: PLAN_40_20, seedParts: short, commitment: commitment(short) },
      s,
    );
    expect(!r1.ok && r1.error).toMatchObject({
      key: 'errors.seedTooShort',
      params: { digits: 10, min: 20 },
    });
    const r2 = await t.call(
      'campaigns.drawFiles',
      { id: c.id, plan: PLAN_40_20, seedParts: SEED_PARTS, commitment: '0'.repeat(64) },
      s,
    );
    expect(!r2.ok && r2.error.key).toBe('errors.seedCommitment');
    const r3 = await t.call(
      'campaigns.drawFiles',
      {
        id: c.id,
        plan: PLAN_40_20,
        seedParts: [{ ...SEED_PARTS[0]!, digits: '12a4' }],
        commitment: commitment(),
      },
      s,
    );
    expect(!r3.ok && r3.error.fieldErrors?.[0]?.key).toBe('validation.digits');
    expect(tableCounts(t.app)).toEqual(before);
    expect((await t.ok<Campaign>('campaigns.get', { id: c.id }, s)).status).toBe('draft');
  });

  it('a fixed quota per department takes 3 each, or all when fewer', async () => {
    const c = await create();
    await t.ok(
      'campaigns.drawFiles',
      {
        id: c.id,
        plan: { kind: 'department_quota', quota: 3, byType: false },
        seedParts: SEED_PARTS,
        commitment: commitment(),
      },
      s,
    );
    const files = (await drawn(c.id)).files;
    const pop = await t.ok<{ byDepartment: { departmentId: string; count: number }[] }>(
      'campaigns.population',
      { id: c.id },
      s,
    );
    const perDept = new Map<string, number>();
    for (const f of files) perDept.set(f.departmentId, (perDept.get(f.departmentId) ?? 0) + 1);
    // The population now leaves out nothing of this campaign's own picks.
    for (const d of pop.byDepartment)
      expect(perDept.get(d.departmentId)).toBe(Math.min(3, d.count));
  });

  it('must-include files are taken with their reason, outside the random streams', async () => {
    const c = await create();
    const [target] = t.app.context.db
      .prepare(
        "SELECT id FROM cases WHERE case_type = 'penalty' AND status = 'closed' AND procedure = 'normal' LIMIT 1",
      )
      .all() as { id: string }[];
    await drawFiles(c.id, { mustInclude: [{ id: target!.id, reason: '群众投诉线索' }] });
    const files = (await drawn(c.id)).files;
    expect(files).toHaveLength(61);
    expect(files[0]).toMatchObject({
      caseId: target!.id,
      mustIncludeReason: '群众投诉线索',
      counter: null,
    });
    const record = JSON.parse(new TextDecoder().decode((await exportDraw(c.id, 'json')).bytes));
    expect(record.fileMustInclude[0].reason).toBe('群众投诉线索');
  });

  it('a later campaign leaves out files drawn earlier, unless asked to include them', async () => {
    const first = await create('上半年');
    await drawFiles(first.id);
    const firstIds = new Set((await drawn(first.id)).files.map((f) => f.caseId));
    const second = await create('下半年');
    const pop = await t.ok<{ previouslyDrawn: number }>(
      'campaigns.population',
      { id: second.id },
      s,
    );
    expect(pop.previouslyDrawn).toBe(60);
    await drawFiles(second.id);
    expect((await drawn(second.id)).files.some((f) => firstIds.has(f.caseId))).toBe(false);
  });

  it('enlarging keeps every earlier pick and continues the same streams', async () => {
    const c = await create();
    await drawFiles(c.id);
    const before = (await drawn(c.id)).files;
    await t.ok(
      'campaigns.enlarge',
      { id: c.id, plan: { kind: 'type_totals', totals: { penalty: 50, permit: 25 } } },
      s,
    );
    const after = (await drawn(c.id)).files;
    expect(after).toHaveLength(75);
    const afterIds = new Set(after.map((f) => f.caseId));
    expect(before.every((f) => afterIds.has(f.caseId))).toBe(true);
    for (const f of before) {
      expect(after.find((x) => x.caseId === f.caseId)).toMatchObject({
        stream: f.stream,
        counter: f.counter,
      });
    }
    const smaller = await t.call(
      'campaigns.enlarge',
      { id: c.id, plan: { kind: 'type_totals', totals: { penalty: 30, permit: 25 } } },
      s,
    );
    expect(!smaller.ok && smaller.error.key).toBe('errors.enlargeSmaller');
    const other = await t.call(
      'campaigns.enlarge',
      { id: c.id, plan: { kind: 'department_quota', quota: 5, byType: false } },
      s,
    );
    expect(!other.ok && other.error.key).toBe('errors.enlargeSamePlan');
    expect(auditActions(c.id)).toContain('campaign.sampleEnlarged');
  });
});

describe('the evaluator draw', () => {
  it('draws 37 法制员 from the active pool, at most k per department, honouring must-include and exclude', async () => {
    const c = await create();
    await drawFiles(c.id);
    const people = t.app.context.repos.people.list().filter((p) => p.legalOfficer && p.active);
    const must = people[0]!;
    const excluded = people[1]!;
    await drawEvaluators(c.id, {
      maxPerDepartment: 2,
      mustInclude: [{ id: must.id, reason: '业务骨干' }],
      exclude: [{ id: excluded.id, reason: '病假' }],
    });
    const { evaluators } = await drawn(c.id);
    expect(evaluators).toHaveLength(37);
    expect(evaluators.every((e) => e.legalOfficer)).toBe(true);
    expect(evaluators[0]).toMatchObject({ personId: must.id, mustIncludeReason: '业务骨干' });
    expect(evaluators.some((e) => e.personId === excluded.id)).toBe(false);
    const perDept = new Map<string, number>();
    for (const e of evaluators) perDept.set(e.departmentId, (perDept.get(e.departmentId) ?? 0) + 1);
    expect(Math.max(...perDept.values())).toBeLessThanOrEqual(2);
    const record = JSON.parse(new TextDecoder().decode((await exportDraw(c.id, 'json')).bytes));
    expect(record.evaluatorPlan.exclude).toEqual([
      { key: excluded.id, name: excluded.name, reason: '病假' },
    ]);
  });
});

describe('the draw record', () => {
  it('exports JSON, populations and DOCX; verification says identical, and finds the first difference after tampering', async () => {
    const id = await drawnCampaign();
    const record = await exportDraw(id, 'json');
    const populations = await exportDraw(id, 'populations');
    expect(record.fileName).toBe('2026年度行政执法案卷评查-抽取记录.json');
    const ok = await t.ok<{
      ok: boolean;
      message: { key: string; params: Record<string, number> };
    }>('campaigns.verifyDraw', { record, populations }, s);
    expect(ok).toMatchObject({ ok: true, message: { key: 'campaigns.verify.identical' } });
    expect(ok.message.params.picks).toBe(60 + 37);
    // The populations file says who the evaluator keys are, in the stream's order.
    const pops = JSON.parse(new TextDecoder().decode(populations.bytes)) as {
      streams: { label: string; keys: string[] }[];
      people: { key: string; name: string; department: string }[];
    };
    const evaluatorKeys = pops.streams.find((x) => x.label === 'evaluators')!.keys;
    expect(pops.people.map((p) => p.key)).toEqual(evaluatorKeys);
    const { evaluators } = await drawn(id);
    const someone = evaluators[0]!;
    expect(pops.people.find((p) => p.key === someone.personId)).toMatchObject({
      name: someone.name,
      department: someone.departmentName,
    });

    const json = JSON.parse(new TextDecoder().decode(record.bytes));
    const stream = json.streams.find((x: { label: string }) => x.label.startsWith('files/'));
    const original = stream.picks[2].key;
    stream.picks[2].key = stream.picks[3].key;
    const tampered = { fileName: 'x.json', bytes: new TextEncoder().encode(JSON.stringify(json)) };
    const bad = await t.ok<{
      ok: boolean;
      message: { key: string; params: Record<string, unknown> };
    }>('campaigns.verifyDraw', { record: tampered, populations }, s);
    expect(bad.ok).toBe(false);
    expect(bad.message.params).toMatchObject({ stream: stream.label, position: 3 });
    // The record says the tampered key; recomputing gives back the original one.
    expect(bad.message.params.actual).toContain(original.replace('\t', ' · '));
    expect(bad.message.params.expected).not.toContain(original.replace('\t', ' · '));

    const garbage = await t.call(
      'campaigns.verifyDraw',
      { record: { fileName: '通报.docx', bytes: new Uint8Array([80, 75, 3, 4]) }, populations },
      s,
    );
    expect(!garbage.ok && garbage.error).toMatchObject({
      key: 'errors.drawFileType',
      params: { file: '通报.docx' },
    });

    const docx = await exportDraw(id, 'docx');
    const xml = new ZipReader(docx.bytes).readText('word/document.xml');
    expect(xml).toContain('抽取记录');
    expect(xml).toContain(json.seedSha256);
    expect(xml).toContain('张律师（见证人）');
  });
});

describe('the draw record for the screen', () => {
  it('is null before the draw, and afterwards the same record as the JSON export', async () => {
    const c = await create();
    expect(await t.ok('campaigns.drawRecord', { id: c.id }, s)).toEqual({ record: null });
    await drawFiles(c.id);
    await drawEvaluators(c.id);
    const { record } = await t.ok<{ record: Record<string, unknown> }>(
      'campaigns.drawRecord',
      { id: c.id },
      s,
    );
    const exported = JSON.parse(new TextDecoder().decode((await exportDraw(c.id, 'json')).bytes));
    expect(record).toEqual(exported);
    expect(record).toMatchObject({ seedSha256: commitment(), seedParts: SEED_PARTS });
  });
});

describe('the assignment', () => {
  it('proposes 2 per file from other departments with loads within 1, and confirming stores it', async () => {
    const id = await drawnCampaign();
    const p = await t.ok<{
      ok: true;
      rows: { caseId: string; personIds: string[] }[];
      spread: number;
    }>('campaigns.proposeAssignment', { id }, s);
    expect(p.ok).toBe(true);
    expect(p.rows).toHaveLength(60);
    expect(p.spread).toBeLessThanOrEqual(1);
    const { files, evaluators } = await drawn(id);
    const dept = new Map(evaluators.map((e) => [e.personId, e.departmentId]));
    for (const r of p.rows) {
      const file = files.find((f) => f.caseId === r.caseId)!;
      expect(r.personIds).toHaveLength(2);
      expect(r.personIds.map((x) => dept.get(x))).not.toContain(file.departmentId);
      expect(new Set(r.personIds.map((x) => dept.get(x))).size).toBe(2);
    }
    // The same inputs propose the same assignment.
    expect((await t.ok<typeof p>('campaigns.proposeAssignment', { id }, s)).rows).toEqual(p.rows);

    const confirmed = await t.ok<Campaign>('campaigns.confirmAssignment', { id, rows: p.rows }, s);
    expect(confirmed).toMatchObject({
      status: 'assigned',
      counts: { files: 60, evaluators: 37, assignments: 120 },
    });
    const stored = await t.ok<{ rows: typeof p.rows }>('campaigns.assignment', { id }, s);
    const sorted = (rows: typeof p.rows) =>
      rows.map((r) => `${r.caseId}:${[...r.personIds].sort().join(',')}`).sort();
    expect(sorted(stored.rows)).toEqual(sorted(p.rows));
  });

  it('refuses a hand-made assignment that puts someone on their own department, and writes nothing', async () => {
    const id = await drawnCampaign();
    const p = await t.ok<{ rows: { caseId: string; personIds: string[] }[] }>(
      'campaigns.proposeAssignment',
      { id },
      s,
    );
    const { files, evaluators } = await drawn(id);
    const file = files[0]!;
    const own = evaluators.find((e) => e.departmentId === file.departmentId);
    const insider =
      own ??
      (await (async () => {
        // No drawn evaluator from this department: declare one instead.
        const other = evaluators[0]!;
        await t.ok(
          'campaigns.addConflict',
          { id, personId: other.personId, departmentId: file.departmentId, reason: '曾在该局任职' },
          s,
        );
        return other;
      })());
    const rows = p.rows.map((r) =>
      r.caseId === file.caseId ? { ...r, personIds: [insider.personId, r.personIds[1]!] } : r,
    );
    const before = tableCounts(t.app);
    const r = await t.call('campaigns.confirmAssignment', { id, rows }, s);
    expect(!r.ok && r.error.key).toBe('errors.assignmentInvalid');
    expect(!r.ok && r.error.fieldErrors?.[0]?.params).toMatchObject({ caseNo: file.caseNo });
    expect(tableCounts(t.app)).toEqual(before);
  });

  it('a declared conflict is honoured, and an impossible one is explained in the coordinator’s words', async () => {
    const id = await drawnCampaign();
    const { files, evaluators } = await drawn(id);
    const file = files[0]!;
    // Every drawn evaluator declares a conflict with this file's department: nobody can take it.
    for (const e of evaluators.filter((x) => x.departmentId !== file.departmentId)) {
      await t.ok(
        'campaigns.addConflict',
        { id, personId: e.personId, departmentId: file.departmentId, reason: '亲属在该局' },
        s,
      );
    }
    const r = await t.ok<{
      ok: boolean;
      reasons: { key: string; params: Record<string, unknown> }[];
    }>('campaigns.proposeAssignment', { id }, s);
    expect(r.ok).toBe(false);
    expect(r.reasons.some((x) => x.params.department === file.departmentName)).toBe(true);
    const conflicts = await t.ok<{ conflicts: { id: string }[] }>('campaigns.conflicts', { id }, s);
    for (const x of conflicts.conflicts)
      await t.ok('campaigns.removeConflict', { conflictId: x.id }, s);
    expect((await t.ok<{ ok: boolean }>('campaigns.proposeAssignment', { id }, s)).ok).toBe(true);
  });

  it('a handler-name conflict keeps that person off files the handler worked on', async () => {
    const id = await drawnCampaign();
    const { files, evaluators } = await drawn(id);
    const file = files.find((f) => f.handlers)!;
    const handler = file.handlers!.split(/[、,，;；\s]+/)[0]!;
    const p0 = await t.ok<{ rows: { caseId: string; personIds: string[] }[] }>(
      'campaigns.proposeAssignment',
      { id },
      s,
    );
    const person = p0.rows.find((r) => r.caseId === file.caseId)!.personIds[0]!;
    await t.ok(
      'campaigns.addConflict',
      { id, personId: person, handlerName: handler, reason: '同学关系' },
      s,
    );
    const p1 = await t.ok<{ rows: { caseId: string; personIds: string[] }[] }>(
      'campaigns.proposeAssignment',
      { id },
      s,
    );
    for (const r of p1.rows) {
      const f = files.find((x) => x.caseId === r.caseId)!;
      if (f.handlers?.includes(handler)) expect(r.personIds).not.toContain(person);
    }
    expect(evaluators.length).toBe(37);
  });

  it('a reassignment is checked against the same rules and audited with its reason', async () => {
    const id = await drawnCampaign();
    const p = await t.ok<{ rows: { caseId: string; personIds: string[] }[] }>(
      'campaigns.proposeAssignment',
      { id },
      s,
    );
    await t.ok('campaigns.confirmAssignment', { id, rows: p.rows }, s);
    const { files, evaluators } = await drawn(id);
    const row = p.rows[0]!;
    const file = files.find((f) => f.caseId === row.caseId)!;
    const partnerDept = evaluators.find((e) => e.personId === row.personIds[1])!.departmentId;
    const eligible = evaluators.find(
      (e) =>
        e.departmentId !== file.departmentId &&
        e.departmentId !== partnerDept &&
        !row.personIds.includes(e.personId),
    )!;
    const same = evaluators.find(
      (e) => e.departmentId === partnerDept && e.personId !== row.personIds[1],
    );
    if (same) {
      const bad = await t.call(
        'campaigns.reassign',
        {
          id,
          caseId: row.caseId,
          fromPersonId: row.personIds[0],
          toPersonId: same.personId,
          reason: '出差',
        },
        s,
      );
      expect(!bad.ok && bad.error.key).toBe('errors.assignmentInvalid');
    }
    const moved = await t.ok<{ rows: { caseId: string; personIds: string[] }[] }>(
      'campaigns.reassign',
      {
        id,
        caseId: row.caseId,
        fromPersonId: row.personIds[0],
        toPersonId: eligible.personId,
        reason: '出差',
      },
      s,
    );
    expect(moved.rows.find((r) => r.caseId === row.caseId)!.personIds).toContain(eligible.personId);
    const audit = t.app.context.db
      .prepare("SELECT details FROM audit_log WHERE action = 'campaign.reassigned'")
      .get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ reason: '出差', to: eligible.personId });
  });
});

describe('campaign states', () => {
  it('moves 草稿 → 已抽取 → 已分配 → 评查中 only along allowed transitions, each audited', async () => {
    const id = await drawnCampaign();
    const skip = await t.call('campaigns.setStatus', { id, status: 'scoring' }, s);
    expect(!skip.ok && skip.error.key).toBe('errors.campaignTransition');
    const p = await t.ok<{ rows: { caseId: string; personIds: string[] }[] }>(
      'campaigns.proposeAssignment',
      { id },
      s,
    );
    await t.ok('campaigns.confirmAssignment', { id, rows: p.rows }, s);
    // Most drawn people have no account yet: scoring cannot start.
    const noAccounts = await t.call('campaigns.setStatus', { id, status: 'scoring' }, s);
    expect(!noAccounts.ok && noAccounts.error.key).toBe('errors.evaluatorsWithoutAccount');
    // Back to 已抽取 drops the assignment; back to 草稿 drops the draw.
    expect(
      (await t.ok<Campaign>('campaigns.setStatus', { id, status: 'drawn' }, s)).counts.assignments,
    ).toBe(0);
    const draft = await t.ok<Campaign>('campaigns.setStatus', { id, status: 'draft' }, s);
    expect(draft).toMatchObject({
      status: 'draft',
      counts: { files: 0, evaluators: 0 },
      seedCommitment: null,
      drawnAt: null,
    });
    expect(auditActions(id)).toEqual([
      'campaign.created',
      'campaign.filesDrawn',
      'campaign.evaluatorsDrawn',
      'campaign.assigned',
      'campaign.status',
      'campaign.status',
    ]);
    expect(t.app.context.repos.audit.verify().ok).toBe(true);
  });

  it('only a draft can be deleted; the draw fixes scope and standards', async () => {
    const id = await drawnCampaign();
    const del = await t.call('campaigns.delete', { id }, s);
    expect(!del.ok && del.error.key).toBe('errors.campaignState');
    const c = await t.ok<Campaign>('campaigns.get', { id }, s);
    const fixed = await t.call(
      'campaigns.update',
      { id, settings: { ...c.settings, perFile: 3 } },
      s,
    );
    expect(!fixed.ok && fixed.error.key).toBe('errors.campaignFixed');
    expect(
      (
        await t.ok<Campaign>(
          'campaigns.update',
          { id, settings: { ...c.settings, deadline: '2026-12-31' } },
          s,
        )
      ).settings.deadline,
    ).toBe('2026-12-31');
  });

  it('an evaluator cannot call coordinator methods', async () => {
    const r0 = await t.ok<{ token: string }>('auth.login', {
      username: 'pingcha1',
      password: DEMO_PASSWORD,
    });
    const r = await t.call('campaigns.list', {}, r0.token);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });
});
