// The evaluator's side (issue 8 item 3): importing a task package opens a restricted workspace for
// that evaluator — the campaign, the assigned files with their scans, the pinned template versions,
// the assignment and the evaluator's own sheets, placed with the coordinator's ids — so that the
// ordinary scoring methods (tasks.mine, tasks.open, sheets.save, sheets.submit …) work unchanged.
import { AppError, type ErrorCode } from '../../../core/api/errors';
import { DEFAULT_LOCALE, type Locale, type SessionUser } from '../../../core/accounts/schemas';
import { ScopeSchema } from '../../../core/campaigns/schemas';
import { fingerprintOf, type Problem } from '../../../core/packages/rules';
import { attachmentEntry, type FileData, type TaskManifest } from '../../../core/packages/schemas';
import { SheetContentSchema } from '../../../core/scoring/schemas';
import { hashPassword } from '../auth/passwords';
import { openSession } from '../auth/sessions';
import type { AppContext } from '../context';
import { BlobStore } from '../files/blob-store';
import { SETTING_DEFAULT_LOCALE, SETTING_ORG_NAME } from '../settings-keys';
import { parseContent } from '../standards/content';
import { scoreColumns, scoreOf } from '../scoring/settle';
import { readEntry, refusal } from './archive';
import { SETTING_WORKSPACE_MODE, workspaceMode } from './mode';
import { expiredProblem, readTaskPackage, type Progress } from './task-package';

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

export interface ImportInput {
  bytes: Uint8Array;
  password?: string | undefined;
  username?: string | undefined;
  displayName?: string | undefined;
  locale?: Locale | undefined;
}

export interface ImportOutcome {
  packageId: string;
  campaignId: string;
  campaignName: string;
  alreadyImported: boolean;
  files: number;
  /** Files whose sheet kept this workspace's unexported work instead of the package's state. */
  keptLocal: string[];
  session: { token: string; expiresAt: string; user: SessionUser } | null;
}

/**
 * Whether this workspace can import the package now, and if not why: a coordinator's workspace,
 * another coordinator's key for a campaign imported before, another evaluator's package, a
 * package older than one imported, or an evaluator workspace nobody is signed in to.
 */
export function importBlocker(
  app: AppContext,
  manifest: TaskManifest,
  user: SessionUser | null,
): { problem: Problem | null; code: ErrorCode; fresh: boolean } {
  const { repos } = app;
  const mode = workspaceMode(repos);
  const no = (problem: Problem, code: ErrorCode) => ({ problem, code, fresh: mode === null });
  if (mode === 'coordinator') return no({ key: 'errors.packageCoordinatorWorkspace' }, 'CONFLICT');
  // An evaluator workspace trusts one coordinator: the key of the first package it imported,
  // whatever the campaign (a package signed by another key could overwrite its files).
  const earlier =
    repos.packages.receivedOfCampaign(manifest.campaign.id)[0] ?? repos.packages.receivedAll()[0];
  if (earlier && earlier.coordinatorKey !== manifest.coordinator.publicKey) {
    return no(
      {
        key: 'errors.packageOtherCoordinator',
        params: {
          expected: fingerprintOf(earlier.coordinatorKey),
          fingerprint: fingerprintOf(manifest.coordinator.publicKey),
        },
      },
      'CONFLICT',
    );
  }
  if (mode === 'evaluator') {
    if (!user) return no({ key: 'errors.packageSignInRequired' }, 'UNAUTHENTICATED');
    if (repos.people.findByUser(user.id)?.id !== manifest.evaluator.personId) {
      return no(
        { key: 'errors.packageOtherEvaluator', params: { name: manifest.evaluator.name } },
        'FORBIDDEN',
      );
    }
  }
  if (earlier && earlier.id !== manifest.packageId && earlier.issuedAt > manifest.issuedAt) {
    return no(
      { key: 'errors.packageOlderIssue', params: { issuedAt: earlier.issuedAt } },
      'CONFLICT',
    );
  }
  return { problem: null, code: 'CONFLICT', fresh: mode === null };
}

export async function importTaskPackage(
  app: AppContext,
  input: ImportInput,
  call: Progress & { user: SessionUser | null },
): Promise<ImportOutcome> {
  const { repos } = app;
  call.progress('verify', 0, null);
  const pkg = readTaskPackage(input.bytes);
  const { manifest } = pkg;
  const expired = expiredProblem(manifest.validUntil, app.now());
  if (expired) throw refusal(expired);

  const checkWorkspace = (): { fresh: boolean } => {
    const blocked = importBlocker(app, manifest, call.user);
    if (blocked.problem) throw refusal(blocked.problem, blocked.code);
    return { fresh: blocked.fresh };
  };

  const outcome = (
    alreadyImported: boolean,
    keptLocal: string[],
    session: ImportOutcome['session'],
  ) => ({
    packageId: manifest.packageId,
    campaignId: manifest.campaign.id,
    campaignName: manifest.campaign.name,
    alreadyImported,
    files: pkg.files.length,
    keptLocal,
    session,
  });

  const { fresh } = checkWorkspace();
  if (repos.packages.received(manifest.packageId)) return outcome(true, [], null);
  if (fresh && !input.password) {
    throw new AppError('VALIDATION', 'a password is needed', {
      key: 'errors.packagePasswordRequired',
      fieldErrors: [{ path: 'password', key: 'errors.packagePasswordRequired' }],
    });
  }
  const passwordHash = fresh ? await hashPassword(input.password!) : null;

  // Scans first, content-addressed: a failure later leaves at most unreferenced blobs, which the
  // store's garbage collection removes; the database is written in one transaction below.
  const blobs = new BlobStore(app.dataDir);
  const shas = [...new Set(pkg.files.flatMap((f) => f.attachments.map((a) => a.sha256)))];
  for (let i = 0; i < shas.length; i++) {
    if (i % 8 === 0) {
      call.progress('store', i, shas.length);
      await yieldNow();
      if (call.signal.aborted) throw new AppError('CANCELLED', 'import cancelled');
    }
    blobs.put(readEntry(pkg.zip, attachmentEntry(shas[i]!)));
  }
  call.progress('store', shas.length, shas.length);

  call.progress('commit', 0, 1);
  const result = app.tx((): ImportOutcome => {
    const again = checkWorkspace(); // nothing may have changed while scrypt ran; check again
    if (again.fresh !== fresh) throw refusal({ key: 'errors.packageSignInRequired' }, 'CONFLICT');
    if (repos.packages.received(manifest.packageId)) return outcome(true, [], null);
    const now = app.now().toISOString();
    const { campaign: data, templates, files } = pkg;
    const previous = repos.packages.receivedOfCampaign(manifest.campaign.id)[0] ?? null;

    repos.settings.set(SETTING_WORKSPACE_MODE, 'evaluator');
    if (!repos.settings.get(SETTING_ORG_NAME)) {
      repos.settings.set(SETTING_ORG_NAME, manifest.coordinator.orgName);
    }
    if (!repos.settings.get(SETTING_DEFAULT_LOCALE)) {
      repos.settings.set(SETTING_DEFAULT_LOCALE, input.locale ?? DEFAULT_LOCALE);
    }

    let userId: string;
    if (fresh) {
      const username = input.username ?? data.account.username;
      const id = repos.users.findById(data.account.userId) ? app.newId() : data.account.userId;
      const user = repos.users.create({
        id,
        username,
        displayName: input.displayName ?? data.account.displayName,
        role: 'evaluator',
        passwordHash: passwordHash!,
        locale: input.locale ?? null,
        now,
      });
      repos.users.recordLogin(user.id, now);
      app.audit(
        user,
        'user.created',
        { type: 'user', id: user.id },
        {
          username: user.username,
          role: user.role,
          source: 'package',
          packageId: manifest.packageId,
        },
      );
      userId = user.id;
    } else {
      userId = call.user!.id;
    }

    // Departments are matched by name when this workspace already has one (another campaign).
    const departmentIds = new Map<string, string>();
    for (const d of data.departments) {
      const local =
        (repos.departments.findById(d.id) ? d.id : null) ?? repos.departments.idByName(d.name);
      if (local) departmentIds.set(d.id, local);
      else {
        repos.departments.create({ ...d, active: true, now });
        departmentIds.set(d.id, d.id);
      }
    }
    const dept = (id: string) => departmentIds.get(id)!;
    const knownTypes = new Set(repos.caseTypes.list().map((t) => t.code));
    data.caseTypes.forEach((t, i) => {
      if (!knownTypes.has(t.code)) repos.caseTypes.upsert({ ...t, sort: 100 + i });
    });

    const person = {
      id: data.person.id,
      name: data.person.name,
      departmentId: dept(data.person.departmentId),
      position: data.person.position,
      legalOfficer: data.person.legalOfficer,
      certNo: null,
      phone: null,
      expertise: [],
      active: true,
      userId,
      notes: null,
      batchId: null,
    };
    if (repos.people.get(person.id)) repos.people.update(person, now);
    else repos.people.insert(person, now);

    const templateContent = new Map<string, ReturnType<typeof parseContent>>();
    for (const t of templates) {
      if (!repos.standards.template(t.templateId)) {
        repos.standards.createTemplate({
          id: t.templateId,
          name: t.templateName,
          builtin: false,
          now,
        });
      }
      const have = repos.standards.version(t.versionId);
      if (!have) {
        repos.packages.insertPublishedVersion({
          id: t.versionId,
          templateId: t.templateId,
          version: t.version,
          content: t.content,
          contentSha256: t.contentSha256,
          publishedAt: t.publishedAt,
          now,
        });
      } else if (have.contentSha256 !== t.contentSha256) {
        throw refusal({ key: 'errors.packageDataInvalid', params: { entry: 'templates.json' } });
      }
      templateContent.set(t.versionId, parseContent(t.content));
    }

    const c = data.campaign;
    const existing = repos.campaigns.get(c.id);
    const pinned = existing
      ? {
          ...(JSON.parse(existing.settings) as { templates?: Record<string, string> }).templates,
          ...c.settings.templates,
        }
      : c.settings.templates;
    const campaignRow = {
      id: c.id,
      name: c.name,
      year: c.year,
      organiser: c.organiser,
      status: c.status,
      scope: JSON.stringify(ScopeSchema.parse({ caseTypes: data.caseTypes.map((t) => t.code) })),
      settings: JSON.stringify({ ...c.settings, templates: pinned }),
      now,
    };
    if (!existing) repos.campaigns.insert({ ...campaignRow, createdBy: userId });
    repos.packages.setCampaign(campaignRow);
    repos.packages.upsertCampaignEvaluator(c.id, person.id);

    const previousBase = new Map(
      previous ? repos.packages.receivedSheets(previous.id).map((s) => [s.sheetId, s.baseSeq]) : [],
    );
    const baseOf = new Map<string, number>();
    const keptLocal: string[] = [];
    const stateOf = (f: FileData) => {
      const findings = SheetContentSchema.parse(JSON.parse(f.sheet.content)).findings;
      return scoreColumns(scoreOf(templateContent.get(f.sheet.templateVersionId)!, findings));
    };
    for (const f of files) {
      const k = f.case;
      const write = { ...k, departmentId: dept(k.departmentId), batchId: null };
      if (repos.cases.get(k.id)) repos.cases.update(write, now);
      else repos.cases.insert(write, now);
      for (const a of f.attachments) {
        if (!repos.attachments.get(a.id)) {
          repos.attachments.insert({ ...a, caseId: k.id, addedBy: null });
        }
      }
      repos.packages.upsertCampaignFile({ campaignId: c.id, caseId: k.id, position: f.position });
      repos.packages.upsertAssignment({
        id: f.assignmentId,
        campaignId: c.id,
        caseId: k.id,
        personId: person.id,
        now,
      });
      const s = f.sheet;
      const state = {
        id: s.id,
        revision: s.revision,
        status: s.status,
        content: s.content,
        ...stateOf(f),
        savedAt: s.savedAt,
        submittedAt: s.submittedAt,
        returnedReason: s.returnedReason,
      };
      const local = repos.scoring.get(s.id);
      if (!local) {
        repos.scoring.insert({
          id: s.id,
          revision: s.revision,
          status: s.status,
          content: s.content,
          ...stateOf(f),
          savedAt: s.savedAt,
          submittedAt: s.submittedAt,
          campaignId: c.id,
          caseId: k.id,
          kind: 'evaluator',
          personId: person.id,
          templateVersionId: s.templateVersionId,
          authorId: null,
          now: s.createdAt,
        });
        repos.packages.applySheet(state);
        baseOf.set(s.id, 0);
        continue;
      }
      const lastSeq = repos.packages.lastVersionSeq(s.id);
      const localWork = lastSeq > (previousBase.get(s.id) ?? 0);
      // The package reflects this workspace's latest work when it is at a later revision, or at
      // the same revision with the same content (e.g. merged, then returned by the coordinator).
      const reflected =
        s.revision > local.revision ||
        (s.revision === local.revision && s.content === local.content);
      if (!localWork || reflected) {
        // The package's state is the sheet's, e.g. returned by the coordinator with a reason.
        repos.packages.applySheet(state);
        if (local.status === 'submitted' && s.status !== 'submitted') {
          repos.packages.removeResult(c.id, k.id);
        }
        baseOf.set(s.id, lastSeq);
      } else {
        // Work done here that the coordinator has not seen: it stays, and travels in the next
        // result package (from the version the package already reflects, when there is one).
        keptLocal.push(k.caseNo);
        const versions = repos.packages.versionsAfter(s.id, 0);
        const match = versions
          .filter(
            (v) => v.revision === s.revision && v.status === s.status && v.content === s.content,
          )
          .pop();
        baseOf.set(s.id, match?.seq ?? previousBase.get(s.id) ?? 0);
      }
    }

    // Files no longer assigned to this evaluator go, unless they hold unexported work.
    const assigned = new Set(files.map((f) => f.assignmentId));
    for (const a of repos.packages.assignmentIdsOf(c.id, person.id)) {
      if (assigned.has(a.id)) continue;
      const sheet = repos.scoring
        .ofFile(c.id, a.caseId)
        .find((s) => s.kind === 'evaluator' && s.personId === person.id);
      if (sheet && repos.packages.lastVersionSeq(sheet.id) > (previousBase.get(sheet.id) ?? 0)) {
        continue;
      }
      repos.packages.removeResult(c.id, a.caseId);
      if (sheet) repos.packages.removeSheet(sheet.id);
      repos.packages.removeAssignment(a.id);
      repos.packages.removeCampaignFile(c.id, a.caseId);
    }

    repos.packages.insertReceived({
      id: manifest.packageId,
      campaignId: c.id,
      personId: person.id,
      coordinatorId: manifest.coordinator.workspaceId,
      coordinatorOrg: manifest.coordinator.orgName,
      coordinatorKey: manifest.coordinator.publicKey,
      secret: manifest.secret,
      manifest: new TextDecoder().decode(pkg.manifestBytes),
      signature: pkg.signature,
      issuedAt: manifest.issuedAt,
      validUntil: manifest.validUntil,
      importedBy: userId,
      importedAt: now,
    });
    for (const [sheetId, baseSeq] of baseOf) {
      repos.packages.setReceivedSheet({ packageId: manifest.packageId, sheetId, baseSeq });
    }
    const actor = repos.users.findById(userId)!;
    app.audit(
      actor,
      'package.imported',
      { type: 'package', id: manifest.packageId },
      {
        campaignId: c.id,
        coordinatorWorkspaceId: manifest.coordinator.workspaceId,
        fingerprint: fingerprintOf(manifest.coordinator.publicKey),
        issuedAt: manifest.issuedAt,
        validUntil: manifest.validUntil,
        files: files.map((f) => f.case.caseNo),
        keptLocal,
        replaces: previous?.id ?? null,
      },
    );
    const session = fresh
      ? {
          ...openSession(app, userId),
          user: {
            id: actor.id,
            username: actor.username,
            displayName: actor.displayName,
            role: actor.role,
            locale: actor.locale,
          },
        }
      : null;
    return outcome(false, keptLocal, session);
  });
  call.progress('commit', 1, 1);
  return result;
}
