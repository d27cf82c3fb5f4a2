// Evaluation sheets, their versions and joint signatures, and each file's result (issue 6).
import type { Db } from '../types';

export interface SheetRow {
  id: string;
  campaignId: string;
  caseId: string;
  kind: string;
  personId: string | null;
  evaluatorName: string | null;
  templateVersionId: string;
  status: string;
  revision: number;
  content: string;
  total: number | null;
  bandIndex: number | null;
  grade: string | null;
  veto: number | null;
  authorId: string | null;
  savedAt: string | null;
  submittedAt: string | null;
  returnedReason: string | null;
  createdAt: string;
}

export interface SheetScoreWrite {
  total: number | null;
  bandIndex: number | null;
  grade: string | null;
  veto: number | null;
}

export interface ResultRow {
  campaignId: string;
  caseId: string;
  state: string;
  flags: string;
  info: string;
  total: number | null;
  bandIndex: number | null;
  grade: string | null;
  decision: string | null;
  keptSheetId: string | null;
  arbiter: string | null;
  reason: string | null;
  decidedAt: string | null;
}

/** A task of one person: their own sheet, or the joint sheet of a file assigned to them. */
export interface TaskRow {
  campaignId: string;
  sheetId: string;
  caseId: string;
  caseNo: string;
  caseType: string;
  partyName: string | null;
  cause: string | null;
  departmentName: string;
  status: string;
  revision: number;
  total: number | null;
  bandIndex: number | null;
  grade: string | null;
  veto: number | null;
  returnedReason: string | null;
  savedAt: string | null;
}

const SHEET_COLUMNS = `s.id, s.campaign_id AS campaignId, s.case_id AS caseId, s.kind, s.person_id AS personId,
  p.name AS evaluatorName, s.template_version_id AS templateVersionId, s.status, s.revision, s.content, s.total,
  s.band_index AS bandIndex, s.grade, s.veto, s.author_id AS authorId, s.saved_at AS savedAt,
  s.submitted_at AS submittedAt, s.returned_reason AS returnedReason, s.created_at AS createdAt
  FROM sheets s LEFT JOIN people p ON p.id = s.person_id`;

const RESULT_COLUMNS = `r.campaign_id AS campaignId, r.case_id AS caseId, r.state, r.flags, r.info, r.total,
  r.band_index AS bandIndex, r.grade, r.decision, r.kept_sheet_id AS keptSheetId, u.display_name AS arbiter,
  r.reason, r.decided_at AS decidedAt
  FROM file_results r LEFT JOIN users u ON u.id = r.arbiter_id`;

export type ScoringRepo = ReturnType<typeof scoringRepo>;

export function scoringRepo(db: Db) {
  const byId = db.prepare<[string], SheetRow>(`SELECT ${SHEET_COLUMNS} WHERE s.id = ?`);
  const ofFile = db.prepare<[string, string], SheetRow>(
    `SELECT ${SHEET_COLUMNS} WHERE s.campaign_id = ? AND s.case_id = ? ORDER BY s.created_at, p.name, s.id`,
  );
  const ofCampaign = db.prepare<[string], SheetRow>(
    `SELECT ${SHEET_COLUMNS} WHERE s.campaign_id = ? ORDER BY s.created_at, s.id`,
  );
  const insert = db.prepare(`
    INSERT INTO sheets (id, campaign_id, case_id, kind, person_id, template_version_id, status, revision, content,
      total, band_index, grade, veto, author_id, saved_at, submitted_at, created_at)
    VALUES (@id, @campaignId, @caseId, @kind, @personId, @templateVersionId, @status, @revision, @content,
      @total, @bandIndex, @grade, @veto, @authorId, @savedAt, @submittedAt, @now)`);
  // Ordered saves: only a newer revision of a sheet that is still open (or returned) is stored.
  const save = db.prepare(`
    UPDATE sheets SET revision = @revision, content = @content, total = @total, band_index = @bandIndex,
      grade = @grade, veto = @veto, saved_at = @now
    WHERE id = @id AND revision < @revision AND status <> 'submitted'`);
  const setStatus = db.prepare(`
    UPDATE sheets SET status = @status, submitted_at = @submittedAt, returned_reason = @returnedReason WHERE id = @id`);
  const addVersion = db.prepare(`
    INSERT INTO sheet_versions (sheet_id, seq, revision, status, content, total, grade, saved_by, saved_at)
    VALUES (@sheetId, (SELECT coalesce(max(seq), 0) + 1 FROM sheet_versions WHERE sheet_id = @sheetId), @revision,
      @status, @content, @total, @grade, @savedBy, @now)`);
  const versions = db.prepare<
    [string],
    {
      revision: number;
      status: string;
      content: string;
      total: number | null;
      grade: string | null;
      savedBy: string | null;
      savedAt: string;
    }
  >(`SELECT v.revision, v.status, v.content, v.total, v.grade, u.display_name AS savedBy, v.saved_at AS savedAt
     FROM sheet_versions v LEFT JOIN users u ON u.id = v.saved_by WHERE v.sheet_id = ? ORDER BY v.seq`);
  const tasksOf = db.prepare<[string, string], TaskRow>(`
    SELECT s.campaign_id AS campaignId, s.id AS sheetId, s.case_id AS caseId, k.case_no AS caseNo,
      k.case_type AS caseType, k.party_name AS partyName, k.cause, d.name AS departmentName, s.status, s.revision,
      s.total, s.band_index AS bandIndex, s.grade, s.veto, s.returned_reason AS returnedReason, s.saved_at AS savedAt
    FROM sheets s JOIN cases k ON k.id = s.case_id JOIN departments d ON d.id = k.department_id
      JOIN campaign_files f ON f.campaign_id = s.campaign_id AND f.case_id = s.case_id
    WHERE (s.kind = 'evaluator' AND s.person_id = ?)
       OR (s.kind = 'joint' AND EXISTS (SELECT 1 FROM assignments a
             WHERE a.campaign_id = s.campaign_id AND a.case_id = s.case_id AND a.person_id = ?))
    ORDER BY s.campaign_id, f.position`);
  const signatures = db.prepare<
    [{ sheetId: string }],
    { personId: string; name: string; revision: number | null; signedAt: string | null }
  >(`SELECT a.person_id AS personId, p.name, g.revision, g.signed_at AS signedAt
     FROM assignments a JOIN people p ON p.id = a.person_id
       LEFT JOIN sheet_signatures g ON g.sheet_id = @sheetId AND g.person_id = a.person_id
     WHERE a.campaign_id = (SELECT campaign_id FROM sheets WHERE id = @sheetId)
       AND a.case_id = (SELECT case_id FROM sheets WHERE id = @sheetId)
     ORDER BY p.name, a.person_id`);
  const sign = db.prepare(`
    INSERT INTO sheet_signatures (sheet_id, person_id, revision, signed_at) VALUES (@sheetId, @personId, @revision, @now)
    ON CONFLICT (sheet_id, person_id) DO UPDATE SET revision = excluded.revision, signed_at = excluded.signed_at`);
  const clearSignatures = db.prepare<[string]>('DELETE FROM sheet_signatures WHERE sheet_id = ?');
  const result = db.prepare<[string, string], ResultRow>(
    `SELECT ${RESULT_COLUMNS} WHERE r.campaign_id = ? AND r.case_id = ?`,
  );
  const results = db.prepare<[string], ResultRow>(
    `SELECT ${RESULT_COLUMNS} WHERE r.campaign_id = ?`,
  );
  const putResult = db.prepare(`
    INSERT INTO file_results (campaign_id, case_id, state, flags, info, total, band_index, grade, decision,
      kept_sheet_id, arbiter_id, reason, decided_at)
    VALUES (@campaignId, @caseId, @state, @flags, @info, @total, @bandIndex, @grade, @decision, @keptSheetId,
      @arbiterId, @reason, @decidedAt)
    ON CONFLICT (campaign_id, case_id) DO UPDATE SET state = excluded.state, flags = excluded.flags,
      info = excluded.info, total = excluded.total, band_index = excluded.band_index, grade = excluded.grade,
      decision = excluded.decision, kept_sheet_id = excluded.kept_sheet_id, arbiter_id = excluded.arbiter_id,
      reason = excluded.reason, decided_at = excluded.decided_at`);
  const removeResult = db.prepare<[string, string]>(
    'DELETE FROM file_results WHERE campaign_id = ? AND case_id = ?',
  );
  const removeArbiterSheets = db.prepare<[string, string]>(
    `DELETE FROM sheets WHERE campaign_id = ? AND case_id = ? AND kind IN ('reconciled', 'arbiter')`,
  );
  const countOfCampaign = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM sheets WHERE campaign_id = ?',
  );

  return {
    get: (id: string) => byId.get(id),
    ofFile: (campaignId: string, caseId: string) => ofFile.all(campaignId, caseId),
    ofCampaign: (campaignId: string) => ofCampaign.all(campaignId),
    countOfCampaign: (campaignId: string) => countOfCampaign.get(campaignId)!.n,
    insert: (
      s: {
        id: string;
        campaignId: string;
        caseId: string;
        kind: string;
        personId: string | null;
        templateVersionId: string;
        status: string;
        revision: number;
        content: string;
        authorId: string | null;
        savedAt: string | null;
        submittedAt: string | null;
        now: string;
      } & SheetScoreWrite,
    ) => void insert.run(s),
    /** Stores a newer revision; false when the sheet already has this revision or a newer one. */
    save: (s: { id: string; revision: number; content: string; now: string } & SheetScoreWrite) =>
      save.run(s).changes === 1,
    setStatus: (s: {
      id: string;
      status: string;
      submittedAt: string | null;
      returnedReason: string | null;
    }) => void setStatus.run(s),
    addVersion: (v: {
      sheetId: string;
      revision: number;
      status: string;
      content: string;
      total: number | null;
      grade: string | null;
      savedBy: string | null;
      now: string;
    }) => void addVersion.run(v),
    versions: (sheetId: string) => versions.all(sheetId),
    tasksOf: (personId: string) => tasksOf.all(personId, personId),
    signatures: (sheetId: string) => signatures.all({ sheetId }),
    sign: (s: { sheetId: string; personId: string; revision: number; now: string }) =>
      void sign.run(s),
    clearSignatures: (sheetId: string) => void clearSignatures.run(sheetId),
    result: (campaignId: string, caseId: string) => result.get(campaignId, caseId),
    results: (campaignId: string) => results.all(campaignId),
    putResult: (r: {
      campaignId: string;
      caseId: string;
      state: string;
      flags: string;
      info: string;
      total: number | null;
      bandIndex: number | null;
      grade: string | null;
      decision: string | null;
      keptSheetId: string | null;
      arbiterId: string | null;
      reason: string | null;
      decidedAt: string | null;
    }) => void putResult.run(r),
    removeResult: (campaignId: string, caseId: string) => void removeResult.run(campaignId, caseId),
    removeArbiterSheets: (campaignId: string, caseId: string) =>
      void removeArbiterSheets.run(campaignId, caseId),
  };
}
