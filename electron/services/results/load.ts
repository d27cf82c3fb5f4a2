// Reads a campaign's files, sheets and results from the repositories and builds the ONE results
// model (core/results/results.ts) from them: the notice, the workbook, the score sheets and the
// statistics screen all take their numbers from what this returns, never from a second count.
import { AppError } from '../../../core/api/errors';
import { SettingsSchema, type Settings as CampaignSettings } from '../../../core/campaigns/schemas';
import {
  buildResults,
  type ResultsFile,
  type ResultsInput,
  type ResultsModel,
  type ResultsSheet,
} from '../../../core/results/results';
import {
  SheetContentSchema,
  type SheetKind,
  type SheetStatus,
} from '../../../core/scoring/schemas';
import type { TemplateContent } from '../../../core/standards/model';
import { score, ScoringError, type ScoreResult } from '../../../core/standards/score';
import type { CampaignRow, Repos, SheetRow } from '../../../db';
import { parseContent } from '../standards/content';

export interface CaseInfo {
  caseId: string;
  caseNo: string;
  caseType: string;
  caseTypeName: string;
  departmentName: string;
  partyName: string | null;
  cause: string | null;
}

export interface LoadedTemplate {
  versionId: string;
  version: number;
  content: TemplateContent;
}

export interface CampaignResults {
  campaign: CampaignRow;
  settings: CampaignSettings;
  input: ResultsInput;
  model: ResultsModel;
  cases: Map<string, CaseInfo>;
  /** Every sheet of the campaign as read (all kinds and states), by case. */
  sheets: Map<string, SheetRow[]>;
  /** The scored sheets handed to the model, by sheet id (content parsed, result computed). */
  scored: Map<string, ResultsSheet>;
  templates: Map<string, LoadedTemplate>;
  /** The evaluators assigned to each file, in assignment order (names). */
  evaluatorsOf: Map<string, string[]>;
}

/** A cache of parsed published template versions; one per handler group (they never change). */
export type TemplateCache = Map<string, LoadedTemplate>;

interface FileRow {
  caseId: string;
  caseNo: string;
  caseType: string;
  departmentName: string;
  partyName: string | null;
  cause: string | null;
}

export function loadCampaignResults(
  repos: Repos,
  campaignId: string,
  cache: TemplateCache = new Map(),
): CampaignResults {
  const campaign = repos.campaigns.get(campaignId);
  if (!campaign) throw new AppError('NOT_FOUND', `campaign ${campaignId} not found`);
  const settings = SettingsSchema.parse(JSON.parse(campaign.settings));

  const templates = new Map<string, LoadedTemplate>();
  const templateOf = (versionId: string): LoadedTemplate => {
    let t = templates.get(versionId) ?? cache.get(versionId);
    if (!t) {
      const v = repos.standards.version(versionId);
      if (!v) throw new AppError('NOT_FOUND', `template version ${versionId} not found`);
      t = { versionId, version: v.version ?? 0, content: parseContent(v.content) };
      if (v.status === 'published') cache.set(versionId, t);
    }
    templates.set(versionId, t);
    return t;
  };

  const typeNames = new Map(repos.caseTypes.list().map((t) => [t.code, t.name]));
  const files = repos.campaigns.files(campaignId) as unknown as FileRow[];
  const sheets = new Map<string, SheetRow[]>();
  for (const s of repos.scoring.ofCampaign(campaignId)) {
    const list = sheets.get(s.caseId);
    if (list) list.push(s);
    else sheets.set(s.caseId, [s]);
  }
  const results = new Map(repos.scoring.results(campaignId).map((r) => [r.caseId, r]));
  const names = new Map(
    (repos.campaigns.evaluators(campaignId) as { personId: string; name: string }[]).map((e) => [
      e.personId,
      e.name,
    ]),
  );
  const evaluatorsOf = new Map<string, string[]>();
  for (const a of repos.campaigns.assignments(campaignId)) {
    const list = evaluatorsOf.get(a.caseId) ?? [];
    list.push(names.get(a.personId) ?? a.personId);
    evaluatorsOf.set(a.caseId, list);
  }

  const cases = new Map<string, CaseInfo>();
  const scored = new Map<string, ResultsSheet>();
  const inputFiles: ResultsFile[] = [];
  for (const f of files) {
    const own = sheets.get(f.caseId) ?? [];
    const versionId = own[0]?.templateVersionId ?? settings.templates[f.caseType];
    const info: CaseInfo = {
      caseId: f.caseId,
      caseNo: f.caseNo,
      caseType: f.caseType,
      caseTypeName: typeNames.get(f.caseType) ?? f.caseType,
      departmentName: f.departmentName,
      partyName: f.partyName,
      cause: f.cause,
    };
    cases.set(f.caseId, info);
    // A file with neither a sheet nor a pinned template (a campaign not yet started, or a type
    // left out of scope) has nothing to report.
    if (!versionId) continue;
    const t = templateOf(versionId).content;
    const r = results.get(f.caseId);
    const sheetList = own.map((s) => sheetOf(repos, s, t));
    for (const s of sheetList) scored.set(s.id, s);
    inputFiles.push({
      caseId: f.caseId,
      caseNo: f.caseNo,
      caseType: f.caseType,
      caseTypeName: info.caseTypeName,
      departmentName: f.departmentName,
      title: [f.partyName, f.cause].filter(Boolean).join(' · '),
      templateKey: versionId,
      result: {
        state: (r?.state as 'review' | 'final' | undefined) ?? 'waiting',
        total: r?.total ?? null,
        bandIndex: r?.bandIndex ?? null,
        grade: r?.grade ?? null,
        decision: (r?.decision as ResultsFile['result']['decision']) ?? null,
        keptSheetId: r?.keptSheetId ?? null,
      },
      sheets: sheetList,
    });
  }
  const input: ResultsInput = {
    files: inputFiles,
    templates: Object.fromEntries([...templates].map(([k, v]) => [k, v.content])),
    vocabulary: { groups: repos.tags.groups(), tags: repos.tags.tags() },
  };
  return {
    campaign,
    settings,
    input,
    model: buildResults(input),
    cases,
    sheets,
    scored,
    templates,
    evaluatorsOf,
  };
}

function sheetOf(repos: Repos, s: SheetRow, t: TemplateContent): ResultsSheet {
  const content = SheetContentSchema.parse(JSON.parse(s.content));
  // Score once here with core score(), so the model does not re-score; a draft that cannot be
  // scored yet (a half-typed amount) is left without a result (the model ignores drafts).
  let result: ScoreResult | undefined;
  if (s.status === 'submitted') {
    result = score(t, content.findings);
  } else {
    try {
      result = score(t, content.findings);
    } catch (e) {
      if (!(e instanceof ScoringError)) throw e;
    }
  }
  return {
    id: s.id,
    kind: s.kind as SheetKind,
    personId: s.personId,
    evaluatorName: s.evaluatorName,
    status: s.status as SheetStatus,
    content,
    ...(result ? { result } : {}),
    ...(s.kind === 'joint'
      ? {
          signatures: repos.scoring
            .signatures(s.id)
            .map((g) => ({ personId: g.personId, name: g.name })),
        }
      : {}),
  };
}
