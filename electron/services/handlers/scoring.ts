// Use cases of scoring (issue 6): the evaluator's tasks, the scoring screen's data, autosave
// (idempotent and ordered), submit / sign and return, blind access to the sheets of a file, the
// discrepancy check when every sheet of a file is in, 复核 decisions and the campaign dashboard.
import type { SessionUser } from '../../../core/accounts/schemas';
import { AppError, type FieldError } from '../../../core/api/errors';
import type { FileResult, Sheet } from '../../../core/api/methods/scoring';
import { SettingsSchema, type CampaignStatus } from '../../../core/campaigns/schemas';
import type { MessageKey } from '../../../core/i18n';
import {
  SheetContentSchema,
  taskStatus,
  type SheetContent,
  type SheetKind,
  type SheetStatus,
} from '../../../core/scoring/schemas';
import { submitProblems } from '../../../core/scoring/submit';
import type { Finding, TemplateContent } from '../../../core/standards/model';
import { score } from '../../../core/standards/score';
import type { ResultRow, SheetRow } from '../../../db';
import type { AppContext } from '../context';
import { BlobStore } from '../files/blob-store';
import type { HandlerGroup } from '../handler';
import { parseContent } from '../standards/content';
import { scoreColumns, scoreOf, settleFile } from '../scoring/settle';

type ScoringMethod =
  | 'tasks.mine'
  | 'tasks.open'
  | 'tasks.attachment'
  | 'sheets.save'
  | 'sheets.submit'
  | 'sheets.return'
  | 'sheets.versions'
  | 'sheets.ofFile'
  | 'review.list'
  | 'review.file'
  | 'review.decide'
  | 'review.progress';

const fail = (
  code: 'CONFLICT' | 'VALIDATION' | 'NOT_FOUND' | 'FORBIDDEN',
  key: MessageKey,
  params: Record<string, string | number> = {},
  fieldErrors?: FieldError[],
) => new AppError(code, key, { key, params, ...(fieldErrors ? { fieldErrors } : {}) });

/** States in which sheets can be written and submitted. */
const SCORING_STATES: readonly CampaignStatus[] = ['scoring', 'review'];

interface TemplateRef {
  versionId: string;
  name: string;
  version: number;
  content: TemplateContent;
}

type Score = { total: number; bandIndex: number; grade: string; veto: boolean };

const scoreView = (s: {
  total: number | null;
  bandIndex: number | null;
  grade: string | null;
  veto: number | null;
}): Score | null =>
  s.total === null || s.bandIndex === null || s.grade === null
    ? null
    : { total: s.total, bandIndex: s.bandIndex, grade: s.grade, veto: s.veto === 1 };

/** Findings keyed by kind and code, in a canonical form, to tell which ones a reconciliation changed. */
function findingKeys(findings: readonly Finding[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of findings) {
    const { reason: _r, pages: _p, tags: _t, ...scored } = f;
    out.set(`${f.kind}:${f.code}`, JSON.stringify(scored, Object.keys(scored).sort()));
  }
  return out;
}

export function scoringHandlers(app: AppContext): HandlerGroup<ScoringMethod> {
  const { repos } = app;
  const blobs = new BlobStore(app.dataDir);
  const now = () => app.now().toISOString();

  // Published versions never change, so their parsed content is kept.
  const templates = new Map<string, TemplateRef>();
  const templateOf = (versionId: string): TemplateRef => {
    let t = templates.get(versionId);
    if (!t) {
      const v = repos.standards.version(versionId);
      if (!v) throw new AppError('NOT_FOUND', `template version ${versionId} not found`);
      const content = parseContent(v.content);
      t = { versionId, name: content.name, version: v.version ?? 0, content };
      if (v.status === 'published') templates.set(versionId, t);
    }
    return t;
  };

  const campaignOf = (id: string) => {
    const c = repos.campaigns.get(id);
    if (!c) throw new AppError('NOT_FOUND', `campaign ${id} not found`);
    return c;
  };
  const settingsOf = (c: { settings: string }) => SettingsSchema.parse(JSON.parse(c.settings));
  const requireScoring = (status: string) => {
    if (!SCORING_STATES.includes(status as CampaignStatus)) {
      throw fail('CONFLICT', 'errors.campaignState', { status });
    }
  };
  const sheetRow = (id: string): SheetRow => {
    const s = repos.scoring.get(id);
    if (!s) throw new AppError('NOT_FOUND', `sheet ${id} not found`);
    return s;
  };
  const personIdOf = (user: SessionUser): string | null =>
    repos.people.findByUser(user.id)?.id ?? null;
  const assignedTo = (campaignId: string, caseId: string) =>
    repos.campaigns
      .assignments(campaignId)
      .filter((a) => a.caseId === caseId)
      .map((a) => a.personId);

  /** The sheet is this user's to fill in: their own, or the joint sheet of a file assigned to them. */
  const ownSheet = (s: SheetRow, user: SessionUser): string => {
    const personId = personIdOf(user);
    const mine =
      personId !== null &&
      (s.kind === 'evaluator'
        ? s.personId === personId
        : s.kind === 'joint' && assignedTo(s.campaignId, s.caseId).includes(personId));
    if (!mine) throw fail('FORBIDDEN', 'errors.notYourSheet');
    return personId!;
  };

  const contentOf = (s: { content: string }): SheetContent =>
    SheetContentSchema.parse(JSON.parse(s.content));

  const sheetView = (s: SheetRow): Sheet => ({
    id: s.id,
    campaignId: s.campaignId,
    caseId: s.caseId,
    kind: s.kind as SheetKind,
    personId: s.personId,
    evaluatorName: s.evaluatorName,
    templateVersionId: s.templateVersionId,
    status: s.status as SheetStatus,
    revision: s.revision,
    content: contentOf(s),
    score: scoreView(s),
    savedAt: s.savedAt,
    submittedAt: s.submittedAt,
    returnedReason: s.returnedReason,
    signatures:
      s.kind === 'joint'
        ? repos.scoring.signatures(s.id).map((g) => ({
            personId: g.personId,
            name: g.name,
            signedRevision: g.revision,
            signedAt: g.signedAt,
          }))
        : [],
  });

  const resultView = (r: ResultRow | undefined): FileResult =>
    r
      ? {
          state: r.state as 'review' | 'final',
          flags: JSON.parse(r.flags) as FileResult['flags'],
          info: JSON.parse(r.info) as FileResult['info'],
          total: r.total,
          bandIndex: r.bandIndex,
          grade: r.grade,
          decision: r.decision as FileResult['decision'],
          keptSheetId: r.keptSheetId,
          arbiter: r.arbiter,
          reason: r.reason,
          decidedAt: r.decidedAt,
        }
      : {
          state: 'waiting',
          flags: [],
          info: [],
          total: null,
          bandIndex: null,
          grade: null,
          decision: null,
          keptSheetId: null,
          arbiter: null,
          reason: null,
          decidedAt: null,
        };

  /** The sheets that count for a file: its evaluators' sheets, or its joint sheet. */
  const countingSheets = (campaignId: string, caseId: string) =>
    repos.scoring
      .ofFile(campaignId, caseId)
      .filter((s) => s.kind === 'evaluator' || s.kind === 'joint');

  /** Once every sheet of a file is in: final score (mean or joint) or flagged for 复核. */
  const settle = (campaignId: string, caseId: string, threshold: number) =>
    settleFile(app, campaignId, caseId, threshold, (id) => templateOf(id).content);

  const refuseIncomplete = (t: TemplateContent, findings: readonly Finding[]) => {
    const problems = submitProblems(t, findings);
    if (problems.length) {
      throw fail(
        'VALIDATION',
        'errors.sheetIncomplete',
        { count: problems.length },
        problems.map((p) => ({
          path: `findings.${String(p.params.code ?? '')}`,
          key: p.key as MessageKey,
          params: p.params,
        })),
      );
    }
  };

  const caseTitle = (partyName: string | null, cause: string | null) =>
    [partyName, cause].filter(Boolean).join(' · ');

  return {
    'tasks.mine': (_input, call) => {
      const personId = personIdOf(call.user);
      if (!personId) return { campaigns: [] };
      const typeNames = new Map(repos.caseTypes.list().map((t) => [t.code, t.name]));
      const byCampaign = new Map<string, ReturnType<typeof repos.scoring.tasksOf>>();
      for (const t of repos.scoring.tasksOf(personId)) {
        const list = byCampaign.get(t.campaignId) ?? [];
        list.push(t);
        byCampaign.set(t.campaignId, list);
      }
      const campaigns = [...byCampaign.entries()].map(([campaignId, rows]) => {
        const c = campaignOf(campaignId);
        const settings = settingsOf(c);
        return {
          campaignId,
          name: c.name,
          year: c.year,
          status: c.status as CampaignStatus,
          mode: settings.mode,
          deadline: settings.deadline,
          tasks: rows.map((r) => ({
            caseId: r.caseId,
            caseNo: r.caseNo,
            caseType: r.caseType,
            caseTypeName: typeNames.get(r.caseType) ?? r.caseType,
            title: caseTitle(r.partyName, r.cause),
            departmentName: r.departmentName,
            sheetId: r.sheetId,
            status: taskStatus(r.status as SheetStatus, r.revision),
            score: scoreView(r),
            returnedReason: r.returnedReason,
            savedAt: r.savedAt,
            signed:
              settings.mode === 'joint'
                ? repos.scoring
                    .signatures(r.sheetId)
                    .some((g) => g.personId === personId && g.revision === r.revision)
                : null,
          })),
        };
      });
      campaigns.sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'zh-CN'));
      return { campaigns };
    },

    'tasks.open': (input, call) => {
      const c = campaignOf(input.campaignId);
      const personId = personIdOf(call.user);
      const sheet = repos.scoring
        .ofFile(input.campaignId, input.caseId)
        .find((s) =>
          s.kind === 'evaluator'
            ? s.personId === personId
            : s.kind === 'joint' &&
              personId !== null &&
              assignedTo(input.campaignId, input.caseId).includes(personId),
        );
      if (!sheet) throw fail('FORBIDDEN', 'errors.notYourSheet');
      const kase = repos.cases.get(input.caseId);
      if (!kase) throw new AppError('NOT_FOUND', `case ${input.caseId} not found`);
      const settings = settingsOf(c);
      return {
        campaign: {
          campaignId: c.id,
          name: c.name,
          year: c.year,
          status: c.status as CampaignStatus,
          mode: settings.mode,
          deadline: settings.deadline,
        },
        case: kase,
        attachments: repos.attachments.forCase(input.caseId),
        template: templateOf(sheet.templateVersionId),
        sheet: sheetView(sheet),
      };
    },

    'tasks.attachment': (input, call) => {
      const a = repos.attachments.get(input.attachmentId);
      if (!a) throw new AppError('NOT_FOUND', `attachment ${input.attachmentId} not found`);
      if (call.user.role !== 'coordinator') {
        const personId = personIdOf(call.user);
        if (!personId || !assignedTo(input.campaignId, a.caseId).includes(personId)) {
          throw fail('FORBIDDEN', 'errors.notYourSheet');
        }
      }
      return { fileName: a.fileName, mime: a.mime, bytes: blobs.get(a.sha256) };
    },

    'sheets.save': (input, call) =>
      app.tx(() => {
        const s = sheetRow(input.sheetId);
        ownSheet(s, call.user);
        // Idempotent and ordered: a revision already stored (a retried save, or one that arrives
        // after a newer one) is acknowledged with what the sheet holds, and changes nothing.
        if (input.revision <= s.revision) {
          return {
            revision: s.revision,
            applied: false,
            savedAt: s.savedAt ?? s.createdAt,
            score: scoreView(s),
          };
        }
        if (s.status === 'submitted') throw fail('CONFLICT', 'errors.sheetSubmitted');
        requireScoring(campaignOf(s.campaignId).status);
        const content = SheetContentSchema.parse(input.content);
        // Stored even when it cannot be scored yet (a half-typed amount): nothing typed is lost;
        // submit refuses what cannot be scored.
        const result = scoreOf(templateOf(s.templateVersionId).content, content.findings);
        const json = JSON.stringify(content);
        const at = now();
        const columns = scoreColumns(result);
        repos.scoring.save({
          id: s.id,
          revision: input.revision,
          content: json,
          now: at,
          ...columns,
        });
        repos.scoring.addVersion({
          sheetId: s.id,
          revision: input.revision,
          status: s.status,
          content: json,
          total: columns.total,
          grade: columns.grade,
          savedBy: call.user.id,
          now: at,
        });
        app.audit(
          call.user,
          'sheet.saved',
          { type: 'sheet', id: s.id },
          { revision: input.revision },
        );
        return { revision: input.revision, applied: true, savedAt: at, score: scoreView(columns) };
      }),

    'sheets.submit': (input, call) =>
      app.tx(() => {
        const s = sheetRow(input.sheetId);
        const personId = ownSheet(s, call.user);
        const c = campaignOf(s.campaignId);
        requireScoring(c.status);
        if (s.status === 'submitted') throw fail('CONFLICT', 'errors.sheetSubmitted');
        if (input.revision !== s.revision) {
          throw fail('CONFLICT', 'errors.sheetStale', { revision: s.revision });
        }
        const content = contentOf(s);
        const t = templateOf(s.templateVersionId).content;
        refuseIncomplete(t, content.findings);
        const at = now();
        const settings = settingsOf(c);
        let submitted = true;
        if (s.kind === 'joint') {
          repos.scoring.sign({ sheetId: s.id, personId, revision: s.revision, now: at });
          const signatures = repos.scoring.signatures(s.id);
          submitted = signatures.every((g) => g.revision === s.revision);
          app.audit(
            call.user,
            'sheet.signed',
            { type: 'sheet', id: s.id },
            { revision: s.revision },
          );
        }
        if (submitted) {
          repos.scoring.setStatus({
            id: s.id,
            status: 'submitted',
            submittedAt: at,
            returnedReason: null,
          });
          repos.scoring.addVersion({
            sheetId: s.id,
            revision: s.revision,
            status: 'submitted',
            content: s.content,
            total: s.total,
            grade: s.grade,
            savedBy: call.user.id,
            now: at,
          });
          app.audit(
            call.user,
            'sheet.submitted',
            { type: 'sheet', id: s.id },
            { campaignId: s.campaignId, caseId: s.caseId, revision: s.revision, total: s.total },
          );
          settle(s.campaignId, s.caseId, settings.threshold);
        }
        return {
          sheet: sheetView(sheetRow(s.id)),
          result: resultView(repos.scoring.result(s.campaignId, s.caseId)),
        };
      }),

    'sheets.return': (input, call) =>
      app.tx(() => {
        const s = sheetRow(input.sheetId);
        if (s.kind !== 'evaluator' && s.kind !== 'joint') {
          throw fail('CONFLICT', 'errors.sheetNotReturnable');
        }
        requireScoring(campaignOf(s.campaignId).status);
        if (s.status !== 'submitted') throw fail('CONFLICT', 'errors.sheetNotSubmitted');
        const at = now();
        repos.scoring.setStatus({
          id: s.id,
          status: 'returned',
          submittedAt: null,
          returnedReason: input.reason,
        });
        repos.scoring.addVersion({
          sheetId: s.id,
          revision: s.revision,
          status: 'returned',
          content: s.content,
          total: s.total,
          grade: s.grade,
          savedBy: call.user.id,
          now: at,
        });
        if (s.kind === 'joint') repos.scoring.clearSignatures(s.id);
        // The file is open again: its result waits for the sheet to come back.
        repos.scoring.removeResult(s.campaignId, s.caseId);
        app.audit(
          call.user,
          'sheet.returned',
          { type: 'sheet', id: s.id },
          { campaignId: s.campaignId, caseId: s.caseId, reason: input.reason },
        );
        return sheetView(sheetRow(s.id));
      }),

    'sheets.versions': (input) => {
      const t = templateOf(sheetRow(input.sheetId).templateVersionId).content;
      return {
        versions: repos.scoring.versions(input.sheetId).map((v) => {
          const content = SheetContentSchema.parse(JSON.parse(v.content));
          const r = scoreOf(t, content.findings);
          return {
            revision: v.revision,
            status: v.status as SheetStatus,
            content,
            score: r ? scoreView(scoreColumns(r)) : null,
            savedBy: v.savedBy,
            savedAt: v.savedAt,
          };
        }),
      };
    },

    'sheets.ofFile': (input, call) => {
      campaignOf(input.campaignId);
      const result = repos.scoring.result(input.campaignId, input.caseId);
      if (call.user.role !== 'coordinator') {
        const personId = personIdOf(call.user);
        if (!personId || !assignedTo(input.campaignId, input.caseId).includes(personId)) {
          throw fail('FORBIDDEN', 'errors.notYourSheet');
        }
        const all = countingSheets(input.campaignId, input.caseId);
        if (!all.length || all.some((s) => s.status !== 'submitted')) {
          throw fail('FORBIDDEN', 'errors.sheetsBlind');
        }
      }
      return {
        sheets: repos.scoring.ofFile(input.campaignId, input.caseId).map(sheetView),
        result: resultView(result),
      };
    },

    'review.list': (input) => {
      campaignOf(input.campaignId);
      const sheets = new Map<string, SheetRow[]>();
      for (const s of repos.scoring.ofCampaign(input.campaignId)) {
        if (s.kind !== 'evaluator' && s.kind !== 'joint') continue;
        const list = sheets.get(s.caseId) ?? [];
        list.push(s);
        sheets.set(s.caseId, list);
      }
      const results = new Map(repos.scoring.results(input.campaignId).map((r) => [r.caseId, r]));
      const names = new Map(
        (repos.campaigns.evaluators(input.campaignId) as { personId: string; name: string }[]).map(
          (e) => [e.personId, e.name],
        ),
      );
      const evaluatorsOf = new Map<string, string[]>();
      for (const a of repos.campaigns.assignments(input.campaignId)) {
        const list = evaluatorsOf.get(a.caseId) ?? [];
        list.push(names.get(a.personId) ?? a.personId);
        evaluatorsOf.set(a.caseId, list);
      }
      const files = (
        repos.campaigns.files(input.campaignId) as {
          caseId: string;
          caseNo: string;
          caseType: string;
          departmentName: string;
        }[]
      ).map((f) => ({
        caseId: f.caseId,
        caseNo: f.caseNo,
        caseType: f.caseType,
        departmentName: f.departmentName,
        evaluators: evaluatorsOf.get(f.caseId) ?? [],
        sheets: (sheets.get(f.caseId) ?? []).map((s) => ({
          sheetId: s.id,
          personId: s.personId,
          evaluatorName: s.evaluatorName,
          status: taskStatus(s.status as SheetStatus, s.revision),
          score: scoreView(s),
        })),
        result: resultView(results.get(f.caseId)),
      }));
      return { files };
    },

    'review.file': (input) => {
      campaignOf(input.campaignId);
      const sheets = repos.scoring.ofFile(input.campaignId, input.caseId);
      if (!sheets.length) throw new AppError('NOT_FOUND', `no sheets for ${input.caseId}`);
      const kase = repos.cases.get(input.caseId);
      if (!kase) throw new AppError('NOT_FOUND', `case ${input.caseId} not found`);
      return {
        case: kase,
        template: templateOf(sheets[0]!.templateVersionId),
        sheets: sheets.map(sheetView),
        result: resultView(repos.scoring.result(input.campaignId, input.caseId)),
      };
    },

    'review.decide': (input, call) =>
      app.tx(() => {
        requireScoring(campaignOf(input.campaignId).status);
        const counting = countingSheets(input.campaignId, input.caseId);
        const before = repos.scoring.result(input.campaignId, input.caseId);
        if (!counting.length || counting.some((s) => s.status !== 'submitted') || !before) {
          throw fail('CONFLICT', 'errors.reviewNotReady');
        }
        const versionId = counting[0]!.templateVersionId;
        const t = templateOf(versionId).content;
        const at = now();
        let kept: SheetRow;
        if (input.decision === 'keep') {
          const s = counting.find((x) => x.id === input.sheetId);
          if (!s) throw fail('VALIDATION', 'errors.reviewSheetUnknown');
          kept = s;
        } else {
          const content = SheetContentSchema.parse(input.content);
          refuseIncomplete(t, content.findings);
          if (input.decision === 'reconciled') {
            const base = counting.find((x) => x.id === input.baseSheetId);
            if (!base) throw fail('VALIDATION', 'errors.reviewSheetUnknown');
            const was = findingKeys(contentOf(base).findings);
            const is = findingKeys(content.findings);
            const reasons = new Set(input.changes.map((c) => `${c.kind}:${c.code}`));
            const changed = [...new Set([...was.keys(), ...is.keys()])].filter(
              (k) => was.get(k) !== is.get(k),
            );
            const missing = changed.filter((k) => !reasons.has(k));
            if (missing.length) {
              throw fail('VALIDATION', 'errors.reconcileReasonMissing', {
                codes: missing.map((k) => k.split(':')[1]).join('、'),
              });
            }
          }
          const result = score(t, content.findings);
          const id = app.newId();
          const json = JSON.stringify(content);
          repos.scoring.insert({
            id,
            campaignId: input.campaignId,
            caseId: input.caseId,
            kind: input.decision,
            personId: null,
            templateVersionId: versionId,
            status: 'submitted',
            revision: 1,
            content: json,
            ...scoreColumns(result),
            authorId: call.user.id,
            savedAt: at,
            submittedAt: at,
            now: at,
          });
          repos.scoring.addVersion({
            sheetId: id,
            revision: 1,
            status: 'submitted',
            content: json,
            total: result.total,
            grade: result.grade,
            savedBy: call.user.id,
            now: at,
          });
          kept = sheetRow(id);
        }
        repos.scoring.putResult({
          campaignId: input.campaignId,
          caseId: input.caseId,
          state: 'final',
          flags: before.flags,
          info: before.info,
          total: kept.total,
          bandIndex: kept.bandIndex,
          grade: kept.grade,
          decision: input.decision,
          keptSheetId: kept.id,
          arbiterId: call.user.id,
          reason: input.reason,
          decidedAt: at,
        });
        app.audit(
          call.user,
          'review.decided',
          { type: 'file', id: input.caseId },
          {
            campaignId: input.campaignId,
            decision: input.decision,
            sheetId: kept.id,
            total: kept.total,
            grade: kept.grade,
            reason: input.reason,
            ...(input.decision === 'reconciled' ? { changes: input.changes } : {}),
          },
        );
        return resultView(repos.scoring.result(input.campaignId, input.caseId));
      }),

    'review.progress': (input) => {
      const c = campaignOf(input.campaignId);
      const settings = settingsOf(c);
      const files = repos.campaigns.files(input.campaignId) as {
        caseId: string;
        caseNo: string;
        departmentName: string;
      }[];
      const results = new Map(repos.scoring.results(input.campaignId).map((r) => [r.caseId, r]));
      const sheets = repos.scoring.ofCampaign(input.campaignId);
      const evaluators = repos.campaigns.evaluators(input.campaignId) as {
        personId: string;
        name: string;
        departmentName: string;
        username: string | null;
      }[];
      const assignments = repos.campaigns.assignments(input.campaignId);
      const caseNo = new Map(files.map((f) => [f.caseId, f.caseNo]));
      const jointByCase = new Map(
        sheets.filter((s) => s.kind === 'joint').map((s) => [s.caseId, s]),
      );
      const ownByKey = new Map(
        sheets.filter((s) => s.kind === 'evaluator').map((s) => [`${s.caseId}:${s.personId}`, s]),
      );
      const overdueNow =
        settings.deadline !== null && app.now().toISOString().slice(0, 10) > settings.deadline;
      const phones = new Map<string, string | null>();
      const overdue: {
        personId: string;
        name: string;
        departmentName: string;
        phone: string | null;
        caseNo: string;
        status: ReturnType<typeof taskStatus>;
      }[] = [];
      const perEvaluator = evaluators
        .map((e) => {
          const row = { assigned: 0, notStarted: 0, inProgress: 0, submitted: 0, returned: 0 };
          for (const a of assignments) {
            if (a.personId !== e.personId) continue;
            const s = jointByCase.get(a.caseId) ?? ownByKey.get(`${a.caseId}:${a.personId}`);
            row.assigned++;
            const st = s ? taskStatus(s.status as SheetStatus, s.revision) : 'not_started';
            if (st === 'not_started') row.notStarted++;
            else if (st === 'in_progress') row.inProgress++;
            else if (st === 'submitted') row.submitted++;
            else row.returned++;
            if (overdueNow && st !== 'submitted') {
              if (!phones.has(e.personId))
                phones.set(e.personId, repos.people.get(e.personId)?.phone ?? null);
              overdue.push({
                personId: e.personId,
                name: e.name,
                departmentName: e.departmentName,
                phone: phones.get(e.personId) ?? null,
                caseNo: caseNo.get(a.caseId) ?? a.caseId,
                status: st,
              });
            }
          }
          return {
            personId: e.personId,
            name: e.name,
            departmentName: e.departmentName,
            username: e.username,
            ...row,
          };
        })
        .filter((e) => e.assigned > 0);
      const depts = new Map<
        string,
        { files: number; final: number; review: number; sum: number }
      >();
      const grades = new Map<string, { count: number; band: number }>();
      let review = 0;
      let final = 0;
      for (const f of files) {
        const d = depts.get(f.departmentName) ?? { files: 0, final: 0, review: 0, sum: 0 };
        d.files++;
        const r = results.get(f.caseId);
        if (r?.state === 'final') {
          d.final++;
          final++;
          d.sum += r.total ?? 0;
          const g = grades.get(r.grade ?? '') ?? { count: 0, band: r.bandIndex ?? 0 };
          grades.set(r.grade ?? '', { count: g.count + 1, band: g.band });
        } else if (r?.state === 'review') {
          d.review++;
          review++;
        }
        depts.set(f.departmentName, d);
      }
      // Best band first, as the template orders them.
      const bands = [...grades.keys()].sort((a, b) => grades.get(a)!.band - grades.get(b)!.band);
      return {
        files: { total: files.length, waiting: files.length - review - final, review, final },
        grades: bands.map((grade) => ({ grade, count: grades.get(grade)!.count })),
        evaluators: perEvaluator,
        departments: [...depts.entries()]
          .map(([departmentName, d]) => ({
            departmentName,
            files: d.files,
            final: d.final,
            review: d.review,
            mean: d.final ? Math.round(d.sum / d.final) : null,
          }))
          .sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN')),
        overdue,
        deadline: settings.deadline,
      };
    },
  };
}
