// A campaign in scoring, built through the API the way a coordinator builds one (draw, the five
// evaluators who have accounts in the demo workspace, assignment, start): used by the scoring
// tests and the benchmark, so that both exercise the real path.
import { DEMO_PASSWORD } from '../../../core/demo/generate';
import { seedCommitment, seedOf } from '../../../core/draw/draw';

type Ok = <T>(method: string, input?: unknown, session?: string) => Promise<T>;

export const SCORING_SEED_PARTS = [
  { contributor: '张律师（见证人）', kind: 'dice' as const, digits: '3546311556' },
  { contributor: '李科长', kind: 'lottery' as const, digits: '112163624615351222' },
];

export interface ScoringCampaign {
  id: string;
  /** Sessions of the demo evaluators, by user name (pingcha1 … pingcha5). */
  evaluators: Map<string, { session: string; personId: string }>;
  rows: { caseId: string; personIds: string[] }[];
}

export async function scoringCampaign(
  ok: Ok,
  coordinator: string,
  opts: {
    files?: Record<string, number>;
    mode?: 'independent' | 'joint';
    threshold?: number;
    deadline?: string | null;
    /** Template versions to pin instead of the defaults, by case type. */
    templates?: Record<string, string>;
  } = {},
): Promise<ScoringCampaign> {
  const c = await ok<{ id: string; settings: Record<string, unknown> }>(
    'campaigns.create',
    { name: '2026年度行政执法案卷评查', year: 2026 },
    coordinator,
  );
  await ok(
    'campaigns.update',
    {
      id: c.id,
      settings: {
        ...c.settings,
        templates: { ...(c.settings.templates as Record<string, string>), ...opts.templates },
        mode: opts.mode ?? 'independent',
        threshold: opts.threshold ?? 50,
        deadline: opts.deadline ?? null,
      },
    },
    coordinator,
  );
  await ok(
    'campaigns.drawFiles',
    {
      id: c.id,
      plan: { kind: 'type_totals', totals: opts.files ?? { penalty: 4, permit: 2 } },
      seedParts: SCORING_SEED_PARTS,
      commitment: seedCommitment(seedOf(SCORING_SEED_PARTS)),
    },
    coordinator,
  );
  const evaluators = new Map<string, { session: string; personId: string }>();
  const { people } = await ok<{ people: { id: string; username: string | null }[] }>(
    'people.list',
    {},
    coordinator,
  );
  for (let i = 1; i <= 5; i++) {
    const username = `pingcha${i}`;
    const { token } = await ok<{ token: string }>('auth.login', {
      username,
      password: DEMO_PASSWORD,
    });
    evaluators.set(username, {
      session: token,
      personId: people.find((p) => p.username === username)!.id,
    });
  }
  await ok(
    'campaigns.drawEvaluators',
    {
      id: c.id,
      plan: {
        count: 5,
        mustInclude: [...evaluators.values()].map((e) => ({
          id: e.personId,
          reason: '有评查账户',
        })),
      },
    },
    coordinator,
  );
  const { rows } = await ok<{ rows: { caseId: string; personIds: string[] }[] }>(
    'campaigns.proposeAssignment',
    { id: c.id },
    coordinator,
  );
  await ok('campaigns.confirmAssignment', { id: c.id, rows }, coordinator);
  await ok('campaigns.setStatus', { id: c.id, status: 'scoring' }, coordinator);
  return { id: c.id, evaluators, rows };
}
