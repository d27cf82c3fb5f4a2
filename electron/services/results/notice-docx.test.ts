// The evaluation notice on a real workspace (the demo campaign, scored and settled through the
// API): the DOCX is unzipped with our ZipReader and checked against GB/T 9704 (domain.md §4) and
// against the results model; then LibreOffice converts it to PDF and the pages are checked.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeFormInput } from '../../../core/api/methods/results';
import { formatHundredths } from '../../../core/results/collate';
import type { ResultsModel } from '../../../core/results/results';
import { formatPoints } from '../../../core/standards/model';
import { ZipReader } from '../import/zip';
import { testApp, type TestApp } from '../testing';
import { pdfPages, resultsWorkspace, toPdf, which, type ResultsWorkspace } from './testing';

let t: TestApp;
let w: ResultsWorkspace;
let model: ResultsModel;
let docx: Uint8Array;
let fileName: string;
let zip: ZipReader;
let doc: string;
let styles: string;
const work = mkdtempSync(join(tmpdir(), 'notice-'));

const notice: NoticeFormInput = {
  issuer: '东湖区司法局',
  docNumber: { code: '东司通', year: 2026, serial: 5 },
  recipients: '各行政执法部门',
  date: '2026-01-05',
  paragraphs: {
    basis: ['根据《东湖区行政执法案卷评查办法》，区司法局组织开展了2026年度行政执法案卷评查。'],
    nextSteps: ['各单位要加强执法人员培训。', '区司法局将定期开展案卷抽查。'],
  },
  cc: '市司法局，区人民检察院',
  printer: '东湖区司法局办公室',
};

beforeAll(async () => {
  t = await testApp();
  w = await resultsWorkspace(t);
  model = (
    await t.ok<{ model: ResultsModel }>('results.get', { campaignId: w.campaignId }, w.session)
  ).model;
  const out = await t.ok<{ fileName: string; bytes: Uint8Array }>(
    'results.noticeDocx',
    { campaignId: w.campaignId, notice },
    w.session,
  );
  docx = out.bytes;
  fileName = out.fileName;
  zip = new ZipReader(docx);
  doc = zip.readText('word/document.xml');
  styles = zip.readText('word/styles.xml');
}, 60_000);
afterAll(() => {
  t.cleanup();
  rmSync(work, { recursive: true, force: true });
});

// --- tiny OOXML readers ------------------------------------------------------------------------

const attr = (xml: string, name: string) => new RegExp(`w:${name}="([^"]*)"`).exec(xml)?.[1];
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
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
const tables = (xml: string) =>
  [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) =>
    [...m[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
      [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0])),
    ),
  );

describe('the notice DOCX (GB/T 9704)', () => {
  it('is named after its title and opens as a ZIP with the parts Word needs', () => {
    expect(fileName).toBe('关于2026年度行政执法案卷评查情况的通报.docx');
    for (const part of ['word/document.xml', 'word/styles.xml', 'word/settings.xml']) {
      expect(zip.has(part), part).toBe(true);
    }
  });

  it('is A4 with margins 37 / 28 / 35 / 26 mm', () => {
    const pgSz = /<w:pgSz [^>]*\/>/.exec(doc)![0];
    expect(attr(pgSz, 'w')).toBe('11906');
    expect(attr(pgSz, 'h')).toBe('16838');
    const pgMar = /<w:pgMar [^>]*\/>/.exec(doc)![0];
    const twips = (mm: number) => String(Math.round((mm * 1440) / 25.4));
    expect(attr(pgMar, 'top')).toBe(twips(37));
    expect(attr(pgMar, 'left')).toBe(twips(28));
    expect(attr(pgMar, 'bottom')).toBe(twips(35));
    expect(attr(pgMar, 'right')).toBe(twips(26));
  });

  it('sets the title in 2号 方正小标宋简体, centred, and the body in 3号 仿宋_GB2312 at exactly 28 pt', () => {
    const title = style('NoticeTitle');
    expect(attr(/<w:rFonts [^>]*\/>/.exec(title)![0], 'eastAsia')).toBe('方正小标宋简体');
    expect(attr(/<w:sz [^>]*\/>/.exec(title)![0], 'val')).toBe('44');
    expect(attr(/<w:jc [^>]*\/>/.exec(title)![0], 'val')).toBe('center');
    const body = style('NoticeBody');
    expect(attr(/<w:rFonts [^>]*\/>/.exec(body)![0], 'eastAsia')).toBe('仿宋_GB2312');
    expect(attr(/<w:sz [^>]*\/>/.exec(body)![0], 'val')).toBe('32');
    const spacing = /<w:spacing [^>]*\/>/.exec(body)![0];
    expect(attr(spacing, 'line')).toBe('560');
    expect(attr(spacing, 'lineRule')).toBe('exact');
    // 2-character first-line indent: 2 × 16 pt = 640 twips.
    expect(attr(/<w:ind [^>]*\/>/.exec(body)![0], 'firstLine')).toBe('640');
    // The title paragraph carries the title text.
    const ps = paragraphs(doc);
    expect(ps.find((p) => p.style === 'NoticeTitle' && p.text.startsWith('关于'))!.text).toBe(
      '关于2026年度行政执法案卷评查情况的通报',
    );
  });

  it('sets 一、 headings in 黑体 and （一） headings in 楷体_GB2312, all 3号', () => {
    for (const [id, font] of [
      ['NoticeHeading1', '黑体'],
      ['NoticeHeading2', '楷体_GB2312'],
    ] as const) {
      const s = style(id);
      expect(attr(/<w:rFonts [^>]*\/>/.exec(s)![0], 'eastAsia'), id).toBe(font);
      expect(attr(/<w:sz [^>]*\/>/.exec(s)![0], 'val'), id).toBe('32');
    }
    const ps = paragraphs(doc);
    expect(ps.filter((p) => p.style === 'NoticeHeading1').map((p) => p.text)).toEqual([
      '一、基本情况',
      '二、评查结果',
      '三、存在的主要问题',
      '四、整改要求',
      '五、下一步工作',
    ]);
    const h2 = ps.filter((p) => p.style === 'NoticeHeading2').map((p) => p.text);
    expect(h2[0]).toMatch(/^（一）/);
  });

  it('has the 发文字号 with 〔〕, the 主送机关 ending in "：", the date without zero padding', () => {
    const ps = paragraphs(doc);
    expect(ps.some((p) => p.text === '东司通〔2026〕5号')).toBe(true);
    const recipients = ps.find((p) => p.text === '各行政执法部门：')!;
    expect(recipients.style).toBe('NoticeFlush');
    const date = ps.find((p) => p.text === '2026年1月5日')!;
    expect(attr(/<w:jc [^>]*\/>/.exec(date.xml)![0], 'val')).toBe('right');
    // 4 characters from the right: 4 × 320 twips.
    expect(attr(/<w:ind [^>]*\/>/.exec(date.xml)![0], 'right')).toBe('1280');
    // The deadline: 30 days after the date.
    expect(ps.some((p) => p.text.includes('2026年2月4日前'))).toBe(true);
    // 附件说明.
    expect(ps.some((p) => p.text === '附件：1.\t各单位案卷评查得分汇总表')).toBe(true);
  });

  it('numbers pages "— n —" in 4号 宋体 with a PAGE field, odd pages right and even pages left', () => {
    expect(zip.readText('word/settings.xml')).toMatch(/<w:evenAndOddHeaders\/>/);
    const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(doc)![0];
    const refs = [...sect.matchAll(/<w:footerReference [^>]*\/>/g)].map((m) => ({
      type: attr(m[0], 'type'),
      id: /r:id="([^"]+)"/.exec(m[0])![1]!,
    }));
    expect(refs.map((r) => r.type).sort()).toEqual(['default', 'even']);
    const rels = zip.readText('word/_rels/document.xml.rels');
    const footer = (id: string) =>
      zip.readText(`word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`);
    const jc = (xml: string) => attr(/<w:jc [^>]*\/>/.exec(xml)![0], 'val');
    const odd = footer(refs.find((r) => r.type === 'default')!.id);
    const even = footer(refs.find((r) => r.type === 'even')!.id);
    for (const f of [odd, even]) {
      expect(f).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(textOf(f)).toMatch(/^— .* —$/);
      expect(f).toContain('w:val="NoticePageNumber"');
    }
    expect(jc(odd)).toBe('right');
    expect(jc(even)).toBe('left');
    const pn = style('NoticePageNumber');
    expect(attr(/<w:rFonts [^>]*\/>/.exec(pn)![0], 'eastAsia')).toBe('宋体');
    expect(attr(/<w:sz [^>]*\/>/.exec(pn)![0], 'val')).toBe('28');
  });

  it('prints the results model: totals in the text, and every number of the tables', () => {
    const ps = paragraphs(doc).map((p) => p.text);
    const tot = model.totals;
    expect(tot.finalFiles).toBeGreaterThan(0);
    expect(
      ps.some((p) =>
        p.includes(
          `已确定最终得分的案卷${tot.finalFiles}件，平均得分${formatHundredths(tot.meanHundredths!)}分`,
        ),
      ),
    ).toBe(true);
    expect(
      ps.some((p) =>
        p.includes(
          `本次评查共发现问题${model.problems.problems}个，涉及案卷${model.problems.filesWithProblems}件`,
        ),
      ),
    ).toBe(true);

    const [depts, excellent, ...problemTables] = tables(doc);
    // Attachment 1: one row per department, in the model's order.
    expect(depts![0]).toEqual([
      '序号',
      '单位',
      '评查案卷数',
      '已定分',
      '平均得分',
      ...model.grades.map((g) => g.name),
      '排名',
    ]);
    expect(depts!.slice(1)).toEqual(
      model.departments.map((d, i) => [
        String(i + 1),
        d.departmentName,
        String(d.files),
        String(d.finalFiles),
        d.meanHundredths === null ? '未定分' : formatHundredths(d.meanHundredths),
        ...d.grades.map((g) => String(g.count)),
        d.rank === null ? '—' : d.tied ? `${d.rank}（并列）` : String(d.rank),
      ]),
    );
    // Attachment 2: the excellent files.
    expect(model.excellent.length).toBeGreaterThan(0);
    expect(excellent!.slice(1)).toEqual(
      model.excellent.map((f, i) => [
        String(i + 1),
        f.departmentName,
        f.caseNo,
        f.caseTypeName,
        formatPoints(f.total),
      ]),
    );
    // Attachment 3: per department with problems (model order), its problems by type: the
    // department's own frequencies in the model, with the case numbers of the files concerned.
    const caseNo = new Map(model.files.map((f) => [f.caseId, f.caseNo]));
    const expected = model.departments
      .filter((d) => d.problems.problems > 0)
      .map((d) => [
        ...d.problems.byTag.map((x) => [
          x.name,
          String(x.occurrences),
          String(x.files),
          x.caseIds.map((id) => caseNo.get(id)).join('、'),
        ]),
        ...(d.problems.untagged.occurrences
          ? [
              [
                '未标注问题类型',
                String(d.problems.untagged.occurrences),
                String(d.problems.untagged.files),
                d.problems.untagged.caseIds.map((id) => caseNo.get(id)).join('、'),
              ],
            ]
          : []),
      ]);
    expect(expected.length).toBeGreaterThan(0);
    expect(problemTables[0]![0]).toEqual([
      '序号',
      '问题类型',
      '类别',
      '问题数',
      '涉及案卷数',
      '案卷编号',
    ]);
    expect(problemTables.map((tb) => tb.slice(1).map((r) => [r[1], r[3], r[4], r[5]]))).toEqual(
      expected,
    );
    // The department headings name the departments in the same order.
    const heads = paragraphs(doc)
      .filter(
        (p) => p.style === 'NoticeHeading2' && /^（[一二三四五六七八九十]+）东湖区/.test(p.text),
      )
      .map((p) => p.text.replace(/^（[^）]+）/, ''));
    expect(heads).toEqual(
      model.departments.filter((d) => d.problems.problems > 0).map((d) => d.departmentName),
    );
  });

  it('quotes typical examples without naming a department, a party or a case number', () => {
    const body = paragraphs(doc)
      .filter((p) => p.style === 'NoticeBody' && p.text.includes('如某单位某案卷中'))
      .map((p) => p.text);
    expect(body.length).toBeGreaterThan(0);
    for (const text of body) {
      for (const d of model.departments) expect(text).not.toContain(d.departmentName);
      for (const f of model.files) {
        expect(text).not.toContain(f.caseNo);
        const party = f.title.split(' · ')[0];
        if (party && party.length >= 2) expect(text).not.toContain(party);
      }
    }
  });

  const soffice = which('libreoffice', 'soffice');
  it.skipIf(!soffice || !which('pdfinfo'))(
    'converts with LibreOffice to the expected pages: body, then each attachment on a new page, 版记 last',
    () => {
      // (skipped only where LibreOffice or poppler-utils is not installed)
      const path = join(work, 'notice.docx');
      writeFileSync(path, docx);
      const pdf = toPdf(soffice!, path, work);
      const pages = pdfPages(pdf);
      const text = (n: number) =>
        execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], {
          encoding: 'utf8',
        });
      // Without spaces: pdftotext spaces out runs of CJK and Latin text.
      const all = Array.from({ length: pages }, (_, i) => text(i + 1).replace(/\s+/g, ''));
      const first = (s: string) => all.findIndex((p) => p.startsWith(s)) + 1;
      const signed = all.findIndex((p) => p.includes('2026年1月5日') && !p.includes('印发')) + 1;
      // The body ends with the signature; the three attachments follow, each on a new page:
      // the department table and the excellent list are one page each here (≤ 12 rows), the
      // problem list runs to the end, where the 版记 closes the last page.
      expect(signed).toBeGreaterThan(1);
      expect(first('附件1')).toBe(signed + 1);
      expect(first('附件2')).toBe(signed + 2);
      expect(first('附件3')).toBe(signed + 3);
      const imprint = all.findIndex((p) => p.includes('2026年1月5日印发')) + 1;
      expect(imprint).toBe(pages);
      expect(pages).toBeGreaterThanOrEqual(signed + 3);
      expect(pages).toBeLessThanOrEqual(signed + 5);
      // Every page carries its number.
      all.forEach((p, i) => expect(p, `page ${i + 1}`).toContain(`—${i + 1}—`));
    },
    120_000,
  );
});
