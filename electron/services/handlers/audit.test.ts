import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../../core/api/methods/audit';
import { AUDIT_GROUPS, groupsOf } from '../../../core/audit/actions';
import { verifyAuditExport } from '../../../core/audit/export-format';
import { DEMO_PASSWORD } from '../../../core/demo/generate';
import { auditHash } from '../../../db/repos/audit';
import { nodeExportCrypto } from '../audit/export';
import { scoringCampaign } from '../scoring/fixture';
import { testApp, type TestApp } from '../testing';

let t: TestApp;
let s: string;
beforeEach(async () => {
  t = await testApp();
  s = await t.setupCoordinator();
});
afterEach(() => t.cleanup());

type Listed = { total: number; entries: AuditEntryView[] };
const list = (input: Record<string, unknown> = {}, session = s) =>
  t.ok<Listed>('audit.list', input, session);
const exportLog = (input: Record<string, unknown> = {}) =>
  t.ok<{ fileName: string; bytes: Uint8Array; count: number; keyFingerprint: string }>(
    'audit.export',
    input,
    s,
  );
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
const SCRIPT = path.resolve(__dirname, '../../../scripts/verify-audit-export.mjs');

/** Runs the standalone verifier as the supervising office would; returns exit code and output. */
function runScript(file: string, ...args: string[]): { code: number; out: string } {
  try {
    return {
      code: 0,
      out: execFileSync(process.execPath, [SCRIPT, file, ...args], { encoding: 'utf8' }),
    };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, out: err.stdout };
  }
}

describe('audit.list', () => {
  it('pages newest first and filters by actor, action group, entity, text and time', async () => {
    const a = await t.addUser(s, { username: 'lisi', role: 'evaluator' });
    t.clock.advance(60_000);
    await t.ok('users.update', { id: a.id, displayName: '李四' }, s);
    const all = await list({ pageSize: 2 });
    expect(all.total).toBeGreaterThanOrEqual(5);
    expect(all.entries.map((e) => e.seq)).toEqual([all.total, all.total - 1]);
    const page2 = await list({ pageSize: 2, page: 2 });
    expect(page2.entries[0]!.seq).toBe(all.total - 2);

    const accounts = await list({ actions: [...AUDIT_GROUPS.accounts] });
    expect(accounts.total).toBe(all.total);
    const updates = await list({ actions: ['user.updated'] });
    expect(updates.entries.map((e) => e.action)).toEqual(['user.updated']);
    expect(JSON.parse(updates.entries[0]!.details)).toMatchObject({
      after: { displayName: '李四' },
    });

    const byLisi = await list({ actorId: a.id });
    expect(byLisi.entries.map((e) => e.action)).toEqual(['auth.login']);
    const onLisi = await list({ entityType: 'user', entityId: a.id });
    expect(onLisi.entries.map((e) => e.action)).toEqual([
      'user.updated',
      'auth.login',
      'user.created',
    ]);
    expect((await list({ text: '李四' })).entries.map((e) => e.action)).toEqual(['user.updated']);
    // Time: from the minute of the update on, and before it.
    const at = updates.entries[0]!.at;
    expect((await list({ from: at })).entries.map((e) => e.action)).toEqual(['user.updated']);
    expect((await list({ to: at })).total).toBe(all.total - 1);
    // LIKE wildcards in the text are taken literally.
    expect((await list({ text: '%' })).total).toBe(0);
  });

  it('is for coordinators only and refuses a malformed action pattern', async () => {
    const a = await t.addUser(s, { username: 'lisi', role: 'evaluator' });
    expect((await t.call('audit.list', {}, a.session)).ok).toBe(false);
    const r = await t.call('audit.list', { actions: ["x' OR 1=1 --"] }, s);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('audit.verify', () => {
  it('names the row edited behind the app, through the API', async () => {
    await t.addUser(s, { username: 'lisi', role: 'evaluator' });
    await t.addUser(s, { username: 'wangwu', role: 'evaluator' });
    expect(await t.ok('audit.verify', {}, s)).toMatchObject({ ok: true, firstBroken: null });
    const target = (await list({ actions: ['user.created'] })).entries.find((e) =>
      e.details.includes('lisi'),
    )!;
    // A second connection, as someone with the file and a SQLite shell would do it: the
    // append-only trigger dropped, one row's details changed.
    const other = new Database(path.join(t.dir, 'workspace.sqlite'));
    other.exec('DROP TRIGGER audit_log_no_update');
    other
      .prepare(
        "UPDATE audit_log SET details = replace(details, 'evaluator', 'coordinator') WHERE seq = ?",
      )
      .run(target.seq);
    other.close();
    const v = await t.ok<{ ok: boolean; firstBrokenSeq: number; firstBroken: object }>(
      'audit.verify',
      {},
      s,
    );
    expect(v).toMatchObject({
      ok: false,
      firstBrokenSeq: target.seq,
      firstBroken: { seq: target.seq, at: target.at, action: 'user.created' },
    });
  });
});

describe('audit trail of state changes', () => {
  it('records each applied sheet save compactly, not the retries, and the exports', async () => {
    // The demo workspace needs a workspace without accounts.
    t.cleanup();
    t = await testApp();
    await t.ok('demo.load', { campaign: false });
    const z = (
      await t.ok<{ token: string }>('auth.login', { username: 'zuzhi', password: DEMO_PASSWORD })
    ).token;
    const c = await scoringCampaign(t.ok, z, { files: { penalty: 2 } });
    // Two files over five evaluators: take one who has a file (the assignment's tie-breaking
    // follows record ids, new in every workspace).
    const ev = [...c.evaluators.values()].find((e) =>
      c.rows.some((r) => r.personIds.includes(e.personId)),
    )!;
    const { campaigns } = await t.ok<{
      campaigns: { tasks: { caseId: string; sheetId: string }[] }[];
    }>('tasks.mine', {}, ev.session);
    const sheetId = campaigns[0]!.tasks[0]!.sheetId;
    const content = { findings: [] };
    await t.ok('sheets.save', { sheetId, revision: 1, content }, ev.session);
    await t.ok('sheets.save', { sheetId, revision: 2, content }, ev.session);
    await t.ok('sheets.save', { sheetId, revision: 2, content }, ev.session); // a retry
    const saves = await list({ actions: ['sheet.saved'] }, z);
    expect(saves.entries.map((e) => [e.entityId, JSON.parse(e.details)])).toEqual([
      [sheetId, { revision: 2 }],
      [sheetId, { revision: 1 }],
    ]);
    expect(saves.entries.every((e) => e.details.length < 20)).toBe(true);

    await t.ok('results.workbook', { campaignId: c.id }, z);
    const exports = await list({ actions: [...AUDIT_GROUPS.exports] }, z);
    expect(exports.entries[0]).toMatchObject({
      action: 'results.exported',
      entityType: 'campaign',
      entityId: c.id,
    });

    // Every action written on the way belongs to a group of the screen's filter.
    const every = await list({ pageSize: 200 }, z);
    const ungrouped = every.entries.map((e) => e.action).filter((a) => groupsOf(a).length === 0);
    expect(ungrouped).toEqual([]);
    expect((await t.ok<{ ok: boolean }>('audit.verify', {}, z)).ok).toBe(true);
  });
});

describe('audit.export', () => {
  it('signs the log; the export verifies, in the app and with the standalone script', async () => {
    await t.addUser(s, { username: 'lisi', role: 'evaluator' });
    const out = await exportLog();
    expect(out.fileName).toMatch(/^审计日志-\d{8}-\d{6}\.jsonl$/);
    const body = text(out.bytes);
    const v = verifyAuditExport(body, nodeExportCrypto, {
      expectedFingerprint: out.keyFingerprint,
    });
    expect(v).toMatchObject({ ok: true, signatureOk: true, problems: [] });
    expect(v.header).toMatchObject({ complete: true, count: out.count, orgName: '东湖区司法局' });
    // The export is recorded first, so the complete file holds its own entry.
    const lines = body.trim().split('\n');
    expect(JSON.parse(lines[lines.length - 2]!)).toMatchObject({ action: 'audit.exported' });
    // The hash in core equals the one the repository stores.
    const entry = JSON.parse(lines[1]!) as { hash: string };
    expect(auditHash(JSON.parse(lines[1]!))).toBe(entry.hash);

    const file = path.join(t.dir, 'export.jsonl');
    fs.writeFileSync(file, out.bytes);
    const ok = runScript(file, '--fingerprint', out.keyFingerprint);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain('OK');
    expect(runScript(file, '--fingerprint', '0000 0000 0000 0000 0000 0000 0000 0000').code).toBe(
      1,
    );
  });

  it('a filtered export verifies too; the header records the filter', async () => {
    const a = await t.addUser(s, { username: 'lisi', role: 'evaluator' });
    const out = await exportLog({ filter: { actorId: a.id } });
    const v = verifyAuditExport(text(out.bytes), nodeExportCrypto);
    expect(v.ok).toBe(true);
    expect(v.header).toMatchObject({ complete: false, filter: { actorId: a.id }, count: 1 });
  });

  it('a tampered export does not verify: an edited entry, a removed entry, a changed header', async () => {
    await t.addUser(s, { username: 'lisi', role: 'evaluator' });
    const body = text((await exportLog()).bytes);
    const lines = body.split('\n');

    // One entry's details changed (its hash left as it was).
    const edited = [...lines];
    const e = JSON.parse(edited[3]!) as { seq: number; details: string };
    edited[3] = JSON.stringify({ ...e, details: e.details.replace('lisi', 'lis1') });
    const v1 = verifyAuditExport(edited.join('\n'), nodeExportCrypto);
    expect(v1.ok).toBe(false);
    expect(v1.signatureOk).toBe(false);
    expect(v1.firstBrokenSeq).toBe(e.seq);

    // One entry removed, count and signature untouched.
    const removed = [...lines.slice(0, 3), ...lines.slice(4)];
    const v2 = verifyAuditExport(removed.join('\n'), nodeExportCrypto);
    expect(v2.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['signature', 'gap', 'count']),
    );

    // The header claims another organisation.
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    const forged = [JSON.stringify({ ...header, orgName: '别的机关' }), ...lines.slice(1)];
    const v3 = verifyAuditExport(forged.join('\n'), nodeExportCrypto);
    expect(v3.problems).toEqual([{ code: 'signature' }]);

    const file = path.join(t.dir, 'tampered.jsonl');
    fs.writeFileSync(file, edited.join('\n'));
    const r = runScript(file);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`entry ${e.seq}`);
    expect(r.out).toContain('signature');
  });
});
