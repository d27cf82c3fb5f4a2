// Use cases of evaluation campaigns: create and configure, draw files (seed ceremony) and
// evaluators, enlarge a sample, export and verify the draw record, declared conflicts, propose,
// confirm and adjust the assignment, move through the campaign's states.
import {
  EvaluatorPlanSchema,
  FilePlanSchema,
  ScopeSchema,
  SettingsSchema,
  TRANSITIONS,
  type CampaignStatus,
  type Scope,
  type Settings,
} from '../../../core/campaigns/schemas';
import type { Campaign } from '../../../core/api/methods/campaigns';
import { AppError } from '../../../core/api/errors';
import type { MessageKey } from '../../../core/i18n';
import { assign, checkAssignment, type AssignInput, type Reason } from '../../../core/assign/solve';
import {
  MIN_SEED_DIGITS,
  drawEvaluators,
  drawFiles,
  fileKey,
  seedCommitment,
  seedOf,
  verifyDraw,
  EVALUATOR_STREAM,
  drawStrata,
  wantsOf,
  type Stratum,
} from '../../../core/draw/draw';
import { ALGORITHM } from '../../../core/draw/sampler';
import { splitList } from '../../../core/import/text';
import { parseContent } from '../standards/content';
import type { CampaignRow } from '../../../db';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handler';
import { drawRecordDocx } from '../campaigns/docx';
import { drawPopulation } from '../campaigns/population';
import {
  POPULATIONS_FORMAT,
  RECORD_FORMAT,
  type CampaignDrawRecord,
  type PublishedPopulations,
} from '../campaigns/record';
import { openSheets } from '../scoring/sheets';
import { SETTING_ORG_NAME } from '../settings-keys';

type CampaignMethod =
  | 'campaigns.list'
  | 'campaigns.get'
  | 'campaigns.create'
  | 'campaigns.update'
  | 'campaigns.delete'
  | 'campaigns.population'
  | 'campaigns.drawFiles'
  | 'campaigns.enlarge'
  | 'campaigns.drawEvaluators'
  | 'campaigns.drawn'
  | 'campaigns.drawRecord'
  | 'campaigns.exportDraw'
  | 'campaigns.verifyDraw'
  | 'campaigns.conflicts'
  | 'campaigns.addConflict'
  | 'campaigns.removeConflict'
  | 'campaigns.proposeAssignment'
  | 'campaigns.confirmAssignment'
  | 'campaigns.assignment'
  | 'campaigns.reassign'
  | 'campaigns.setStatus';

const fail = (
  code: 'CONFLICT' | 'VALIDATION' | 'NOT_FOUND' | 'BAD_INPUT',
  key: MessageKey,
  params: Record<string, string | number> = {},
) => new AppError(code, key, { key, params });

export function campaignHandlers(app: AppContext): HandlerGroup<CampaignMethod> {
  const { repos } = app;
  const now = () => app.now().toISOString();

  const row = (id: string): CampaignRow => {
    const c = repos.campaigns.get(id);
    if (!c) throw new AppError('NOT_FOUND', `campaign ${id} not found`);
    return c;
  };
  const view = (c: CampaignRow): Campaign => {
    const record = c.drawRecord ? (JSON.parse(c.drawRecord) as CampaignDrawRecord) : null;
    return {
      id: c.id,
      name: c.name,
      year: c.year,
      organiser: c.organiser,
      status: c.status as CampaignStatus,
      scope: ScopeSchema.parse(JSON.parse(c.scope)),
      settings: SettingsSchema.parse(JSON.parse(c.settings)),
      filePlan: c.filePlan ? FilePlanSchema.parse(JSON.parse(c.filePlan)) : null,
      fileMustInclude: record ? mustIncludeIds(c.id) : [],
      evaluatorPlan: c.evaluatorPlan
        ? EvaluatorPlanSchema.parse(JSON.parse(c.evaluatorPlan))
        : null,
      seedCommitment: c.seedCommitment,
      drawnAt: c.drawnAt,
      drawnBy: c.drawnBy,
      counts: { files: c.files, evaluators: c.evaluators, assignments: c.assignments },
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    };
  };
  const mustIncludeIds = (campaignId: string) =>
    (repos.campaigns.files(campaignId) as { caseId: string; mustIncludeReason: string | null }[])
      .filter((f) => f.mustIncludeReason)
      .map((f) => ({ id: f.caseId, reason: f.mustIncludeReason! }));
  const inStatus = (c: CampaignRow, ...allowed: CampaignStatus[]) => {
    if (!allowed.includes(c.status as CampaignStatus)) {
      throw fail('CONFLICT', 'errors.campaignState', { status: c.status });
    }
  };
  const finalResults = (id: string) =>
    repos.scoring.results(id).filter((r) => r.state === 'final').length;
  const typeNames = () => new Map(repos.caseTypes.list().map((t) => [t.code, t.name]));

  /** Latest published, active template whose scope names the case type. */
  const defaultTemplates = (caseTypes: readonly string[]): Record<string, string> => {
    const out: Record<string, string> = {};
    const templates = repos.standards.list().filter((t) => !t.retiredAt && t.latestVersionId);
    for (const type of caseTypes) {
      const t = templates.find((x) => parseContent(x.content).appliesTo.caseTypes.includes(type));
      if (t) out[type] = t.latestVersionId!;
    }
    return out;
  };

  const checkSettings = (scope: Scope, settings: Settings) => {
    for (const type of scope.caseTypes) {
      const versionId = settings.templates[type];
      const v = versionId ? repos.standards.version(versionId) : null;
      if (!v || v.status !== 'published') {
        throw new AppError('VALIDATION', 'template missing', {
          fieldErrors: [
            {
              path: `settings.templates.${type}`,
              key: 'errors.campaignTemplate',
              params: { type: typeNames().get(type) ?? type },
            },
          ],
        });
      }
    }
  };

  const assignInput = (c: CampaignRow): AssignInput => {
    const settings = SettingsSchema.parse(JSON.parse(c.settings));
    const files = repos.campaigns.files(c.id) as {
      caseId: string;
      departmentId: string;
      handlers: string | null;
    }[];
    const people = repos.campaigns.evaluators(c.id) as {
      personId: string;
      name: string;
      departmentId: string;
    }[];
    const conflicts = repos.campaigns.conflicts(c.id) as {
      personId: string;
      departmentId: string | null;
      handlerName: string | null;
    }[];
    const record = JSON.parse(c.drawRecord!) as CampaignDrawRecord;
    return {
      files: files.map((f) => ({
        id: f.caseId,
        departmentId: f.departmentId,
        handlers: f.handlers ? splitList(f.handlers) : [],
      })),
      people: people.map((p) => ({ id: p.personId, name: p.name, departmentId: p.departmentId })),
      perFile: settings.perFile,
      ...(settings.maxLoad ? { maxLoad: settings.maxLoad } : {}),
      conflicts: conflicts.map((x) => ({
        personId: x.personId,
        ...(x.departmentId ? { departmentId: x.departmentId } : {}),
        ...(x.handlerName ? { handlerName: x.handlerName } : {}),
      })),
      seed: record.seed,
    };
  };

  const explainReason = (r: Reason): { key: string; params: Record<string, string | number> } => {
    const deptName = (id: string) => repos.departments.findById(id)?.name ?? id;
    const caseNo = (id: string) => repos.cases.get(id)?.caseNo ?? id;
    switch (r.kind) {
      case 'noPeople':
        return { key: 'campaigns.reasons.noPeople', params: {} };
      case 'capacity':
        return {
          key: 'campaigns.reasons.capacity',
          params: {
            needed: r.needed,
            available: r.available,
            people: r.people,
            maxLoad: r.maxLoad,
          },
        };
      case 'file': {
        const c = repos.cases.get(r.fileId);
        return {
          key: 'campaigns.reasons.file',
          params: {
            caseNo: c?.caseNo ?? r.fileId,
            department: c?.departmentName ?? '',
            eligible: r.eligibleDepartments,
            perFile: r.perFile,
          },
        };
      }
      case 'department':
        return {
          key: 'campaigns.reasons.department',
          params: {
            department: deptName(r.departmentId),
            files: r.files,
            places: r.places,
            people: r.eligiblePeople,
            capacity: r.capacity,
          },
        };
      case 'combination':
        return {
          key: 'campaigns.reasons.combination',
          params: {
            caseNos: r.fileIds.slice(0, 10).map(caseNo).join('、'),
            count: r.fileIds.length,
          },
        };
    }
  };

  /** The registry file behind a population key (normalised case number and department name). */
  const caseIdByKey = (key: string): string => {
    const [caseNo, departmentName] = key.split('\t');
    const departmentId = repos.departments.idByName(departmentName ?? '');
    const k = departmentId ? repos.cases.findByKey(caseNo ?? '', departmentId) : null;
    if (!k) throw fail('CONFLICT', 'errors.populationChanged', { key: key.replace('\t', ' · ') });
    return k.id;
  };

  const rowsOf = (campaignId: string) => {
    const byCase = new Map<string, string[]>();
    for (const f of repos.campaigns.files(campaignId) as { caseId: string }[])
      byCase.set(f.caseId, []);
    for (const a of repos.campaigns.assignments(campaignId)) byCase.get(a.caseId)?.push(a.personId);
    return [...byCase].map(([caseId, personIds]) => ({ caseId, personIds }));
  };

  const violationMessage = (input: AssignInput, rows: Map<string, readonly string[]>) => {
    const v = checkAssignment(input, rows);
    if (!v.length) return;
    const names = new Map(input.people.map((p) => [p.id, p.name]));
    throw new AppError('VALIDATION', 'assignment breaks constraints', {
      key: 'errors.assignmentInvalid',
      params: { count: v.length },
      fieldErrors: v.map((x) => ({
        path: 'fileId' in x ? x.fileId : x.personId,
        key: `campaigns.violations.${x.kind}` as MessageKey,
        params: {
          caseNo: 'fileId' in x ? (repos.cases.get(x.fileId)?.caseNo ?? x.fileId) : '',
          person: 'personId' in x ? (names.get(x.personId) ?? x.personId) : '',
          ...('count' in x ? { count: x.count, perFile: x.perFile } : {}),
          ...('load' in x ? { load: x.load, maxLoad: x.maxLoad } : {}),
        },
      })),
    });
  };

  return {
    'campaigns.list': () => ({ campaigns: repos.campaigns.list().map(view) }),

    'campaigns.get': (input) => view(row(input.id)),

    'campaigns.create': (input, call) =>
      app.tx(() => {
        const id = app.newId();
        const scope = ScopeSchema.parse({ caseTypes: ['penalty', 'permit'] });
        const settings = SettingsSchema.parse({ templates: defaultTemplates(scope.caseTypes) });
        repos.campaigns.insert({
          id,
          name: input.name,
          year: input.year,
          organiser: repos.settings.get(SETTING_ORG_NAME) ?? '',
          scope: JSON.stringify(scope),
          settings: JSON.stringify(settings),
          createdBy: call.user.id,
          now: now(),
        });
        app.audit(
          call.user,
          'campaign.created',
          { type: 'campaign', id },
          { name: input.name, year: input.year },
        );
        return view(row(id));
      }),

    'campaigns.update': (input, call) =>
      app.tx(() => {
        const c = row(input.id);
        inStatus(c, 'draft', 'drawn', 'assigned', 'scoring', 'review');
        const scope = input.scope ?? ScopeSchema.parse(JSON.parse(c.scope));
        const before = SettingsSchema.parse(JSON.parse(c.settings));
        const settings = input.settings ?? before;
        if (c.status !== 'draft') {
          // After the draw, the scope, the standards and the number of evaluators per file are fixed.
          const fixed = JSON.stringify([
            scope,
            settings.templates,
            settings.perFile,
            settings.mode,
          ]);
          if (
            fixed !==
            JSON.stringify([
              ScopeSchema.parse(JSON.parse(c.scope)),
              before.templates,
              before.perFile,
              before.mode,
            ])
          ) {
            throw fail('CONFLICT', 'errors.campaignFixed');
          }
        }
        if (input.settings || input.scope) checkSettings(scope, settings);
        repos.campaigns.update({
          id: c.id,
          name: input.name ?? c.name,
          year: input.year ?? c.year,
          organiser: input.organiser ?? c.organiser,
          scope: JSON.stringify(scope),
          settings: JSON.stringify(settings),
          now: now(),
        });
        app.audit(
          call.user,
          'campaign.updated',
          { type: 'campaign', id: c.id },
          { changed: Object.keys(input).filter((k) => k !== 'id') },
        );
        return view(row(c.id));
      }),

    'campaigns.delete': (input, call) =>
      app.tx(() => {
        const c = row(input.id);
        inStatus(c, 'draft');
        repos.campaigns.remove(c.id);
        app.audit(call.user, 'campaign.deleted', { type: 'campaign', id: c.id }, { name: c.name });
        return { ok: true as const };
      }),

    'campaigns.population': (input) => {
      const c = row(input.id);
      const scope = ScopeSchema.parse(JSON.parse(c.scope));
      const { files, previouslyDrawn } = drawPopulation(repos, c.id, scope);
      const byType = new Map<string, number>();
      const byDept = new Map<
        string,
        {
          departmentId: string;
          departmentName: string;
          count: number;
          byType: Record<string, number>;
        }
      >();
      for (const f of files) {
        byType.set(f.caseType, (byType.get(f.caseType) ?? 0) + 1);
        const d = byDept.get(f.departmentId) ?? {
          departmentId: f.departmentId,
          departmentName: f.departmentName,
          count: 0,
          byType: {},
        };
        d.count++;
        d.byType[f.caseType] = (d.byType[f.caseType] ?? 0) + 1;
        byDept.set(f.departmentId, d);
      }
      return {
        total: files.length,
        previouslyDrawn,
        byType: [...byType].map(([caseType, count]) => ({ caseType, count })),
        byDepartment: [...byDept.values()].sort((a, b) => b.count - a.count),
      };
    },

    'campaigns.drawFiles': (input, call) =>
      app.tx(() => {
        const c = row(input.id);
        inStatus(c, 'draft');
        const scope = ScopeSchema.parse(JSON.parse(c.scope));
        checkSettings(scope, SettingsSchema.parse(JSON.parse(c.settings)));
        const seed = seedOf(input.seedParts);
        if (seed.length < MIN_SEED_DIGITS) {
          throw new AppError('VALIDATION', 'seed too short', {
            key: 'errors.seedTooShort',
            params: { digits: seed.length, min: MIN_SEED_DIGITS },
            fieldErrors: [
              {
                path: 'seedParts',
                key: 'errors.seedTooShort',
                params: { digits: seed.length, min: MIN_SEED_DIGITS },
              },
            ],
          });
        }
        if (seedCommitment(seed) !== input.commitment)
          throw fail('CONFLICT', 'errors.seedCommitment');
        const must = new Map(input.mustInclude.map((m) => [m.id, m.reason]));
        for (const id of must.keys())
          if (!repos.cases.get(id)) throw new AppError('NOT_FOUND', `case ${id} not found`);
        const population = drawPopulation(repos, c.id, scope).files.filter((f) => !must.has(f.id));
        const draw = drawFiles(seed, population, input.plan);
        if (!draw.selected.length && !must.size) throw fail('VALIDATION', 'errors.drawEmpty');
        const at = now();
        const mustRows = [...must].map(([caseId, reason]) => {
          const k = repos.cases.get(caseId)!;
          return { caseId, key: fileKey(k.caseNo, k.departmentName), reason };
        });
        const record: CampaignDrawRecord = {
          format: RECORD_FORMAT,
          campaign: { id: c.id, name: c.name, year: c.year, organiser: c.organiser },
          algorithm: ALGORITHM,
          seed,
          seedParts: input.seedParts,
          seedSha256: input.commitment,
          filePlan: input.plan,
          fileMustInclude: mustRows.map((m) => ({ key: m.key, reason: m.reason })),
          streams: draw.streams,
          drawnBy: call.user.displayName,
          drawnAt: at,
        };
        const populations: PublishedPopulations = {
          format: POPULATIONS_FORMAT,
          campaignId: c.id,
          streams: draw.populations,
        };
        repos.campaigns.setDraw({
          id: c.id,
          filePlan: JSON.stringify(input.plan),
          seedCommitment: input.commitment,
          drawRecord: JSON.stringify(record),
          drawPopulations: JSON.stringify(populations),
          drawnBy: call.user.id,
          drawnAt: at,
        });
        repos.campaigns.replaceFiles(c.id, [
          ...mustRows.map((m) => ({
            caseId: m.caseId,
            stream: null,
            counter: null,
            mustIncludeReason: m.reason,
          })),
          ...draw.picked.map((p) => ({
            caseId: p.id,
            stream: p.stream,
            counter: p.counter,
            mustIncludeReason: null,
          })),
        ]);
        repos.campaigns.setStatus(c.id, 'drawn', at);
        app.audit(
          call.user,
          'campaign.filesDrawn',
          { type: 'campaign', id: c.id },
          {
            seed,
            seedSha256: input.commitment,
            contributors: input.seedParts.map((p) => p.contributor),
            plan: input.plan,
            files: draw.selected.length + mustRows.length,
            manifests: draw.streams.map((s) => ({
              label: s.label,
              size: s.size,
              manifest: s.manifest,
            })),
          },
        );
        return view(row(c.id));
      }),

    'campaigns.enlarge': (input, call) =>
      app.tx(() => {
        const c = row(input.id);
        inStatus(c, 'drawn');
        const record = JSON.parse(c.drawRecord!) as CampaignDrawRecord;
        const published = JSON.parse(c.drawPopulations!) as PublishedPopulations;
        const oldPlan = FilePlanSchema.parse(JSON.parse(c.filePlan!));
        if (input.plan.kind !== oldPlan.kind) throw fail('VALIDATION', 'errors.enlargeSamePlan');
        // The same populations as the first draw (not today's registry), so earlier picks stay put.
        const fileStreams = published.streams.filter((p) => p.label !== EVALUATOR_STREAM);
        const strata: Stratum[] = fileStreams.map((p) => ({
          label: p.label,
          caseType: p.caseType ?? null,
          departmentName: p.departmentName ?? null,
          files: p.keys.map((key) => ({ id: caseIdByKey(key), key })),
        }));
        const wants = wantsOf(strata, input.plan);
        for (const s of record.streams.filter((x) => x.label !== EVALUATOR_STREAM)) {
          if ((wants.get(s.label) ?? 0) < s.want)
            throw fail('VALIDATION', 'errors.enlargeSmaller', { stream: s.label });
        }
        const draw = drawStrata(record.seed, strata, wants);
        const before = new Set(
          (repos.campaigns.files(c.id) as { caseId: string }[]).map((f) => f.caseId),
        );
        const must = new Map(input.mustInclude.map((m) => [m.id, m.reason]));
        for (const m of mustIncludeIds(c.id)) if (!must.has(m.id)) must.set(m.id, m.reason);
        const mustRows = [...must].map(([caseId, reason]) => {
          const k = repos.cases.get(caseId);
          if (!k) throw new AppError('NOT_FOUND', `case ${caseId} not found`);
          return { caseId, key: fileKey(k.caseNo, k.departmentName), reason };
        });
        const picked = draw.picked.filter((p) => !must.has(p.id));
        const after = new Set([...mustRows.map((m) => m.caseId), ...picked.map((p) => p.id)]);
        for (const id of before) if (!after.has(id)) throw fail('CONFLICT', 'errors.enlargeLost');
        record.streams = [
          ...draw.streams,
          ...record.streams.filter((x) => x.label === EVALUATOR_STREAM),
        ];
        record.filePlan = input.plan;
        record.fileMustInclude = mustRows.map((m) => ({ key: m.key, reason: m.reason }));
        const at = now();
        repos.campaigns.setDraw({
          id: c.id,
          filePlan: JSON.stringify(input.plan),
          seedCommitment: c.seedCommitment!,
          drawRecord: JSON.stringify(record),
          drawPopulations: c.drawPopulations!,
          drawnBy: call.user.id,
          drawnAt: c.drawnAt!,
        });
        repos.campaigns.replaceFiles(c.id, [
          ...mustRows.map((m) => ({
            caseId: m.caseId,
            stream: null,
            counter: null,
            mustIncludeReason: m.reason,
          })),
          ...picked.map((p) => ({
            caseId: p.id,
            stream: p.stream,
            counter: p.counter,
            mustIncludeReason: null,
          })),
        ]);
        app.audit(
          call.user,
          'campaign.sampleEnlarged',
          { type: 'campaign', id: c.id },
          {
            plan: input.plan,
            before: before.size,
            after: after.size,
            at,
          },
        );
        return view(row(c.id));
      }),

    'campaigns.drawEvaluators': (input, call) =>
      app.tx(() => {
        const c = row(input.id);
        inStatus(c, 'drawn');
        const plan = input.plan;
        const excluded = new Map(plan.exclude.map((x) => [x.id, x.reason]));
        const must = plan.mustInclude.filter((m) => !excluded.has(m.id));
        const mustIds = new Set(must.map((m) => m.id));
        const people = repos.people.list();
        const byId = new Map(people.map((p) => [p.id, p]));
        for (const m of [...plan.mustInclude, ...plan.exclude])
          if (!byId.has(m.id)) throw new AppError('NOT_FOUND', `person ${m.id} not found`);
        const pool = people.filter(
          (p) =>
            (!plan.activeOnly || p.active) &&
            (!plan.legalOfficersOnly || p.legalOfficer) &&
            (!plan.departmentIds.length || plan.departmentIds.includes(p.departmentId)) &&
            !excluded.has(p.id) &&
            !mustIds.has(p.id),
        );
        const record = JSON.parse(c.drawRecord!) as CampaignDrawRecord;
        const drawn = drawEvaluators(record.seed, pool, Math.max(0, plan.count - must.length), {
          ...(plan.maxPerDepartment ? { maxPerDepartment: plan.maxPerDepartment } : {}),
          mustInclude: must.map((m) => ({ id: m.id, departmentId: byId.get(m.id)!.departmentId })),
        });
        const at = now();
        const deptName = (id: string) => repos.departments.findById(id)?.name ?? id;
        record.streams = [
          ...record.streams.filter((x) => x.label !== EVALUATOR_STREAM),
          drawn.stream,
        ];
        record.evaluatorPlan = {
          count: plan.count,
          legalOfficersOnly: plan.legalOfficersOnly,
          activeOnly: plan.activeOnly,
          departments: plan.departmentIds.map(deptName),
          maxPerDepartment: plan.maxPerDepartment,
          mustInclude: must.map((m) => ({
            key: m.id,
            name: byId.get(m.id)!.name,
            reason: m.reason,
          })),
          exclude: plan.exclude.map((m) => ({
            key: m.id,
            name: byId.get(m.id)!.name,
            reason: m.reason,
          })),
        };
        record.evaluatorsDrawnAt = at;
        const published = JSON.parse(c.drawPopulations!) as PublishedPopulations;
        published.streams = [
          ...published.streams.filter((x) => x.label !== EVALUATOR_STREAM),
          drawn.population,
        ];
        published.people = drawn.population.keys.map((key) => {
          const p = byId.get(key)!;
          return { key, name: p.name, department: deptName(p.departmentId) };
        });
        repos.campaigns.setEvaluatorPlan(
          c.id,
          JSON.stringify(plan),
          JSON.stringify(record),
          JSON.stringify(published),
          at,
        );
        repos.campaigns.replaceEvaluators(c.id, [
          ...must.map((m) => ({ personId: m.id, counter: null, mustIncludeReason: m.reason })),
          ...drawn.stream.picks.map((p) => ({
            personId: p.key,
            counter: p.counter,
            mustIncludeReason: null,
          })),
        ]);
        app.audit(
          call.user,
          'campaign.evaluatorsDrawn',
          { type: 'campaign', id: c.id },
          {
            count: drawn.selected.length + must.length,
            pool: pool.length,
            manifest: drawn.stream.manifest,
            excluded: plan.exclude,
            mustInclude: must,
          },
        );
        return view(row(c.id));
      }),

    'campaigns.drawn': (input) => {
      row(input.id);
      return {
        files: repos.campaigns.files(input.id) as never,
        evaluators: (repos.campaigns.evaluators(input.id) as { legalOfficer: number }[]).map(
          (e) => ({ ...e, legalOfficer: e.legalOfficer === 1 }),
        ) as never,
      };
    },

    'campaigns.drawRecord': (input) => {
      const c = row(input.id);
      return { record: c.drawRecord ? (JSON.parse(c.drawRecord) as never) : null };
    },

    'campaigns.exportDraw': async (input, call) => {
      const c = row(input.id);
      if (!c.drawRecord) throw fail('CONFLICT', 'errors.campaignState', { status: c.status });
      const base = `${c.name.replace(/[\\/:*?"<>|]+/g, '_')}`;
      app.tx(() =>
        app.audit(
          call.user,
          'campaign.drawExported',
          { type: 'campaign', id: c.id },
          { format: input.format },
        ),
      );
      if (input.format === 'json') {
        return {
          fileName: `${base}-抽取记录.json`,
          bytes: new TextEncoder().encode(JSON.stringify(JSON.parse(c.drawRecord), null, 2) + '\n'),
        };
      }
      if (input.format === 'populations') {
        return {
          fileName: `${base}-抽取范围.json`,
          bytes: new TextEncoder().encode(
            JSON.stringify(JSON.parse(c.drawPopulations!), null, 2) + '\n',
          ),
        };
      }
      const record = JSON.parse(c.drawRecord) as CampaignDrawRecord;
      return {
        fileName: `${base}-抽取记录.docx`,
        bytes: await drawRecordDocx(record, {
          locale: input.locale,
          files: repos.campaigns.files(c.id) as never,
          evaluators: repos.campaigns.evaluators(c.id) as never,
        }),
      };
    },

    'campaigns.verifyDraw': (input) => {
      // Keys are "case number<TAB>department"; a pick is "counter:key".
      const readable = (x: string | undefined) => (x ?? '').replace('\t', ' · ');
      const parse = (f: { fileName: string; bytes: Uint8Array }) => {
        try {
          return JSON.parse(
            new TextDecoder('utf-8').decode(f.bytes).replace(/^\uFEFF/, ''),
          ) as unknown;
        } catch {
          throw fail('BAD_INPUT', 'errors.drawFileType', { file: f.fileName });
        }
      };
      const record = parse(input.record) as CampaignDrawRecord;
      const populations = parse(input.populations) as PublishedPopulations;
      if (record?.format !== RECORD_FORMAT)
        throw fail('BAD_INPUT', 'errors.drawFileType', { file: input.record.fileName });
      if (populations?.format !== POPULATIONS_FORMAT)
        throw fail('BAD_INPUT', 'errors.drawFileType', { file: input.populations.fileName });
      const r = verifyDraw(record, populations.streams);
      if (r.ok) {
        const params: Record<string, string | number> = { streams: r.streams, picks: r.picks };
        return { ok: true, message: { key: 'campaigns.verify.identical', params } };
      }
      return {
        ok: false,
        message: {
          key: `campaigns.verify.${r.reason}`,
          params: {
            stream: r.stream,
            position: r.position ?? 0,
            expected: readable(r.expected),
            actual: readable(r.actual),
          },
        },
      };
    },

    'campaigns.conflicts': (input) => {
      row(input.id);
      return { conflicts: repos.campaigns.conflicts(input.id) as never };
    },

    'campaigns.addConflict': (input, call) =>
      app.tx(() => {
        const c = row(input.id);
        inStatus(c, 'draft', 'drawn', 'assigned');
        if (!input.departmentId === !input.handlerName)
          throw fail('VALIDATION', 'errors.conflictTarget');
        if (!repos.people.get(input.personId)) throw new AppError('NOT_FOUND', 'person not found');
        if (input.departmentId && !repos.departments.findById(input.departmentId))
          throw new AppError('NOT_FOUND', 'department not found');
        const id = app.newId();
        repos.campaigns.addConflict({
          id,
          campaignId: c.id,
          personId: input.personId,
          departmentId: input.departmentId ?? null,
          handlerName: input.handlerName ?? null,
          reason: input.reason,
          now: now(),
        });
        app.audit(
          call.user,
          'campaign.conflictDeclared',
          { type: 'campaign', id: c.id },
          {
            personId: input.personId,
            departmentId: input.departmentId ?? null,
            handlerName: input.handlerName ?? null,
            reason: input.reason,
          },
        );
        return { ok: true as const };
      }),

    'campaigns.removeConflict': (input, call) =>
      app.tx(() => {
        const x = repos.campaigns.conflict(input.conflictId);
        if (!x) throw new AppError('NOT_FOUND', 'conflict not found');
        inStatus(row(x.campaign_id), 'draft', 'drawn', 'assigned');
        repos.campaigns.removeConflict(x.id);
        app.audit(
          call.user,
          'campaign.conflictRemoved',
          { type: 'campaign', id: x.campaign_id },
          { conflictId: x.id },
        );
        return { ok: true as const };
      }),

    'campaigns.proposeAssignment': (input) => {
      const c = row(input.id);
      inStatus(c, 'drawn', 'assigned');
      const r = assign(assignInput(c));
      if (!r.ok) return { ok: false as const, reasons: r.reasons.map(explainReason) };
      return {
        ok: true as const,
        rows: [...r.assignment].map(([caseId, personIds]) => ({ caseId, personIds })),
        spread: r.spread,
      };
    },

    'campaigns.confirmAssignment': (input, call) =>
      app.tx(() => {
        const c = row(input.id);
        inStatus(c, 'drawn');
        const a = assignInput(c);
        const rows = new Map(input.rows.map((r) => [r.caseId, r.personIds]));
        for (const id of rows.keys())
          if (!a.files.some((f) => f.id === id))
            throw fail('VALIDATION', 'errors.assignmentUnknownFile');
        violationMessage(a, rows);
        const at = now();
        repos.campaigns.replaceAssignments(
          c.id,
          input.rows.flatMap((r) =>
            r.personIds.map((personId) => ({ id: app.newId(), caseId: r.caseId, personId })),
          ),
          call.user.id,
          at,
        );
        repos.campaigns.setStatus(c.id, 'assigned', at);
        app.audit(
          call.user,
          'campaign.assigned',
          { type: 'campaign', id: c.id },
          {
            files: input.rows.length,
            assignments: input.rows.reduce((n, r) => n + r.personIds.length, 0),
          },
        );
        return view(row(c.id));
      }),

    'campaigns.assignment': (input) => {
      row(input.id);
      return { rows: rowsOf(input.id) };
    },

    'campaigns.reassign': (input, call) =>
      app.tx(() => {
        const c = row(input.id);
        inStatus(c, 'assigned');
        const a = assignInput(c);
        const rows = new Map(rowsOf(c.id).map((r) => [r.caseId, r.personIds]));
        const current = rows.get(input.caseId);
        if (!current || !current.includes(input.fromPersonId))
          throw new AppError('NOT_FOUND', 'assignment not found');
        rows.set(
          input.caseId,
          current.map((p) => (p === input.fromPersonId ? input.toPersonId : p)),
        );
        violationMessage(a, rows);
        repos.campaigns.moveAssignment({
          campaignId: c.id,
          caseId: input.caseId,
          fromPersonId: input.fromPersonId,
          toPersonId: input.toPersonId,
          reason: input.reason,
          by: call.user.id,
          now: now(),
        });
        app.audit(
          call.user,
          'campaign.reassigned',
          { type: 'campaign', id: c.id },
          {
            caseId: input.caseId,
            from: input.fromPersonId,
            to: input.toPersonId,
            reason: input.reason,
          },
        );
        return { rows: rowsOf(c.id) };
      }),

    'campaigns.setStatus': (input, call) =>
      app.tx(() => {
        const c = row(input.id);
        const from = c.status as CampaignStatus;
        if (
          !TRANSITIONS[from].includes(input.status) ||
          input.status === 'assigned' ||
          (input.status === 'drawn' && from === 'draft')
        ) {
          throw fail('CONFLICT', 'errors.campaignTransition', { from, to: input.status });
        }
        if (input.status === 'drawn' && from === 'assigned')
          repos.campaigns.replaceAssignments(c.id, [], call.user.id, now());
        if (input.status === 'draft') {
          repos.campaigns.replaceFiles(c.id, []);
          repos.campaigns.replaceEvaluators(c.id, []);
          repos.campaigns.clearDraw(c.id, now());
        }
        if (input.status === 'scoring') {
          const missing = (
            repos.campaigns.evaluators(c.id) as {
              name: string;
              username: string | null;
              personId: string;
            }[]
          )
            .filter(
              (e) =>
                !e.username &&
                repos.campaigns.assignments(c.id).some((x) => x.personId === e.personId),
            )
            .map((e) => e.name);
          if (missing.length)
            throw fail('CONFLICT', 'errors.evaluatorsWithoutAccount', {
              names: missing.join('、'),
            });
          openSheets(app, c.id);
        }
        if (input.status === 'done') {
          const open = repos.campaigns.files(c.id).length - finalResults(c.id);
          if (open > 0) throw fail('CONFLICT', 'errors.campaignUnfinished', { count: open });
        }
        repos.campaigns.setStatus(c.id, input.status, now());
        app.audit(
          call.user,
          'campaign.status',
          { type: 'campaign', id: c.id },
          { from, to: input.status },
        );
        return view(row(c.id));
      }),
  };
}
