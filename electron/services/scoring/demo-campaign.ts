// The demo workspace's campaigns, built through the same use cases a coordinator and evaluators
// call, so the demo can never hold a state the app itself could not reach:
// - in progress (issue 6): 12 files drawn after a seed ceremony, assigned to the five demo
//   evaluators (two per file), scoring started; some files scored by both evaluators (the mean is
//   final), two flagged for 复核 (a veto on one sheet only; totals too far apart), some sheets in
//   progress;
// - finished (issue 7): 20 other files, every sheet submitted, the flagged files decided in 复核,
//   the campaign closed (已完成) — what the statistics, the notice and 整改 work from.
import type { SessionUser } from '../../../core/accounts/schemas';
import {
  contract,
  type MethodName,
  type ParsedInput,
  type MethodInput,
} from '../../../core/api/contract';
import { typicalFinding } from '../../../core/demo/findings';
import { seedCommitment, seedOf } from '../../../core/draw/draw';
import type { FindingInput, TemplateContent } from '../../../core/standards/model';
import type { AppContext } from '../context';
import type { Handler, Handlers } from '../handler';

export const DEMO_CAMPAIGN_NAME = '2026年度行政执法案卷评查（示例）';
export const DEMO_FINISHED_CAMPAIGN_NAME = '2025年度行政执法案卷评查（示例）';

const SEED_PARTS = [
  { contributor: '赵律师（见证人）', kind: 'dice' as const, digits: '6251433526' },
  { contributor: '区司法局 执法监督科', kind: 'generated' as const, digits: '80417735920164' },
];

const FINISHED_SEED_PARTS = [
  { contributor: '李律师（见证人）', kind: 'dice' as const, digits: '3316245521' },
  { contributor: '区司法局 执法监督科', kind: 'generated' as const, digits: '57302918846120' },
];

type Run = <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  user: SessionUser,
) => Promise<unknown>;

interface DemoCast {
  run: Run;
  coordinator: SessionUser;
  /** The demo evaluators by person id. */
  people: Map<string, SessionUser>;
}

function castOf(
  app: AppContext,
  handlers: Partial<Handlers>,
  coordinatorName: string,
  evaluatorNames: readonly string[],
): DemoCast {
  const userOf = (username: string): SessionUser => {
    const u = app.repos.users.findByUsername(username)!;
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      locale: u.locale,
    };
  };
  const run: Run = async (method, input, user) => {
    const handler = handlers[method] as Handler<typeof method> | undefined;
    if (!handler) throw new Error(`no handler for ${method}`);
    const parsed = contract[method].input.parse(input) as ParsedInput<typeof method>;
    return handler(parsed, {
      user,
      sessionHash: null,
      callId: `demo-${method}`,
      signal: new AbortController().signal,
      progress: () => undefined,
    } as never);
  };
  const people = new Map(
    evaluatorNames.map((u) => [app.repos.people.findByUser(userOf(u).id)!.id, userOf(u)]),
  );
  return { run, coordinator: userOf(coordinatorName), people };
}

/** Creates a campaign, draws files and evaluators, confirms the assignment and starts scoring. */
async function startCampaign(
  cast: DemoCast,
  opts: {
    name: string;
    year: number;
    deadline: string;
    totals: Record<string, number>;
    seedParts: typeof SEED_PARTS;
  },
) {
  const { run, coordinator, people } = cast;
  const c = (await run('campaigns.create', { name: opts.name, year: opts.year }, coordinator)) as {
    id: string;
    settings: Record<string, unknown>;
  };
  await run(
    'campaigns.update',
    { id: c.id, settings: { ...c.settings, deadline: opts.deadline } as never },
    coordinator,
  );
  await run(
    'campaigns.drawFiles',
    {
      id: c.id,
      plan: { kind: 'type_totals', totals: opts.totals },
      seedParts: opts.seedParts,
      commitment: seedCommitment(seedOf(opts.seedParts)),
    },
    coordinator,
  );
  await run(
    'campaigns.drawEvaluators',
    {
      id: c.id,
      plan: {
        count: people.size,
        mustInclude: [...people.keys()].map((id) => ({ id, reason: '有评查账户的评查员' })),
      },
    },
    coordinator,
  );
  const { rows } = (await run('campaigns.proposeAssignment', { id: c.id }, coordinator)) as {
    rows: { caseId: string; personIds: string[] }[];
  };
  await run('campaigns.confirmAssignment', { id: c.id, rows }, coordinator);
  await run('campaigns.setStatus', { id: c.id, status: 'scoring' }, coordinator);
  return { id: c.id, rows };
}

/** What one evaluator does with one file: open it, save findings, maybe submit. */
function sheetWriter(cast: DemoCast, campaignId: string) {
  const { run } = cast;
  const opened = async (caseId: string, user: SessionUser) =>
    (await run('tasks.open', { campaignId, caseId }, user)) as {
      template: { content: TemplateContent };
      sheet: { id: string };
    };
  /** Per-occurrence findings: counts[k] occurrences of the k-th chosen item (0 = none). */
  const findingsFor = (
    t: TemplateContent,
    counts: readonly number[],
    offset = 0,
  ): FindingInput[] => {
    const items = t.categories.flatMap((x) => x.items).filter((i) => i.mode === 'per_occurrence');
    // Distinct items, spread over the template: every third one, the next free one on a clash.
    const used = new Set<number>();
    const pick = (k: number) => {
      let at = (k * 3 + offset) % items.length;
      while (used.has(at)) at = (at + 1) % items.length;
      used.add(at);
      return items[at]!;
    };
    return counts
      .slice(0, items.length)
      .map((count, k) => ({ count, item: pick(k) }))
      .filter((x) => x.count > 0)
      .map(({ count, item }, k) => {
        const r = typicalFinding(item, k + offset);
        return {
          kind: 'item' as const,
          code: item.code,
          count: Math.min(count, Math.floor(item.max / (item.unit ?? 1))),
          reason: r.reason,
          pages: String(8 + k * 3),
          tags: r.tags,
        };
      });
  };
  const write = async (
    caseId: string,
    user: SessionUser,
    findings: FindingInput[],
    submit: boolean,
    extra: { comments?: string; highlights?: string } = {},
  ) => {
    const o = await opened(caseId, user);
    await run(
      'sheets.save',
      {
        sheetId: o.sheet.id,
        revision: 1,
        content: { findings, comments: extra.comments ?? '', highlights: extra.highlights ?? '' },
      },
      user,
    );
    if (submit) await run('sheets.submit', { sheetId: o.sheet.id, revision: 1 }, user);
    return o.sheet.id;
  };
  return { opened, findingsFor, write };
}

export async function loadDemoCampaign(
  app: AppContext,
  handlers: Partial<Handlers>,
  coordinatorName: string,
  evaluatorNames: readonly string[],
): Promise<void> {
  const cast = castOf(app, handlers, coordinatorName, evaluatorNames);
  const c = await startCampaign(cast, {
    name: DEMO_CAMPAIGN_NAME,
    year: 2026,
    deadline: '2026-12-18',
    totals: { penalty: 8, permit: 4 },
    seedParts: SEED_PARTS,
  });
  const { opened, findingsFor, write } = sheetWriter(cast, c.id);
  const { people } = cast;

  // Sheets: what each evaluator has done so far.
  for (const [i, row] of c.rows.entries()) {
    const [p, q] = row.personIds.map((id) => people.get(id)!);
    if (!p || !q) continue;
    const t = (await opened(row.caseId, p)).template.content;
    if (i < 5) {
      // Close agreement: the mean becomes final.
      await write(row.caseId, p, findingsFor(t, [1, 0, i % 2]), true);
      await write(row.caseId, q, findingsFor(t, [1, 1, 0]), true);
    } else if (i === 5) {
      // A veto on one sheet only: 复核.
      const veto: FindingInput = {
        kind: 'veto',
        code: t.vetoItems[0]!.code,
        reason: '委托执法手续缺失，执法主体资格存疑',
        pages: '2',
        tags: [],
      };
      await write(row.caseId, p, [veto], true);
      await write(row.caseId, q, findingsFor(t, [1]), true);
    } else if (i === 6) {
      // Totals far apart: 复核.
      await write(row.caseId, p, findingsFor(t, [3, 3, 3, 3]), true);
      await write(row.caseId, q, findingsFor(t, [1]), true);
    } else if (i < 9) {
      await write(row.caseId, p, findingsFor(t, [1, 1]), true);
      await write(row.caseId, q, findingsFor(t, [1]), false);
    } else if (i === 9) {
      await write(row.caseId, p, findingsFor(t, [2]), false);
    }
  }
}

/**
 * The finished campaign: 20 files the other campaign did not draw, all scored by two evaluators.
 * The profiles give every grade: clean files (优秀, with a commendable practice noted), a few
 * deductions, many deductions (不合格), a veto both evaluators agree on; two files go to 复核 and
 * are decided (one sheet kept; one veto upheld), then the campaign is closed.
 */
export async function loadFinishedDemoCampaign(
  app: AppContext,
  handlers: Partial<Handlers>,
  coordinatorName: string,
  evaluatorNames: readonly string[],
): Promise<void> {
  const cast = castOf(app, handlers, coordinatorName, evaluatorNames);
  const { run, coordinator, people } = cast;
  const c = await startCampaign(cast, {
    name: DEMO_FINISHED_CAMPAIGN_NAME,
    year: 2025,
    deadline: '2025-12-19',
    totals: { penalty: 14, permit: 6 },
    seedParts: FINISHED_SEED_PARTS,
  });
  const { opened, findingsFor, write } = sheetWriter(cast, c.id);
  const HIGHLIGHT = '案卷装订规范，证据目录清晰，文书说理充分';
  const flagged: { caseId: string; keep: string }[] = [];
  // The profiles go by case number, not by the assignment's order (which follows record ids,
  // new in every workspace): the same files get the same scores every time.
  const caseNo = (id: string) => app.repos.cases.get(id)?.caseNo ?? id;
  const rows = [...c.rows].sort((a, b) => caseNo(a.caseId).localeCompare(caseNo(b.caseId)));
  for (const [i, row] of rows.entries()) {
    const [p, q] = row.personIds.map((id) => people.get(id)!);
    if (!p || !q) continue;
    const t = (await opened(row.caseId, p)).template.content;
    const veto = (reason: string): FindingInput => ({
      kind: 'veto',
      code: t.vetoItems[0]!.code,
      reason,
      pages: '2',
      tags: ['A02'],
    });
    const profile = i % 10;
    if (profile === 0 || profile === 5) {
      // Clean files: 优秀, with a practice worth commending.
      await write(row.caseId, p, [], true, { highlights: HIGHLIGHT });
      await write(row.caseId, q, findingsFor(t, [0, 0, 1], i), true, { highlights: HIGHLIGHT });
    } else if (profile === 3) {
      // Many deductions, both evaluators agree: 不合格 or close to it.
      await write(row.caseId, p, findingsFor(t, [3, 3, 3, 3, 2, 2, 2, 2, 2], i), true);
      await write(row.caseId, q, findingsFor(t, [3, 3, 3, 3, 2, 2, 2, 2, 1], i), true);
    } else if (i === 7) {
      // A veto both evaluators found: 不合格 without 复核.
      await write(row.caseId, p, [veto('行政处罚决定无法律依据')], true);
      await write(row.caseId, q, [veto('适用已废止的地方性法规作出处罚')], true);
    } else if (i === 4) {
      // A veto on one sheet only: 复核 upholds it (the vetoing sheet is kept).
      const kept = await write(row.caseId, p, [veto('委托执法手续缺失，执法主体资格存疑')], true);
      await write(row.caseId, q, findingsFor(t, [1, 1], i), true);
      flagged.push({ caseId: row.caseId, keep: kept });
    } else if (i === 8) {
      // Totals far apart: 复核 keeps the stricter sheet.
      const kept = await write(row.caseId, p, findingsFor(t, [3, 3, 3, 2], i), true);
      await write(row.caseId, q, findingsFor(t, [1], i), true);
      flagged.push({ caseId: row.caseId, keep: kept });
    } else if (profile === 2 || profile === 6) {
      // Several deductions, close agreement: 良好 or so.
      await write(row.caseId, p, findingsFor(t, [3, 2, 2, 2, 2, 1, 1], i), true);
      await write(row.caseId, q, findingsFor(t, [3, 2, 2, 2, 1, 1, 1], i), true);
    } else if (profile === 4 || profile === 8) {
      // Many deductions: 合格 at best.
      await write(row.caseId, p, findingsFor(t, [3, 3, 3, 3, 3, 2, 2, 2, 2, 2], i), true);
      await write(row.caseId, q, findingsFor(t, [3, 3, 3, 3, 2, 2, 2, 2, 2, 2], i), true);
    } else {
      // A few deductions, close agreement: the mean is final.
      await write(row.caseId, p, findingsFor(t, [1, 1, profile % 2], i), true);
      await write(row.caseId, q, findingsFor(t, [1, 1, 1], i), true);
    }
  }
  for (const f of flagged) {
    await run(
      'review.decide',
      {
        decision: 'keep',
        campaignId: c.id,
        caseId: f.caseId,
        sheetId: f.keep,
        reason: '经复核，该评查表认定的问题有卷宗材料佐证',
      },
      coordinator,
    );
  }
  await run('campaigns.setStatus', { id: c.id, status: 'review' }, coordinator);
  await run('campaigns.setStatus', { id: c.id, status: 'done' }, coordinator);
}
