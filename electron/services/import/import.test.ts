// The import pipeline against the real sample exports and against bad input: what the preview
// reports (by row and column), what a commit writes (all valid rows in one transaction), and
// that refused files, cancelled and failed imports change nothing.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../core/api/methods/imports';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../core/api/methods/imports';
import { tableCounts, testApp, type TestApp } from '../testing';

const SAMPLES = path.resolve('e2e/fixtures/samples');
const sample = (name: string) => ({
  fileName: name,
  bytes: new Uint8Array(fs.readFileSync(path.join(SAMPLES, name))),
});
const CATALOGUE = '东湖区2025年度行政执法案卷目录.xlsx';
const CSV = '另一办案系统导出-GB18030.csv';
const POOL = '东湖区行政执法评查人员库.xlsx';

let t: TestApp;
let s: string;
beforeEach(async () => {
  t = await testApp();
  s = await t.setupCoordinator();
});
afterEach(() => t.cleanup());

async function preview(
  kind: 'cases' | 'people',
  file: { fileName: string; bytes: Uint8Array },
  extra: object = {},
) {
  return t.ok<ImportPreview>('imports.preview', { kind, file, ...extra }, s);
}
async function commitAll(p: ImportPreview) {
  return t.ok<{ batchId: string; counts: Record<string, number> }>(
    'imports.commit',
    {
      previewId: p.previewId,
      departments: p.unknownDepartments.map((u) => ({ name: u.name, action: 'create' })),
    },
    s,
  );
}
const errorsOf = (p: ImportPreview) =>
  p.problems.filter((x) => x.severity === 'error').map((x) => [x.rowNumber, x.columnLetter, x.key]);

describe('the sample catalogue (XLSX, title rows, 合计 row, planted defects)', () => {
  it('reports every planted defect by row and column and imports the rest on confirmation', async () => {
    const p = await preview('cases', sample(CATALOGUE));
    expect(p.format).toBe('xlsx');
    expect(p.headerRowNumber).toBe(3);
    expect(p.counts).toMatchObject({
      rows: 600,
      new: 594,
      update: 0,
      duplicate: 0,
      error: 6,
      skippedTotal: 1,
    });
    expect(errorsOf(p)).toEqual([
      [21, 'J', 'import.problems.departmentMissing'],
      [46, 'M', 'import.problems.dateImpossible'],
      [47, 'B', 'importer.problems.duplicateCaseInFile'],
      [47, 'M', 'import.problems.dateImpossible'],
      [92, 'B', 'import.problems.caseNoMissing'],
      [124, 'Q', 'import.problems.amountInWords'],
      [204, 'D', 'import.problems.caseTypeUnknown'],
    ]);
    const dup = p.problems.find((x) => x.rowNumber === 47 && x.field === 'caseNo')!;
    expect(dup).toMatchObject({
      params: { row: 46 },
      hintKey: 'importer.hints.duplicateOfInvalid',
    });
    const date = p.problems.find((x) => x.rowNumber === 46)!;
    expect(date).toMatchObject({ header: '立案日期', value: '2025-02-30', params: { days: 28 } });
    expect(p.unknownDepartments).toHaveLength(30);
    expect(t.app.context.repos.cases.count()).toBe(0); // a preview writes nothing

    const r = await commitAll(p);
    expect(r.counts).toMatchObject({ new: 594, update: 0, error: 6, departmentsCreated: 30 });
    expect(t.app.context.repos.cases.count()).toBe(594);
    const batch = t.app.context.repos.audit.recent(1)[0]!;
    expect(batch.action).toBe('import.cases');
    expect(JSON.parse(batch.details)).toMatchObject({
      fileName: CATALOGUE,
      sha256: p.sha256,
      new: 594,
    });
    // Case numbers were normalised: 【2025】 → 〔2025〕.
    const c = t.app.context.repos.cases.list(
      { q: '【2025】' },
      { key: 'caseNo', dir: 'asc' },
      1,
      100,
    );
    expect(c.total).toBeGreaterThan(0);
    for (const x of c.rows)
      expect(x.caseNo).toBe(x.caseNoRaw.replace('【', '〔').replace('】', '〕'));
  });

  it('treats a second import of the same file as duplicates and writes nothing new', async () => {
    await commitAll(await preview('cases', sample(CATALOGUE)));
    const before = tableCounts(t.app);
    const again = await preview('cases', sample(CATALOGUE));
    expect(again.counts).toMatchObject({ new: 0, update: 0, duplicate: 594, error: 6 });
    expect(again.unknownDepartments).toEqual([]);
    const r = await commitAll(again);
    expect(r.counts).toMatchObject({ new: 0, update: 0, duplicate: 594 });
    const after = tableCounts(t.app);
    expect(after.cases).toBe(before.cases);
    expect(after.import_batches).toBe(before.import_batches! + 1);
  });
});

describe('the other system’s CSV (GB18030, other column names)', () => {
  it('detects the encoding, maps the columns by synonyms, and finds updates of files already there', async () => {
    await commitAll(await preview('cases', sample(CATALOGUE)));
    const p = await preview('cases', sample(CSV));
    expect(p.format).toBe('csv');
    expect(p.encoding).toBe('gb18030');
    expect(p.mapping).toMatchObject({
      caseNo: 0,
      caseType: 1,
      procedure: 2,
      cause: 3,
      partyName: 4,
      department: 5,
    });
    expect(p.counts.rows).toBe(150);
    expect(p.counts.error).toBe(0);
    expect(p.counts.update).toBeGreaterThan(0);
    expect(p.counts.new + p.counts.update + p.counts.duplicate).toBe(150);
    await commitAll(p);
    expect(t.app.context.repos.cases.count()).toBe(594 + p.counts.new);
  });

  it('remembers a corrected mapping for the next file from the same source', async () => {
    const p = await preview('cases', sample(CSV));
    const mapping = { ...p.mapping, cause: null, notes: 3 }; // 违法行为 as notes instead of cause
    const remapped = await t.ok<ImportPreview>(
      'imports.remap',
      { previewId: p.previewId, mapping },
      s,
    );
    expect(remapped.mappingSource).toBe('manual');
    await commitAll(remapped);
    const next = await preview('cases', sample(CSV));
    expect(next.mappingSource).toBe('remembered');
    expect(next.mapping.notes).toBe(3);
    expect(next.mapping.cause).toBeNull();
  });

  it('reads the CSV as UTF-8 when the user says so, and says it is not valid UTF-8', async () => {
    const r = await t.call(
      'imports.preview',
      { kind: 'cases', file: sample(CSV), encoding: 'utf-8' },
      s,
    );
    expect(!r.ok && r.error).toMatchObject({
      code: 'BAD_INPUT',
      key: 'importer.errors.encodingMismatch',
    });
  });
});

describe('the evaluator pool', () => {
  it('imports 90 people, creating their departments', async () => {
    const p = await preview('people', sample(POOL));
    expect(p.counts).toMatchObject({ rows: 90, new: 90, error: 0 });
    await commitAll(p);
    const people = t.app.context.repos.people.list();
    expect(people).toHaveLength(90);
    expect(people.filter((x) => x.legalOfficer).length).toBeGreaterThan(30);
    expect(new Set(people.map((x) => x.departmentName)).size).toBe(30);
  });

  it('suggests the full name for an abbreviated department and records the alias', async () => {
    await commitAll(await preview('people', sample(POOL)));
    const csv = '姓名,所在单位,是否法制员\n张测试,东湖区市场监管局,是\n';
    const p = await preview('people', { fileName: 'x.csv', bytes: new TextEncoder().encode(csv) });
    const target = t.app.context.repos.departments
      .list()
      .find((d) => d.name === '东湖区市场监督管理局')!;
    expect(p.unknownDepartments).toEqual([
      {
        name: '东湖区市场监管局',
        rows: 1,
        suggestion: { id: target.id, name: '东湖区市场监督管理局' },
      },
    ]);
    const undecided = await t.call(
      'imports.commit',
      { previewId: p.previewId, departments: [] },
      s,
    );
    expect(!undecided.ok && undecided.error.key).toBe('importer.errors.departmentsUndecided');
    await t.ok(
      'imports.commit',
      {
        previewId: p.previewId,
        departments: [{ name: '东湖区市场监管局', action: 'map', departmentId: target.id }],
      },
      s,
    );
    expect(t.app.context.repos.people.findByNameInDepartment('张测试', target.id)).not.toBeNull();
    expect(t.app.context.repos.departments.findById(target.id)!.aliases).toContain(
      '东湖区市场监管局',
    );
    // The next file with the abbreviation is recognised at once.
    const again = await preview('people', {
      fileName: 'y.csv',
      bytes: new TextEncoder().encode(csv.replace('张测试', '李测试')),
    });
    expect(again.unknownDepartments).toEqual([]);
  });
});

describe('atomicity', () => {
  it('an error on the last row while writing commits nothing', async () => {
    const p = await preview('cases', sample(CATALOGUE));
    const before = tableCounts(t.app);
    const cases = t.app.context.repos.cases;
    const insert = cases.insert;
    let n = 0;
    cases.insert = (c, now) => {
      if (++n === p.counts.new) throw new Error('disk full on the last row');
      insert(c, now);
    };
    const r = await t.call(
      'imports.commit',
      {
        previewId: p.previewId,
        departments: p.unknownDepartments.map((u) => ({ name: u.name, action: 'create' })),
      },
      s,
    );
    cases.insert = insert;
    expect(!r.ok && r.error.code).toBe('INTERNAL');
    expect(n).toBe(594);
    expect(tableCounts(t.app)).toEqual(before);
    expect(t.app.context.repos.audit.verify().ok).toBe(true);
  });

  it('a bulk import rebuilds the indexes it set aside, and a failure in it restores them too', async () => {
    const indexes = () =>
      (
        t.app.context.db
          .prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' ORDER BY name",
          )
          .all() as { name: string; sql: string | null }[]
      ).map((r) => `${r.name}:${r.sql}`);
    const before = indexes();
    const rows = ['决定书文号,案件类型,执法部门,案件状态'];
    for (let i = 1; i <= 6000; i++)
      rows.push(`东市监处罚〔2025〕${i}号,行政处罚,东湖区市场监督管理局,已结案`);
    const file = { fileName: 'bulk.csv', bytes: new TextEncoder().encode(rows.join('\n')) };
    const p1 = await preview('cases', file);
    const cases = t.app.context.repos.cases;
    const insert = cases.insert;
    let n = 0;
    cases.insert = (c, now) => {
      if (++n === 6000) throw new Error('fails on the last row');
      insert(c, now);
    };
    const failed = await t.call(
      'imports.commit',
      {
        previewId: p1.previewId,
        departments: [{ name: '东湖区市场监督管理局', action: 'create' }],
      },
      s,
    );
    cases.insert = insert;
    expect(!failed.ok && failed.error.code).toBe('INTERNAL');
    expect(indexes()).toEqual(before);
    expect(cases.count()).toBe(0);
    const p2 = await preview('cases', file);
    await commitAll(p2);
    expect(cases.count()).toBe(6000);
    expect(indexes()).toEqual(before);
    expect(t.app.context.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a cancelled preview leaves nothing staged and nothing written', async () => {
    const rows = ['决定书文号,案件类型,执法部门,案件状态'];
    for (let i = 1; i <= 60000; i++)
      rows.push(`东市监处罚〔2025〕${i}号,行政处罚,东湖区市场监督管理局,已结案`);
    const bytes = new TextEncoder().encode(rows.join('\n'));
    const before = tableCounts(t.app);
    const pending = t.app.dispatch({
      method: 'imports.preview',
      input: { kind: 'cases', file: { fileName: 'big.csv', bytes } },
      session: s,
      callId: 'big-1',
    });
    let cancelled = false;
    for (let i = 0; i < 200 && !cancelled; i++) {
      await new Promise((r) => setImmediate(r));
      const c = await t.call('jobs.cancel', { callId: 'big-1' }, s);
      cancelled = c.ok && (c.data as { cancelled: boolean }).cancelled;
    }
    expect(cancelled).toBe(true);
    const r = await pending;
    expect(!r.ok && r.error.code).toBe('CANCELLED');
    expect(tableCounts(t.app)).toEqual(before);
  });
});

describe('bad input gets a precise message and changes nothing', () => {
  async function refused(
    file: { fileName: string; bytes: Uint8Array },
    key: string,
    encoding?: string,
  ) {
    const before = tableCounts(t.app);
    const r = await t.call(
      'imports.preview',
      { kind: 'cases', file, ...(encoding ? { encoding } : {}) },
      s,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_INPUT');
    expect(r.error.key).toBe(key);
    expect(tableCounts(t.app)).toEqual(before);
  }

  it('an empty file', () =>
    refused({ fileName: 'empty.csv', bytes: new Uint8Array() }, 'importer.errors.emptyFile'));

  it('a binary that is not a spreadsheet', () =>
    refused(
      {
        fileName: 'scan.png',
        bytes: new Uint8Array([
          0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
        ]),
      },
      'importer.errors.notSpreadsheet',
    ));

  it('an old .xls workbook', () =>
    refused(
      {
        fileName: 'old.xls',
        bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      },
      'importer.errors.oldXls',
    ));

  it('a ZIP that is not a workbook, and a truncated workbook', async () => {
    const bytes = sample(CATALOGUE).bytes;
    await refused(
      { fileName: 'cut.xlsx', bytes: bytes.subarray(0, bytes.length - 500) },
      'importer.errors.notXlsx',
    );
  });

  it('an XLSX with no recognisable header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['名称', '数量', '颜色']);
    ws.addRow(['苹果', 3, '红']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await refused({ fileName: 'fruit.xlsx', bytes }, 'import.problems.headerNotFound');
  });

  it('a CSV in an unexpected encoding (Shift_JIS half-width kana)', () =>
    refused(
      {
        fileName: 'sjis.csv',
        bytes: new Uint8Array([0xb1, 0xb2, 0xb3, 0x2c, 0xb4, 0xb5, 0x0a, 0x31, 0x2c, 0x32, 0x0a]),
      },
      'importer.errors.encodingUnknown',
    ));

  it('a file over 200 MB', () =>
    refused(
      { fileName: 'huge.csv', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61) },
      'importer.errors.tooLarge',
    ));

  it('more than 500,000 rows', () => {
    const text =
      '决定书文号,案件类型,执法部门\n' + 'x,行政处罚,某局\n'.repeat(MAX_IMPORT_ROWS + 100);
    return refused(
      { fileName: 'rows.csv', bytes: new TextEncoder().encode(text) },
      'importer.errors.tooManyRows',
    );
  });
});
