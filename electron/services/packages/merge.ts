// Merging a result package on the coordinator's workspace (issue 8 item 5). Each sheet is compared
// with this workspace's sheet and the package's baseline (core/packages/rules.ts classifySheet):
// new and newer sheets are taken, same and older ones are left, and a sheet changed on both sides
// since the package was issued (or last merged) is a conflict the coordinator resolves (keep this
// workspace's, or take the package's) before anything is applied. Everything is applied in one
// transaction; a submitted sheet settles its file exactly as a local submit does (settleFile).
import type { SessionUser } from '../../../core/accounts/schemas';
import { AppError } from '../../../core/api/errors';
import { SettingsSchema } from '../../../core/campaigns/schemas';
import {
  classifySheet,
  planMerge,
  sequenceStanding,
  type Resolution,
  type SheetClass,
} from '../../../core/packages/rules';
import { ENTRY_SHEETS, type ResultSheet } from '../../../core/packages/schemas';
import { SheetContentSchema } from '../../../core/scoring/schemas';
import { submitProblems } from '../../../core/scoring/submit';
import type { TemplateContent } from '../../../core/standards/model';
import type { SheetRow } from '../../../db';
import type { AppContext } from '../context';
import { parseContent } from '../standards/content';
import { scoreColumns, scoreOf, settleFile } from '../scoring/settle';
import { refusal } from './archive';
import { readResultPackage, type ReadResultPackage } from './result-package';

export interface SheetComparison {
  sheetId: string;
  caseId: string;
  caseNo: string;
  class: SheetClass;
  local: { status: string; revision: number; savedAt: string | null; total: number | null };
  package: {
    status: string;
    revision: number;
    savedAt: string | null;
    total: number | null;
    /** Versions in the package not merged yet. */
    newVersions: number;
  };
}

export interface ResultPreview {
  packageId: string;
  resultId: string;
  sequence: number;
  exportedAt: string;
  partial: boolean;
  assigned: number;
  submitted: number;
  campaign: { id: string; name: string; year: number };
  evaluator: { personId: string; name: string; departmentName: string };
  /** This very export was merged already: merging it again changes nothing. */
  alreadyMerged: boolean;
  sheets: SheetComparison[];
}

const invalidSheets = () =>
  refusal({ key: 'errors.packageDataInvalid', params: { entry: ENTRY_SHEETS } });

function templateCache(app: AppContext) {
  const cache = new Map<string, TemplateContent>();
  return (versionId: string): TemplateContent => {
    let t = cache.get(versionId);
    if (!t) {
      const v = app.repos.standards.version(versionId);
      if (!v) throw new AppError('NOT_FOUND', `template version ${versionId} not found`);
      t = parseContent(v.content);
      cache.set(versionId, t);
    }
    return t;
  };
}

/** Every content in the package is a sheet's content, and a submitted sheet is complete. */
function checkContents(
  app: AppContext,
  read: ReadResultPackage,
  templateOf: (id: string) => TemplateContent,
) {
  for (const s of read.sheets) {
    const t = templateOf(app.repos.scoring.get(s.sheetId)!.templateVersionId);
    for (const c of [s.content, ...s.versions.map((v) => v.content)]) {
      let value: unknown;
      try {
        value = JSON.parse(c);
      } catch {
        throw invalidSheets();
      }
      if (!SheetContentSchema.safeParse(value).success) throw invalidSheets();
    }
    if (s.status === 'submitted') {
      const findings = SheetContentSchema.parse(JSON.parse(s.content)).findings;
      if (submitProblems(t, findings).length) throw invalidSheets();
    }
    if (s.versions.length) {
      const last = s.versions[s.versions.length - 1]!;
      if (last.content !== s.content || last.status !== s.status) throw invalidSheets();
    }
  }
}

function compare(
  app: AppContext,
  read: ReadResultPackage,
  templateOf: (id: string) => TemplateContent,
): SheetComparison[] {
  const { repos } = app;
  const baselines = new Map(repos.packages.issuedSheets(read.issued.id).map((b) => [b.sheetId, b]));
  return read.sheets.map((s) => {
    const local = repos.scoring.get(s.sheetId)!;
    const baseline = baselines.get(s.sheetId)!;
    const t = templateOf(local.templateVersionId);
    const cls = classifySheet({
      local: {
        revision: local.revision,
        status: local.status,
        content: local.content,
        lastSeq: repos.packages.lastVersionSeq(local.id),
      },
      baseline,
      remote: {
        revision: s.revision,
        status: s.status,
        content: s.content,
        versions: s.versions.length,
      },
    });
    const remoteScore = scoreOf(t, SheetContentSchema.parse(JSON.parse(s.content)).findings);
    return {
      sheetId: s.sheetId,
      caseId: s.caseId,
      caseNo: s.caseNo,
      class: cls,
      local: {
        status: local.status,
        revision: local.revision,
        savedAt: local.savedAt,
        total: local.total,
      },
      package: {
        status: s.status,
        revision: s.revision,
        savedAt: s.savedAt,
        total: remoteScore?.total ?? null,
        newVersions: Math.max(0, s.versions.length - baseline.mergedRemote),
      },
    };
  });
}

/** Verifies and reads a result package, refusing an export older than one merged already. */
function verified(app: AppContext, bytes: Uint8Array) {
  const read = readResultPackage(app, bytes);
  const templateOf = templateCache(app);
  checkContents(app, read, templateOf);
  return { read, templateOf };
}

function standingOf(app: AppContext, read: ReadResultPackage) {
  const issued = app.repos.packages.issued(read.issued.id)!;
  const merged = app.repos.packages.mergeBySequence(issued.id, read.manifest.sequence);
  const standing = sequenceStanding(
    read.manifest.sequence,
    issued.mergedSequence,
    merged ? merged.sha256 === read.manifestSha256 : null,
  );
  if (standing === 'older') {
    throw refusal(
      {
        key: 'errors.resultOlder',
        params: { sequence: read.manifest.sequence, merged: issued.mergedSequence },
      },
      'CONFLICT',
    );
  }
  if (standing === 'reused') {
    throw refusal(
      { key: 'errors.resultSequenceReused', params: { sequence: read.manifest.sequence } },
      'CONFLICT',
    );
  }
  return standing;
}

function preview(
  read: ReadResultPackage,
  alreadyMerged: boolean,
  sheets: SheetComparison[],
): ResultPreview {
  const m = read.manifest;
  return {
    packageId: m.packageId,
    resultId: m.resultId,
    sequence: m.sequence,
    exportedAt: m.exportedAt,
    partial: m.partial,
    assigned: m.assigned,
    submitted: m.submitted,
    campaign: m.campaign,
    evaluator: m.evaluator,
    alreadyMerged,
    sheets,
  };
}

export function inspectResult(app: AppContext, bytes: Uint8Array): ResultPreview {
  const { read, templateOf } = verified(app, bytes);
  const standing = standingOf(app, read);
  return preview(read, standing === 'duplicate', compare(app, read, templateOf));
}

export interface MergeOutcome extends ResultPreview {
  /** false: nothing was written (this export was merged already). */
  merged: boolean;
  applied: number;
  keptLocal: number;
  /** Sheets that became submitted here, each settling its file. */
  submittedNow: number;
}

export function mergeResult(
  app: AppContext,
  bytes: Uint8Array,
  resolutions: ReadonlyMap<string, Resolution>,
  user: SessionUser,
): MergeOutcome {
  const { repos } = app;
  const { read, templateOf } = verified(app, bytes);
  return app.tx((): MergeOutcome => {
    const standing = standingOf(app, read);
    const sheets = compare(app, read, templateOf);
    if (standing === 'duplicate') {
      return {
        ...preview(read, true, sheets),
        merged: false,
        applied: 0,
        keptLocal: 0,
        submittedNow: 0,
      };
    }
    const { actions, unresolved } = planMerge(
      new Map(sheets.map((s) => [s.sheetId, s.class])),
      resolutions,
    );
    if (unresolved.length) {
      const caseNos = sheets.filter((s) => unresolved.includes(s.sheetId)).map((s) => s.caseNo);
      throw new AppError('CONFLICT', 'errors.resultConflicts', {
        key: 'errors.resultConflicts',
        params: { count: unresolved.length, caseNos: caseNos.join('、') },
        fieldErrors: unresolved.map((id) => ({
          path: `resolutions.${id}`,
          key: 'errors.resultConflicts',
          params: { count: unresolved.length, caseNos: caseNos.join('、') },
        })),
      });
    }
    const campaign = repos.campaigns.get(read.issued.campaignId)!;
    const hasWork = [...actions.values()].some((a) => a === 'apply');
    if (hasWork && campaign.status !== 'scoring' && campaign.status !== 'review') {
      throw refusal(
        { key: 'errors.campaignState', params: { status: campaign.status } },
        'CONFLICT',
      );
    }
    const threshold = SettingsSchema.parse(JSON.parse(campaign.settings)).threshold;
    const savedBy = repos.people.get(read.issued.personId)?.userId ?? null;
    const baselines = new Map(
      repos.packages.issuedSheets(read.issued.id).map((b) => [b.sheetId, b]),
    );
    const now = app.now().toISOString();
    const applied: string[] = [];
    const kept: string[] = [];
    const submittedNow: string[] = [];
    for (const s of read.sheets) {
      const action = actions.get(s.sheetId)!;
      const baseline = baselines.get(s.sheetId)!;
      const local = repos.scoring.get(s.sheetId)!;
      if (action === 'apply') {
        applySheet(app, local, s, baseline.mergedRemote, templateOf, savedBy);
        applied.push(s.caseNo);
        if (s.status === 'submitted') {
          // A sheet submitted on the evaluator's laptop counts as submitted here: the file's
          // result is settled (final or 复核) by the same code as a local submit.
          repos.packages.removeResult(local.campaignId, local.caseId);
          settleFile(app, local.campaignId, local.caseId, threshold, templateOf);
          submittedNow.push(s.caseNo);
          app.audit(
            user,
            'sheet.submitted',
            { type: 'sheet', id: s.sheetId },
            {
              campaignId: local.campaignId,
              caseId: local.caseId,
              revision: s.revision,
              source: 'package',
              packageId: read.issued.id,
              sequence: read.manifest.sequence,
            },
          );
        } else if (local.status === 'submitted') {
          // Taking an unsubmitted sheet over a submitted one reopens the file, as a return does.
          repos.packages.removeResult(local.campaignId, local.caseId);
        }
      } else if (action === 'keep') kept.push(s.caseNo);
      const cls = sheets.find((x) => x.sheetId === s.sheetId)!.class;
      // The baseline moves on when the package's versions are accounted for: taken, kept by the
      // coordinator's choice, or already here. An older package leaves it where it is.
      if (action !== 'none' || cls === 'same') {
        repos.packages.setIssuedSheet({
          packageId: read.issued.id,
          sheetId: s.sheetId,
          baseSeq: repos.packages.lastVersionSeq(s.sheetId),
          mergedRemote: s.versions.length,
        });
      }
    }
    repos.packages.insertMerge({
      id: read.manifest.resultId,
      packageId: read.issued.id,
      sequence: read.manifest.sequence,
      sha256: read.manifestSha256,
      exportedAt: read.manifest.exportedAt,
      partial: read.manifest.partial ? 1 : 0,
      applied: applied.length,
      keptLocal: kept.length,
      mergedBy: user.id,
      mergedAt: now,
    });
    repos.packages.setMerged(read.issued.id, read.manifest.sequence, read.manifestSha256, now);
    app.audit(
      user,
      'package.merged',
      { type: 'package', id: read.issued.id },
      {
        campaignId: read.issued.campaignId,
        personId: read.issued.personId,
        resultId: read.manifest.resultId,
        sequence: read.manifest.sequence,
        exportedAt: read.manifest.exportedAt,
        partial: read.manifest.partial,
        manifestSha256: read.manifestSha256,
        applied,
        keptLocal: kept,
        submitted: submittedNow,
        resolutions: Object.fromEntries(
          [...resolutions].filter(([id]) =>
            sheets.some((x) => x.sheetId === id && x.class === 'conflict'),
          ),
        ),
      },
    );
    return {
      ...preview(
        read,
        false,
        compare(app, read, templateOf).map((after, i) => ({ ...after, class: sheets[i]!.class })),
      ),
      merged: true,
      applied: applied.length,
      keptLocal: kept.length,
      submittedNow: submittedNow.length,
    };
  });
}

/** The package's new versions appended to the sheet's history, and the sheet put in its state. */
function applySheet(
  app: AppContext,
  local: SheetRow,
  s: ResultSheet,
  mergedRemote: number,
  templateOf: (id: string) => TemplateContent,
  savedBy: string | null,
) {
  const { repos } = app;
  const t = templateOf(local.templateVersionId);
  const columnsOf = (content: string) =>
    scoreColumns(scoreOf(t, SheetContentSchema.parse(JSON.parse(content)).findings));
  for (const v of s.versions.slice(mergedRemote)) {
    const c = columnsOf(v.content);
    repos.scoring.addVersion({
      sheetId: local.id,
      revision: v.revision,
      status: v.status,
      content: v.content,
      total: c.total,
      grade: c.grade,
      savedBy,
      now: v.savedAt,
    });
  }
  repos.packages.applySheet({
    id: local.id,
    // Revisions only grow: a late autosave of an older revision stays refused.
    revision: Math.max(local.revision, s.revision),
    status: s.status,
    content: s.content,
    ...columnsOf(s.content),
    savedAt: s.savedAt,
    submittedAt: s.status === 'submitted' ? s.submittedAt : null,
    returnedReason: s.status === 'returned' ? local.returnedReason : null,
  });
}
