import fs from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseFile, Department, Person } from '../../../core/registry/schemas';
import { BlobStore } from '../files/blob-store';
import { tableCounts, testApp, type TestApp } from '../testing';

let t: TestApp;
let s: string;
beforeEach(async () => {
  t = await testApp();
  s = await t.setupCoordinator();
});
afterEach(() => t.cleanup());

const dept = (name: string) => t.ok<Department>('departments.create', { name }, s);
const newCase = (departmentId: string, caseNo: string, extra: object = {}) =>
  t.ok<CaseFile>(
    'cases.create',
    { caseNo, caseType: 'penalty', departmentId, status: 'closed', ...extra },
    s,
  );

describe('departments', () => {
  it('refuses a name that exists, or is an alias of another department', async () => {
    const a = await dept('东湖区市场监督管理局');
    await t.ok('departments.addAlias', { departmentId: a.id, alias: '东湖区市场监管局' }, s);
    for (const name of ['东湖区市场监督管理局', '东湖区市场监管局']) {
      const r = await t.call('departments.create', { name }, s);
      expect(!r.ok && r.error).toMatchObject({
        code: 'CONFLICT',
        key: 'errors.departmentNameTaken',
      });
    }
  });

  it('keeps the old name as an alias after a rename', async () => {
    const a = await dept('东湖区城管局');
    const r = await t.ok<Department>(
      'departments.update',
      { id: a.id, name: '东湖区城市管理综合行政执法局' },
      s,
    );
    expect(r.aliases).toEqual(['东湖区城管局']);
  });

  it('merges: files and people move over, the old name becomes an alias, all audited', async () => {
    const a = await dept('东湖区市场监督管理局');
    const b = await dept('东湖区工商局');
    await newCase(b.id, '东工商处罚〔2024〕1号');
    await t.ok('people.create', { name: '李娜', departmentId: b.id, legalOfficer: true }, s);
    const r = await t.ok<{ target: Department; movedCases: number; movedPeople: number }>(
      'departments.merge',
      { sourceId: b.id, targetId: a.id },
      s,
    );
    expect(r).toMatchObject({
      movedCases: 1,
      movedPeople: 1,
      target: { caseCount: 1, peopleCount: 1, aliases: ['东湖区工商局'] },
    });
    expect(t.app.context.repos.departments.findById(b.id)).toBeNull();
    expect(t.app.context.repos.audit.recent(1)[0]!.action).toBe('department.merged');
  });

  it('refuses a merge that would make two files with the same number, and changes nothing', async () => {
    const a = await dept('东湖区甲局');
    const b = await dept('东湖区乙局');
    await newCase(a.id, '东处罚〔2025〕1号');
    await newCase(b.id, '东处罚〔2025〕1号');
    const before = tableCounts(t.app);
    const r = await t.call('departments.merge', { sourceId: b.id, targetId: a.id }, s);
    expect(!r.ok && r.error).toMatchObject({
      code: 'CONFLICT',
      key: 'errors.mergeConflicts',
      params: { caseNos: '东处罚〔2025〕1号' },
    });
    expect(tableCounts(t.app)).toEqual(before);
  });
});

describe('case files by hand', () => {
  it('normalises the number, derives the year, and refuses the same number twice in a department', async () => {
    const a = await dept('东湖区市场监督管理局');
    const c = await newCase(a.id, ' 东市监处罚[2025]007号 ', {
      amountFen: 500000,
      decidedOn: '2025-03-05',
    });
    expect(c).toMatchObject({
      caseNo: '东市监处罚〔2025〕7号',
      caseNoRaw: '东市监处罚[2025]007号',
      year: 2025,
    });
    const dup = await t.call(
      'cases.create',
      { caseNo: '东市监处罚【2025】7号', caseType: 'penalty', departmentId: a.id, status: 'open' },
      s,
    );
    expect(!dup.ok && dup.error).toMatchObject({
      key: 'errors.caseNumberTaken',
      fieldErrors: [{ path: 'caseNo' }],
    });
  });

  it('records what changed in an edit, and a delete', async () => {
    const a = await dept('东湖区市场监督管理局');
    const c = await newCase(a.id, '东市监处罚〔2025〕8号', { amountFen: 100 });
    await t.ok(
      'cases.update',
      {
        id: c.id,
        caseNo: c.caseNo,
        caseType: 'penalty',
        departmentId: a.id,
        status: 'closed',
        amountFen: 200,
      },
      s,
    );
    const entry = t.app.context.repos.audit.recent(1)[0]!;
    expect(JSON.parse(entry.details).changed).toMatchObject({
      amountFen: { before: 100, after: 200 },
    });
    await t.ok('cases.delete', { id: c.id }, s);
    expect(t.app.context.repos.cases.get(c.id)).toBeNull();
  });

  it('refuses an impossible date and an unknown case type with the field named', async () => {
    const a = await dept('东湖区市场监督管理局');
    const r = await t.call(
      'cases.create',
      {
        caseNo: '东处罚〔2025〕9号',
        caseType: 'nope',
        departmentId: a.id,
        status: 'closed',
        filedOn: '2025-02-29',
      },
      s,
    );
    expect(!r.ok && r.error.fieldErrors?.map((f) => f.path)).toEqual(['filedOn']);
    const r2 = await t.call(
      'cases.create',
      { caseNo: '东处罚〔2025〕9号', caseType: 'nope', departmentId: a.id, status: 'closed' },
      s,
    );
    expect(!r2.ok && r2.error.fieldErrors?.map((f) => f.path)).toEqual(['caseType']);
  });
});

describe('the registry list', () => {
  it('filters, sorts and pages in SQL', async () => {
    const a = await dept('东湖区市场监督管理局');
    const b = await dept('东湖区生态环境分局');
    for (let i = 1; i <= 25; i++) {
      await newCase(i % 2 ? a.id : b.id, `东处罚〔2025〕${i}号`, {
        amountFen: i * 100,
        cause: i % 5 === 0 ? '销售过期食品' : '超标排放',
        decidedOn: `2025-03-${String(i).padStart(2, '0')}`,
        status: i % 3 ? 'closed' : 'open',
      });
    }
    const list = (
      filter: object,
      sort = { key: 'amountFen', dir: 'desc' },
      page = 1,
      pageSize = 10,
    ) =>
      t.ok<{ rows: CaseFile[]; total: number }>('cases.list', { filter, sort, page, pageSize }, s);
    const all = await list({});
    expect(all.total).toBe(25);
    expect(all.rows.map((r) => r.amountFen)).toEqual([
      2500, 2400, 2300, 2200, 2100, 2000, 1900, 1800, 1700, 1600,
    ]);
    expect((await list({}, undefined, 3)).rows).toHaveLength(5);
    expect((await list({ q: '过期' })).total).toBe(5);
    expect((await list({ departmentIds: [a.id], statuses: ['closed'] })).total).toBe(9);
    expect(
      (await list({ dateField: 'decidedOn', dateFrom: '2025-03-10', dateTo: '2025-03-12' })).total,
    ).toBe(3);
    expect((await list({ amountMinFen: 1000, amountMaxFen: 1200 })).total).toBe(3);
    expect((await list({ q: '100%_' })).total).toBe(0); // LIKE wildcards are literal
  });

  it('exports the current filter to XLSX', async () => {
    const a = await dept('东湖区市场监督管理局');
    await newCase(a.id, '东处罚〔2025〕1号', { amountFen: 123456 });
    const r = await t.ok<{ fileName: string; bytes: Uint8Array }>(
      'cases.export',
      {
        filter: {},
        sort: { key: 'caseNo', dir: 'asc' },
        columns: ['caseNo', 'amountFen', 'status'],
        locale: 'zh-CN',
      },
      s,
    );
    expect(r.fileName).toMatch(/^案卷库-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '决定书文号', '罚没金额（元）', '案件状态']);
    expect(ws.getRow(2).values).toEqual([undefined, '东处罚〔2025〕1号', 1234.56, '已结案']);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('the evaluator pool by hand', () => {
  it('links an account to one person only, and a certificate number to one person only', async () => {
    const a = await dept('东湖区市场监督管理局');
    const ev = await t.addUser(s, { username: 'li.na', role: 'evaluator' });
    const p1 = await t.ok<Person>(
      'people.create',
      { name: '李娜', departmentId: a.id, certNo: '11000001', userId: ev.id },
      s,
    );
    expect(p1.username).toBe('li.na');
    const dupCert = await t.call(
      'people.create',
      { name: '王五', departmentId: a.id, certNo: '11000001' },
      s,
    );
    expect(!dupCert.ok && dupCert.error.key).toBe('errors.certNoTaken');
    const dupUser = await t.call(
      'people.create',
      { name: '赵六', departmentId: a.id, userId: ev.id },
      s,
    );
    expect(!dupUser.ok && dupUser.error.key).toBe('errors.accountLinked');
  });
});

describe('case types', () => {
  it('adds a type, refuses a synonym under two types, and refuses removing one in use', async () => {
    const list = await t.ok<{ caseTypes: { code: string; name: string; synonyms: string[] }[] }>(
      'caseTypes.list',
      {},
      s,
    );
    const base = list.caseTypes.map(({ code, name, synonyms }) => ({ code, name, synonyms }));
    const saved = await t.ok<{ caseTypes: { code: string; name: string }[] }>(
      'caseTypes.save',
      { caseTypes: [...base, { name: '行政裁决', synonyms: ['裁决'] }] },
      s,
    );
    const ruling = saved.caseTypes.find((x) => x.name === '行政裁决')!;
    const twice = await t.call(
      'caseTypes.save',
      { caseTypes: [...base, { name: '行政裁决', synonyms: ['处罚'] }] },
      s,
    );
    expect(!twice.ok && twice.error.fieldErrors?.[0]?.key).toBe('errors.synonymTwice');
    const a = await dept('东湖区某局');
    await newCase(a.id, '东裁〔2025〕1号', { caseType: ruling.code });
    const removing = await t.call('caseTypes.save', { caseTypes: base }, s);
    expect(!removing.ok && removing.error).toMatchObject({
      key: 'errors.caseTypeInUse',
      params: { count: 1 },
    });
    const builtin = await t.call('caseTypes.save', { caseTypes: base.slice(1) }, s);
    expect(!builtin.ok && builtin.error.key).toBe('errors.caseTypeBuiltin');
  });
});

describe('attachments', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4\n% test\n');

  it('stores identical files once, and removes the bytes with the last reference', async () => {
    const a = await dept('东湖区市场监督管理局');
    const c1 = await newCase(a.id, '东处罚〔2025〕1号');
    const c2 = await newCase(a.id, '东处罚〔2025〕2号');
    const x = await t.ok<{ id: string; sha256: string; mime: string }>(
      'attachments.add',
      { caseId: c1.id, file: { fileName: '扫描件.pdf', bytes: pdf } },
      s,
    );
    const y = await t.ok<{ id: string; sha256: string }>(
      'attachments.add',
      { caseId: c2.id, file: { fileName: '副本.pdf', bytes: pdf } },
      s,
    );
    expect(x.mime).toBe('application/pdf');
    expect(x.sha256).toBe(y.sha256);
    const store = new BlobStore(t.dir);
    const files = fs.readdirSync(path.dirname(store.pathOf(x.sha256)));
    expect(files).toEqual([x.sha256]);
    const content = await t.ok<{ bytes: Uint8Array }>('attachments.content', { id: x.id }, s);
    expect(Array.from(content.bytes)).toEqual(Array.from(pdf));
    await t.ok('attachments.remove', { id: x.id }, s);
    expect(store.has(x.sha256)).toBe(true);
    await t.ok('attachments.remove', { id: y.id }, s);
    // Kept even when no attachment uses it: a backup taken before still names it.
    expect(store.has(x.sha256)).toBe(true);
    const gone = await t.call('attachments.content', { id: y.id }, s);
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
    expect(t.app.context.repos.audit.recent(1)[0]!.action).toBe('attachment.removed');
  });

  it('refuses what is not a PDF or an image, and an empty file', async () => {
    const a = await dept('东湖区市场监督管理局');
    const c = await newCase(a.id, '东处罚〔2025〕1号');
    const exe = await t.call(
      'attachments.add',
      { caseId: c.id, file: { fileName: 'x.exe', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0]) } },
      s,
    );
    expect(!exe.ok && exe.error.key).toBe('errors.attachmentType');
    const empty = await t.call(
      'attachments.add',
      { caseId: c.id, file: { fileName: 'y.pdf', bytes: new Uint8Array() } },
      s,
    );
    expect(!empty.ok && empty.error.key).toBe('errors.fileEmpty');
  });
});

describe('case types: names', () => {
  it('refuses the same name twice with the field named, instead of failing in the database', async () => {
    const list = await t.ok<{ caseTypes: { code: string; name: string; synonyms: string[] }[] }>(
      'caseTypes.list',
      {},
      s,
    );
    const base = list.caseTypes.map(({ code, name, synonyms }) => ({ code, name, synonyms }));
    const r = await t.call(
      'caseTypes.save',
      {
        caseTypes: [
          ...base,
          { name: '行政裁决', synonyms: [] },
          { name: '行政 裁决', synonyms: [] },
        ],
      },
      s,
    );
    expect(!r.ok && r.error.fieldErrors).toEqual([
      { path: 'caseTypes.4.name', key: 'errors.caseTypeNameTaken', params: { name: '行政 裁决' } },
    ]);
  });
});
