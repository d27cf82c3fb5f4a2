// Test helpers for offline packages: a coordinator workspace with a campaign in scoring and scans
// on its files, an evaluator's fresh workspace, scoring a task, and rewriting package archives.
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '../../../core/demo/generate';
import type { FindingInput, TemplateContent } from '../../../core/standards/model';
import { ZipReader, writeZip } from '../import/zip';
import { scoringCampaign, type ScoringCampaign } from '../scoring/fixture';
import { testApp, type TestApp } from '../testing';

export const EVALUATOR_PASSWORD = 'Laptop-2026!';

/** A JPEG-like scan: the JPEG signature, then random bytes (incompressible, like a real scan). */
export function scan(bytes = 2048): Uint8Array {
  const b = randomBytes(bytes);
  b[0] = 0xff;
  b[1] = 0xd8;
  b[2] = 0xff;
  return new Uint8Array(b);
}

export interface Coordinator {
  t: TestApp;
  session: string;
  campaign: ScoringCampaign;
  /** The evaluator the tests issue packages to (one with two files) and their files. */
  person: { id: string; username: string; session: string; caseIds: string[] };
  /** Another evaluator's user name. */
  other: string;
}

export async function coordinatorWithCampaign(
  opts: { scansPerFile?: number; deadline?: string | null } = {},
): Promise<Coordinator> {
  const t = await testApp();
  await t.ok('demo.load', { campaign: false });
  const session = (
    await t.ok<{ token: string }>('auth.login', { username: 'zuzhi', password: DEMO_PASSWORD })
  ).token;
  const campaign = await scoringCampaign(t.ok, session, { deadline: opts.deadline ?? null });
  for (const row of campaign.rows) {
    for (let i = 0; i < (opts.scansPerFile ?? 2); i++) {
      await t.ok(
        'attachments.add',
        { caseId: row.caseId, file: { fileName: `第${i + 1}页.jpg`, bytes: scan() } },
        session,
      );
    }
  }
  // The assignment's tie-breaking follows record ids, new in every workspace: 12 files over five
  // evaluators give some two and some three. The tests take the first evaluator with two.
  const order = (t.app.context.repos.campaigns.files(campaign.id) as { caseId: string }[]).map(
    (f) => f.caseId,
  );
  const filesOf = (personId: string) =>
    order.filter((id) =>
      campaign.rows.some((r) => r.caseId === id && r.personIds.includes(personId)),
    );
  const [username, e] = [...campaign.evaluators].find(([, x]) => filesOf(x.personId).length === 2)!;
  const other = [...campaign.evaluators.keys()].find((u) => u !== username)!;
  return {
    t,
    session,
    campaign,
    // In the campaign's file order, as tasks and packages list them.
    person: { id: e.personId, username, session: e.session, caseIds: filesOf(e.personId) },
    other,
  };
}

/** The first per-occurrence item of the template: count n deducts n × its unit. */
export function deduction(tpl: TemplateContent, count: number): FindingInput {
  for (const c of tpl.categories) {
    for (const i of c.items) {
      if (i.mode === 'per_occurrence' && i.unit) {
        return { kind: 'item', code: i.code, count, reason: '送达回证缺少签名', pages: '12' };
      }
    }
  }
  throw new Error('no per-occurrence item');
}

interface Opened {
  template: { content: TemplateContent };
  sheet: { id: string; revision: number; status: string };
}

/** Saves a deduction (one save per step) and, unless told otherwise, submits: the evaluator's work. */
export async function score(
  t: Pick<TestApp, 'ok'>,
  session: string,
  campaignId: string,
  caseId: string,
  opts: { count?: number; saves?: number; submit?: boolean } = {},
): Promise<{ sheetId: string; revision: number }> {
  const o = await t.ok<Opened>('tasks.open', { campaignId, caseId }, session);
  let revision = o.sheet.revision;
  for (let i = 0; i < (opts.saves ?? 1); i++) {
    revision++;
    await t.ok(
      'sheets.save',
      {
        sheetId: o.sheet.id,
        revision,
        content: {
          findings: [deduction(o.template.content, opts.count ?? 1)],
          comments: `第${i + 1}次`,
        },
      },
      session,
    );
  }
  if (opts.submit ?? true) {
    await t.ok('sheets.submit', { sheetId: o.sheet.id, revision }, session);
  }
  return { sheetId: o.sheet.id, revision };
}

/** The entries of a ZIP, in order. */
export function unzip(bytes: Uint8Array): { name: string; data: Uint8Array; stored: boolean }[] {
  const zip = new ZipReader(bytes);
  return [...zip.entries.values()].map((e) => ({
    name: e.name,
    data: new Uint8Array(zip.read(e.name)),
    stored: e.method === 0,
  }));
}

export function rezip(entries: { name: string; data: Uint8Array; stored?: boolean }[]): Uint8Array {
  return writeZip(entries.map((e) => ({ name: e.name, data: e.data, store: e.stored ?? false })));
}

export const text = (b: Uint8Array) => new TextDecoder().decode(b);
export const bytesOf = (s: string) => new TextEncoder().encode(s);

/** Changes the first ASCII letter at or after `from` to the next letter (the text stays well-formed). */
export function flipLetter(data: Uint8Array, from = 0): Uint8Array {
  const out = new Uint8Array(data);
  for (let i = from; i < out.length; i++) {
    const c = out[i]!;
    if ((c >= 0x61 && c <= 0x79) || (c >= 0x41 && c <= 0x59)) {
      out[i] = c + 1;
      return out;
    }
  }
  throw new Error('no letter to flip');
}

/** The byte range of an entry's stored data inside a ZIP file. */
export function entryDataRange(bytes: Uint8Array, name: string): { start: number; end: number } {
  const zip = new ZipReader(bytes);
  const e = zip.entries.get(name)!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start =
    e.localOffset +
    30 +
    view.getUint16(e.localOffset + 26, true) +
    view.getUint16(e.localOffset + 28, true);
  return { start, end: start + e.compressedSize };
}
