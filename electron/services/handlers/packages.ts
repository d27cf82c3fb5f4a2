// Use cases of offline packages (issue 8 items 1–5): the workspace identity, issuing task
// packages (one evaluator, or all in one ZIP), inspecting and importing one on an evaluator's
// workspace, exporting results there, and previewing and merging them on the coordinator's.
// The work itself lives in electron/services/packages/.
import { DEFAULT_LOCALE } from '../../../core/accounts/schemas';
import { AppError, isAppError } from '../../../core/api/errors';
import { SettingsSchema } from '../../../core/campaigns/schemas';
import { translate } from '../../../core/i18n';
import {
  fingerprintOf,
  isExpired,
  type Problem,
  type Resolution,
} from '../../../core/packages/rules';
import {
  DEFAULT_VALID_DAYS,
  TaskManifestSchema,
  ResultManifestSchema,
} from '../../../core/packages/schemas';
import type { AppContext } from '../context';
import type { HandlerGroup } from '../handler';
import { writeZip } from '../import/zip';
import { safeFileName } from '../results/format';
import { importBlocker, importTaskPackage } from '../packages/evaluator';
import { workspaceSigner } from '../packages/identity';
import { inspectResult, mergeResult } from '../packages/merge';
import { workspaceMode } from '../packages/mode';
import { openPackage, refusal } from '../packages/archive';
import { exportResultPackage, readResultPackage } from '../packages/result-package';
import {
  buildTaskPackage,
  expiredProblem,
  issueTaskPackage,
  readTaskPackage,
  scanBytesOf,
} from '../packages/task-package';
import { localDate } from '../../../core/time';

type PackagesMethod =
  | 'workspace.identity'
  | 'packages.list'
  | 'packages.exportTasks'
  | 'packages.exportAllTasks'
  | 'packages.inspect'
  | 'packages.importTask'
  | 'packages.received'
  | 'packages.exportResult'
  | 'packages.inspectResult'
  | 'packages.mergeResult';

/** Above this, all evaluators' packages in one file would strain both transports: export one by one. */
export const MAX_ALL_PACKAGES_BYTES = 300 * 1024 * 1024;

/** A calendar date on this machine. */
const addDays = (date: string, days: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return localDate(new Date(y, m - 1, d + days));
};
/** The last instant of a calendar day on this machine, in UTC. */
const endOfLocalDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 23, 59, 59, 999).toISOString();
};

const problemOf = (e: unknown): Problem => {
  if (isAppError(e)) {
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(e.params ?? {})) {
      if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    }
    return { key: e.key, params };
  }
  throw e;
};

export function packagesHandlers(app: AppContext): HandlerGroup<PackagesMethod> {
  const { repos } = app;

  const campaignOf = (id: string) => {
    const c = repos.campaigns.get(id);
    if (!c) throw new AppError('NOT_FOUND', `campaign ${id} not found`);
    return c;
  };

  const defaultValidUntil = (deadline: string | null) => {
    const today = localDate(app.now());
    const fromDeadline = deadline ? addDays(deadline, 7) : null;
    return fromDeadline && fromDeadline > today ? fromDeadline : addDays(today, DEFAULT_VALID_DAYS);
  };

  const validUntilOf = (campaignId: string, date: string | undefined) => {
    const settings = SettingsSchema.parse(JSON.parse(campaignOf(campaignId).settings));
    const chosen = date ?? defaultValidUntil(settings.deadline);
    if (chosen < localDate(app.now())) {
      throw new AppError('VALIDATION', 'validity date in the past', {
        key: 'errors.packageValidUntilPast',
        params: { date: chosen },
        fieldErrors: [
          { path: 'validUntil', key: 'errors.packageValidUntilPast', params: { date: chosen } },
        ],
      });
    }
    return endOfLocalDay(chosen);
  };

  return {
    'workspace.identity': () => {
      const signer = workspaceSigner(repos);
      return {
        workspaceId: signer.workspaceId,
        publicKey: signer.publicKey,
        fingerprint: signer.fingerprint,
        createdAt: signer.createdAt,
        mode: workspaceMode(repos),
      };
    },

    'packages.list': (input) => {
      const c = campaignOf(input.campaignId);
      const settings = SettingsSchema.parse(JSON.parse(c.settings));
      const reason: Problem | null =
        c.status !== 'scoring' && c.status !== 'review'
          ? { key: 'errors.campaignState', params: { status: c.status } }
          : settings.mode !== 'independent'
            ? { key: 'errors.packageJointMode' }
            : null;
      const issued = repos.packages.issuedOfCampaign(c.id);
      const sheets = repos.scoring.ofCampaign(c.id).filter((s) => s.kind === 'evaluator');
      const now = app.now();
      const evaluators = (
        repos.campaigns.evaluators(c.id) as {
          personId: string;
          name: string;
          departmentName: string;
          username: string | null;
        }[]
      )
        .map((e) => {
          const own = sheets.filter((s) => s.personId === e.personId);
          return {
            personId: e.personId,
            name: e.name,
            departmentName: e.departmentName,
            username: e.username,
            files: repos.packages.assignmentsOf(c.id, e.personId).length,
            submitted: own.filter((s) => s.status === 'submitted').length,
            packages: issued
              .filter((p) => p.personId === e.personId)
              .map((p) => ({
                packageId: p.id,
                issuedAt: p.issuedAt,
                validUntil: p.validUntil,
                expired: isExpired(p.validUntil, now),
                supersededBy: p.supersededBy,
                mergedSequence: p.mergedSequence,
                mergedAt: p.mergedAt,
              })),
          };
        })
        .filter((e) => e.files > 0);
      return {
        campaignId: c.id,
        canIssue: reason === null,
        reason,
        defaultValidUntil: defaultValidUntil(settings.deadline),
        evaluators,
      };
    },

    'packages.exportTasks': async (input, call) => {
      const validUntil = validUntilOf(input.campaignId, input.validUntil);
      const p = await issueTaskPackage(app, {
        campaignId: input.campaignId,
        personId: input.personId,
        validUntil,
        user: call.user,
        call,
      });
      return {
        fileName: p.fileName,
        bytes: p.bytes,
        packageId: p.packageId,
        issuedAt: p.issuedAt,
        validUntil: p.validUntil,
      };
    },

    'packages.exportAllTasks': async (input, call) => {
      const validUntil = validUntilOf(input.campaignId, input.validUntil);
      const c = campaignOf(input.campaignId);
      const people = (repos.campaigns.evaluators(c.id) as { personId: string }[])
        .map((e) => e.personId)
        .filter((id) => repos.packages.assignmentsOf(c.id, id).length > 0);
      const estimate = people.reduce((n, id) => n + scanBytesOf(app, c.id, id), 0);
      if (estimate > MAX_ALL_PACKAGES_BYTES) {
        throw refusal(
          {
            key: 'errors.packagesTooLarge',
            params: {
              mb: Math.ceil(estimate / 1048576),
              maxMb: MAX_ALL_PACKAGES_BYTES / 1048576,
            },
          },
          'CONFLICT',
        );
      }
      // Every package is built first and all issues are recorded together: a cancelled or failed
      // export records none.
      const built: Awaited<ReturnType<typeof buildTaskPackage>>[] = [];
      for (let i = 0; i < people.length; i++) {
        call.progress('packages', i, people.length);
        built.push(
          await buildTaskPackage(app, {
            campaignId: c.id,
            personId: people[i]!,
            validUntil,
            user: call.user,
            call,
          }),
        );
      }
      call.progress('packages', people.length, people.length);
      app.tx(() => built.forEach((b) => b.record()));
      const names = new Set<string>();
      const entries = built.map(({ package: p }) => {
        let name = p.fileName;
        for (let n = 2; names.has(name); n++) name = p.fileName.replace(/\.zip$/, `-${n}.zip`);
        names.add(name);
        return { name, data: p.bytes, store: true };
      });
      const locale = call.user.locale ?? DEFAULT_LOCALE;
      return {
        fileName: `${safeFileName(translate(locale, 'packages.fileName.all', { campaign: c.name }))}.zip`,
        bytes: writeZip(entries),
        packages: built.map(({ package: p }, i) => ({
          personId: p.personId,
          name: p.personName,
          packageId: p.packageId,
          fileName: entries[i]!.name,
        })),
      };
    },

    'packages.inspect': (input, call) => {
      const empty = {
        kind: null,
        verified: false,
        problem: null as Problem | null,
        packageId: null,
        campaign: null,
        evaluator: null,
        files: [],
        issuedAt: null,
        validUntil: null,
        coordinator: null,
        result: null,
        canImport: false,
        importProblem: null,
        account: null,
      };
      let opened;
      try {
        opened = openPackage(input.bytes);
      } catch (e) {
        return { ...empty, problem: problemOf(e) };
      }
      if (opened.kind === 'task') {
        // What the manifest says, shown even when it does not verify (marked unverified).
        const claimed = TaskManifestSchema.safeParse(opened.manifest);
        const m = claimed.success ? claimed.data : null;
        const view = {
          ...empty,
          kind: 'task' as const,
          packageId: m?.packageId ?? null,
          campaign: m?.campaign ?? null,
          evaluator: m
            ? {
                personId: m.evaluator.personId,
                name: m.evaluator.name,
                departmentName: m.evaluator.departmentName,
              }
            : null,
          files: m?.files ?? [],
          issuedAt: m?.issuedAt ?? null,
          validUntil: m?.validUntil ?? null,
          coordinator: m
            ? {
                workspaceId: m.coordinator.workspaceId,
                orgName: m.coordinator.orgName,
                issuedBy: m.coordinator.issuedBy,
                fingerprint: fingerprintOf(m.coordinator.publicKey),
              }
            : null,
        };
        let pkg;
        try {
          pkg = readTaskPackage(input.bytes);
        } catch (e) {
          return { ...view, problem: problemOf(e) };
        }
        const expired = expiredProblem(pkg.manifest.validUntil, app.now());
        const blocked = importBlocker(app, pkg.manifest, call.user);
        const importProblem = expired ?? blocked.problem;
        return {
          ...view,
          verified: true,
          problem: expired,
          canImport: importProblem === null,
          importProblem,
          account: {
            username: pkg.campaign.account.username,
            displayName: pkg.campaign.account.displayName,
          },
        };
      }
      const claimed = ResultManifestSchema.safeParse(opened.manifest);
      const m = claimed.success ? claimed.data : null;
      const view = {
        ...empty,
        kind: 'result' as const,
        packageId: m?.packageId ?? null,
        campaign: m?.campaign ?? null,
        evaluator: m?.evaluator ?? null,
        result: m
          ? {
              sequence: m.sequence,
              exportedAt: m.exportedAt,
              partial: m.partial,
              assigned: m.assigned,
              submitted: m.submitted,
            }
          : null,
      };
      // Only the coordinator may check a result package against the packages issued: anyone
      // else would learn which package ids exist here.
      if (call.user?.role !== 'coordinator') {
        return { ...view, problem: { key: 'errors.FORBIDDEN' } };
      }
      try {
        const read = readResultPackage(app, input.bytes);
        return {
          ...view,
          verified: true,
          issuedAt: read.issued.issuedAt,
          validUntil: read.issued.validUntil,
        };
      } catch (e) {
        return { ...view, problem: problemOf(e) };
      }
    },

    'packages.importTask': (input, call) => importTaskPackage(app, input, call),

    'packages.received': () => {
      const now = app.now();
      const latest = new Map<string, string>();
      const rows = repos.packages.receivedAll();
      for (const r of rows) if (!latest.has(r.campaignId)) latest.set(r.campaignId, r.id);
      return {
        packages: rows.map((r) => {
          const statuses = repos.packages
            .receivedSheets(r.id)
            .map((s) => repos.scoring.get(s.sheetId)?.status ?? 'open');
          return {
            packageId: r.id,
            campaignId: r.campaignId,
            campaignName: repos.campaigns.get(r.campaignId)?.name ?? '',
            issuedAt: r.issuedAt,
            validUntil: r.validUntil,
            expired: isExpired(r.validUntil, now),
            current: latest.get(r.campaignId) === r.id,
            coordinator: {
              workspaceId: r.coordinatorId,
              orgName: r.coordinatorOrg,
              fingerprint: fingerprintOf(r.coordinatorKey),
            },
            importedAt: r.importedAt,
            exports: r.exportSequence,
            lastExportedAt: r.lastExportedAt,
            assigned: statuses.length,
            submitted: statuses.filter((s) => s === 'submitted').length,
          };
        }),
      };
    },

    'packages.exportResult': (input, call) => exportResultPackage(app, input.campaignId, call.user),

    'packages.inspectResult': (input, call) => {
      call.progress('verify', 0, 1);
      const preview = inspectResult(app, input.bytes);
      call.progress('verify', 1, 1);
      return preview;
    },

    'packages.mergeResult': (input, call) => {
      call.progress('apply', 0, 1);
      const outcome = mergeResult(
        app,
        input.bytes,
        new Map<string, Resolution>(input.resolutions.map((r) => [r.sheetId, r.keep])),
        call.user,
      );
      call.progress('apply', 1, 1);
      return outcome;
    },
  };
}
