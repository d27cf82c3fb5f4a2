// The 整改通知书 (rectification notice) DOCX of the demo's finished campaign, read back: the page
// geometry and fonts of GB/T 9704, the title, 发文字号, 主送 the department, every notified
// problem with its case number, reason and pages in the table, the deadline, 署名 and 成文日期,
// the page-number footers; and LibreOffice's rendering of it, page by page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../core/api/contract';
import { DEMO_PASSWORD } from '../../../core/demo/generate';
import type { ResultsModel } from '../../../core/results/results';
import { formatPoints } from '../../../core/standards/model';
import { ZipReader } from '../import/zip';
import { testApp, type TestApp } from '../testing';
import { NOTICE_PAGE } from './notice-docx';
import { PROBLEM_COLUMNS_MM, RECTIFY_STYLE, rectifyTitleLines } from './rectify-docx';
import { pdfPages, toPdf, which } from './testing';

let t: TestApp;
let session: string;
let model: ResultsModel;
let dept: MethodOutput<'rectify.overview'>['departments'][number];
let items: MethodOutput<'rectify.list'>['items'];
let docx: Uint8Array;
let fileName: string;
let doc: string;
let styles: string;
let zip: ZipReader;
const work = mkdtempSync(join(tmpdir(), 'rectify-docx-'));

beforeAll(async () => {
  t = await testApp();
  await t.ok('demo.load', { campaign: true });
  session = (
    await t.ok<{ token: string }>('auth.login', { username: 'zuzhi', password: DEMO_PASSWORD })
  ).token;
  const { campaigns } = await t.ok<{ campaigns: { id: string; status: string }[] }>(
    'campaigns.list',
    {},
    session,
  );
  const campaignId = campaigns.find((c) => c.status === 'done')!.id;
  model = (await t.ok<{ model: ResultsModel }>('results.get', { campaignId }, session)).model;
  const o = await t.ok<MethodOutput<'rectify.overview'>>(
    'rectify.overview',
    { campaignId },
    session,
  );
  // The department with the most files: its table runs over several files and pages.
  dept = [...o.departments].sort((a, b) => b.files - a.files || b.problems - a.problems)[0]!;

  const before = await t.call(
    'rectify.noticeDocx',
    { campaignId, departmentId: dept.departmentId },
    session,
  );
  expect(!before.ok && before.error.key).toBe('rectify.errors.notIssued');

  await t.ok(
    'rectify.issue',
    {
      campaignId,
      departmentIds: [dept.departmentId],
      issuer: '东湖区司法局',
      docNumber: { code: '东司法函', year: 2026, serial: 12 },
      date: '2026-11-23',
      deadline: '2026-12-31',
    },
    session,
  );
  items = (
    await t.ok<MethodOutput<'rectify.list'>>(
      'rectify.list',
      { campaignId, departmentId: dept.departmentId, pageSize: 200 },
      session,
    )
  ).items;
  const out = await t.ok<{ fileName: string; bytes: Uint8Array }>(
    'rectify.noticeDocx',
    { campaignId, departmentId: dept.departmentId },
    session,
  );
  docx = out.bytes;
  fileName = out.fileName;
  zip = new ZipReader(docx);
  doc = zip.readText('word/document.xml');
  styles = zip.readText('word/styles.xml');
}, 120_000);
afterAll(() => {
  t.cleanup();
  rmSync(work, { recursive: true, force: true });
});

// --- tiny OOXML readers ------------------------------------------------------------------------

const attr = (xml: string, name: string) => new RegExp(`w:${name}="([^"]*)"`).exec(xml)?.[1];
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const textOf = (xml: string) =>
  unescape([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
    xml: m[0],
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? null,
    text: textOf(m[0]),
  }));
function style(id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles);
  if (!m) throw new Error(`style ${id} missing`);
  return m[0];
}
/** Rows of the (only) table, each a list of cell texts; a merged-on cell reads as ''. */
const tableRows = () => {
  const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc)![0];
  return [...tbl.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
    [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])),
  );
};

describe('the rectification notice DOCX', () => {
  it('is named after the department', () => {
    expect(fileName).toBe(`整改通知书-${dept.departmentName}.docx`);
    expect(Buffer.from(docx.subarray(0, 2)).toString('latin1')).toBe('PK');
  });

  it('has the GB/T 9704 page: A4, margins 37/28/35/26 mm, odd and even page numbers', () => {
    const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(doc)![0];
    const size = /<w:pgSz [^>]*>/.exec(sect)![0];
    expect(Number(attr(size, 'w'))).toBe(NOTICE_PAGE.width);
    expect(Number(attr(size, 'h'))).toBe(NOTICE_PAGE.height);
    const mar = /<w:pgMar [^>]*>/.exec(sect)![0];
    expect(Number(attr(mar, 'top'))).toBe(2098); // 37 mm
    expect(Number(attr(mar, 'left'))).toBe(1587); // 28 mm
    expect(Number(attr(mar, 'bottom'))).toBe(1984); // 35 mm
    expect(Number(attr(mar, 'right'))).toBe(1474); // 26 mm
    expect(sect).toMatch(/<w:footerReference w:type="default"/);
    expect(sect).toMatch(/<w:footerReference w:type="even"/);
    expect(zip.readText('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = [...zip.entries.keys()].filter((n) => /^word\/footer\d+\.xml$/.test(n));
    expect(footers.length).toBe(2);
    for (const f of footers) {
      const xml = zip.readText(f);
      expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(textOf(xml)).toBe('—  —');
    }
  });

  it('sets the fonts and sizes of title, body, headings, table and page numbers', () => {
    expect(style(RECTIFY_STYLE.title)).toContain('w:eastAsia="方正小标宋简体"');
    expect(style(RECTIFY_STYLE.title)).toContain('<w:sz w:val="44"/>'); // 2号 22 pt
    const body = style(RECTIFY_STYLE.body);
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>'); // 3号 16 pt
    expect(body).toMatch(/<w:spacing [^>]*w:line="560"[^>]*w:lineRule="exact"/); // fixed 28 pt
    expect(body).toMatch(/w:firstLine="640"/); // 2 characters
    expect(style(RECTIFY_STYLE.h1)).toContain('w:eastAsia="黑体"');
    expect(style(RECTIFY_STYLE.tableHead)).toContain('w:eastAsia="黑体"');
    expect(style(RECTIFY_STYLE.footer)).toContain('w:eastAsia="宋体"');
    expect(style(RECTIFY_STYLE.footer)).toContain('<w:sz w:val="28"/>'); // 4号 14 pt
  });

  it('is addressed to the department, with the title, the number and the opening figures', () => {
    const ps = paragraphs(doc);
    const texts = ps.map((p) => p.text);
    expect(texts).toContain('东司法函〔2026〕12号');
    const title = ps.find((p) => p.style === RECTIFY_STYLE.title && p.text.startsWith('关于'))!;
    expect(title.text).toBe('关于2025年度行政执法案卷评查问题整改的通知');
    // Too long for one line of 2号: two lines, the upper one the longer (a trapezoid).
    expect(title.xml.match(/<w:br\/>/g)?.length).toBe(1);
    expect(rectifyTitleLines('zh-CN', 2025)).toEqual([
      '关于2025年度行政执法案卷',
      '评查问题整改的通知',
    ]);
    expect(rectifyTitleLines('en-US', 2025)).toHaveLength(1);
    expect(texts).toContain(`${dept.departmentName}：`);
    const row = model.departments.find((d) => d.departmentName === dept.departmentName)!;
    const opening = texts.find((x) => x.startsWith('东湖区司法局组织开展了'))!;
    expect(opening).toContain('2025年度行政执法案卷评查（示例）');
    expect(opening).toContain(
      `被抽查的${row.finalFiles}件案卷平均得分${(row.meanHundredths! / 100).toFixed(2)}分`,
    );
    expect(opening).toContain(`存在问题${items.length}个，涉及案卷${dept.problemFiles}件`);
    for (const g of row.grades.filter((x) => x.count > 0)) {
      expect(opening).toContain(`${g.grade}${g.count}件`);
    }
  });

  it('lists every notified problem per file: case number, problem, reason, pages', () => {
    const rows = tableRows();
    expect(rows[0]).toEqual(['序号', '案号', '存在问题', '扣分理由', '页码']);
    expect(rows.length - 1).toBe(items.length);
    const widths = [...doc.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(
      PROBLEM_COLUMNS_MM.reduce((a, b) => a + b, 0) * 56.6929,
      -1,
    );
    let caseNo = '';
    items.forEach((it, i) => {
      const r = rows[i + 1]!;
      expect(r[0]).toBe(String(i + 1));
      // The case number (with the file's final score) heads the first row of each file; the
      // cell is merged down over the file's other rows.
      if (it.caseNo !== caseNo) {
        caseNo = it.caseNo;
        const f = model.files.find((x) => x.caseNo === it.caseNo)!;
        expect(r[1]).toBe(`${it.caseNo}得分 ${formatPoints(f.final!.total)}（${f.final!.grade}）`);
      } else {
        expect(r[1]).toBe('');
      }
      expect(r[2]).toBe(it.source === 'veto' ? `否决项：${it.description}` : it.description);
      expect(r[3]).toBe(it.reason || '—');
      expect(r[4]).toBe(it.pages || '—');
    });
    expect(doc.match(/<w:vMerge w:val="restart"\/>/g)?.length ?? 0).toBe(
      new Set(items.map((i) => i.caseNo)).size -
        [...new Set(items.map((i) => i.caseNo))].filter(
          (c) => items.filter((i) => i.caseNo === c).length === 1,
        ).length,
    );
    expect(doc).toContain('<w:tblHeader/>');
  });

  it('states the deadline, then signs and dates the notice', () => {
    const texts = paragraphs(doc).map((p) => p.text);
    expect(texts.some((x) => x.includes('请于2026年12月31日前将书面整改报告'))).toBe(true);
    const sign = texts.lastIndexOf('东湖区司法局');
    expect(sign).toBeGreaterThan(0);
    expect(texts[sign + 1]).toBe('2026年11月23日');
  });

  const soffice = which('libreoffice', 'soffice');
  it.skipIf(!soffice || !which('pdfinfo'))(
    'converts with LibreOffice: title first, every page numbered, the signature with the last paragraph',
    () => {
      // (skipped only where LibreOffice or poppler-utils is not installed)
      const path = join(work, 'rectify.docx');
      writeFileSync(path, docx);
      const pdf = toPdf(soffice!, path, work);
      const pages = pdfPages(pdf);
      const text = (n: number) =>
        execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], {
          encoding: 'utf8',
        }).replace(/\s+/g, '');
      const all = Array.from({ length: pages }, (_, i) => text(i + 1));
      // A department with 4 files and ~25 problems: the table runs over the pages after the first.
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(8);
      expect(all[0]).toContain('关于2025年度行政执法案卷评查问题整改的通知');
      expect(all[0]).toContain(`${dept.departmentName}：`);
      all.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(`—${i + 1}—`));
      // The last page carries the last requirement with the 署名 and date: never the signature alone.
      const last = all[pages - 1]!;
      expect(last).toContain('2026年11月23日');
      expect(last).toContain('纳入法治政府建设考核');
      expect(all.join('')).toContain('请于2026年12月31日前将书面整改报告');
      // RECTIFY_PAGES=<folder> keeps PNGs of the pages to look at.
      if (process.env.RECTIFY_PAGES) {
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '80',
          pdf,
          join(process.env.RECTIFY_PAGES, 'rectify'),
        ]);
      }
    },
    120_000,
  );
});
