// The content of the evaluation notice (评查情况通报, domain.md §6), as ONE pure model that every
// rendering of the notice draws: the DOCX writer (electron/services/results/notice-docx.ts), the
// live HTML preview of the notice form and the PDF printed from that same HTML
// (renderer/features/reports/NoticeDocument.tsx). Everything a reader sees — the words, the
// numbers, the tables of the attachments — is decided here, from the results model
// (core/results/results.ts) and the coordinator's form; the renderers decide only the layout
// (GB/T 9704: fonts, sizes, margins, page breaks).
//
// Pure: no I/O; the text comes from the dictionaries through core `translate`.
import type { Locale } from '../accounts/schemas';
import type { NoticeForm } from '../api/methods/results';
import { translate } from '../i18n';
import { formatPoints } from '../standards/model';
import { formatHundredths } from './collate';
import type { ResultsModel, Section } from './results';

// ---------------------------------------------------------------------------------------------
// Formatting shared by the documents made from the results

/**
 * 成文日期 as GB/T 9704 writes it: Arabic numerals, year in full, no zero padding
 * (2026-01-05 → 2026年1月5日).
 */
export function officialDate(locale: Locale, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return translate(locale, 'resultsDocs.notice.date', { year: y, month: m, day: d });
}

/** The calendar date `days` after an ISO date (no time zone involved: both are dates). */
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Removes names from a reason before it is quoted as a "typical example" (the notice names no
 * department and no party there): every known department name, party name and case number is
 * replaced (longest first, so 东湖区市场监督管理局 goes before 东湖区). A name the app does not
 * know (a person typed into the reason) cannot be found this way; reasons are written about the
 * file, and the form's preview lets the coordinator read the notice before it is sent.
 */
export function anonymiser(
  locale: Locale,
  known: { departments: Iterable<string>; parties: Iterable<string>; caseNos: Iterable<string> },
): (text: string) => string {
  const t = (k: string) => translate(locale, `resultsDocs.notice.${k}`);
  const pairs: [string, string][] = [];
  for (const d of known.departments)
    if (d.trim().length >= 2) pairs.push([d.trim(), t('anonUnit')]);
  for (const p of known.parties) if (p.trim().length >= 2) pairs.push([p.trim(), t('anonParty')]);
  for (const c of known.caseNos) if (c.trim().length >= 2) pairs.push([c.trim(), t('anonCase')]);
  pairs.sort((a, b) => b[0].length - a[0].length);
  return (text) => {
    let out = text;
    for (const [name, by] of pairs) if (out.includes(name)) out = out.split(name).join(by);
    return out;
  };
}

/** A reason as one clause of a sentence: trimmed, without its own end punctuation. */
export const clause = (s: string) =>
  s
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[。；;，,.、！!？?\s]+$/u, '');

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一, 二 … 九十九 for the (一) headings; Arabic numerals in English. */
export function chineseNumeral(n: number, locale: Locale): string {
  if (locale !== 'zh-CN') return String(n);
  if (n <= 10) return NUMERALS[n]!;
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${NUMERALS[tens]}十${ones ? NUMERALS[ones] : ''}`;
}

/** Width of a text in characters of the body font (CJK and full-width 1, others ½). */
export function textChars(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.codePointAt(0)! <= 0xff ? 0.5 : 1;
  return n;
}

// ---------------------------------------------------------------------------------------------
// The content model

/** One column of a table: header, width in millimetres (a table's widths add up to 156, the 版心). */
export interface NoticeColumn {
  header: string;
  width: number;
  align: 'left' | 'center';
}

export interface NoticeTable {
  columns: NoticeColumn[];
  /** Cells as printed; every row has one cell per column. */
  rows: string[][];
}

/**
 * A block of the body or of an attachment: a （一） heading (楷体), a paragraph (仿宋, indented two
 * characters) or a table. The 一、 headings are the sections' own.
 */
export type NoticeBlock =
  | { kind: 'h2'; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'table'; table: NoticeTable };

export interface NoticeSection {
  /** 一、基本情况 … (黑体). */
  heading: string;
  blocks: NoticeBlock[];
}

export interface NoticeAttachment {
  /** 附件1 (黑体, flush left, on a new page). */
  label: string;
  /** The attachment's title (centred, as the notice's title). */
  title: string;
  blocks: NoticeBlock[];
}

export interface NoticeContent {
  locale: Locale;
  title: string;
  /**
   * 版头: the issuing organ's mark and the 发文字号 (with 〔〕) above the red line; null for the
   * "no 版头" variant (domain.md §4 [I]), chosen by leaving the 机关代字 empty.
   */
  header: { issuer: string; docNumber: string } | null;
  /** 主送机关, ending with a full-width colon. */
  recipients: string;
  /** 一、基本情况 / 二、评查结果 / 三、存在的主要问题 / 四、整改要求 / 五、下一步工作. */
  sections: NoticeSection[];
  /** 附件说明: "附件：" and the attachments' names, numbered 1., 2. … by the renderer. */
  attachmentsNote: { label: string; items: string[] };
  /** 署名 and 成文日期 (2026年1月5日). */
  signature: { issuer: string; date: string };
  /** The dates as given (ISO): the notice date and the rectification deadline. */
  dateIso: string;
  deadlineIso: string;
  attachments: NoticeAttachment[];
  /** 版记 (4号 仿宋, at the foot of the last page); null when there is neither 抄送 nor 印发机关. */
  imprint: { cc: string | null; printer: string | null; printedDate: string } | null;
}

export interface NoticeContext {
  locale: Locale;
  year: number;
  /** Campaign settings that the 基本情况 section describes. */
  mode: 'independent' | 'joint';
  perFile: number;
  /** For the anonymisation of typical examples. */
  parties: readonly string[];
}

/** The rectification deadline: the form's date, or the notice date plus `rectifyDays`. */
export const deadlineOf = (n: Pick<NoticeForm, 'deadline' | 'date' | 'rectifyDays'>) =>
  n.deadline ?? addDays(n.date, n.rectifyDays);

export const defaultNoticeTitle = (locale: Locale, year: number) =>
  translate(locale, 'resultsDocs.notice.title', { year });

const points = formatPoints;
const hundredths = formatHundredths;

/** Rows of attachment 1 (per department), as printed. */
export function departmentRows(model: ResultsModel, locale: Locale): string[][] {
  const t = (k: string, params: Record<string, unknown> = {}) =>
    translate(locale, `resultsDocs.notice.table.${k}`, params);
  return model.departments.map((d, i) => [
    String(i + 1),
    d.departmentName,
    String(d.files),
    String(d.finalFiles),
    d.meanHundredths === null ? t('pending') : hundredths(d.meanHundredths),
    ...d.grades.map((g) => String(g.count)),
    d.rank === null ? '—' : d.tied ? t('rankTied', { rank: d.rank }) : String(d.rank),
  ]);
}

/** Column widths (mm, 156 in all) of the per-department table for `g` grade columns. */
export function departmentWidths(g: number): number[] {
  const gradeW = 12;
  const fixed = [11, 0, 13, 13, 17];
  const rank = 19;
  const dept = 156 - fixed.reduce((a, b) => a + b, 0) - g * gradeW - rank;
  fixed[1] = dept;
  return [...fixed, ...Array<number>(g).fill(gradeW), rank];
}

const columns = (headers: string[], widths: number[], left: number[]): NoticeColumn[] =>
  headers.map((header, i) => ({
    header,
    width: widths[i]!,
    align: left.includes(i) ? 'left' : 'center',
  }));

/**
 * The notice's content: the form's variable parts (issuer, 发文字号, 主送机关, title, dates, the
 * free paragraphs, 抄送 and 印发机关) around the results model's numbers.
 */
export function noticeContent(
  model: ResultsModel,
  n: NoticeForm,
  ctx: NoticeContext,
): NoticeContent {
  const { locale } = ctx;
  const t = (k: string, params: Record<string, unknown> = {}) =>
    translate(locale, `resultsDocs.notice.${k}`, params);
  const tt = (k: string) => t(`table.${k}`);
  const sep = t('listSeparator');
  const title = n.title ?? defaultNoticeTitle(locale, ctx.year);
  const totals = model.totals;
  const p = (text: string): NoticeBlock => ({ kind: 'p', text });

  // 一、基本情况
  const types = model.caseTypes
    .map((c) => t('sampleType', { name: c.caseTypeName, count: c.files }))
    .join(sep);
  const basic: NoticeBlock[] = [
    ...n.paragraphs.basis.map(p),
    p(
      t('sample', {
        departments: totals.departments,
        files: totals.files,
        types,
        evaluators: totals.evaluators,
        mode:
          ctx.mode === 'joint' ? t('modeJoint') : t('modeIndependent', { perFile: ctx.perFile }),
      }),
    ),
  ];

  // 二、评查结果
  const results: NoticeBlock[] = [];
  if (totals.finalFiles > 0 && totals.meanHundredths !== null) {
    const grades = totals.grades
      .filter((g) => g.count > 0)
      .map((g) =>
        t('resultsGrade', {
          grade: g.grade,
          count: g.count,
          percent: hundredths(g.percentHundredths ?? 0),
        }),
      )
      .join(sep);
    let text = t('resultsTotals', {
      finalFiles: totals.finalFiles,
      mean: hundredths(totals.meanHundredths),
      grades,
    });
    if (totals.vetoFiles > 0) text += t('resultsVeto', { count: totals.vetoFiles });
    if (totals.pendingFiles > 0) text += t('resultsPending', { count: totals.pendingFiles });
    results.push(p(text));
    const top = model.departments.filter((d) => d.rank !== null && d.rank <= 3);
    if (top.length) {
      results.push(
        p(
          t('resultsTop', { names: top.map((d) => d.departmentName).join(sep) }) +
            t('resultsAnnex'),
        ),
      );
    }
  } else {
    results.push(p(t('resultsNoFinal')));
  }
  const anon = anonymiser(locale, {
    departments: model.departments.map((d) => d.departmentName),
    parties: ctx.parties,
    caseNos: model.files.map((f) => f.caseNo),
  });
  const commend = [...new Set(model.highlights.map((h) => clause(anon(h.text))))]
    .filter(Boolean)
    .slice(0, 3);
  if (commend.length) results.push(p(t('highlightsIntro', { items: commend.join('；') })));

  // 三、存在的主要问题: grouped 立卷 / 实体 / 程序 (domain.md §6), each with its most frequent
  // problem types and up to two anonymised typical examples from the evaluators' reasons.
  const problems: NoticeBlock[] = [];
  const freq = model.problems;
  const sectionOfGroup = new Map(freq.byGroup.map((g) => [g.code, g.section]));
  if (freq.problems === 0) {
    problems.push(p(t('problemsNone')));
  } else {
    problems.push(
      p(t('problemsIntro', { problems: freq.problems, files: freq.filesWithProblems })),
    );
    const sectionOfTag = (groupCode: string | null): Section =>
      sectionOfGroup.get(groupCode) ?? 'other';
    const tagSection = new Map(freq.byTag.map((x) => [x.code, sectionOfTag(x.groupCode)]));
    /** Up to two anonymised reasons of final files' problems that match, none quoted twice. */
    const quoted = new Set<string>();
    const examples = (match: (tags: string[]) => boolean) => {
      const out: string[] = [];
      for (const f of model.files) {
        if (!f.final) continue;
        for (const pr of f.problems) {
          if (!match(pr.tags)) continue;
          const r = clause(anon(pr.reason));
          if (r && !quoted.has(r)) {
            quoted.add(r);
            out.push(r);
          }
          if (out.length >= 2) return out;
        }
      }
      return out;
    };
    const order: Section[] = ['filing', 'substance', 'procedure', 'other'];
    let k = 0;
    for (const s of order) {
      const row = freq.bySection.find((x) => x.section === s);
      if (!row || row.occurrences === 0) continue;
      k += 1;
      problems.push({ kind: 'h2', text: t(`h2.${s}`, { n: chineseNumeral(k, locale) }) });
      const tags = freq.byTag
        .filter((x) => tagSection.get(x.code) === s)
        .slice(0, 4)
        .map((x) => t('tagCount', { name: x.name, count: x.occurrences }))
        .join(sep);
      let text = tags
        ? t('sectionCount', { occurrences: row.occurrences, files: row.files, tags })
        : t('sectionCountPlain', { occurrences: row.occurrences, files: row.files });
      for (const e of examples((tg) => tg.some((c) => tagSection.get(c) === s))) {
        text += t('example', { reason: e });
      }
      problems.push(p(text));
    }
    if (freq.untagged.occurrences > 0) {
      k += 1;
      problems.push({ kind: 'h2', text: t('h2.untagged', { n: chineseNumeral(k, locale) }) });
      let text = t('sectionCountPlain', {
        occurrences: freq.untagged.occurrences,
        files: freq.untagged.files,
      });
      for (const e of examples((tg) => tg.length === 0)) text += t('example', { reason: e });
      problems.push(p(text));
    }
  }

  // 四、整改要求
  const deadlineIso = deadlineOf(n);
  const deadline = officialDate(locale, deadlineIso);
  const rectify: NoticeBlock[] = [
    p(t('rectify1')),
    p(t('rectify2', { deadline, issuer: n.issuer })),
    p(t('rectify3')),
  ];

  // 附件
  const attachmentNames = [t('attachment1'), t('attachment2'), t('attachment3')];
  const attachments: NoticeAttachment[] = [];
  attachments.push({
    label: t('attachmentHead', { n: 1 }),
    title: attachmentNames[0]!,
    blocks: [
      {
        kind: 'table',
        table: {
          columns: columns(
            [
              tt('index'),
              tt('department'),
              tt('files'),
              tt('final'),
              tt('mean'),
              ...model.grades.map((g) => g.name),
              tt('rank'),
            ],
            departmentWidths(model.grades.length),
            [1],
          ),
          rows: departmentRows(model, locale),
        },
      },
    ],
  });
  attachments.push({
    label: t('attachmentHead', { n: 2 }),
    title: attachmentNames[1]!,
    blocks: model.excellent.length
      ? [
          {
            kind: 'table',
            table: {
              columns: columns(
                [tt('index'), tt('department'), tt('caseNo'), tt('caseType'), tt('score')],
                [12, 44, 60, 22, 18],
                [1, 2],
              ),
              rows: model.excellent.map((f, i) => [
                String(i + 1),
                f.departmentName,
                f.caseNo,
                f.caseTypeName,
                points(f.total),
              ]),
            },
          },
        ]
      : [p(tt('noExcellent'))],
  });

  // Attachment 3: per department, its problems by type (the tag vocabulary), with the number of
  // problems, of files, and the files' case numbers — the department's own problem frequency in
  // the model. (One row per file and problem would run to thousands of rows in a large campaign;
  // the per-file detail belongs to each department's 整改通知书.)
  const caseNoOf = new Map(model.files.map((f) => [f.caseId, f.caseNo]));
  const sectionName = (groupCode: string | null) =>
    translate(locale, `results.sections.${sectionOfGroup.get(groupCode) ?? 'other'}`);
  const perDepartment: NoticeBlock[] = [];
  let deptNo = 0;
  for (const d of model.departments) {
    const pf = d.problems;
    if (pf.problems === 0) continue;
    perDepartment.push({
      kind: 'h2',
      text: t('deptHead', { n: chineseNumeral(++deptNo, locale), name: d.departmentName }),
    });
    const rows = pf.byTag.map((x) => [
      x.name,
      sectionName(x.groupCode),
      String(x.occurrences),
      String(x.files),
      x.caseIds.map((id) => caseNoOf.get(id) ?? id).join('、'),
    ]);
    if (pf.untagged.occurrences > 0) {
      rows.push([
        translate(locale, 'results.untagged'),
        '—',
        String(pf.untagged.occurrences),
        String(pf.untagged.files),
        pf.untagged.caseIds.map((id) => caseNoOf.get(id) ?? id).join('、'),
      ]);
    }
    perDepartment.push({
      kind: 'table',
      table: {
        columns: columns(
          [
            tt('index'),
            tt('problemType'),
            tt('section'),
            tt('occurrences'),
            tt('fileCount'),
            tt('caseNos'),
          ],
          [10, 44, 12, 14, 14, 62],
          [1, 5],
        ),
        rows: rows.map((r, i) => [String(i + 1), ...r]),
      },
    });
  }
  if (!perDepartment.length) perDepartment.push(p(tt('noProblems')));
  attachments.push({
    label: t('attachmentHead', { n: 3 }),
    title: attachmentNames[2]!,
    blocks: perDepartment,
  });

  const date = officialDate(locale, n.date);
  return {
    locale,
    title,
    header:
      n.docNumber && n.docNumber.code
        ? {
            issuer: n.issuer,
            docNumber: t('docNumber', {
              code: n.docNumber.code,
              year: n.docNumber.year,
              serial: n.docNumber.serial,
            }),
          }
        : null,
    recipients: `${n.recipients.replace(/[：:]+$/u, '')}：`,
    sections: [
      { heading: t('h1.basic'), blocks: basic },
      { heading: t('h1.results'), blocks: results },
      { heading: t('h1.problems'), blocks: problems },
      { heading: t('h1.rectify'), blocks: rectify },
      { heading: t('h1.next'), blocks: n.paragraphs.nextSteps.map(p) },
    ],
    attachmentsNote: { label: t('attachmentsLabel'), items: attachmentNames },
    signature: { issuer: n.issuer, date },
    dateIso: n.date,
    deadlineIso,
    attachments,
    imprint:
      n.cc || n.printer
        ? {
            cc: n.cc ? `${t('ccLabel')}${n.cc.replace(/[。.]+$/u, '')}。` : null,
            printer: n.printer || null,
            printedDate: t('printedDate', { date }),
          }
        : null,
  };
}
