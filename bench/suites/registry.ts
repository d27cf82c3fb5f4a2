// Issue 3 figures: importing 100,000 generated rows from CSV and from XLSX end to end (preview +
// commit through the dispatcher), beside a raw better-sqlite3 insert of the same rows in one
// transaction; and a filtered, sorted registry page over 100,000 files.
import ExcelJS from 'exceljs';
import { csvField } from '../../core/import/csv';
import type { CaseDraft } from '../../core/import/types';
import { generateCases } from '../../core/demo/generate';
import type { ImportPreview } from '../../core/api/methods/imports';
import { tempDir } from '../../db/testing';
import { openWorkspace } from '../../db';
import type { App } from '../../electron/services/app';
import { benchApp, type BenchApp } from '../app';
import { figure, measureInterleaved, type Figure } from '../harness';

const N = 100_000;
const HEADERS = [
  '决定书文号',
  '立案号',
  '案件类型',
  '程序类型',
  '案由',
  '当事人',
  '当事人类型',
  '统一社会信用代码',
  '执法部门',
  '承办人',
  '执法证号',
  '立案日期',
  '决定日期',
  '结案日期',
  '处罚种类',
  '罚没金额（元）',
  '法律依据',
  '案件状态',
  '卷宗页数',
];
const TYPE = { penalty: '行政处罚', permit: '行政许可', coercion: '行政强制' } as const;

function cells(c: CaseDraft): (string | number | null)[] {
  return [
    c.caseNo,
    c.filingNo,
    TYPE[c.caseType as keyof typeof TYPE],
    c.procedure === 'normal' ? '普通程序' : c.procedure === 'simple' ? '简易程序' : '',
    c.cause,
    c.partyName,
    c.partyType,
    c.partyCode,
    c.departmentName,
    c.handlers,
    c.handlerCertNos,
    c.filedOn,
    c.decidedOn,
    c.closedOn,
    c.penaltyKinds,
    c.amountFen === null ? null : c.amountFen / 100,
    c.legalBasis,
    c.status === 'closed' ? '已结案' : '办理中',
    c.pageCount,
  ];
}

function toCsv(rows: CaseDraft[]): Uint8Array {
  const lines = [HEADERS.join(',')];
  for (const r of rows)
    lines.push(
      cells(r)
        .map((v) => csvField(v === null ? '' : String(v)))
        .join(','),
    );
  return new TextEncoder().encode(lines.join('\r\n'));
}

async function toXlsx(rows: CaseDraft[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(cells(r));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * Peak memory the operation added — JS heap plus array buffers (the file's bytes); SQLite's own
 * memory is outside — sampled every 20 ms, above the level before it.
 */
async function withPeakMemory<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; ms: number; peakMb: number }> {
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const base = used();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, used())), 20);
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, used());
  return { result, ms, peakMb: (peak - base) / 1048576 };
}

async function importFile(app: App, session: string, fileName: string, bytes: Uint8Array) {
  const p = await app.dispatch({
    method: 'imports.preview',
    input: { kind: 'cases', file: { fileName, bytes } },
    session,
  });
  if (!p.ok) throw new Error(JSON.stringify(p.error));
  const preview = p.data as ImportPreview;
  const c = await app.dispatch({
    method: 'imports.commit',
    input: {
      previewId: preview.previewId,
      departments: preview.unknownDepartments.map((u) => ({ name: u.name, action: 'create' })),
    },
    session,
  });
  if (!c.ok) throw new Error(JSON.stringify(c.error));
  return preview.counts.new;
}

/** The same rows inserted with a bare prepared statement in one transaction (no parsing, no checks). */
async function rawInsert(rows: CaseDraft[]): Promise<number> {
  const tmp = tempDir('anjuan-bench-raw-');
  const { db } = await openWorkspace({ dataDir: tmp.dir });
  const dept = db.prepare(
    "INSERT INTO departments (id, name, active, created_at, updated_at) VALUES (?, ?, 1, '', '')",
  );
  const ids = new Map<string, string>();
  for (const r of rows)
    if (!ids.has(r.departmentName)) {
      ids.set(r.departmentName, `d${ids.size}`);
      dept.run(`d${ids.size - 1}`, r.departmentName);
    }
  const insert =
    db.prepare(`INSERT INTO cases (id, case_no, case_no_raw, year, filing_no, case_type, procedure, cause, party_name,
    party_type, party_code, department_id, handlers, handler_cert_nos, filed_on, decided_on, closed_on, penalty_kinds, amount_fen,
    legal_basis, status, page_count, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '')`);
  const search = db.prepare('INSERT INTO case_search (seq, text) VALUES (?, ?)');
  const t0 = performance.now();
  db.transaction(() => {
    let i = 0;
    for (const r of rows) {
      const { lastInsertRowid } = insert.run(
        `c${i++}`,
        r.caseNo,
        r.caseNoRaw,
        r.year,
        r.filingNo,
        r.caseType,
        r.procedure,
        r.cause,
        r.partyName,
        r.partyType,
        r.partyCode,
        ids.get(r.departmentName)!,
        r.handlers,
        r.handlerCertNos,
        r.filedOn,
        r.decidedOn,
        r.closedOn,
        r.penaltyKinds,
        r.amountFen,
        r.legalBasis,
        r.status,
        r.pageCount,
      );
      search.run(lastInsertRowid, `${r.caseNo}\u001f${r.partyName}\u001f${r.cause}`);
    }
  })();
  const ms = performance.now() - t0;
  db.close();
  tmp.cleanup();
  return ms;
}

export async function registrySuite(): Promise<Figure[]> {
  const rows = generateCases(N, { seed: 7 });
  const csv = toCsv(rows);
  const xlsx = await toXlsx(rows);
  const rawMs = await rawInsert(rows);
  const rawRate = N / (rawMs / 1000);
  const figures: Figure[] = [];

  const importRun = async (format: 'CSV' | 'XLSX', bytes: Uint8Array): Promise<BenchApp> => {
    const w = await benchApp();
    const run = await withPeakMemory(() =>
      importFile(w.app, w.session, `bench.${format.toLowerCase()}`, bytes),
    );
    if (run.result !== N) throw new Error(`${format} imported ${run.result} of ${N}`);
    figures.push(
      figure(
        'Import 100,000 rows (preview + commit)',
        `${format} end to end`,
        N / (run.ms / 1000),
        'rows/s',
        'raw better-sqlite3 insert',
        rawRate,
        {
          seconds: run.ms / 1000,
          peak_heap_mb: run.peakMb,
          file_mb: bytes.length / 1048576,
        },
      ),
    );
    return w;
  };

  const a = await importRun('CSV', csv);
  // A filtered, sorted page over the 100,000 files just imported.
  const departments = a.app.context.repos.departments.list();
  const page = (filter: object) => () =>
    a.app.dispatch({
      method: 'cases.list',
      input: { filter, sort: { key: 'decidedOn', dir: 'desc' }, page: 3, pageSize: 50 },
      session: a.session,
    });
  const raw = a.app.context.db.prepare('SELECT * FROM cases ORDER BY rowid LIMIT 50 OFFSET 100');
  const pages = await measureInterleaved(
    {
      typical: page({
        caseTypes: ['penalty'],
        procedures: ['normal'],
        statuses: ['closed'],
        year: 2025,
        departmentIds: [departments[0]!.id, departments[1]!.id],
      }),
      text: page({ q: '食品', caseTypes: ['penalty'] }),
      raw: () => raw.all(),
    },
    { rounds: 5, perRound: 20, warmup: 5 },
  );
  figures.push(
    figure(
      'Registry page over 100,000 files',
      'type+procedure+status+year+2 departments, sorted by date',
      pages.typical.meanUs / 1000,
      'ms',
      'bare SELECT of 50 rows',
      pages.raw.meanUs / 1000,
      { p99_ms: pages.typical.p99Us / 1000 },
    ),
    figure(
      'Registry page over 100,000 files',
      'free text "食品" + type, sorted by date',
      pages.text.meanUs / 1000,
      'ms',
      'bare SELECT of 50 rows',
      pages.raw.meanUs / 1000,
      { p99_ms: pages.text.p99Us / 1000 },
    ),
  );
  a.cleanup();

  (await importRun('XLSX', xlsx)).cleanup();
  return figures;
}
