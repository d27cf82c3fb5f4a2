// Offline packages (issue 8): the workspace identity, task packages issued (coordinator) and
// received (evaluator), result merges, and the few writes an import needs that the other
// repositories do not offer (rows placed with the ids they carry from the coordinator).
import type { Db } from '../types';

export interface IdentityRow {
  workspaceId: string;
  publicKey: string;
  privateKey: string;
  createdAt: string;
}

export interface IssuedRow {
  id: string;
  campaignId: string;
  personId: string;
  personName: string;
  secret: string;
  manifestSha256: string;
  issuedBy: string | null;
  issuedAt: string;
  validUntil: string;
  supersededBy: string | null;
  supersededAt: string | null;
  mergedSequence: number;
  mergedSha256: string | null;
  mergedAt: string | null;
}

export interface IssuedSheetRow {
  packageId: string;
  sheetId: string;
  caseId: string;
  baseSeq: number;
  mergedRemote: number;
}

export interface ReceivedRow {
  id: string;
  campaignId: string;
  personId: string;
  coordinatorId: string;
  coordinatorOrg: string;
  coordinatorKey: string;
  secret: string;
  manifest: string;
  signature: string;
  issuedAt: string;
  validUntil: string;
  importedBy: string | null;
  importedAt: string;
  exportSequence: number;
  lastExportedAt: string | null;
}

export interface VersionRow {
  seq: number;
  revision: number;
  status: string;
  content: string;
  total: number | null;
  grade: string | null;
  savedAt: string;
}

export interface MergeRow {
  id: string;
  packageId: string;
  sequence: number;
  sha256: string;
  exportedAt: string;
  partial: number;
  applied: number;
  keptLocal: number;
  mergedBy: string | null;
  mergedAt: string;
}

const ISSUED = `SELECT i.id, i.campaign_id AS campaignId, i.person_id AS personId, p.name AS personName,
  i.secret, i.manifest_sha256 AS manifestSha256, i.issued_by AS issuedBy, i.issued_at AS issuedAt,
  i.valid_until AS validUntil, i.superseded_by AS supersededBy, i.superseded_at AS supersededAt,
  i.merged_sequence AS mergedSequence, i.merged_sha256 AS mergedSha256, i.merged_at AS mergedAt
  FROM issued_packages i JOIN people p ON p.id = i.person_id`;

const RECEIVED = `SELECT id, campaign_id AS campaignId, person_id AS personId, coordinator_id AS coordinatorId,
  coordinator_org AS coordinatorOrg, coordinator_key AS coordinatorKey, secret, manifest, signature,
  issued_at AS issuedAt, valid_until AS validUntil, imported_by AS importedBy, imported_at AS importedAt,
  export_sequence AS exportSequence, last_exported_at AS lastExportedAt FROM received_packages`;

export type PackagesRepo = ReturnType<typeof packagesRepo>;

export function packagesRepo(db: Db) {
  const identity = db.prepare<[], IdentityRow>(
    `SELECT workspace_id AS workspaceId, public_key AS publicKey, private_key AS privateKey,
       created_at AS createdAt FROM workspace_identity`,
  );

  // Coordinator side.
  const openIssued = db.prepare(`
    SELECT count(*) FROM issued_packages i JOIN campaigns c ON c.id = i.campaign_id
    WHERE i.superseded_by IS NULL AND c.status <> 'done'`);
  const insertIssued = db.prepare(`
    INSERT INTO issued_packages (id, campaign_id, person_id, secret, manifest_sha256, issued_by, issued_at, valid_until)
    VALUES (@id, @campaignId, @personId, @secret, @manifestSha256, @issuedBy, @issuedAt, @validUntil)`);
  const supersede = db.prepare<{ campaignId: string; personId: string; by: string; at: string }>(`
    UPDATE issued_packages SET superseded_by = @by, superseded_at = @at
    WHERE campaign_id = @campaignId AND person_id = @personId AND superseded_by IS NULL AND id <> @by`);
  const issued = db.prepare<[string], IssuedRow>(`${ISSUED} WHERE i.id = ?`);
  const issuedOfCampaign = db.prepare<[string], IssuedRow>(
    `${ISSUED} WHERE i.campaign_id = ? ORDER BY p.name, i.issued_at DESC, i.rowid DESC`,
  );
  const addIssuedSheet = db.prepare(`
    INSERT INTO issued_package_sheets (package_id, sheet_id, case_id, base_seq, merged_remote)
    VALUES (@packageId, @sheetId, @caseId, @baseSeq, 0)`);
  const issuedSheets = db.prepare<[string], IssuedSheetRow>(`
    SELECT package_id AS packageId, sheet_id AS sheetId, case_id AS caseId, base_seq AS baseSeq,
      merged_remote AS mergedRemote
    FROM issued_package_sheets WHERE package_id = ?`);
  const setIssuedSheet = db.prepare(`
    UPDATE issued_package_sheets SET base_seq = @baseSeq, merged_remote = @mergedRemote
    WHERE package_id = @packageId AND sheet_id = @sheetId`);
  const setMerged = db.prepare(`
    UPDATE issued_packages SET merged_sequence = @sequence, merged_sha256 = @sha256, merged_at = @at
    WHERE id = @id`);
  const insertMerge = db.prepare(`
    INSERT INTO result_merges (id, package_id, sequence, sha256, exported_at, partial, applied, kept_local,
      merged_by, merged_at)
    VALUES (@id, @packageId, @sequence, @sha256, @exportedAt, @partial, @applied, @keptLocal, @mergedBy, @mergedAt)`);
  const mergeBySequence = db.prepare<[string, number], MergeRow>(`
    SELECT id, package_id AS packageId, sequence, sha256, exported_at AS exportedAt, partial, applied,
      kept_local AS keptLocal, merged_by AS mergedBy, merged_at AS mergedAt
    FROM result_merges WHERE package_id = ? AND sequence = ?`);
  const lastSeq = db.prepare<[string], { n: number }>(
    'SELECT coalesce(max(seq), 0) AS n FROM sheet_versions WHERE sheet_id = ?',
  );
  const assignmentsOf = db.prepare<
    [string, string],
    { id: string; caseId: string; position: number }
  >(`SELECT a.id, a.case_id AS caseId, f.position FROM assignments a
       JOIN campaign_files f ON f.campaign_id = a.campaign_id AND f.case_id = a.case_id
     WHERE a.campaign_id = ? AND a.person_id = ? ORDER BY f.position`);
  const versionsAfter = db.prepare<[string, number], VersionRow>(`
    SELECT seq, revision, status, content, total, grade, saved_at AS savedAt
    FROM sheet_versions WHERE sheet_id = ? AND seq > ? ORDER BY seq`);
  const applySheet = db.prepare(`
    UPDATE sheets SET revision = @revision, status = @status, content = @content, total = @total,
      band_index = @bandIndex, grade = @grade, veto = @veto, saved_at = @savedAt, submitted_at = @submittedAt,
      returned_reason = @returnedReason
    WHERE id = @id`);

  // Evaluator side.
  const insertReceived = db.prepare(`
    INSERT INTO received_packages (id, campaign_id, person_id, coordinator_id, coordinator_org, coordinator_key,
      secret, manifest, signature, issued_at, valid_until, imported_by, imported_at)
    VALUES (@id, @campaignId, @personId, @coordinatorId, @coordinatorOrg, @coordinatorKey, @secret, @manifest,
      @signature, @issuedAt, @validUntil, @importedBy, @importedAt)`);
  const received = db.prepare<[string], ReceivedRow>(`${RECEIVED} WHERE id = ?`);
  const receivedOfCampaign = db.prepare<[string], ReceivedRow>(
    `${RECEIVED} WHERE campaign_id = ? ORDER BY issued_at DESC, rowid DESC`,
  );
  const receivedAll = db.prepare<[], ReceivedRow>(
    `${RECEIVED} ORDER BY issued_at DESC, rowid DESC`,
  );
  const addReceivedSheet = db.prepare(`
    INSERT INTO received_package_sheets (package_id, sheet_id, base_seq) VALUES (@packageId, @sheetId, @baseSeq)
    ON CONFLICT (package_id, sheet_id) DO UPDATE SET base_seq = excluded.base_seq`);
  const receivedSheets = db.prepare<[string], { sheetId: string; baseSeq: number }>(
    'SELECT sheet_id AS sheetId, base_seq AS baseSeq FROM received_package_sheets WHERE package_id = ?',
  );
  const bumpExport = db.prepare<[string, string]>(
    'UPDATE received_packages SET export_sequence = export_sequence + 1, last_exported_at = ? WHERE id = ?',
  );
  const upsertCampaignFile = db.prepare(`
    INSERT INTO campaign_files (campaign_id, case_id, position) VALUES (@campaignId, @caseId, @position)
    ON CONFLICT (campaign_id, case_id) DO UPDATE SET position = excluded.position`);
  const removeCampaignFile = db.prepare<[string, string]>(
    'DELETE FROM campaign_files WHERE campaign_id = ? AND case_id = ?',
  );
  const upsertCampaignEvaluator = db.prepare(`
    INSERT INTO campaign_evaluators (campaign_id, person_id, position) VALUES (@campaignId, @personId, 0)
    ON CONFLICT (campaign_id, person_id) DO NOTHING`);
  const upsertAssignment = db.prepare(`
    INSERT INTO assignments (id, campaign_id, case_id, person_id, created_by, created_at, reason)
    VALUES (@id, @campaignId, @caseId, @personId, NULL, @now, NULL)
    ON CONFLICT (id) DO NOTHING`);
  const assignmentIdsOf = db.prepare<[string, string], { id: string; caseId: string }>(
    'SELECT id, case_id AS caseId FROM assignments WHERE campaign_id = ? AND person_id = ?',
  );
  const removeAssignment = db.prepare<[string]>('DELETE FROM assignments WHERE id = ?');
  const removeSheet = db.prepare<[string]>('DELETE FROM sheets WHERE id = ?');
  const removeResult = db.prepare<[string, string]>(
    'DELETE FROM file_results WHERE campaign_id = ? AND case_id = ?',
  );
  const insertVersion = db.prepare(`
    INSERT INTO template_versions (id, template_id, version, status, content, content_sha256, based_on, created_by,
      created_at, updated_at, published_by, published_at)
    VALUES (@id, @templateId, @version, 'published', @content, @contentSha256, NULL, NULL, @now, @now, NULL,
      @publishedAt)`);
  const setCampaign = db.prepare(`
    UPDATE campaigns SET name = @name, year = @year, organiser = @organiser, status = @status, scope = @scope,
      settings = @settings, updated_at = @now WHERE id = @id`);

  return {
    identity: (): IdentityRow | null => identity.get() ?? null,
    /** Task packages still current (not superseded) in campaigns not yet done. */
    openIssuedCount: () => openIssued.pluck().get() as number,

    insertIssued: (p: {
      id: string;
      campaignId: string;
      personId: string;
      secret: string;
      manifestSha256: string;
      issuedBy: string | null;
      issuedAt: string;
      validUntil: string;
    }) => void insertIssued.run(p),
    /** Marks the earlier packages of this evaluator and campaign as superseded by `by`. */
    supersede: (campaignId: string, personId: string, by: string, at: string) =>
      supersede.run({ campaignId, personId, by, at }).changes,
    issued: (id: string): IssuedRow | null => issued.get(id) ?? null,
    issuedOfCampaign: (campaignId: string) => issuedOfCampaign.all(campaignId),
    addIssuedSheet: (s: { packageId: string; sheetId: string; caseId: string; baseSeq: number }) =>
      void addIssuedSheet.run(s),
    issuedSheets: (packageId: string) => issuedSheets.all(packageId),
    setIssuedSheet: (s: {
      packageId: string;
      sheetId: string;
      baseSeq: number;
      mergedRemote: number;
    }) => void setIssuedSheet.run(s),
    setMerged: (id: string, sequence: number, sha256: string, at: string) =>
      void setMerged.run({ id, sequence, sha256, at }),
    insertMerge: (m: Omit<MergeRow, never>) => void insertMerge.run(m),
    mergeBySequence: (packageId: string, sequence: number): MergeRow | null =>
      mergeBySequence.get(packageId, sequence) ?? null,
    /** The last version seq of a sheet (0 when it has none). */
    lastVersionSeq: (sheetId: string) => lastSeq.get(sheetId)!.n,
    /** One evaluator's assignments in a campaign, with the assignment ids, in file order. */
    assignmentsOf: (campaignId: string, personId: string) =>
      assignmentsOf.all(campaignId, personId),
    versionsAfter: (sheetId: string, seq: number) => versionsAfter.all(sheetId, seq),
    /** Puts a sheet in the given state (a merged result, or a newer task package). */
    applySheet: (s: {
      id: string;
      revision: number;
      status: string;
      content: string;
      total: number | null;
      bandIndex: number | null;
      grade: string | null;
      veto: number | null;
      savedAt: string | null;
      submittedAt: string | null;
      returnedReason: string | null;
    }) => void applySheet.run(s),

    insertReceived: (r: Omit<ReceivedRow, 'exportSequence' | 'lastExportedAt'>) =>
      void insertReceived.run(r),
    received: (id: string): ReceivedRow | null => received.get(id) ?? null,
    /** Packages received for a campaign, the latest issue first. */
    receivedOfCampaign: (campaignId: string) => receivedOfCampaign.all(campaignId),
    receivedAll: () => receivedAll.all(),
    setReceivedSheet: (s: { packageId: string; sheetId: string; baseSeq: number }) =>
      void addReceivedSheet.run(s),
    receivedSheets: (packageId: string) => receivedSheets.all(packageId),
    /** Numbers the next result export of a received package; returns the new sequence. */
    bumpExport(id: string, at: string): number {
      bumpExport.run(at, id);
      return received.get(id)!.exportSequence;
    },
    upsertCampaignFile: (f: { campaignId: string; caseId: string; position: number }) =>
      void upsertCampaignFile.run(f),
    removeCampaignFile: (campaignId: string, caseId: string) =>
      void removeCampaignFile.run(campaignId, caseId),
    upsertCampaignEvaluator: (campaignId: string, personId: string) =>
      void upsertCampaignEvaluator.run({ campaignId, personId }),
    upsertAssignment: (a: {
      id: string;
      campaignId: string;
      caseId: string;
      personId: string;
      now: string;
    }) => void upsertAssignment.run(a),
    assignmentIdsOf: (campaignId: string, personId: string) =>
      assignmentIdsOf.all(campaignId, personId),
    removeAssignment: (id: string) => void removeAssignment.run(id),
    removeSheet: (id: string) => void removeSheet.run(id),
    removeResult: (campaignId: string, caseId: string) => void removeResult.run(campaignId, caseId),
    /** A published template version placed with the id and number it has on the coordinator's side. */
    insertPublishedVersion: (v: {
      id: string;
      templateId: string;
      version: number;
      content: string;
      contentSha256: string;
      publishedAt: string;
      now: string;
    }) => void insertVersion.run(v),
    setCampaign: (c: {
      id: string;
      name: string;
      year: number;
      organiser: string;
      status: string;
      scope: string;
      settings: string;
      now: string;
    }) => void setCampaign.run(c),
  };
}
