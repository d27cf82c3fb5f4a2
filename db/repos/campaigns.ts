// Campaigns, their drawn files and evaluators, declared conflicts and assignments.
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../types';

export interface CampaignRow {
  id: string;
  name: string;
  year: number;
  organiser: string;
  status: string;
  scope: string;
  settings: string;
  filePlan: string | null;
  evaluatorPlan: string | null;
  seedCommitment: string | null;
  drawRecord: string | null;
  drawPopulations: string | null;
  drawnBy: string | null;
  drawnAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  files: number;
  evaluators: number;
  assignments: number;
}

const COLUMNS = `c.id, c.name, c.year, c.organiser, c.status, c.scope, c.settings, c.file_plan AS filePlan,
  c.evaluator_plan AS evaluatorPlan, c.seed_commitment AS seedCommitment, c.draw_record AS drawRecord,
  c.draw_populations AS drawPopulations, u.display_name AS drawnBy, c.drawn_at AS drawnAt, c.created_by AS createdBy,
  c.created_at AS createdAt, c.updated_at AS updatedAt,
  (SELECT count(*) FROM campaign_files f WHERE f.campaign_id = c.id) AS files,
  (SELECT count(*) FROM campaign_evaluators e WHERE e.campaign_id = c.id) AS evaluators,
  (SELECT count(*) FROM assignments a WHERE a.campaign_id = c.id) AS assignments
  FROM campaigns c LEFT JOIN users u ON u.id = c.drawn_by`;

export interface PopulationRow {
  id: string;
  caseNo: string;
  caseType: string;
  departmentId: string;
  departmentName: string;
  handlers: string | null;
}

export interface ScopeQuery {
  caseTypes: readonly string[];
  procedures: readonly string[];
  closedOnly: boolean;
  closedFrom: string | null;
  closedTo: string | null;
  departmentIds: readonly string[];
}

export type CampaignsRepo = ReturnType<typeof campaignsRepo>;

export function campaignsRepo(db: Db) {
  const list = db.prepare<[], CampaignRow>(
    `SELECT ${COLUMNS} ORDER BY c.year DESC, c.created_at DESC`,
  );
  const get = db.prepare<[string], CampaignRow>(`SELECT ${COLUMNS} WHERE c.id = ?`);
  const insert = db.prepare(`
    INSERT INTO campaigns (id, name, year, organiser, status, scope, settings, created_by, created_at, updated_at)
    VALUES (@id, @name, @year, @organiser, 'draft', @scope, @settings, @createdBy, @now, @now)`);
  const update = db.prepare(`
    UPDATE campaigns SET name = @name, year = @year, organiser = @organiser, scope = @scope, settings = @settings,
      updated_at = @now WHERE id = @id`);
  const setStatus = db.prepare<[string, string, string]>(
    'UPDATE campaigns SET status = ?, updated_at = ? WHERE id = ?',
  );
  const setDraw = db.prepare(`
    UPDATE campaigns SET file_plan = @filePlan, seed_commitment = @seedCommitment, draw_record = @drawRecord,
      draw_populations = @drawPopulations, drawn_by = @drawnBy, drawn_at = @drawnAt, updated_at = @drawnAt
    WHERE id = @id`);
  const setEvaluatorPlan = db.prepare<[string, string, string, string, string]>(
    'UPDATE campaigns SET evaluator_plan = ?, draw_record = ?, draw_populations = ?, updated_at = ? WHERE id = ?',
  );
  const remove = db.prepare<[string]>('DELETE FROM campaigns WHERE id = ?');
  const clearDraw = db.prepare<[string, string]>(`
    UPDATE campaigns SET file_plan = NULL, evaluator_plan = NULL, seed_commitment = NULL, draw_record = NULL,
      draw_populations = NULL, drawn_by = NULL, drawn_at = NULL, updated_at = ? WHERE id = ?`);
  const clearFiles = db.prepare<[string]>('DELETE FROM campaign_files WHERE campaign_id = ?');
  const addFile = db.prepare(`
    INSERT INTO campaign_files (campaign_id, case_id, position, stream, counter, must_include_reason)
    VALUES (@campaignId, @caseId, @position, @stream, @counter, @mustIncludeReason)`);
  const clearEvaluators = db.prepare<[string]>(
    'DELETE FROM campaign_evaluators WHERE campaign_id = ?',
  );
  const addEvaluator = db.prepare(`
    INSERT INTO campaign_evaluators (campaign_id, person_id, position, counter, must_include_reason)
    VALUES (@campaignId, @personId, @position, @counter, @mustIncludeReason)`);
  const files = db.prepare<[string], Record<string, unknown>>(`
    SELECT f.case_id AS caseId, k.case_no AS caseNo, k.case_type AS caseType, k.department_id AS departmentId,
      d.name AS departmentName, k.party_name AS partyName, k.cause, k.handlers, f.stream, f.counter,
      f.must_include_reason AS mustIncludeReason
    FROM campaign_files f JOIN cases k ON k.id = f.case_id JOIN departments d ON d.id = k.department_id
    WHERE f.campaign_id = ? ORDER BY f.position`);
  const evaluators = db.prepare<[string], Record<string, unknown>>(`
    SELECT e.person_id AS personId, p.name, p.department_id AS departmentId, d.name AS departmentName,
      p.legal_officer AS legalOfficer, u.username, e.counter, e.must_include_reason AS mustIncludeReason
    FROM campaign_evaluators e JOIN people p ON p.id = e.person_id JOIN departments d ON d.id = p.department_id
      LEFT JOIN users u ON u.id = p.user_id
    WHERE e.campaign_id = ? ORDER BY e.position`);
  const drawnElsewhere = db.prepare<[string], { case_id: string }>(
    `SELECT DISTINCT f.case_id FROM campaign_files f JOIN campaigns c ON c.id = f.campaign_id WHERE c.id <> ?`,
  );
  const conflicts = db.prepare<[string], Record<string, unknown>>(`
    SELECT x.id, x.person_id AS personId, p.name AS personName, x.department_id AS departmentId,
      d.name AS departmentName, x.handler_name AS handlerName, x.reason
    FROM campaign_conflicts x JOIN people p ON p.id = x.person_id LEFT JOIN departments d ON d.id = x.department_id
    WHERE x.campaign_id = ? ORDER BY x.created_at`);
  const conflictById = db.prepare<[string], { id: string; campaign_id: string }>(
    'SELECT id, campaign_id FROM campaign_conflicts WHERE id = ?',
  );
  const addConflict = db.prepare(`
    INSERT INTO campaign_conflicts (id, campaign_id, person_id, department_id, handler_name, reason, created_at)
    VALUES (@id, @campaignId, @personId, @departmentId, @handlerName, @reason, @now)`);
  const removeConflict = db.prepare<[string]>('DELETE FROM campaign_conflicts WHERE id = ?');
  const clearAssignments = db.prepare<[string]>('DELETE FROM assignments WHERE campaign_id = ?');
  const addAssignment = db.prepare(`
    INSERT INTO assignments (id, campaign_id, case_id, person_id, created_by, created_at, reason)
    VALUES (@id, @campaignId, @caseId, @personId, @createdBy, @now, @reason)`);
  const assignments = db.prepare<[string], { caseId: string; personId: string }>(
    `SELECT a.case_id AS caseId, a.person_id AS personId FROM assignments a JOIN campaign_files f
       ON f.campaign_id = a.campaign_id AND f.case_id = a.case_id
     WHERE a.campaign_id = ? ORDER BY f.position, a.created_at, a.person_id`,
  );
  const moveAssignment = db.prepare(`
    UPDATE assignments SET person_id = @toPersonId, reason = @reason, created_by = @by, created_at = @now
    WHERE campaign_id = @campaignId AND case_id = @caseId AND person_id = @fromPersonId`);

  const statements = new Map<string, BetterSqlite3.Statement<unknown[]>>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare<unknown[]>(sql)));
    return s;
  };

  return {
    list: () => list.all(),
    get: (id: string) => get.get(id) ?? null,
    insert: (c: {
      id: string;
      name: string;
      year: number;
      organiser: string;
      scope: string;
      settings: string;
      createdBy: string;
      now: string;
    }) => void insert.run(c),
    update: (c: {
      id: string;
      name: string;
      year: number;
      organiser: string;
      scope: string;
      settings: string;
      now: string;
    }) => void update.run(c),
    setStatus: (id: string, status: string, now: string) => void setStatus.run(status, now, id),
    setDraw: (d: {
      id: string;
      filePlan: string;
      seedCommitment: string;
      drawRecord: string;
      drawPopulations: string;
      drawnBy: string;
      drawnAt: string;
    }) => void setDraw.run(d),
    setEvaluatorPlan: (
      id: string,
      plan: string,
      record: string,
      populations: string,
      now: string,
    ) => void setEvaluatorPlan.run(plan, record, populations, now, id),
    remove: (id: string) => void remove.run(id),
    /** Back to 草稿: the draw is dropped (it stays in the audit log). */
    clearDraw: (id: string, now: string) => void clearDraw.run(now, id),
    replaceFiles(
      campaignId: string,
      rows: {
        caseId: string;
        stream: string | null;
        counter: number | null;
        mustIncludeReason: string | null;
      }[],
    ) {
      clearFiles.run(campaignId);
      rows.forEach((r, position) => addFile.run({ campaignId, position, ...r }));
    },
    replaceEvaluators(
      campaignId: string,
      rows: { personId: string; counter: number | null; mustIncludeReason: string | null }[],
    ) {
      clearEvaluators.run(campaignId);
      rows.forEach((r, position) => addEvaluator.run({ campaignId, position, ...r }));
    },
    files: (id: string) => files.all(id),
    evaluators: (id: string) => evaluators.all(id),
    drawnElsewhere: (campaignId: string) =>
      new Set(drawnElsewhere.all(campaignId).map((r) => r.case_id)),
    /** The registry files a scope covers, with what the draw and the assignment need. */
    population(scope: ScopeQuery): PopulationRow[] {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const inList = (col: string, values: readonly string[]) => {
        if (!values.length) return;
        where.push(`${col} IN (${values.map(() => '?').join(',')})`);
        params.push(...values);
      };
      inList('c.case_type', scope.caseTypes);
      if (scope.procedures.length) {
        // Files without a recorded procedure (most permits and coercion files) are not left out.
        where.push(
          `(c.procedure IS NULL OR c.procedure IN (${scope.procedures.map(() => '?').join(',')}))`,
        );
        params.push(...scope.procedures);
      }
      inList('c.department_id', scope.departmentIds);
      if (scope.closedOnly) where.push("c.status = 'closed'");
      if (scope.closedFrom) {
        where.push('c.closed_on >= ?');
        params.push(scope.closedFrom);
      }
      if (scope.closedTo) {
        where.push('c.closed_on <= ?');
        params.push(scope.closedTo);
      }
      return prepared(`
        SELECT c.id, c.case_no AS caseNo, c.case_type AS caseType, c.department_id AS departmentId,
          d.name AS departmentName, c.handlers
        FROM cases c JOIN departments d ON d.id = c.department_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).all(...params) as PopulationRow[];
    },
    conflicts: (id: string) => conflicts.all(id),
    conflict: (id: string) => conflictById.get(id) ?? null,
    addConflict: (c: {
      id: string;
      campaignId: string;
      personId: string;
      departmentId: string | null;
      handlerName: string | null;
      reason: string;
      now: string;
    }) => void addConflict.run(c),
    removeConflict: (id: string) => void removeConflict.run(id),
    replaceAssignments(
      campaignId: string,
      rows: { id: string; caseId: string; personId: string }[],
      createdBy: string,
      now: string,
    ) {
      clearAssignments.run(campaignId);
      for (const r of rows) addAssignment.run({ ...r, campaignId, createdBy, now, reason: null });
    },
    assignments: (id: string) => assignments.all(id),
    moveAssignment: (m: {
      campaignId: string;
      caseId: string;
      fromPersonId: string;
      toPersonId: string;
      reason: string;
      by: string;
      now: string;
    }) => moveAssignment.run(m).changes === 1,
  };
}
