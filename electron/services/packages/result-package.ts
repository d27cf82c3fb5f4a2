// Result packages (评查结果包, issue 8 item 4): on the evaluator's workspace, the evaluator's
// sheets of one campaign with every version saved since the task package was imported, tied to
// that package's id, numbered (1, 2, 3 … per package) and authenticated with HMAC-SHA256 under the
// package's secret. Exportable at any time; marked partial until every sheet is submitted. On the
// coordinator's workspace, readResultPackage checks one before a merge.
import { DEFAULT_LOCALE, type SessionUser } from '../../../core/accounts/schemas';
import { AppError } from '../../../core/api/errors';
import { translate } from '../../../core/i18n';
import { canonicalBytes } from '../../../core/packages/canonical';
import { isPartial } from '../../../core/packages/rules';
import {
  ENTRY_HMAC,
  ENTRY_SHEETS,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  ResultManifestSchema,
  ResultSheetsSchema,
  type ResultManifest,
  type ResultSheet,
} from '../../../core/packages/schemas';
import type { IssuedRow } from '../../../db';
import type { AppContext } from '../context';
import { sha256 } from '../files/blob-store';
import type { ZipReader } from '../import/zip';
import { safeFileName } from '../results/format';
import { SETTING_WORKSPACE_ID } from '../settings-keys';
import {
  checkArchive,
  entryOf,
  expectKind,
  jsonEntry,
  openPackage,
  packArchive,
  parseEntry,
  parseManifest,
  readAuthenticator,
  refusal,
} from './archive';
import { hmacHex, sameDigest } from './identity';
import { expiredProblem } from './task-package';

export interface ExportedResult {
  fileName: string;
  bytes: Uint8Array;
  packageId: string;
  sequence: number;
  exportedAt: string;
  partial: boolean;
  assigned: number;
  submitted: number;
}

export function exportResultPackage(
  app: AppContext,
  campaignId: string,
  user: SessionUser,
): ExportedResult {
  const { repos } = app;
  const collected = app.tx(() => {
    const person = repos.people.findByUser(user.id);
    const received = person
      ? repos.packages.receivedOfCampaign(campaignId).find((r) => r.personId === person.id)
      : undefined;
    if (!person || !received) throw refusal({ key: 'errors.packageNotImported' }, 'NOT_FOUND');
    const campaign = repos.campaigns.get(campaignId)!;
    const sheets: ResultSheet[] = [];
    for (const base of repos.packages.receivedSheets(received.id)) {
      const s = repos.scoring.get(base.sheetId);
      if (!s) continue;
      const kase = repos.cases.get(s.caseId);
      sheets.push({
        sheetId: s.id,
        caseId: s.caseId,
        caseNo: kase?.caseNo ?? s.caseId,
        status: s.status as ResultSheet['status'],
        revision: s.revision,
        content: s.content,
        savedAt: s.savedAt,
        submittedAt: s.submittedAt,
        versions: repos.packages.versionsAfter(s.id, base.baseSeq).map((v) => ({
          revision: v.revision,
          status: v.status as ResultSheet['status'],
          content: v.content,
          savedAt: v.savedAt,
        })),
      });
    }
    sheets.sort((a, b) => (a.caseNo < b.caseNo ? -1 : a.caseNo > b.caseNo ? 1 : 0));
    const exportedAt = app.now().toISOString();
    const sequence = repos.packages.bumpExport(received.id, exportedAt);
    const submitted = sheets.filter((s) => s.status === 'submitted').length;
    const partial = isPartial(sheets.map((s) => s.status));
    app.audit(
      user,
      'package.resultExported',
      { type: 'package', id: received.id },
      { campaignId, sequence, partial, sheets: sheets.length, submitted },
    );
    return { person, received, campaign, sheets, exportedAt, sequence, submitted, partial };
  });
  const { person, received, campaign, sheets, exportedAt, sequence, submitted, partial } =
    collected;
  const entry = jsonEntry(ENTRY_SHEETS, sheets);
  const manifest: ResultManifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    kind: 'result',
    resultId: app.newId(),
    packageId: received.id,
    sequence,
    exportedAt,
    coordinatorWorkspaceId: received.coordinatorId,
    evaluatorWorkspaceId: repos.settings.get(SETTING_WORKSPACE_ID) ?? '',
    campaign: { id: campaign.id, name: campaign.name, year: campaign.year },
    evaluator: { personId: person.id, name: person.name, departmentName: person.departmentName },
    partial,
    assigned: sheets.length,
    submitted,
    entries: [entryOf(entry)],
  };
  const manifestBytes = canonicalBytes(manifest);
  const hmac = hmacHex(received.secret, manifestBytes);
  const bytes = packArchive(
    manifestBytes,
    { name: ENTRY_HMAC, data: new TextEncoder().encode(hmac) },
    [entry],
  );
  const locale = user.locale ?? DEFAULT_LOCALE;
  return {
    fileName: `${safeFileName(
      translate(locale, 'packages.fileName.result', {
        campaign: campaign.name,
        name: person.name,
        sequence,
      }),
    )}.zip`,
    bytes,
    packageId: received.id,
    sequence,
    exportedAt,
    partial,
    assigned: sheets.length,
    submitted,
  };
}

export interface ReadResultPackage {
  manifest: ResultManifest;
  manifestSha256: string;
  issued: IssuedRow;
  sheets: ResultSheet[];
  zip: ZipReader;
}

/**
 * A result package checked against the task package it answers: issued here, HMAC under that
 * package's secret, every entry's digest, the same campaign and evaluator, still valid, and
 * every sheet one of that package's sheets (of the same file and evaluator, still assigned).
 */
export function readResultPackage(app: AppContext, bytes: Uint8Array): ReadResultPackage {
  const { repos } = app;
  const opened = openPackage(bytes);
  expectKind(opened, 'result');
  const manifest = parseManifest(opened, ResultManifestSchema);
  const issued = repos.packages.issued(manifest.packageId);
  const ownId = repos.settings.get(SETTING_WORKSPACE_ID);
  if (!issued || manifest.coordinatorWorkspaceId !== ownId) {
    throw refusal(
      { key: 'errors.resultUnknownPackage', params: { packageId: manifest.packageId } },
      'CONFLICT',
    );
  }
  const { zip } = opened;
  const mac = readAuthenticator(zip, ENTRY_HMAC);
  if (!sameDigest(mac, hmacHex(issued.secret, opened.manifestBytes))) {
    throw refusal({ key: 'errors.resultHmac' });
  }
  checkArchive(zip, manifest.entries, [ENTRY_HMAC]);
  const sheets = parseEntry(zip, ENTRY_SHEETS, ResultSheetsSchema);
  if (manifest.campaign.id !== issued.campaignId) {
    throw refusal(
      { key: 'errors.resultForeignCampaign', params: { campaign: manifest.campaign.name } },
      'CONFLICT',
    );
  }
  if (manifest.evaluator.personId !== issued.personId) {
    throw refusal(
      { key: 'errors.resultWrongEvaluator', params: { name: issued.personName } },
      'CONFLICT',
    );
  }
  const expired = expiredProblem(issued.validUntil, app.now());
  if (expired) throw refusal(expired, 'CONFLICT');
  const baselines = new Map(repos.packages.issuedSheets(issued.id).map((b) => [b.sheetId, b]));
  const assigned = new Set(
    repos.packages.assignmentsOf(issued.campaignId, issued.personId).map((a) => a.caseId),
  );
  const seen = new Set<string>();
  for (const s of sheets) {
    const local = repos.scoring.get(s.sheetId);
    const ok =
      !seen.has(s.sheetId) &&
      baselines.get(s.sheetId)?.caseId === s.caseId &&
      local !== undefined &&
      local.kind === 'evaluator' &&
      local.personId === issued.personId &&
      local.campaignId === issued.campaignId &&
      local.caseId === s.caseId &&
      assigned.has(s.caseId);
    if (!ok) {
      throw refusal({ key: 'errors.resultSheetUnknown', params: { caseNo: s.caseNo } }, 'CONFLICT');
    }
    seen.add(s.sheetId);
  }
  if (sheets.length === 0 && baselines.size > 0) {
    throw new AppError('BAD_INPUT', 'errors.packageDataInvalid', {
      key: 'errors.packageDataInvalid',
      params: { entry: ENTRY_SHEETS },
    });
  }
  return { manifest, manifestSha256: sha256(opened.manifestBytes), issued, sheets, zip };
}
