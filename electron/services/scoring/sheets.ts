// Opening the sheets of a campaign when scoring starts: one sheet per evaluator and file
// (independent mode), or one per file that its evaluators sign together (joint mode), each on the
// template version the campaign pinned for the file's case type.
import type { AppContext } from '../context';
import { AppError } from '../../../core/api/errors';
import { SettingsSchema } from '../../../core/campaigns/schemas';

export const EMPTY_CONTENT = JSON.stringify({ findings: [], comments: '', highlights: '' });

export function openSheets(app: AppContext, campaignId: string): number {
  const { repos } = app;
  if (repos.scoring.countOfCampaign(campaignId) > 0) return 0;
  const c = repos.campaigns.get(campaignId)!;
  const settings = SettingsSchema.parse(JSON.parse(c.settings));
  const files = repos.campaigns.files(campaignId) as { caseId: string; caseType: string }[];
  const typeOf = new Map(files.map((f) => [f.caseId, f.caseType]));
  const versionFor = (caseId: string) => {
    const type = typeOf.get(caseId)!;
    const v = settings.templates[type];
    if (!v)
      throw new AppError('CONFLICT', 'no template', {
        key: 'errors.campaignTemplate',
        params: { type },
      });
    return v;
  };
  const now = app.now().toISOString();
  const base = {
    status: 'open',
    revision: 0,
    content: EMPTY_CONTENT,
    total: null,
    bandIndex: null,
    grade: null,
    veto: null,
    authorId: null,
    savedAt: null,
    submittedAt: null,
    now,
  };
  let n = 0;
  if (settings.mode === 'joint') {
    for (const f of files) {
      repos.scoring.insert({
        ...base,
        id: app.newId(),
        campaignId,
        caseId: f.caseId,
        kind: 'joint',
        personId: null,
        templateVersionId: versionFor(f.caseId),
      });
      n++;
    }
  } else {
    for (const a of repos.campaigns.assignments(campaignId)) {
      repos.scoring.insert({
        ...base,
        id: app.newId(),
        campaignId,
        caseId: a.caseId,
        kind: 'evaluator',
        personId: a.personId,
        templateVersionId: versionFor(a.caseId),
      });
      n++;
    }
  }
  return n;
}
