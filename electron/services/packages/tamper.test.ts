// Forged, tampered, truncated, foreign, expired and replayed packages (issue 8): each is refused
// with its reason (an errors.* key) and the database is exactly as it was (a dump of every table
// before and after). Two real workspaces: the coordinator's and an evaluator's laptop.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../core/api/errors';
import { DEMO_PASSWORD } from '../../../core/demo/generate';
import { canonicalBytes } from '../../../core/packages/canonical';
import { dumpDatabase } from '../../../db/testing';
import { testApp, type TestApp } from '../testing';
import { hmacHex, workspaceSigner } from './identity';
import {
  EVALUATOR_PASSWORD,
  bytesOf,
  coordinatorWithCampaign,
  entryDataRange,
  flipLetter,
  rezip,
  score,
  text,
  unzip,
  type Coordinator,
} from './testing';

let co: Coordinator;
let other: TestApp; // another coordinator workspace: another key pair
let ev: TestApp; // the evaluator's laptop, package imported
let evSession: string;
let fresh: TestApp; // a laptop where nothing was imported
let task: Uint8Array;
let r1: Uint8Array;
let r2: Uint8Array;

beforeAll(async () => {
  co = await coordinatorWithCampaign();
  other = await testApp();
  await other.setupCoordinator();
  ev = await testApp();
  fresh = await testApp();
  const campaignId = co.campaign.id;
  task = (
    await co.t.ok<{ bytes: Uint8Array }>(
      'packages.exportTasks',
      { campaignId, personId: co.person.id },
      co.session,
    )
  ).bytes;
  evSession = (
    await ev.ok<{ session: { token: string } }>('packages.importTask', {
      bytes: task,
      password: EVALUATOR_PASSWORD,
    })
  ).session.token;
  const [first, second] = co.person.caseIds as [string, string];
  await score(ev, evSession, campaignId, first, { count: 2 });
  r1 = (await ev.ok<{ bytes: Uint8Array }>('packages.exportResult', { campaignId }, evSession))
    .bytes;
  await score(ev, evSession, campaignId, second, { submit: false });
  r2 = (await ev.ok<{ bytes: Uint8Array }>('packages.exportResult', { campaignId }, evSession))
    .bytes;
  await co.t.ok('packages.mergeResult', { bytes: r2 }, co.session);
}, 120_000);

afterAll(() => {
  for (const a of [co?.t, other, ev, fresh]) a?.cleanup();
});

/** Calls and expects a refusal with this key; the database of `where` must not change. */
async function refused(
  where: TestApp,
  method: string,
  input: Record<string, unknown>,
  key: string,
  params?: Record<string, unknown>,
  session?: string,
) {
  const before = dumpDatabase(where.app.context.db);
  const r: Envelope<unknown> = await where.call(method, input, session);
  expect(r.ok, `${method} should be refused with ${key}`).toBe(false);
  if (!r.ok) {
    expect(r.error.key).toBe(key);
    if (params) expect(r.error.params).toMatchObject(params);
  }
  expect(dumpDatabase(where.app.context.db)).toBe(before);
}

const importOnFresh = (bytes: Uint8Array, key: string, params?: Record<string, unknown>) =>
  refused(fresh, 'packages.importTask', { bytes, password: EVALUATOR_PASSWORD }, key, params);
const merge = (bytes: Uint8Array, key: string, params?: Record<string, unknown>) =>
  refused(co.t, 'packages.mergeResult', { bytes }, key, params, co.session);

/** The byte offset just after `needle` in UTF-8 text (the manifests hold Chinese names). */
function byteIndexOf(data: Uint8Array, needle: string): number {
  const t = text(data);
  const i = t.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not found`);
  return bytesOf(t.slice(0, i + needle.length)).length;
}

function withEntry(bytes: Uint8Array, name: string, data: Uint8Array) {
  return rezip(unzip(bytes).map((e) => (e.name === name ? { ...e, data } : e)));
}

describe('task packages', () => {
  it('one changed byte in each entry in turn: refused by the signature or the digest', async () => {
    const entries = unzip(task);
    expect(entries.length).toBeGreaterThan(5);
    for (const e of entries) {
      let data: Uint8Array;
      let key: string;
      let params: Record<string, unknown> | undefined;
      if (e.name === 'manifest.json') {
        // A letter of the package id: still canonical JSON, no longer what was signed.
        data = flipLetter(e.data, byteIndexOf(e.data, '"packageId":"'));
        key = 'errors.packageSignatureInvalid';
      } else if (e.name === 'manifest.sig') {
        data = flipLetter(e.data);
        key = 'errors.packageSignatureInvalid';
      } else {
        data = new Uint8Array(e.data);
        const i = Math.floor(data.length / 2);
        data[i] = data[i]! ^ 0x20;
        key = 'errors.packageEntryHash';
        params = { entry: e.name };
      }
      await importOnFresh(withEntry(task, e.name, data), key, params);
    }
    // inspect says the same, without throwing.
    const tampered = withEntry(
      task,
      'files.json',
      flipLetter(entries.find((e) => e.name === 'files.json')!.data, 100),
    );
    const seen = await fresh.ok<{ verified: boolean; problem: { key: string } }>(
      'packages.inspect',
      {
        bytes: tampered,
      },
    );
    expect(seen).toMatchObject({ verified: false, problem: { key: 'errors.packageEntryHash' } });
  });

  it('one flipped byte in the stored data of each entry: refused as damaged, naming the entry', async () => {
    for (const e of unzip(task)) {
      const { start, end } = entryDataRange(task, e.name);
      const bytes = new Uint8Array(task);
      const i = start + Math.floor((end - start) / 2);
      bytes[i] = bytes[i]! ^ 0x01;
      await importOnFresh(bytes, 'errors.packageCorrupt', { entry: e.name });
    }
  });

  it('a truncated package, a missing or extra entry, something else: each with its reason', async () => {
    await importOnFresh(task.subarray(0, task.length >> 1), 'errors.packageTruncated');
    await importOnFresh(task.subarray(0, task.length - 10), 'errors.packageTruncated');
    await importOnFresh(bytesOf('PK\u0003\u0004 not really'), 'errors.packageTruncated');
    await importOnFresh(bytesOf('名称,文号\n'), 'errors.packageNotZip');
    const entries = unzip(task);
    await importOnFresh(
      rezip(entries.filter((e) => e.name !== 'templates.json')),
      'errors.packageEntryMissing',
      { entry: 'templates.json' },
    );
    await importOnFresh(
      rezip([...entries, { name: 'readme.txt', data: bytesOf('hello') }]),
      'errors.packageEntryUnexpected',
      { entry: 'readme.txt' },
    );
    await importOnFresh(
      rezip(entries.filter((e) => e.name !== 'manifest.sig')),
      'errors.packageSignatureMissing',
    );
    await importOnFresh(r1, 'errors.packageIsResult');
  });

  it('signed by another workspace: refused; another coordinator for an imported campaign: refused', async () => {
    const entries = unzip(task);
    const manifest = entries.find((e) => e.name === 'manifest.json')!.data;
    const signer = workspaceSigner(other.app.context.repos);
    const signedByOther = Buffer.from(signer.sign(manifest)).toString('base64');
    await importOnFresh(
      withEntry(task, 'manifest.sig', bytesOf(signedByOther)),
      'errors.packageSignatureInvalid',
    );

    // A package that names the other workspace as issuer and is properly signed by it, for the
    // campaign this laptop imported from the real coordinator.
    const forged = JSON.parse(text(manifest)) as { coordinator: { publicKey: string } };
    forged.coordinator.publicKey = signer.publicKey;
    const forgedBytes = canonicalBytes(forged);
    const repacked = rezip(
      entries.map((e) =>
        e.name === 'manifest.json'
          ? { ...e, data: forgedBytes }
          : e.name === 'manifest.sig'
            ? { ...e, data: bytesOf(Buffer.from(signer.sign(forgedBytes)).toString('base64')) }
            : e,
      ),
    );
    await refused(
      ev,
      'packages.importTask',
      { bytes: repacked },
      'errors.packageOtherCoordinator',
      { fingerprint: signer.fingerprint },
      evSession,
    );
  });

  it('an expired package is refused', async () => {
    const late = await testApp();
    try {
      late.clock.advance(31 * 24 * 3600 * 1000);
      await refused(
        late,
        'packages.importTask',
        { bytes: task, password: EVALUATOR_PASSWORD },
        'errors.packageExpired',
      );
    } finally {
      late.cleanup();
    }
  });
});

describe('result packages', () => {
  const entries = () => unzip(r2);

  it('one changed byte in each entry in turn: refused by the HMAC or the digest', async () => {
    for (const e of entries()) {
      const data =
        e.name === 'manifest.json'
          ? flipLetter(e.data, byteIndexOf(e.data, '"resultId":"'))
          : flipLetter(e.data, e.data.length >> 1);
      const key = e.name === 'sheets.json' ? 'errors.packageEntryHash' : 'errors.resultHmac';
      await merge(withEntry(r2, e.name, data), key);
    }
  });

  it('one flipped byte in the stored data of each entry, or a truncated file: refused', async () => {
    for (const e of entries()) {
      const { start, end } = entryDataRange(r2, e.name);
      const bytes = new Uint8Array(r2);
      const i = start + Math.floor((end - start) / 2);
      bytes[i] = bytes[i]! ^ 0x01;
      await merge(bytes, 'errors.packageCorrupt', { entry: e.name });
    }
    await merge(r2.subarray(0, r2.length - 30), 'errors.packageTruncated');
    await merge(task, 'errors.packageIsTask');
  });

  /** A result package with a changed manifest, authenticated with `secret` (the real one by default). */
  function reauthored(change: (m: Record<string, unknown>) => void, secret?: string) {
    const list = entries();
    const m = JSON.parse(text(list.find((e) => e.name === 'manifest.json')!.data)) as Record<
      string,
      unknown
    >;
    change(m);
    const key = secret ?? co.t.app.context.repos.packages.issued(m.packageId as string)!.secret;
    const bytes = canonicalBytes(m);
    return rezip(
      list.map((e) =>
        e.name === 'manifest.json'
          ? { ...e, data: bytes }
          : e.name === 'manifest.hmac'
            ? { ...e, data: bytesOf(hmacHex(key, bytes)) }
            : e,
      ),
    );
  }

  it('a wrong HMAC, an unknown package, a foreign campaign, another evaluator: refused', async () => {
    const wrongKey = randomBytes(32).toString('base64');
    await merge(
      reauthored((m) => (m.sequence = 9), wrongKey),
      'errors.resultHmac',
    );
    await merge(
      reauthored((m) => (m.packageId = randomUUID()), wrongKey),
      'errors.resultUnknownPackage',
    );
    await merge(
      reauthored((m) => {
        m.sequence = 9;
        m.campaign = { id: randomUUID(), name: '2025年度行政执法案卷评查', year: 2025 };
      }),
      'errors.resultForeignCampaign',
      { campaign: '2025年度行政执法案卷评查' },
    );
    const someoneElse = co.campaign.evaluators.get(co.other)!.personId;
    await merge(
      reauthored((m) => {
        m.sequence = 9;
        m.evaluator = { personId: someoneElse, name: '某人', departmentName: '某部门' };
      }),
      'errors.resultWrongEvaluator',
    );
  });

  it('a sheet that is not the evaluator’s: refused', async () => {
    const list = entries();
    const sheets = JSON.parse(text(list.find((e) => e.name === 'sheets.json')!.data)) as {
      sheetId: string;
      caseId: string;
    }[];
    const foreign = co.t.app.context.repos.scoring
      .ofCampaign(co.campaign.id)
      .find((s) => s.personId !== co.person.id && s.caseId === sheets[0]!.caseId)!;
    sheets[0]!.sheetId = foreign.id;
    const data = canonicalBytes(sheets);
    const m = JSON.parse(text(list.find((e) => e.name === 'manifest.json')!.data)) as {
      sequence: number;
      packageId: string;
      entries: { name: string; sha256: string; size: number }[];
    };
    m.sequence = 9;
    m.entries = [
      {
        name: 'sheets.json',
        sha256: createHash('sha256').update(data).digest('hex'),
        size: data.length,
      },
    ];
    const mb = canonicalBytes(m);
    const secret = co.t.app.context.repos.packages.issued(m.packageId)!.secret;
    const bytes = rezip([
      { name: 'manifest.json', data: mb },
      { name: 'manifest.hmac', data: bytesOf(hmacHex(secret, mb)) },
      { name: 'sheets.json', data },
    ]);
    await merge(bytes, 'errors.resultSheetUnknown');
  });

  it('a replayed older export is refused; the one merged last is a no-op', async () => {
    await merge(r1, 'errors.resultOlder', { sequence: 1, merged: 2 });
    await refused(
      co.t,
      'packages.inspectResult',
      { bytes: r1 },
      'errors.resultOlder',
      { sequence: 1, merged: 2 },
      co.session,
    );
    const before = dumpDatabase(co.t.app.context.db);
    const again = await co.t.ok<{ merged: boolean; alreadyMerged: boolean }>(
      'packages.mergeResult',
      { bytes: r2 },
      co.session,
    );
    expect(again).toMatchObject({ merged: false, alreadyMerged: true });
    expect(dumpDatabase(co.t.app.context.db)).toBe(before);
  });

  it('an expired package’s results are refused', async () => {
    const now = co.t.clock.now;
    co.t.clock.advance(31 * 24 * 3600 * 1000);
    try {
      const { token } = await co.t.ok<{ token: string }>('auth.login', {
        username: 'zuzhi',
        password: DEMO_PASSWORD,
      });
      await refused(
        co.t,
        'packages.mergeResult',
        { bytes: reauthored((m) => (m.sequence = 9)) },
        'errors.packageExpired',
        undefined,
        token,
      );
    } finally {
      co.t.clock.now = now;
    }
  });
});
