// Issue 8 figures, at the field scale: 37 evaluators, each with 2 files of 40 scanned pages
// (~150 KB each, incompressible like JPEG): building every evaluator's task package through the
// dispatcher (read, hash, sign, record), beside writing a ZIP of the same bytes unsigned; and
// merging 37 result packages (verify, compare, apply every version, settle the files), beside a
// bare transaction inserting the same rows. Each figure and its baseline alternate package by
// package, in the same run.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '../../core/demo/generate';
import { seedCommitment, seedOf } from '../../core/draw/draw';
import { tempDir } from '../../db/testing';
import { createApp, type App } from '../../electron/services/app';
import { hashPassword } from '../../electron/services/auth/passwords';
import { BlobStore } from '../../electron/services/files/blob-store';
import { ZipReader, writeZip } from '../../electron/services/import/zip';
import { createLogger } from '../../electron/services/logger';
import { score } from '../../electron/services/packages/testing';
import { SCORING_SEED_PARTS } from '../../electron/services/scoring/fixture';
import { figure, type Figure } from '../harness';

const EVALUATORS = 37;
const PAGES = 40;
const PAGE_BYTES = 150 * 1024;
const SAVES_PER_SHEET = 20;

async function workspace(): Promise<{ app: App; ok: Ok; cleanup(): void }> {
  const tmp = tempDir('anjuan-bench-');
  const app = await createApp({
    dataDir: tmp.dir,
    appVersion: 'bench',
    log: createLogger({ stderr: false, level: 'error' }),
  });
  const ok: Ok = async (method, input = {}, session) => {
    const r = await app.dispatch({ method, input, session });
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.data as never;
  };
  return {
    app,
    ok,
    cleanup: () => {
      app.close();
      tmp.cleanup();
    },
  };
}
type Ok = <T>(method: string, input?: unknown, session?: string) => Promise<T>;

const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

export async function packagesSuite(): Promise<Figure[]> {
  const co = await workspace();
  const { app, ok } = co;
  const { repos } = app.context;
  await ok('demo.load', { campaign: false });
  const { token: s } = await ok<{ token: string }>('auth.login', {
    username: 'zuzhi',
    password: DEMO_PASSWORD,
  });

  // 37 legal officers with login accounts (one password hash for all: scrypt is not measured).
  const hash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  const chosen = repos.people
    .list()
    .filter((p) => p.legalOfficer && p.active)
    .slice(0, EVALUATORS);
  if (chosen.length < EVALUATORS) throw new Error('not enough legal officers in the demo');
  app.context.tx(() => {
    chosen.forEach((p, i) => {
      if (p.userId) return;
      const user = repos.users.create({
        id: app.context.newId(),
        username: `bench${i + 1}`,
        displayName: p.name,
        role: 'evaluator',
        passwordHash: hash,
        locale: null,
        now,
      });
      repos.people.update({ ...p, userId: user.id, batchId: null }, now);
    });
  });

  // The campaign: 37 penalty files, the 37 evaluators, two per file, so two files each.
  const c = await ok<{ id: string; settings: Record<string, unknown> }>(
    'campaigns.create',
    { name: '2026年度行政执法案卷评查', year: 2026 },
    s,
  );
  await ok('campaigns.update', { id: c.id, settings: { ...c.settings, perFile: 2 } }, s);
  await ok(
    'campaigns.drawFiles',
    {
      id: c.id,
      plan: { kind: 'type_totals', totals: { penalty: EVALUATORS } },
      seedParts: SCORING_SEED_PARTS,
      commitment: seedCommitment(seedOf(SCORING_SEED_PARTS)),
    },
    s,
  );
  await ok(
    'campaigns.drawEvaluators',
    {
      id: c.id,
      plan: {
        count: EVALUATORS,
        mustInclude: chosen.map((p) => ({ id: p.id, reason: '法制员' })),
      },
    },
    s,
  );
  const { rows } = await ok<{ rows: { caseId: string; personIds: string[] }[] }>(
    'campaigns.proposeAssignment',
    { id: c.id },
    s,
  );
  await ok('campaigns.confirmAssignment', { id: c.id, rows }, s);
  await ok('campaigns.setStatus', { id: c.id, status: 'scoring' }, s);

  // 40 scanned pages per file, straight into the store (setting up is not measured).
  const blobs = new BlobStore(app.context.dataDir);
  app.context.tx(() => {
    for (const r of rows) {
      for (let p = 1; p <= PAGES; p++) {
        const bytes = randomBytes(PAGE_BYTES);
        bytes[0] = 0xff;
        bytes[1] = 0xd8;
        bytes[2] = 0xff;
        const sha256 = blobs.put(bytes);
        repos.attachments.insert({
          id: app.context.newId(),
          caseId: r.caseId,
          sha256,
          fileName: `第${p}页.jpg`,
          mime: 'image/jpeg',
          size: bytes.length,
          addedBy: null,
          addedAt: now,
        });
      }
    }
  });
  const people = [...new Set(rows.flatMap((r) => r.personIds))];
  const filesEach = people.map((id) => rows.filter((r) => r.personIds.includes(id)).length);

  // Figure 1: every evaluator's task package, one call each, beside an unsigned ZIP of the same
  // bytes read the same way (the JSON entries as built, the scans from the store). The order
  // alternates (package first, then baseline; then baseline first, on the latest package's
  // entries, which are all of the same size) so that garbage collection falls on both alike.
  let build = 0;
  let bare = 0;
  let totalBytes = 0;
  const results: Uint8Array[] = [];
  let latest: { json: { name: string; data: Uint8Array }[]; scans: string[] } | null = null;
  const baseline = () => {
    const t0 = process.hrtime.bigint();
    writeZip([
      ...latest!.json,
      ...latest!.scans.map((n) => ({
        name: n,
        data: fs.readFileSync(blobs.pathOf(n.slice('attachments/'.length))),
        store: true,
      })),
    ]);
    bare += seconds(t0);
  };
  for (const [i, personId] of people.entries()) {
    if (i % 2 === 1) baseline();
    const t0 = process.hrtime.bigint();
    const pkg = await ok<{ bytes: Uint8Array }>(
      'packages.exportTasks',
      { campaignId: c.id, personId },
      s,
    );
    build += seconds(t0);
    totalBytes += pkg.bytes.length;
    const zip = new ZipReader(pkg.bytes);
    latest = {
      json: ['campaign.json', 'templates.json', 'files.json'].map((name) => ({
        name,
        data: new Uint8Array(zip.read(name)),
      })),
      scans: [...zip.entries.keys()].filter((n) => n.startsWith('attachments/')),
    };
    if (i % 2 === 0) baseline();

    // The evaluator's side (not measured): import, score both files with autosaves, export.
    const ev = await workspace();
    const imported = await ev.ok<{ session: { token: string } }>('packages.importTask', {
      bytes: pkg.bytes,
      password: 'Laptop-2026!',
    });
    const es = imported.session.token;
    const { campaigns } = await ev.ok<{ campaigns: { tasks: { caseId: string }[] }[] }>(
      'tasks.mine',
      {},
      es,
    );
    for (const task of campaigns[0]!.tasks) {
      await score(ev, es, c.id, task.caseId, { saves: SAVES_PER_SHEET, count: 1 });
    }
    results.push(
      (await ev.ok<{ bytes: Uint8Array }>('packages.exportResult', { campaignId: c.id }, es)).bytes,
    );
    ev.cleanup();
  }

  // Figure 2: merging the 37 result packages, beside a bare transaction per package inserting
  // the same version rows and updating the same sheet rows.
  const db = app.context.db;
  db.exec(`CREATE TABLE bench_versions (sheet_id TEXT, seq INTEGER, revision INTEGER, status TEXT,
    content TEXT, saved_at TEXT, PRIMARY KEY (sheet_id, seq)) STRICT;
    CREATE TABLE bench_sheets (id TEXT PRIMARY KEY, revision INTEGER, status TEXT, content TEXT) STRICT;`);
  const insertVersion = db.prepare(
    'INSERT INTO bench_versions VALUES (@sheetId, @seq, @revision, @status, @content, @savedAt)',
  );
  const upsertSheet = db.prepare(
    'INSERT INTO bench_sheets VALUES (@id, @revision, @status, @content) ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, status = excluded.status, content = excluded.content',
  );
  let merge = 0;
  let bareTx = 0;
  let versions = 0;
  for (const bytes of results) {
    let t0 = process.hrtime.bigint();
    await ok('packages.mergeResult', { bytes }, s);
    merge += seconds(t0);
    const sheets = JSON.parse(
      new TextDecoder().decode(new ZipReader(bytes).read('sheets.json')),
    ) as {
      sheetId: string;
      revision: number;
      status: string;
      content: string;
      versions: { revision: number; status: string; content: string; savedAt: string }[];
    }[];
    t0 = process.hrtime.bigint();
    db.transaction(() => {
      for (const sh of sheets) {
        sh.versions.forEach((v, i) => insertVersion.run({ sheetId: sh.sheetId, seq: i + 1, ...v }));
        upsertSheet.run({
          id: sh.sheetId,
          revision: sh.revision,
          status: sh.status,
          content: sh.content,
        });
      }
    })();
    bareTx += seconds(t0);
    versions += sheets.reduce((n, sh) => n + sh.versions.length, 0);
  }
  const final = repos.scoring.results(c.id).filter((r) => r.state === 'final').length;
  const review = repos.scoring.results(c.id).filter((r) => r.state === 'review').length;
  co.cleanup();

  return [
    figure(
      'Packages: task packages for 37 evaluators, 2 files × 40 scans of 150 KB each',
      'building all 37 through the dispatcher (signed, recorded)',
      build,
      's',
      'writeZip of the same bytes, unsigned',
      bare,
      {
        packages: people.length,
        files_each: `${Math.min(...filesEach)}–${Math.max(...filesEach)}`,
        total_MB: totalBytes / 1048576,
        per_package_ms: (build / people.length) * 1000,
      },
    ),
    figure(
      'Packages: merging 37 result packages (2 sheets × 21 versions each)',
      'merging all 37 through the dispatcher',
      merge,
      's',
      'bare transaction inserting the same rows',
      bareTx,
      {
        versions,
        per_package_ms: (merge / results.length) * 1000,
        files_final: final,
        files_review: review,
      },
    ),
  ];
}
