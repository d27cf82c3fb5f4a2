// The notice's content model on the hand-computed campaign of fixture.ts: every number it prints
// is the results model's (totals, grades and percentages, ranks, the three attachments), the
// form's variable parts land where they belong, typical examples name no department, party or
// case number, and the English notice carries the same numbers.
import { describe, expect, it } from 'vitest';
import { NoticeFormSchema, type NoticeFormInput } from '../api/methods/results';
import { formatPoints } from '../standards/model';
import { formatHundredths } from './collate';
import { CAMPAIGN } from './fixture';
import {
  addDays,
  anonymiser,
  chineseNumeral,
  clause,
  departmentWidths,
  noticeContent,
  officialDate,
  type NoticeBlock,
  type NoticeContent,
  type NoticeContext,
} from './notice';
import { buildResults, type ResultsModel } from './results';

const model = buildResults(CAMPAIGN);

const FORM: NoticeFormInput = {
  issuer: '东湖区司法局',
  docNumber: { code: '东司通', year: 2026, serial: 5 },
  recipients: '各行政执法部门：',
  date: '2026-01-05',
  paragraphs: { basis: ['根据评查办法开展评查。'], nextSteps: ['加强培训。', '定期抽查。'] },
  cc: '市司法局。',
  printer: '东湖区司法局办公室',
};
const CTX: NoticeContext = {
  locale: 'zh-CN',
  year: 2025,
  mode: 'independent',
  perFile: 2,
  parties: ['甲局案卷f1'],
};
const form = (over: Partial<NoticeFormInput> = {}) => NoticeFormSchema.parse({ ...FORM, ...over });
const content = noticeContent(model, form(), CTX);

const paragraphs = (c: NoticeContent) =>
  c.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'p' ? [b.text] : [])));
const tables = (blocks: NoticeBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));

describe('the notice content', () => {
  it('has the title, the 发文字号 with 〔〕, the 主送机关 with one colon, the signature and date', () => {
    expect(content.title).toBe('关于2025年度行政执法案卷评查情况的通报');
    expect(content.header).toEqual({ issuer: '东湖区司法局', docNumber: '东司通〔2026〕5号' });
    expect(content.recipients).toBe('各行政执法部门：');
    expect(content.signature).toEqual({ issuer: '东湖区司法局', date: '2026年1月5日' });
    expect(content.sections.map((s) => s.heading)).toEqual([
      '一、基本情况',
      '二、评查结果',
      '三、存在的主要问题',
      '四、整改要求',
      '五、下一步工作',
    ]);
    expect(content.attachmentsNote).toEqual({
      label: '附件：',
      items: ['各单位案卷评查得分汇总表', '优秀案卷名单', '各单位案卷评查问题清单'],
    });
    expect(content.attachments.map((a) => a.label)).toEqual(['附件1', '附件2', '附件3']);
    expect(content.imprint).toEqual({
      cc: '抄送：市司法局。',
      printer: '东湖区司法局办公室',
      printedDate: '2026年1月5日印发',
    });
  });

  it('leaves out the 版头 without a 机关代字, and the 版记 without 抄送 and 印发机关', () => {
    const c = noticeContent(
      model,
      form({ docNumber: { code: '', year: 2026, serial: 1 }, cc: '', printer: '' }),
      CTX,
    );
    expect(c.header).toBeNull();
    expect(c.imprint).toBeNull();
    expect(noticeContent(model, form({ title: '自定标题' }), CTX).title).toBe('自定标题');
  });

  it('puts the free paragraphs first in 基本情况 and as the whole of 下一步工作', () => {
    expect(content.sections[0]!.blocks[0]).toEqual({ kind: 'p', text: '根据评查办法开展评查。' });
    expect(content.sections[4]!.blocks).toEqual([
      { kind: 'p', text: '加强培训。' },
      { kind: 'p', text: '定期抽查。' },
    ]);
  });

  it('states the rectification deadline: the date plus the days, or the date given', () => {
    expect(content.deadlineIso).toBe('2026-02-04');
    expect(paragraphs(content).some((p) => p.includes('应于2026年2月4日前'))).toBe(true);
    const given = noticeContent(model, form({ deadline: '2026-03-31' }), CTX);
    expect(given.deadlineIso).toBe('2026-03-31');
    expect(paragraphs(given).some((p) => p.includes('应于2026年3月31日前'))).toBe(true);
    expect(noticeContent(model, form({ rectifyDays: 10 }), CTX).deadlineIso).toBe('2026-01-15');
  });

  it('prints the totals and the grade distribution of the model', () => {
    const tot = model.totals;
    const text = paragraphs(content).find((p) => p.startsWith('已确定最终得分的案卷'))!;
    expect(text).toContain(
      `已确定最终得分的案卷${tot.finalFiles}件，平均得分${formatHundredths(tot.meanHundredths!)}分`,
    );
    for (const g of tot.grades.filter((x) => x.count > 0)) {
      expect(text).toContain(
        `${g.grade}${g.count}件，占${formatHundredths(g.percentHundredths!)}%`,
      );
    }
    expect(text).toContain(`${tot.vetoFiles}件案卷触及否决项`);
    expect(text).toContain(`另有${tot.pendingFiles}件案卷尚在评查或复核中`);
    // By hand (fixture.ts): 7 final files, mean (940+860+0+995+900+900+900)/7 = 785.0 tenths.
    expect(text).toContain('已确定最终得分的案卷7件，平均得分78.50分');
    const sample = content.sections[0]!.blocks[1]!;
    expect(sample.kind === 'p' && sample.text).toContain(
      `从${tot.departments}个单位的行政执法案卷中随机抽取案卷${tot.files}件（行政处罚7件、行政许可1件）`,
    );
  });

  it('counts the problems as the model does, by section, with the most frequent tags', () => {
    const freq = model.problems;
    const problems = content.sections[2]!.blocks;
    expect(problems[0]).toEqual({
      kind: 'p',
      text: `本次评查共发现问题${freq.problems}个，涉及案卷${freq.filesWithProblems}件，各单位问题清单见附件3。主要问题如下：`,
    });
    const heads = problems.flatMap((b) => (b.kind === 'h2' ? [b.text] : []));
    const sections = ['filing', 'substance', 'procedure', 'other'].filter((s) =>
      freq.bySection.some((x) => x.section === s && x.occurrences > 0),
    );
    expect(heads).toHaveLength(sections.length + (freq.untagged.occurrences ? 1 : 0));
    heads.forEach((h, i) =>
      expect(h.startsWith(`（${chineseNumeral(i + 1, 'zh-CN')}）`)).toBe(true),
    );
    for (const [i, s] of sections.entries()) {
      const row = freq.bySection.find((x) => x.section === s)!;
      const body =
        problems[
          problems.indexOf(problems.find((b) => b.kind === 'h2' && b.text === heads[i])!) + 1
        ]!;
      expect(body.kind === 'p' && body.text).toContain(
        `共发现问题${row.occurrences}个，涉及案卷${row.files}件`,
      );
    }
  });

  it('quotes typical examples without naming a department, a party or a case number', () => {
    const examples = paragraphs(content).filter((p) => p.includes('如某单位某案卷中'));
    expect(examples.length).toBeGreaterThan(0);
    for (const text of examples) {
      for (const d of model.departments) expect(text).not.toContain(d.departmentName);
      for (const f of model.files) expect(text).not.toContain(f.caseNo);
      expect(text).not.toContain('甲局案卷f1');
    }
  });

  it('attachment 1: one row per department with the model’s numbers, in the model’s order', () => {
    const [t] = tables(content.attachments[0]!.blocks);
    expect(t!.columns.map((c) => c.header)).toEqual([
      '序号',
      '单位',
      '评查案卷数',
      '已定分',
      '平均得分',
      ...model.grades.map((g) => g.name),
      '排名',
    ]);
    expect(t!.columns.reduce((a, c) => a + c.width, 0)).toBe(156);
    expect(t!.rows).toEqual(
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
  });

  it('attachment 2: the excellent files; attachment 3: each department’s problems by type', () => {
    const [ex] = tables(content.attachments[1]!.blocks);
    expect(ex!.rows).toEqual(
      model.excellent.map((f, i) => [
        String(i + 1),
        f.departmentName,
        f.caseNo,
        f.caseTypeName,
        formatPoints(f.total),
      ]),
    );
    const blocks = content.attachments[2]!.blocks;
    const withProblems = model.departments.filter((d) => d.problems.problems > 0);
    expect(blocks.filter((b) => b.kind === 'h2').map((b) => b.kind === 'h2' && b.text)).toEqual(
      withProblems.map((d, i) => `（${chineseNumeral(i + 1, 'zh-CN')}）${d.departmentName}`),
    );
    const caseNo = new Map(model.files.map((f) => [f.caseId, f.caseNo]));
    expect(tables(blocks).map((t) => t.rows.map((r) => [r[1], r[3], r[4], r[5]]))).toEqual(
      withProblems.map((d) => [
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
      ]),
    );
  });

  it('says so when nothing is final yet, and when there is no excellent file', () => {
    const none: ResultsModel = buildResults({
      ...CAMPAIGN,
      files: CAMPAIGN.files.map((f) => ({ ...f, result: { ...f.result, state: 'waiting' } })),
    });
    const c = noticeContent(none, form(), CTX);
    expect(c.sections[1]!.blocks[0]).toEqual({ kind: 'p', text: '目前尚无确定最终得分的案卷。' });
    expect(c.sections[2]!.blocks).toEqual([
      { kind: 'p', text: '本次评查已定分案卷未发现扣分问题。' },
    ]);
    expect(c.attachments[1]!.blocks).toEqual([{ kind: 'p', text: '本次评查无优秀案卷。' }]);
    expect(c.attachments[2]!.blocks).toEqual([{ kind: 'p', text: '已定分案卷未发现扣分问题。' }]);
  });

  it('in English: the same numbers in English words', () => {
    const en = noticeContent(model, form(), { ...CTX, locale: 'en-US' });
    expect(en.title).toBe(
      'Notice on the evaluation of administrative enforcement case files, 2025',
    );
    expect(en.header?.docNumber).toBe('东司通 [2026] No. 5');
    expect(tables(en.attachments[0]!.blocks)[0]!.rows.map((r) => r.slice(1, 5))).toEqual(
      tables(content.attachments[0]!.blocks)[0]!.rows.map((r) => r.slice(1, 5)),
    );
    const totals = en.sections[1]!.blocks[0]!;
    expect(totals.kind === 'p' && totals.text).toBe(
      `7 files have a final score; the mean score is ${formatHundredths(model.totals.meanHundredths!)}. ` +
        '优秀: 5 (71.43%), 良好: 1 (14.29%), 不合格: 1 (14.29%). 1 files hit a veto item. ' +
        '1 files are still being scored or reviewed and are not counted here.',
    );
  });
});

describe('formatting helpers', () => {
  it('writes dates as GB/T 9704 does and counts days across months', () => {
    expect(officialDate('zh-CN', '2026-01-05')).toBe('2026年1月5日');
    expect(addDays('2026-01-05', 30)).toBe('2026-02-04');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('anonymises longest names first and trims clauses', () => {
    const anon = anonymiser('zh-CN', {
      departments: ['东湖区', '东湖区市场监督管理局'],
      parties: ['张某某公司'],
      caseNos: ['东市监罚〔2024〕12号'],
    });
    expect(anon('东湖区市场监督管理局对张某某公司作出东市监罚〔2024〕12号决定')).toBe(
      '某单位对某当事人作出某案卷决定',
    );
    expect(clause('  未告知听证权。 ')).toBe('未告知听证权');
  });

  it('numbers headings in Chinese and sizes the department table to the 版心', () => {
    expect([1, 10, 11, 20, 35].map((n) => chineseNumeral(n, 'zh-CN'))).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '三十五',
    ]);
    expect(chineseNumeral(3, 'en-US')).toBe('3');
    for (const g of [2, 3, 4, 5]) {
      expect(departmentWidths(g).reduce((a, b) => a + b, 0)).toBe(156);
    }
  });
});
