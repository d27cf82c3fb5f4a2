// Results use cases on a real workspace (the demo campaign, scored and settled through the API):
// access, the model and agreement, the notice form round trip, the score sheets (one, and all in
// a ZIP read back with our ZipReader) and the score workbook, each checked against the model.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sheet } from '../../../core/api/methods/scoring';
import type { AgreementReport } from '../../../core/results/agreement';
import type { ResultsModel } from '../../../core/results/results';
import { DEMO_PASSWORD } from '../../../core/demo/generate';
import { formatPoints } from '../../../core/standards/model';
import { ZipReader } from '../import/zip';
import {
  pdfPages,
  resultsWorkspace,
  toPdf,
  which,
  type ResultsWorkspace,
} from '../results/testing';
import { testApp, type TestApp } from '../testing';

let t: TestApp;
let w: ResultsWorkspace;
let model: ResultsModel;
const work = mkdtempSync(join(tmpdir(), 'results-'));
type FileOut = { fileName: string; bytes: Uint8Array };

beforeAll(async () => {
  t = await testApp();
  w = await resultsWorkspace(t);
  model = (
    await t.ok<{ model: ResultsModel }>('results.get', { campaignId: w.campaignId }, w.session)
  ).model;
}, 60_000);
afterAll(() => {
  t.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('results.get', () => {
  it('is for the coordinator only', async () => {
    const { token } = await t.ok<{ token: string }>('auth.login', {
      username: 'pingcha1',
      password: DEMO_PASSWORD,
    });
    for (const m of ['results.get', 'results.workbook', 'results.scoreSheetsZip']) {
      const r = await t.call(m, { campaignId: w.campaignId }, token);
      expect(r.ok || r.error.code, m).toBe('FORBIDDEN');
    }
  });

  it('returns the model and the agreement report; its counts match the dashboard', async () => {
    const r = await t.ok<{ model: ResultsModel; agreement: AgreementReport; year: number }>(
      'results.get',
      { campaignId: w.campaignId },
      w.session,
    );
    const progress = await t.ok<{ files: { total: number; final: number; review: number } }>(
      'review.progress',
      { campaignId: w.campaignId },
      w.session,
    );
    expect(r.year).toBe(2026);
    expect(r.model.totals.files).toBe(progress.files.total);
    expect(r.model.totals.finalFiles).toBe(progress.files.final);
    expect(r.model.totals.reviewFiles).toBe(progress.files.review);
    expect(r.agreement.doubleScoredFiles).toBeGreaterThan(0);
    expect(r.agreement.icc.n).toBe(r.agreement.doubleScoredFiles);
  });

  it('refuses an unknown campaign', async () => {
    const r = await t.call('results.get', { campaignId: 'nope' }, w.session);
    expect(r.ok || r.error.code).toBe('NOT_FOUND');
  });
});

describe('the notice form', () => {
  it('prefills the form; the defaults export as they are', async () => {
    const d = await t.ok<Record<string, unknown>>(
      'results.noticeDefaults',
      { campaignId: w.campaignId },
      w.session,
    );
    expect(d).toMatchObject({
      issuer: expect.any(String),
      title: '关于2026年度行政执法案卷评查情况的通报',
      date: '2026-11-23',
      rectifyDays: 30,
      deadline: null,
    });
    expect((d.paragraphs as { basis: string[] }).basis[0]).toContain('2026年度');
    const out = await t.ok<FileOut>(
      'results.noticeDocx',
      { campaignId: w.campaignId, notice: d },
      w.session,
    );
    const doc = new ZipReader(out.bytes).readText('word/document.xml');
    // Code left empty: no 发文字号 line, the notice starts with its title.
    expect(doc).not.toContain('〔2026〕');
    // The deadline: 30 days after 2026-11-23.
    expect(textOf(doc)).toContain('2026年12月23日前');
  });

  it('takes an explicit deadline over the number of days, and refuses a bad date', async () => {
    const d = await t.ok<Record<string, unknown>>(
      'results.noticeDefaults',
      { campaignId: w.campaignId },
      w.session,
    );
    const out = await t.ok<FileOut>(
      'results.noticeDocx',
      { campaignId: w.campaignId, notice: { ...d, deadline: '2027-01-31' } },
      w.session,
    );
    expect(textOf(new ZipReader(out.bytes).readText('word/document.xml'))).toContain(
      '2027年1月31日前',
    );
    const bad = await t.call(
      'results.noticeDocx',
      { campaignId: w.campaignId, notice: { ...d, date: '2026-13-45' } },
      w.session,
    );
    expect(bad.ok || bad.error.code).toBe('VALIDATION');
  });
});

describe('score sheets', () => {
  const finalFile = () => model.files.find((f) => f.final && f.problems.length)!;

  it('one sheet: the file, every deduction with its reason and pages, the total and grade', async () => {
    const f = finalFile();
    const { sheets } = await t.ok<{ sheets: Sheet[] }>(
      'sheets.ofFile',
      { campaignId: w.campaignId, caseId: f.caseId },
      w.session,
    );
    const sheet = sheets.find((s) => s.kind === 'evaluator' && s.status === 'submitted')!;
    const out = await t.ok<FileOut>(
      'results.scoreSheetDocx',
      { campaignId: w.campaignId, caseId: f.caseId, sheetId: sheet.id },
      w.session,
    );
    expect(out.fileName).toBe(`评查表-${f.caseNo}-${sheet.evaluatorName}.docx`);
    const text = textOf(new ZipReader(out.bytes).readText('word/document.xml'));
    expect(text).toContain(f.caseNo);
    expect(text).toContain(f.departmentName);
    for (const fd of sheet.content.findings) {
      if (fd.kind !== 'item') continue;
      expect(text).toContain(fd.reason);
      if (fd.pages) expect(text).toContain(`第${fd.pages}页`);
    }
    expect(text).toContain(`总分${formatPoints(sheet.score!.total)} / 100`);
    expect(text).toContain(`评定等次${sheet.score!.grade}`);
    expect(text).toContain(
      `本案卷最终得分：${formatPoints(f.final!.total)}分（${f.final!.grade}）`,
    );
    expect(text).toContain('评查人员（签名）：');

    const soffice = which('libreoffice', 'soffice');
    if (soffice && which('pdfinfo')) {
      const path = join(work, 'sheet.docx');
      writeFileSync(path, out.bytes);
      expect(pdfPages(toPdf(soffice, path, work))).toBeGreaterThanOrEqual(1);
    }
  }, 60_000);

  it('all of a campaign in a ZIP: one DOCX per submitted sheet, read back with our ZipReader', async () => {
    const out = await t.ok<FileOut>(
      'results.scoreSheetsZip',
      { campaignId: w.campaignId },
      w.session,
    );
    expect(out.fileName).toBe('2026年度行政执法案卷评查（示例）-评查表.zip');
    const zip = new ZipReader(out.bytes);
    const names = [...zip.entries.keys()];
    const submitted = model.files.reduce((n, f) => n + f.sheets.length, 0);
    expect(names).toHaveLength(submitted);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^评查表-.+\.docx$/);
      const inner = new ZipReader(zip.read(name));
      expect(inner.has('word/document.xml')).toBe(true);
    }
  }, 60_000);

  it('refuses a file without a submitted sheet', async () => {
    const open = model.files.find((f) => f.sheets.length === 0)!;
    const r = await t.call(
      'results.scoreSheetDocx',
      { campaignId: w.campaignId, caseId: open.caseId },
      w.session,
    );
    expect(r.ok || r.error.code).toBe('CONFLICT');
  });
});

describe('the score workbook', () => {
  it('one row per file and per department, numbers from the model, frozen headers, formats', async () => {
    const out = await t.ok<FileOut>('results.workbook', { campaignId: w.campaignId }, w.session);
    expect(out.fileName).toBe('2026年度行政执法案卷评查（示例）-评查得分.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer);
    const [files, depts] = wb.worksheets;
    expect(files!.name).toBe('案卷得分');
    expect(depts!.name).toBe('单位汇总');
    for (const ws of [files!, depts!]) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(2).width).toBeGreaterThan(10);
    }

    const header = (files!.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual([
      '案卷编号',
      '执法单位',
      '案卷类型',
      '当事人及案由',
      '评查人员',
    ]);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(files!.rowCount).toBe(model.files.length + 1);
    model.files.forEach((f, i) => {
      const row = files!.getRow(i + 2);
      expect(row.getCell(1).value).toBe(f.caseNo);
      expect(row.getCell(2).value).toBe(f.departmentName);
      const final = row.getCell(col('最终得分'));
      expect(final.value ?? null).toBe(f.final ? f.final.total / 10 : null);
      expect(final.numFmt).toBe('0.0');
      expect(row.getCell(col('等次')).value ?? null).toBe(f.final?.grade ?? null);
      const counting = f.sheets.filter((s) => s.kind === 'evaluator' || s.kind === 'joint');
      counting.forEach((s, k) => expect(row.getCell(col(`评分${k + 1}`)).value).toBe(s.total / 10));
      const problems = f.problems
        .slice(0, 5)
        .map((p) => p.text)
        .join('；');
      expect(row.getCell(col('主要问题')).value ?? '').toBe(problems);
    });

    const dh = (depts!.getRow(1).values as unknown[]).slice(1);
    const dc = (name: string) => dh.indexOf(name) + 1;
    expect(depts!.rowCount).toBe(model.departments.length + 1);
    model.departments.forEach((d, i) => {
      const row = depts!.getRow(i + 2);
      expect(row.getCell(dc('执法单位')).value).toBe(d.departmentName);
      expect(row.getCell(dc('排名')).value ?? null).toBe(d.rank);
      const mean = row.getCell(dc('平均得分'));
      expect(mean.value ?? null).toBe(d.meanHundredths === null ? null : d.meanHundredths / 100);
      expect(mean.numFmt).toBe('0.00');
      d.grades.forEach((g) => expect(row.getCell(dc(`${g.grade}（件）`)).value).toBe(g.count));
    });
  });
});
