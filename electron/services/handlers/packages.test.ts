// Offline packages end to end on two real workspaces (two data folders, two apps): issue a task
// package, import it on the evaluator's laptop, score there with the ordinary scoring methods,
// export the result, merge it back; evaluator mode; what a package holds; conflicts; re-issue.
import { afterEach, describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../../core/api/contract';
import type { FileResult, Sheet } from '../../../core/api/methods/scoring';
import { dumpDatabase } from '../../../db/testing';
import {
  EVALUATOR_PASSWORD,
  coordinatorWithCampaign,
  score,
  text,
  unzip,
  type Coordinator,
} from '../packages/testing';
import { testApp, type TestApp } from '../testing';

const apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.cleanup();
});
async function coordinator(opts?: Parameters<typeof coordinatorWithCampaign>[0]) {
  const co = await coordinatorWithCampaign(opts);
  apps.push(co.t);
  return co;
}
async function laptop() {
  const t = await testApp();
  apps.push(t);
  return t;
}

type Export = { fileName: string; bytes: Uint8Array; packageId: string; validUntil: string };
type Merge = {
  merged: boolean;
  alreadyMerged: boolean;
  applied: number;
  keptLocal: number;
  submittedNow: number;
  sheets: { sheetId: string; caseId: string; class: string }[];
};

const issue = (co: Coordinator, personId = co.person.id) =>
  co.t.ok<Export>('packages.exportTasks', { campaignId: co.campaign.id, personId }, co.session);

async function importOn(ev: TestApp, bytes: Uint8Array) {
  const r = await ev.ok<{ session: { token: string }; files: number; keptLocal: string[] }>(
    'packages.importTask',
    { bytes, password: EVALUATOR_PASSWORD },
  );
  return r;
}

const exportResult = (ev: TestApp, session: string, campaignId: string) =>
  ev.ok<{ bytes: Uint8Array; sequence: number; partial: boolean; submitted: number }>(
    'packages.exportResult',
    { campaignId },
    session,
  );

/** The evaluator's partner on a file (another demo evaluator), by session. */
function partnerOf(co: Coordinator, caseId: string) {
  const row = co.campaign.rows.find((r) => r.caseId === caseId)!;
  const other = row.personIds.find((p) => p !== co.person.id)!;
  return [...co.campaign.evaluators.values()].find((e) => e.personId === other)!;
}

describe('the round trip', () => {
  it('issue → import on a second workspace → score offline → export → merge → the file is settled', async () => {
    const co = await coordinator();
    const campaignId = co.campaign.id;
    const [first, second] = co.person.caseIds as [string, string];
    expect(co.person.caseIds.length).toBeGreaterThanOrEqual(2);
    const pkg = await issue(co);
    expect(pkg.fileName).toMatch(/\.zip$/);

    const ev = await laptop();
    const identity = await co.t.ok<{ fingerprint: string; workspaceId: string }>(
      'workspace.identity',
      {},
      co.session,
    );
    const inspected = await ev.ok<{
      kind: string;
      verified: boolean;
      canImport: boolean;
      files: { caseId: string }[];
      coordinator: { fingerprint: string; workspaceId: string };
      account: { username: string };
    }>('packages.inspect', { bytes: pkg.bytes });
    expect(inspected).toMatchObject({ kind: 'task', verified: true, canImport: true });
    expect(inspected.coordinator).toMatchObject({
      fingerprint: identity.fingerprint,
      workspaceId: identity.workspaceId,
    });
    expect(inspected.files.map((f) => f.caseId)).toEqual(co.person.caseIds);
    expect(inspected.account.username).toBe(co.person.username);

    const imported = await importOn(ev, pkg.bytes);
    const s = imported.session.token;
    expect(imported.files).toBe(co.person.caseIds.length);
    const status = await ev.ok<{ mode: string; setupRequired: boolean }>('app.status');
    expect(status).toMatchObject({ mode: 'evaluator', setupRequired: false });

    // The ordinary scoring methods, unchanged, on the evaluator's workspace.
    const mine = await ev.ok<{ campaigns: { campaignId: string; tasks: { caseId: string }[] }[] }>(
      'tasks.mine',
      {},
      s,
    );
    expect(mine.campaigns.map((c) => c.campaignId)).toEqual([campaignId]);
    expect(mine.campaigns[0]!.tasks.map((t) => t.caseId)).toEqual(co.person.caseIds);
    const opened = await ev.ok<{ attachments: { id: string; sha256: string }[] }>(
      'tasks.open',
      { campaignId, caseId: first },
      s,
    );
    expect(opened.attachments).toHaveLength(2);
    const scanHere = await ev.ok<{ bytes: Uint8Array }>(
      'tasks.attachment',
      { campaignId, attachmentId: opened.attachments[0]!.id },
      s,
    );
    const scanThere = await co.t.ok<{ bytes: Uint8Array }>(
      'attachments.content',
      { id: opened.attachments[0]!.id },
      co.session,
    );
    expect(Buffer.from(scanHere.bytes).equals(Buffer.from(scanThere.bytes))).toBe(true);

    await score(ev, s, campaignId, first, { count: 2, saves: 3 });
    await score(ev, s, campaignId, second, { saves: 2, submit: false });
    const r1 = await exportResult(ev, s, campaignId);
    expect(r1).toMatchObject({ sequence: 1, partial: true, submitted: 1 });

    // Meanwhile the partner scores the first file on the coordinator's machine.
    await score(co.t, partnerOf(co, first).session, campaignId, first, { count: 1 });

    const preview = await co.t.ok<Merge>('packages.inspectResult', { bytes: r1.bytes }, co.session);
    expect(preview.sheets.map((x) => x.class)).toEqual(co.person.caseIds.map(() => 'new'));
    const merged = await co.t.ok<Merge>('packages.mergeResult', { bytes: r1.bytes }, co.session);
    expect(merged).toMatchObject({
      merged: true,
      applied: co.person.caseIds.length,
      submittedNow: 1,
    });

    const file = await co.t.ok<{ sheets: Sheet[]; result: FileResult }>(
      'sheets.ofFile',
      { campaignId, caseId: first },
      co.session,
    );
    const mineThere = file.sheets.find((x) => x.personId === co.person.id)!;
    expect(mineThere.status).toBe('submitted');
    expect(mineThere.revision).toBe(3);
    expect(file.result.state).not.toBe('waiting'); // settled: final, or flagged for 复核
    expect(file.result.state).toBe('final'); // 2 and 1 deductions: within the threshold
    const versions = await co.t.ok<{ versions: { status: string; savedBy: string | null }[] }>(
      'sheets.versions',
      { sheetId: mineThere.id },
      co.session,
    );
    expect(versions.versions.map((v) => v.status)).toEqual(['open', 'open', 'open', 'submitted']);
    const evaluatorName = co.t.app.context.repos.users.findByUsername(
      co.person.username,
    )!.displayName;
    expect(versions.versions.every((v) => v.savedBy === evaluatorName)).toBe(true);

    // The same export again: a no-op.
    const before = dumpDatabase(co.t.app.context.db);
    const again = await co.t.ok<Merge>('packages.mergeResult', { bytes: r1.bytes }, co.session);
    expect(again).toMatchObject({ merged: false, alreadyMerged: true });
    expect(dumpDatabase(co.t.app.context.db)).toBe(before);

    // The evaluator finishes: the next export is complete and newer for the second file only.
    const o2 = await ev.ok<{ sheet: { id: string; revision: number } }>(
      'tasks.open',
      { campaignId, caseId: second },
      s,
    );
    await ev.ok('sheets.submit', { sheetId: o2.sheet.id, revision: o2.sheet.revision }, s);
    const r2 = await exportResult(ev, s, campaignId);
    expect(r2).toMatchObject({ sequence: 2, partial: false });
    const m2 = await co.t.ok<Merge>('packages.mergeResult', { bytes: r2.bytes }, co.session);
    const classes = Object.fromEntries(m2.sheets.map((x) => [x.caseId, x.class]));
    expect(classes[first]).toBe('same');
    expect(classes[second]).toBe('newer');
    expect(m2).toMatchObject({ merged: true, applied: 1, submittedNow: 1 });

    const audit = co.t.app.context.db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'package.%' ORDER BY seq")
      .all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual([
      'package.issued',
      'package.merged',
      'package.merged',
    ]);
    const evAudit = ev.app.context.db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'package.%' ORDER BY seq")
      .all() as { action: string }[];
    expect(evAudit.map((a) => a.action)).toEqual([
      'package.imported',
      'package.resultExported',
      'package.resultExported',
    ]);
  });

  it('issues every evaluator’s package in one ZIP, recording each', async () => {
    const co = await coordinator();
    const list = await co.t.ok<{ evaluators: { personId: string; packages: unknown[] }[] }>(
      'packages.list',
      { campaignId: co.campaign.id },
      co.session,
    );
    expect(list.evaluators.length).toBe(5);
    const all = await co.t.ok<{
      bytes: Uint8Array;
      packages: { personId: string; fileName: string }[];
    }>('packages.exportAllTasks', { campaignId: co.campaign.id }, co.session);
    expect(all.packages.map((p) => p.personId).sort()).toEqual(
      list.evaluators.map((e) => e.personId).sort(),
    );
    const inner = unzip(all.bytes);
    expect(inner.map((e) => e.name)).toEqual(all.packages.map((p) => p.fileName));
    const after = await co.t.ok<{ evaluators: { packages: unknown[] }[] }>(
      'packages.list',
      { campaignId: co.campaign.id },
      co.session,
    );
    expect(after.evaluators.every((e) => e.packages.length === 1)).toBe(true);
    // Each inner package imports on its own laptop.
    const ev = await laptop();
    const r = await importOn(ev, inner[0]!.data);
    expect(r.session.token).toBeTruthy();
  });
});

describe('what a task package holds', () => {
  it('the evaluator’s files, scans and sheets, and nothing of other files or evaluators', async () => {
    const co = await coordinatorWithCampaign();
    apps.push(co.t);
    const pkg = await issue(co);
    const entries = unzip(pkg.bytes);
    const json = (name: string) => JSON.parse(text(entries.find((e) => e.name === name)!.data));
    const files = json('files.json') as {
      case: { id: string };
      sheet: { id: string };
      attachments: { sha256: string }[];
    }[];
    expect(files.map((f) => f.case.id)).toEqual(co.person.caseIds);
    // Sheets: exactly this evaluator's.
    const ownSheets = co.t.app.context.repos.scoring
      .ofCampaign(co.campaign.id)
      .filter((x) => x.personId === co.person.id)
      .map((x) => x.id)
      .sort();
    expect(files.map((f) => f.sheet.id).sort()).toEqual(ownSheets);
    // Scans: exactly the assigned files' (stored, not deflated).
    const repos = co.t.app.context.repos;
    const ownScans = new Set(
      co.person.caseIds.flatMap((id) => repos.attachments.forCase(id).map((a) => a.sha256)),
    );
    const scanEntries = entries.filter((e) => e.name.startsWith('attachments/'));
    expect(new Set(scanEntries.map((e) => e.name.slice('attachments/'.length)))).toEqual(ownScans);
    expect(scanEntries.every((e) => e.stored)).toBe(true);
    // Nothing that names another file, another evaluator or another sheet anywhere in the text.
    const everything = entries
      .filter((e) => !e.name.startsWith('attachments/'))
      .map((e) => text(e.data))
      .join('\n');
    const others = co.campaign.rows.filter((r) => !co.person.caseIds.includes(r.caseId));
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) {
      expect(everything).not.toContain(r.caseId);
      expect(everything).not.toContain(repos.cases.get(r.caseId)!.caseNo);
      for (const a of repos.attachments.forCase(r.caseId))
        expect(everything).not.toContain(a.sha256);
    }
    for (const [username, e] of co.campaign.evaluators) {
      if (username === co.person.username) continue;
      expect(everything).not.toContain(e.personId);
      expect(everything).not.toContain(repos.people.get(e.personId)!.name);
      expect(everything).not.toContain(username);
    }
    for (const x of repos.scoring.ofCampaign(co.campaign.id)) {
      if (x.personId !== co.person.id) expect(everything).not.toContain(x.id);
    }
    const campaign = json('campaign.json') as {
      departments: unknown[];
      campaign: { settings: { templates: object } };
    };
    const departments = new Set([
      repos.people.get(co.person.id)!.departmentId,
      ...co.person.caseIds.map((id) => repos.cases.get(id)!.departmentId),
    ]);
    expect(campaign.departments).toHaveLength(departments.size);
  });
});

describe('evaluator mode', () => {
  it('refuses coordinator methods in the dispatcher, public ones included', async () => {
    const co = await coordinator();
    const ev = await laptop();
    const s = (await importOn(ev, (await issue(co)).bytes)).session.token;
    for (const [method, input] of [
      [
        'setup.createCoordinator',
        { orgName: 'x', displayName: 'x', username: 'xxx', password: 'Passw0rd!', locale: 'zh-CN' },
      ],
      ['demo.load', {}],
      ['cases.list', {}],
      ['campaigns.list', {}],
      ['users.list', {}],
    ] as const) {
      const r = await ev.call(method, input, s);
      expect(r.ok, method).toBe(false);
      if (!r.ok)
        expect(r.error, method).toMatchObject({ code: 'FORBIDDEN', key: 'errors.evaluatorMode' });
    }
    // Every method an evaluator may not call is refused before its handler runs.
    for (const name of METHOD_NAMES) {
      const access = contract[name].access;
      if (access === 'public' || (access as readonly string[]).includes('evaluator')) continue;
      const r = await ev.call(name, {}, s);
      expect(!r.ok && r.error.key, name).toBe('errors.evaluatorMode');
    }
    // What an evaluator does still works.
    expect((await ev.call('tasks.mine', {}, s)).ok).toBe(true);
    expect((await ev.call('tags.list', {}, s)).ok).toBe(true);
    expect((await ev.call('workspace.identity', {}, s)).ok).toBe(true);
  });

  it('a coordinator workspace cannot import a task package; the evaluator is signed in to import another', async () => {
    const co = await coordinator();
    const pkg = await issue(co);
    const r = await co.t.call('packages.importTask', {
      bytes: pkg.bytes,
      password: EVALUATOR_PASSWORD,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.key).toBe('errors.packageCoordinatorWorkspace');

    const ev = await laptop();
    const missing = await ev.call('packages.importTask', { bytes: pkg.bytes });
    expect(!missing.ok && missing.error.key).toBe('errors.packagePasswordRequired');
    await importOn(ev, pkg.bytes);
    const again = await ev.call('packages.importTask', { bytes: pkg.bytes });
    expect(!again.ok && again.error.key).toBe('errors.packageSignInRequired');
    // Another evaluator's package on this laptop.
    const other = await issue(co, co.campaign.evaluators.get(co.other)!.personId);
    const login = await ev.ok<{ token: string }>('auth.login', {
      username: co.person.username,
      password: EVALUATOR_PASSWORD,
    });
    const refused = await ev.call('packages.importTask', { bytes: other.bytes }, login.token);
    expect(!refused.ok && refused.error.key).toBe('errors.packageOtherEvaluator');
    // The same package again: a no-op.
    const same = await ev.ok<{ alreadyImported: boolean }>(
      'packages.importTask',
      { bytes: pkg.bytes },
      login.token,
    );
    expect(same.alreadyImported).toBe(true);
  });
});

describe('trust', () => {
  it('an evaluator workspace keeps trusting the first coordinator: another key is refused, whatever the campaign', async () => {
    const co = await coordinator();
    const ev = await laptop();
    const { session } = await importOn(ev, (await issue(co)).bytes);
    // Another workspace (another key), its own campaign.
    const stranger = await coordinator();
    const foreign = await issue(stranger);
    const before = dumpDatabase(ev.app.context.db);
    const r = await ev.call('packages.importTask', { bytes: foreign.bytes }, session.token);
    expect(!r.ok && r.error.key).toBe('errors.packageOtherCoordinator');
    expect(dumpDatabase(ev.app.context.db)).toEqual(before);
  });

  it('only the coordinator learns what a result package answers', async () => {
    const co = await coordinator();
    const ev = await laptop();
    const { session } = await importOn(ev, (await issue(co)).bytes);
    const result = await exportResult(ev, session.token, co.campaign.id);
    const anonymous = await co.t.ok<{ kind: string; verified: boolean; problem: { key: string } }>(
      'packages.inspect',
      { bytes: result.bytes },
    );
    expect(anonymous).toMatchObject({ kind: 'result', verified: false });
    expect(anonymous.problem.key).toBe('errors.FORBIDDEN');
    const seen = await co.t.ok<{ verified: boolean }>(
      'packages.inspect',
      { bytes: result.bytes },
      co.session,
    );
    expect(seen.verified).toBe(true);
  });
});

describe('conflicts and re-issue', () => {
  it('a sheet changed on both sides is refused until resolved, then kept or taken as chosen', async () => {
    const co = await coordinator();
    const campaignId = co.campaign.id;
    const [first, second] = co.person.caseIds as [string, string];
    const ev = await laptop();
    const s = (await importOn(ev, (await issue(co)).bytes)).session.token;
    await score(ev, s, campaignId, first, { count: 2, submit: false });
    await score(ev, s, campaignId, second, { count: 2, submit: false });
    // Meanwhile the same evaluator saved both sheets on the coordinator's machine too.
    await score(co.t, co.person.session, campaignId, first, { count: 1, submit: false });
    await score(co.t, co.person.session, campaignId, second, { count: 1, submit: false });
    const r = await exportResult(ev, s, campaignId);
    const preview = await co.t.ok<Merge>('packages.inspectResult', { bytes: r.bytes }, co.session);
    const classOf = (caseId: string) => preview.sheets.find((x) => x.caseId === caseId)!.class;
    expect([classOf(first), classOf(second)]).toEqual(['conflict', 'conflict']);
    // Untouched files are the same on both sides.
    expect(
      preview.sheets.filter((x) => x.class !== 'conflict').every((x) => x.class === 'same'),
    ).toBe(true);

    const before = dumpDatabase(co.t.app.context.db);
    const refused = await co.t.call('packages.mergeResult', { bytes: r.bytes }, co.session);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toMatchObject({ code: 'CONFLICT', key: 'errors.resultConflicts' });
      expect(refused.error.params).toMatchObject({ count: 2 });
    }
    const half = await co.t.call(
      'packages.mergeResult',
      { bytes: r.bytes, resolutions: [{ sheetId: preview.sheets[0]!.sheetId, keep: 'package' }] },
      co.session,
    );
    expect(!half.ok && half.error.key).toBe('errors.resultConflicts');
    expect(dumpDatabase(co.t.app.context.db)).toBe(before);

    const merged = await co.t.ok<Merge>(
      'packages.mergeResult',
      {
        bytes: r.bytes,
        resolutions: [
          { sheetId: preview.sheets.find((x) => x.caseId === first)!.sheetId, keep: 'package' },
          { sheetId: preview.sheets.find((x) => x.caseId === second)!.sheetId, keep: 'local' },
        ],
      },
      co.session,
    );
    expect(merged).toMatchObject({ merged: true, applied: 1, keptLocal: 1 });
    const sheetOf = (caseId: string) =>
      co.t.app.context.repos.scoring
        .ofFile(campaignId, caseId)
        .find((x) => x.personId === co.person.id)!;
    expect(JSON.parse(sheetOf(first).content).findings[0].count).toBe(2); // the package's
    expect(JSON.parse(sheetOf(second).content).findings[0].count).toBe(1); // kept here
  });

  it('an older package never overwrites newer work; a returned sheet travels back in a new package', async () => {
    const co = await coordinator();
    const campaignId = co.campaign.id;
    const [first] = co.person.caseIds as [string];
    const ev = await laptop();
    const s = (await importOn(ev, (await issue(co)).bytes)).session.token;
    const { sheetId } = await score(ev, s, campaignId, first, { count: 2 });
    const r1 = await exportResult(ev, s, campaignId);
    await co.t.ok('packages.mergeResult', { bytes: r1.bytes }, co.session);
    await co.t.ok('sheets.return', { sheetId, reason: '扣分理由不够具体' }, co.session);

    // An export with nothing new: the coordinator's return is newer and stays.
    const r2 = await exportResult(ev, s, campaignId);
    const m2 = await co.t.ok<Merge>('packages.mergeResult', { bytes: r2.bytes }, co.session);
    expect(m2.sheets.find((x) => x.caseId === first)!.class).toBe('older');
    expect(co.t.app.context.repos.scoring.get(sheetId)!.status).toBe('returned');

    // A new package carries the return to the laptop; the evaluator corrects and resubmits.
    const pkg2 = await issue(co);
    const login = (
      await ev.ok<{ token: string }>('auth.login', {
        username: co.person.username,
        password: EVALUATOR_PASSWORD,
      })
    ).token;
    const re = await ev.ok<{ keptLocal: string[] }>(
      'packages.importTask',
      { bytes: pkg2.bytes },
      login,
    );
    expect(re.keptLocal).toEqual([]);
    const opened = await ev.ok<{ sheet: { status: string; returnedReason: string } }>(
      'tasks.open',
      { campaignId, caseId: first },
      login,
    );
    expect(opened.sheet).toMatchObject({ status: 'returned', returnedReason: '扣分理由不够具体' });
    await score(ev, login, campaignId, first, { count: 3 });
    const r3 = await exportResult(ev, login, campaignId);
    expect(r3.sequence).toBe(1); // numbered per task package
    const m3 = await co.t.ok<Merge>('packages.mergeResult', { bytes: r3.bytes }, co.session);
    expect(m3.sheets.find((x) => x.caseId === first)!.class).toBe('newer');
    const sheet = co.t.app.context.repos.scoring.get(sheetId)!;
    expect(sheet.status).toBe('submitted');
    expect(JSON.parse(sheet.content).findings[0].count).toBe(3);
    // The first package is superseded, and its results still verify.
    const list = await co.t.ok<{
      evaluators: { personId: string; packages: { supersededBy: string | null }[] }[];
    }>('packages.list', { campaignId }, co.session);
    const mine = list.evaluators.find((e) => e.personId === co.person.id)!;
    expect(mine.packages.map((p) => p.supersededBy !== null).sort()).toEqual([false, true]);
  });
});
