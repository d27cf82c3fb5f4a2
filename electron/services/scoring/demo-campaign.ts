// The demo workspace's campaign in progress (issue 6): 12 files drawn after a seed ceremony,
// assigned to the five demo evaluators (two per file), scoring started; some files scored by both
// evaluators (the mean is final), two flagged for 复核 (a veto on one sheet only; totals too far
// apart), some sheets in progress. Built through the same use cases a coordinator and evaluators
// call, so the demo can never hold a state the app itself could not reach.
import type { SessionUser } from '../../../core/accounts/schemas';
import {
  contract,
  type MethodName,
  type ParsedInput,
  type MethodInput,
} from '../../../core/api/contract';
import { seedCommitment, seedOf } from '../../../core/draw/draw';
import type { FindingInput, TemplateContent } from '../../../core/standards/model';
import type { AppContext } from '../context';
import type { Handler, Handlers } from '../handler';

export const DEMO_CAMPAIGN_NAME = '2026年度行政执法案卷评查（示例）';

const SEED_PARTS = [
  { contributor: '赵律师（见证人）', kind: 'dice' as const, digits: '6251433526' },
  { contributor: '区司法局 执法监督科', kind: 'generated' as const, digits: '80417735920164' },
];

const REASONS = [
  '送达回证无受送达人签名，见卷宗第12页',
  '询问笔录未由当事人逐页签名确认',
  '现场检查笔录未记载执法人员执法证件号码',
  '处罚决定书未载明申请行政复议、提起行政诉讼的途径和期限',
  '案件调查终结报告缺少承办人意见',
  '证据材料未注明出处和收集时间',
];

type Run = <M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  user: SessionUser,
) => Promise<unknown>;

export async function loadDemoCampaign(
  app: AppContext,
  handlers: Partial<Handlers>,
  coordinatorName: string,
  evaluatorNames: readonly string[],
): Promise<void> {
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
  const coordinator = userOf(coordinatorName);
  const c = (await run(
    'campaigns.create',
    { name: DEMO_CAMPAIGN_NAME, year: 2026 },
    coordinator,
  )) as { id: string; settings: Record<string, unknown> };
  await run(
    'campaigns.update',
    { id: c.id, settings: { ...c.settings, deadline: '2026-12-18' } as never },
    coordinator,
  );
  await run(
    'campaigns.drawFiles',
    {
      id: c.id,
      plan: { kind: 'type_totals', totals: { penalty: 8, permit: 4 } },
      seedParts: SEED_PARTS,
      commitment: seedCommitment(seedOf(SEED_PARTS)),
    },
    coordinator,
  );
  const people = new Map(
    evaluatorNames.map((u) => [app.repos.people.findByUser(userOf(u).id)!.id, userOf(u)]),
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

  // Sheets: what each evaluator has done so far.
  const opened = async (caseId: string, user: SessionUser) =>
    (await run('tasks.open', { campaignId: c.id, caseId }, user)) as {
      template: { content: TemplateContent };
      sheet: { id: string };
    };
  const findingsFor = (t: TemplateContent, counts: readonly number[]): FindingInput[] => {
    const items = t.categories.flatMap((x) => x.items).filter((i) => i.mode === 'per_occurrence');
    return counts
      .map((count, k) => ({ count, item: items[(k * 3) % items.length]! }))
      .filter((x) => x.count > 0)
      .map(({ count, item }, k) => ({
        kind: 'item' as const,
        code: item.code,
        count: Math.min(count, Math.floor(item.max / (item.unit ?? 1))),
        reason: REASONS[k % REASONS.length]!,
        pages: String(8 + k * 3),
        tags: [],
      }));
  };
  const write = async (
    caseId: string,
    user: SessionUser,
    findings: FindingInput[],
    submit: boolean,
  ) => {
    const o = await opened(caseId, user);
    await run(
      'sheets.save',
      { sheetId: o.sheet.id, revision: 1, content: { findings, comments: '', highlights: '' } },
      user,
    );
    if (submit) await run('sheets.submit', { sheetId: o.sheet.id, revision: 1 }, user);
  };
  for (const [i, row] of rows.entries()) {
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
