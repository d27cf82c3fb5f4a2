// The case-file registry (案卷库). Lists are filtered, sorted and paginated here in SQL, never in
// the renderer (design §6).
import type { CaseDraft } from '../../core/import/types';
import type { CaseFile, CaseFilter, CaseSort } from '../../core/registry/schemas';
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../types';

/** The stored fields of a case file, as handlers write them: a validated row, placed. */
export type CaseWrite = Omit<CaseDraft, 'departmentName'> & {
  id: string;
  departmentId: string;
  batchId: string | null;
};

/** Fields compared to tell an update from an exact duplicate (everything a catalogue carries). */
export const CASE_CONTENT_FIELDS = [
  'caseNoRaw',
  'filingNo',
  'caseType',
  'procedure',
  'cause',
  'partyName',
  'partyType',
  'partyCode',
  'handlers',
  'handlerCertNos',
  'filedOn',
  'decidedOn',
  'closedOn',
  'penaltyKinds',
  'amountFen',
  'legalBasis',
  'status',
  'pageCount',
  'caseUid',
] as const satisfies readonly (keyof CaseWrite)[];

interface Row {
  seq: number;
  id: string;
  case_no: string;
  case_no_raw: string;
  year: number | null;
  filing_no: string | null;
  case_type: string;
  procedure: 'normal' | 'simple' | null;
  cause: string | null;
  party_name: string | null;
  party_type: string | null;
  party_code: string | null;
  department_id: string;
  department_name: string;
  handlers: string | null;
  handler_cert_nos: string | null;
  filed_on: string | null;
  decided_on: string | null;
  closed_on: string | null;
  penalty_kinds: string | null;
  amount_fen: number | null;
  legal_basis: string | null;
  status: 'closed' | 'open';
  page_count: number | null;
  case_uid: string | null;
  notes: string | null;
  batch_id: string | null;
  attachment_count: number;
  created_at: string;
  updated_at: string;
}

function fromRow(r: Row): CaseFile {
  return {
    id: r.id,
    caseNo: r.case_no,
    caseNoRaw: r.case_no_raw,
    year: r.year,
    filingNo: r.filing_no,
    caseType: r.case_type,
    procedure: r.procedure,
    cause: r.cause,
    partyName: r.party_name,
    partyType: r.party_type,
    partyCode: r.party_code,
    departmentId: r.department_id,
    departmentName: r.department_name,
    handlers: r.handlers,
    handlerCertNos: r.handler_cert_nos,
    filedOn: r.filed_on,
    decidedOn: r.decided_on,
    closedOn: r.closed_on,
    penaltyKinds: r.penalty_kinds,
    amountFen: r.amount_fen,
    legalBasis: r.legal_basis,
    status: r.status,
    pageCount: r.page_count,
    caseUid: r.case_uid,
    notes: r.notes,
    batchId: r.batch_id,
    attachmentCount: r.attachment_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What the registry's free-text box searches: case numbers, party and cause (lower-cased ASCII). */
export function searchText(
  c: Pick<CaseWrite, 'caseNo' | 'caseNoRaw' | 'partyName' | 'cause'>,
): string {
  return [c.caseNo, c.caseNoRaw !== c.caseNo ? c.caseNoRaw : null, c.partyName, c.cause]
    .filter((x) => x)
    .join('\u001f')
    .toLowerCase();
}

const SORT_COLUMNS: Record<CaseSort['key'], string> = {
  caseNo: 'c.case_no',
  caseType: 'c.case_type',
  departmentName: 'd.name',
  partyName: 'c.party_name',
  filedOn: 'c.filed_on',
  decidedOn: 'c.decided_on',
  closedOn: 'c.closed_on',
  amountFen: 'c.amount_fen',
  pageCount: 'c.page_count',
  updatedAt: 'c.updated_at',
};
const DATE_COLUMNS = {
  filedOn: 'c.filed_on',
  decidedOn: 'c.decided_on',
  closedOn: 'c.closed_on',
} as const;

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/**
 * ORDER BY for a page: the seq breaks ties, so that an index on the sort column gives the order
 * directly; empty values sort last in both directions (SQLite puts NULL first when ascending).
 */
function orderBy(sort: CaseSort): string {
  const col = SORT_COLUMNS[sort.key];
  return sort.dir === 'desc' ? `${col} DESC, c.seq DESC` : `${col} IS NULL, ${col} ASC, c.seq ASC`;
}

export function buildWhere(f: CaseFilter): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const inList = (col: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    where.push(`${col} IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  if (f.q) {
    where.push("c.seq IN (SELECT seq FROM case_search WHERE text LIKE ? ESCAPE '\\')");
    params.push(likePattern(f.q));
  }
  inList('c.case_type', f.caseTypes);
  inList('c.procedure', f.procedures);
  inList('c.department_id', f.departmentIds);
  inList('c.status', f.statuses);
  if (f.year !== undefined) {
    where.push('c.year = ?');
    params.push(f.year);
  }
  if (f.dateField && (f.dateFrom || f.dateTo)) {
    const col = DATE_COLUMNS[f.dateField];
    if (f.dateFrom) {
      where.push(`${col} >= ?`);
      params.push(f.dateFrom);
    }
    if (f.dateTo) {
      where.push(`${col} <= ?`);
      params.push(f.dateTo);
    }
  }
  if (f.amountMinFen !== undefined) {
    where.push('c.amount_fen >= ?');
    params.push(f.amountMinFen);
  }
  if (f.amountMaxFen !== undefined) {
    where.push('c.amount_fen <= ?');
    params.push(f.amountMaxFen);
  }
  if (f.batchId) {
    where.push('c.batch_id = ?');
    params.push(f.batchId);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

const SELECT_LIST = `SELECT c.*, d.name AS department_name,
  (SELECT count(*) FROM attachments a WHERE a.case_id = c.id) AS attachment_count
  FROM cases c JOIN departments d ON d.id = c.department_id`;

export type CasesRepo = ReturnType<typeof casesRepo>;

export function casesRepo(db: Db) {
  const statements = new Map<string, BetterSqlite3.Statement<unknown[]>>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare<unknown[]>(sql);
      statements.set(sql, s);
    }
    return s;
  };

  const insert = db.prepare(`
    INSERT INTO cases (id, case_no, case_no_raw, year, filing_no, case_type, procedure, cause, party_name,
      party_type, party_code, department_id, handlers, handler_cert_nos, filed_on, decided_on, closed_on,
      penalty_kinds, amount_fen, legal_basis, status, page_count, case_uid, notes, batch_id,
      created_at, updated_at)
    VALUES (@id, @caseNo, @caseNoRaw, @year, @filingNo, @caseType, @procedure, @cause, @partyName,
      @partyType, @partyCode, @departmentId, @handlers, @handlerCertNos, @filedOn, @decidedOn, @closedOn,
      @penaltyKinds, @amountFen, @legalBasis, @status, @pageCount, @caseUid, @notes, @batchId,
      @now, @now)`);
  const update = db.prepare(`
    UPDATE cases SET case_no = @caseNo, case_no_raw = @caseNoRaw, year = @year, filing_no = @filingNo,
      case_type = @caseType, procedure = @procedure, cause = @cause, party_name = @partyName,
      party_type = @partyType, party_code = @partyCode, department_id = @departmentId, handlers = @handlers,
      handler_cert_nos = @handlerCertNos, filed_on = @filedOn, decided_on = @decidedOn, closed_on = @closedOn,
      penalty_kinds = @penaltyKinds, amount_fen = @amountFen, legal_basis = @legalBasis, status = @status,
      page_count = @pageCount, case_uid = @caseUid, notes = @notes, batch_id = @batchId,
      updated_at = @now
    WHERE id = @id`);
  const byId = db.prepare<[string], Row>(`${SELECT_LIST} WHERE c.id = ?`);
  const byKey = db.prepare<[string, string], Row>(
    `${SELECT_LIST} WHERE c.case_no = ? AND c.department_id = ?`,
  );
  const writeByKey = db.prepare<[string, string], Record<string, unknown>>(`
    SELECT id, case_no AS caseNo, case_no_raw AS caseNoRaw, year, filing_no AS filingNo, case_type AS caseType,
      procedure, cause, party_name AS partyName, party_type AS partyType, party_code AS partyCode,
      department_id AS departmentId, handlers, handler_cert_nos AS handlerCertNos, filed_on AS filedOn,
      decided_on AS decidedOn, closed_on AS closedOn, penalty_kinds AS penaltyKinds, amount_fen AS amountFen,
      legal_basis AS legalBasis, status, page_count AS pageCount, case_uid AS caseUid, notes, batch_id AS batchId
    FROM cases WHERE case_no = ? AND department_id = ?`);
  const secondaryIndexes = db.prepare<[], { name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL",
  );
  const remove = db.prepare<[string]>('DELETE FROM cases WHERE id = ?');
  const total = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cases');
  const years = db.prepare<[], { year: number }>(
    'SELECT DISTINCT year FROM cases WHERE year IS NOT NULL ORDER BY year DESC',
  );

  const insertSearch = db.prepare<[number | bigint, string]>(
    'INSERT INTO case_search (seq, text) VALUES (?, ?)',
  );
  const updateSearch = db.prepare<[string, string]>(
    'UPDATE case_search SET text = ? WHERE seq = (SELECT seq FROM cases WHERE id = ?)',
  );

  return {
    insert(c: CaseWrite, now: string): void {
      const seq = insert.run({ ...c, now }).lastInsertRowid;
      insertSearch.run(seq, searchText(c));
    },
    update(c: CaseWrite, now: string): void {
      update.run({ ...c, now });
      updateSearch.run(searchText(c), c.id);
    },
    get(id: string): CaseFile | null {
      const r = byId.get(id);
      return r ? fromRow(r) : null;
    },
    findByKey(caseNo: string, departmentId: string): CaseFile | null {
      const r = byKey.get(caseNo, departmentId);
      return r ? fromRow(r) : null;
    },
    /** The stored fields of the file with this number in this department (one indexed read). */
    writeByKey(caseNo: string, departmentId: string): CaseWrite | null {
      return (writeByKey.get(caseNo, departmentId) as CaseWrite | undefined) ?? null;
    },
    /**
     * For bulk imports, inside their transaction: drops the secondary indexes and returns the
     * function that builds them again (a sorted build is much faster than row-by-row updates).
     * The unique key (case number, department) stays, as lookups need it.
     */
    deferIndexes(): () => void {
      const defs = secondaryIndexes.all();
      for (const d of defs) db.exec(`DROP INDEX "${d.name}"`);
      return () => {
        for (const d of defs) db.exec(d.sql);
      };
    },
    remove: (id: string) => remove.run(id).changes > 0,
    count: () => total.get()!.n,
    years: () => years.all().map((r) => r.year),
    /**
     * One page in two steps: the row ids of the page (from the covering indexes when the filter
     * and sort allow), then those rows in full. The count uses the same indexes.
     */
    list(
      filter: CaseFilter,
      sort: CaseSort,
      page: number,
      pageSize: number,
    ): { rows: CaseFile[]; total: number } {
      const { sql, params } = buildWhere(filter);
      const join =
        sort.key === 'departmentName' ? 'JOIN departments d ON d.id = c.department_id' : '';
      const pageSql = `FROM cases c ${join} ${sql} ORDER BY ${orderBy(sort)} LIMIT ? OFFSET ?`;
      const offset = (page - 1) * pageSize;
      let seqs: number[];
      let total: number;
      if (filter.q) {
        // A text search scans the search table: do it once, counting with a window function.
        const hits = prepared(`SELECT c.seq AS s, count(*) OVER () AS n ${pageSql}`).all(
          ...params,
          pageSize,
          offset,
        ) as {
          s: number;
          n: number;
        }[];
        seqs = hits.map((h) => h.s);
        total =
          hits[0]?.n ??
          (prepared(`SELECT count(*) AS n FROM cases c ${sql}`).get(...params) as { n: number }).n;
      } else {
        total = (
          prepared(`SELECT count(*) AS n FROM cases c ${sql}`).get(...params) as { n: number }
        ).n;
        seqs = (
          prepared(`SELECT c.seq AS s ${pageSql}`).all(...params, pageSize, offset) as {
            s: number;
          }[]
        ).map((h) => h.s);
      }
      if (!seqs.length) return { rows: [], total };
      const found = prepared(
        `${SELECT_LIST} WHERE c.seq IN (${seqs.map(() => '?').join(',')})`,
      ).all(...seqs) as Row[];
      const bySeq = new Map(found.map((r) => [r.seq, r]));
      return { rows: seqs.map((s) => fromRow(bySeq.get(s)!)), total };
    },
    /**
     * Every matching row in order, for exports, fetched in pages so that no statement stays open
     * while the caller yields to the event loop (an open iterator would block the connection).
     */
    *iterate(filter: CaseFilter, sort: CaseSort, chunk = 5000): Generator<CaseFile> {
      const { sql, params } = buildWhere(filter);
      const stmt = prepared(`${SELECT_LIST} ${sql} ORDER BY ${orderBy(sort)} LIMIT ? OFFSET ?`);
      for (let offset = 0; ; offset += chunk) {
        const rows = stmt.all(...params, chunk, offset) as Row[];
        for (const r of rows) yield fromRow(r);
        if (rows.length < chunk) return;
      }
    },
  };
}
