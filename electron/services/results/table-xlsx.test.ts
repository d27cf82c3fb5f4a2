// The statistics screen's tables as XLSX (results.tableXlsx), the notice's content for the live
// preview (results.noticeContent) and the score sheets' content for the PDF
// (results.scoreSheetContent), on the demo campaign: every cell of every table read back with
// exceljs equals the results model (or the agreement report) that results.get returns, and the
// content over the API is the one the DOCX is written from.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULT_TABLES, type NoticeFormInput } from '../../../core/api/methods/results';
import type { AgreementReport } from '../../../core/results/agreement';
import type { NoticeContent } from '../../../core/results/notice';
import type { ResultsModel } from '../../../core/results/results';
import type { ScoreSheetContent } from '../../../core/results/score-sheet';
import { ZipReader } from '../import/zip';
import { testApp, type TestApp } from '../testing';
import { resultsWorkspace, type ResultsWorkspace } from './testing';

let t: TestApp;
let w: ResultsWorkspace;
let model: ResultsModel;
let agreement: AgreementReport;

beforeAll(async () => {
  t = await testApp();
  w = await resultsWorkspace(t);
  ({ model, agreement } = await t.ok<{ model: ResultsModel; agreement: AgreementReport }>(
    'results.get',
    { campaignId: w.campaignId },
    w.session,
  ));
}, 60_000);
afterAll(() => t.cleanup());

/** The first worksheet's values, header row first (null for an empty cell). */
async function read(table: string) {
  const out = await t.ok<{ fileName: string; bytes: Uint8Array }>(
    'results.tableXlsx',
    { campaignId: w.campaignId, table },
    w.session,
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === undefined ? null : v);
    }
    rows.push(cells);
  });
  return { fileName: out.fileName, name: ws.name, rows, ws };
}

describe('results.tableXlsx', () => {
  it('department ranking: one row per department, the model’s numbers', async () => {
    const { fileName, name, rows, ws } = await read('departments');
    expect(fileName).toMatch(/-部门排名\.xlsx$/);
    expect(name).toBe('部门排名');
    // Frozen header row.
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rows[0]).toEqual([
      '名次',
      '并列',
      '部门',
      '案卷数',
      '已定分',
      '平均分',
      '等次',
      ...model.grades.map((g) => `${g.name}（份）`),
      '触及否决项（份）',
      '问题数',
    ]);
    expect(rows.slice(1)).toEqual(
      model.departments.map((d) => [
        d.rank,
        d.tied ? '是' : null,
        d.departmentName,
        d.files,
        d.finalFiles,
        d.meanHundredths === null ? null : d.meanHundredths / 100,
        d.grade?.name ?? null,
        ...d.grades.map((g) => g.count),
        d.vetoFiles,
        d.problems.problems,
      ]),
    );
  });

  it('files, excellent and failed lists, grades: the model’s rows', async () => {
    const files = await read('files');
    expect(files.rows.slice(1).map((r) => [r[0], r[4], r[5]])).toEqual(
      model.files.map((f) => [
        f.caseNo,
        f.final ? f.final.total / 10 : null,
        f.final?.grade ?? null,
      ]),
    );
    for (const list of ['excellent', 'failed'] as const) {
      const { rows } = await read(list);
      expect(rows.slice(1).map((r) => [r[0], r[2], r[4]])).toEqual(
        model[list].map((f) => [f.caseNo, f.departmentName, f.total / 10]),
      );
    }
    const grades = await read('grades');
    expect(grades.rows.slice(1)).toEqual(
      model.totals.grades.map((g) => [
        g.grade,
        g.count,
        g.percentHundredths === null ? null : g.percentHundredths / 10_000,
      ]),
    );
  });

  it('problems: the Pareto data (occurrences, files, share, cumulative share)', async () => {
    const { rows } = await read('problems');
    expect(model.problems.byTag.length).toBeGreaterThan(0);
    expect(rows.slice(1)).toEqual(
      model.problems.byTag.map((c) => [
        c.code,
        c.name,
        c.groupName ?? '其他问题标签',
        c.occurrences,
        c.files,
        c.share,
        c.cumulativeShare,
      ]),
    );
  });

  it('leniency: each evaluator’s mean difference, with its reading in words', async () => {
    const { rows } = await read('leniency');
    expect(agreement.leniency.length).toBeGreaterThan(0);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual(
      agreement.leniency.map((l) => [l.name, l.files, l.meanDifference / 10]),
    );
    for (const r of rows.slice(1)) expect(String(r[3])).toMatch(/比同案其他评查员|只有/);
  });

  it('refuses a table that does not exist', async () => {
    const r = await t.call(
      'results.tableXlsx',
      { campaignId: w.campaignId, table: 'secrets' },
      w.session,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('VALIDATION');
    expect(RESULT_TABLES).not.toContain('secrets');
  });
});

describe('results.noticeContent and results.scoreSheetContent', () => {
  const notice: NoticeFormInput = {
    issuer: '东湖区司法局',
    docNumber: { code: '东司通', year: 2026, serial: 7 },
    recipients: '各行政执法部门',
    date: '2026-01-05',
    paragraphs: { basis: ['依据评查办法。'], nextSteps: ['加强培训。'] },
  };

  it('gives the content the DOCX is written from', async () => {
    const c = await t.ok<NoticeContent>(
      'results.noticeContent',
      { campaignId: w.campaignId, notice },
      w.session,
    );
    expect(c.header?.docNumber).toBe('东司通〔2026〕7号');
    expect(c.recipients).toBe('各行政执法部门：');
    const docx = await t.ok<{ bytes: Uint8Array }>(
      'results.noticeDocx',
      { campaignId: w.campaignId, notice },
      w.session,
    );
    const xml = new ZipReader(docx.bytes).readText('word/document.xml');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (const s of c.sections) {
      expect(text).toContain(s.heading);
      for (const b of s.blocks) if (b.kind === 'p') expect(text).toContain(b.text);
    }
    for (const a of c.attachments) {
      for (const b of a.blocks) {
        if (b.kind === 'table')
          for (const row of b.table.rows) expect(text).toContain(row.join(''));
      }
    }
  });

  it('refuses a form without an issuer with a field error', async () => {
    const r = await t.call(
      'results.noticeContent',
      { campaignId: w.campaignId, notice: { ...notice, issuer: ' ' } },
      w.session,
    );
    expect(!r.ok && r.error.fieldErrors?.map((f) => f.path)).toEqual(['notice.issuer']);
  });

  it('gives a file’s score sheets with their totals, named like the DOCX', async () => {
    const f = model.files.find((x) => x.final && x.sheets.length >= 2)!;
    const out = await t.ok<{ fileName: string; sheets: ScoreSheetContent[] }>(
      'results.scoreSheetContent',
      { campaignId: w.campaignId, caseId: f.caseId },
      w.session,
    );
    expect(out.fileName).toBe(
      `评查表-${f.caseNo}-${out.sheets.length}.pdf`.replace(/[\\/:*?"<>|]/g, '_'),
    );
    expect(out.sheets.map((s) => s.sheetId).sort()).toEqual(f.sheets.map((s) => s.sheetId).sort());
    for (const s of out.sheets) {
      const summary = f.sheets.find((x) => x.sheetId === s.sheetId)!;
      const total = s.rows.find((r) => r.kind === 'summary' && r.label === '总分');
      expect(total?.kind === 'summary' && total.value.split(' / ')[0]).toBe(
        String(summary.total / 10),
      );
      expect(s.info[0]![1]).toBe(f.caseNo);
    }
  });
});
