// The case-file registry (案卷库). Lists are filtered, sorted and paginated here in SQL, never in
// the renderer (design §6).
import type { CaseFile, CaseFilter, CaseSort } from '../../core/registry/schemas';
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../types';

/** The stored fields of a case file, as handlers write them. */
export interface CaseWrite {
  id: string;
  caseNo: string;
  caseNoRaw: string;
  year: number | null;
  filingNo: string | null;
  caseType: string;
  procedure: 'normal' | 'simple' | null;
  cause: string | null;
  partyName: string | null;
  partyType: string | null;
  partyCode: string | null;
  departmentId: string;
  handlers: string | null;
  handlerCertNos: string | null;
  filedOn: string | null;
  decidedOn: string | null;
  closedOn: string | null;
  penaltyKinds: string | null;
  amountFen: number | null;
  legalBasis: string | null;
  status: 'closed' | 'open';
  pageCount: number | null;
  caseUid: string | null;
  notes: string | null;
  batchId: string | null;
}

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

/** Text searched by the registry's free-text box: case numbers, party and cause. */
export function searchText(
  c: Pick<CaseWrite, 'caseNo' | 'caseNoRaw' | 'partyName' | 'cause' | 'filingNo'>,
): string {
  return [c.caseNo, c.caseNoRaw !== c.caseNo ? c.caseNoRaw : null, c.filingNo, c.partyName, c.cause]
    .filter(Boolean)
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

export function buildWhere(f: CaseFilter): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const inList = (col: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    where.push(`${col} IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  if (f.q) {
    where.push("c.search_text LIKE ? ESCAPE '\\'");
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
      penalty_kinds, amount_fen, legal_basis, status, page_count, case_uid, notes, batch_id, search_text,
      created_at, updated_at)
    VALUES (@id, @caseNo, @caseNoRaw, @year, @filingNo, @caseType, @procedure, @cause, @partyName,
      @partyType, @partyCode, @departmentId, @handlers, @handlerCertNos, @filedOn, @decidedOn, @closedOn,
      @penaltyKinds, @amountFen, @legalBasis, @status, @pageCount, @caseUid, @notes, @batchId, @searchText,
      @now, @now)`);
  const update = db.prepare(`
    UPDATE cases SET case_no = @caseNo, case_no_raw = @caseNoRaw, year = @year, filing_no = @filingNo,
      case_type = @caseType, procedure = @procedure, cause = @cause, party_name = @partyName,
      party_type = @partyType, party_code = @partyCode, department_id = @departmentId, handlers = @handlers,
      handler_cert_nos = @handlerCertNos, filed_on = @filedOn, decided_on = @decidedOn, closed_on = @closedOn,
      penalty_kinds = @penaltyKinds, amount_fen = @amountFen, legal_basis = @legalBasis, status = @status,
      page_count = @pageCount, case_uid = @caseUid, notes = @notes, batch_id = @batchId,
      search_text = @searchText, updated_at = @now
    WHERE id = @id`);
  const byId = db.prepare<[string], Row>(`${SELECT_LIST} WHERE c.id = ?`);
  const byKey = db.prepare<[string, string], Row>(
    `${SELECT_LIST} WHERE c.case_no = ? AND c.department_id = ?`,
  );
  const remove = db.prepare<[string]>('DELETE FROM cases WHERE id = ?');
  const total = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cases');
  const years = db.prepare<[], { year: number }>(
    'SELECT DISTINCT year FROM cases WHERE year IS NOT NULL ORDER BY year DESC',
  );

  const write = (stmt: typeof insert, c: CaseWrite, now: string) =>
    stmt.run({ ...c, searchText: searchText(c), now });

  return {
    insert: (c: CaseWrite, now: string) => void write(insert, c, now),
    update: (c: CaseWrite, now: string) => void write(update, c, now),
    get(id: string): CaseFile | null {
      const r = byId.get(id);
      return r ? fromRow(r) : null;
    },
    findByKey(caseNo: string, departmentId: string): CaseFile | null {
      const r = byKey.get(caseNo, departmentId);
      return r ? fromRow(r) : null;
    },
    remove: (id: string) => remove.run(id).changes > 0,
    count: () => total.get()!.n,
    years: () => years.all().map((r) => r.year),
    list(
      filter: CaseFilter,
      sort: CaseSort,
      page: number,
      pageSize: number,
    ): { rows: CaseFile[]; total: number } {
      const { sql, params } = buildWhere(filter);
      const countSql = `SELECT count(*) AS n FROM cases c ${sql}`;
      const n = (prepared(countSql).get(...params) as { n: number }).n;
      const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
      const listSql = `${SELECT_LIST} ${sql} ORDER BY ${SORT_COLUMNS[sort.key]} ${dir} NULLS LAST, c.id ${dir} LIMIT ? OFFSET ?`;
      const rows = prepared(listSql).all(...params, pageSize, (page - 1) * pageSize) as Row[];
      return { rows: rows.map(fromRow), total: n };
    },
    /** Every matching row in order, for exports; does not build one big array. */
    *iterate(filter: CaseFilter, sort: CaseSort): Generator<CaseFile> {
      const { sql, params } = buildWhere(filter);
      const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
      const stmt = prepared(
        `${SELECT_LIST} ${sql} ORDER BY ${SORT_COLUMNS[sort.key]} ${dir} NULLS LAST, c.id ${dir}`,
      );
      for (const r of stmt.iterate(...params) as IterableIterator<Row>) yield fromRow(r);
    },
  };
}
