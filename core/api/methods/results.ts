// Results of a campaign (issue 7): the results model with the agreement between evaluators, and
// the documents made from it — the evaluation notice (评查情况通报, GB/T 9704), the per-file
// score sheets (评查表) and the score workbook for the upper-level platform. Coordinator only.
import { z } from 'zod';
import type { AgreementReport } from '../../results/agreement';
import type { NoticeContent } from '../../results/notice';
import type { ResultsModel } from '../../results/results';
import type { ScoreSheetContent } from '../../results/score-sheet';
import { BytesSchema } from '../bytes';
import { COORDINATOR, method } from '../define';

const Id = z.string().min(1).max(100);

/** A calendar date as the form gives it; the notice prints it as 2026年1月5日. */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { error: 'validation.date' });

const FileSchema = z.object({ fileName: z.string(), bytes: BytesSchema });

/**
 * 发文字号: 机关代字 + 〔year〕 + serial + 号 (domain.md §4: year in full inside 六角括号, no 第,
 * no leading zeros — hence numbers, not text). An empty code leaves the line out.
 */
export const DocNumberSchema = z.strictObject({
  code: z.string().trim().max(20),
  year: z.number().int().min(2000).max(2100),
  serial: z.number().int().min(1).max(99_999),
});
export type DocNumber = z.infer<typeof DocNumberSchema>;

const Paragraphs = z.array(z.string().trim().min(1).max(2000)).max(20);

/** The variable parts of the notice the coordinator edits before exporting. */
export const NoticeFormSchema = z.strictObject({
  /** 发文机关 (署名). */
  issuer: z.string().trim().min(1).max(60),
  docNumber: DocNumberSchema.nullable().default(null),
  /** 主送机关, as written (names separated by 、 or ，); the colon is added. */
  recipients: z.string().trim().min(1).max(300),
  /** Default: 关于{year}年度行政执法案卷评查情况的通报. */
  title: z.string().trim().min(1).max(120).optional(),
  /** 成文日期. */
  date: IsoDate,
  /** Days from the date to the rectification deadline; ignored when `deadline` is given. */
  rectifyDays: z.number().int().min(1).max(365).default(30),
  deadline: IsoDate.nullable().default(null),
  /** The free parts: the basis opening 基本情况, and 下一步工作. */
  paragraphs: z.strictObject({ basis: Paragraphs, nextSteps: Paragraphs }),
  /** 抄送 (版记); empty: no line. */
  cc: z.string().trim().max(300).default(''),
  /** 印发机关 (版记); empty: no line. */
  printer: z.string().trim().max(60).default(''),
});
export type NoticeForm = z.infer<typeof NoticeFormSchema>;
export type NoticeFormInput = z.input<typeof NoticeFormSchema>;

// The results model and the agreement report are TypeScript types built by core code
// (core/results); the dispatcher passes them through unchanged rather than through a second,
// hand-kept zod copy of ~40 interfaces that could drift from them.
const ResultsModelSchema = z.custom<ResultsModel>(
  (v) => typeof v === 'object' && v !== null && 'files' in v && 'totals' in v,
);
const AgreementSchema = z.custom<AgreementReport>(
  (v) => typeof v === 'object' && v !== null && 'icc' in v,
);

// The notice's and the score sheets' content models (core/results/notice.ts, score-sheet.ts),
// passed through the same way.
const NoticeContentSchema = z.custom<NoticeContent>(
  (v) => typeof v === 'object' && v !== null && 'sections' in v && 'attachments' in v,
);
const ScoreSheetContentSchema = z.custom<ScoreSheetContent>(
  (v) => typeof v === 'object' && v !== null && 'rows' in v && 'info' in v,
);

/** The tables of the statistics screen that export as XLSX (results.tableXlsx). */
export const RESULT_TABLES = [
  'departments',
  'files',
  'excellent',
  'failed',
  'problems',
  'leniency',
  'grades',
] as const;
export type ResultTableName = (typeof RESULT_TABLES)[number];

export const resultsMethods = {
  /** The one results model (every number of the notice, workbook and screen) and the agreement. */
  'results.get': method({
    input: z.strictObject({ campaignId: Id }),
    output: z.object({
      campaignId: z.string(),
      name: z.string(),
      year: z.number().int(),
      model: ResultsModelSchema,
      agreement: AgreementSchema,
    }),
    access: COORDINATOR,
  }),
  /** The notice form, prefilled (issuer from the organiser, today's date, default paragraphs). */
  'results.noticeDefaults': method({
    input: z.strictObject({ campaignId: Id }),
    output: NoticeFormSchema.extend({
      title: z.string(),
      docNumber: DocNumberSchema,
    }),
    access: COORDINATOR,
  }),
  'results.noticeDocx': method({
    input: z.strictObject({ campaignId: Id, notice: NoticeFormSchema }),
    output: FileSchema,
    access: COORDINATOR,
    long: true,
  }),
  /** One 评查表: a file's sheet (default: every submitted sheet of the file, one after another). */
  'results.scoreSheetDocx': method({
    input: z.strictObject({ campaignId: Id, caseId: Id, sheetId: Id.optional() }),
    output: FileSchema,
    access: COORDINATOR,
  }),
  /** Every submitted sheet of the campaign, one DOCX per file, in a ZIP. */
  'results.scoreSheetsZip': method({
    input: z.strictObject({ campaignId: Id }),
    output: FileSchema,
    access: COORDINATOR,
    long: true,
  }),
  /** The score workbook for the upper-level platform (files; departments). */
  'results.workbook': method({
    input: z.strictObject({ campaignId: Id }),
    output: FileSchema,
    access: COORDINATOR,
    long: true,
  }),
  /**
   * The notice's content (every word, number and table) for the form's live preview and the PDF:
   * the same content the DOCX is written from.
   */
  'results.noticeContent': method({
    input: z.strictObject({ campaignId: Id, notice: NoticeFormSchema }),
    output: NoticeContentSchema,
    access: COORDINATOR,
  }),
  /** The content of a file's score sheets (as results.scoreSheetDocx), for the printable PDF. */
  'results.scoreSheetContent': method({
    input: z.strictObject({ campaignId: Id, caseId: Id, sheetId: Id.optional() }),
    output: z.object({
      /** The PDF's file name (as the DOCX's, with .pdf). */
      fileName: z.string(),
      sheets: z.array(ScoreSheetContentSchema),
    }),
    access: COORDINATOR,
  }),
  /** One table of the statistics screen as XLSX, from the same results model. */
  'results.tableXlsx': method({
    input: z.strictObject({ campaignId: Id, table: z.enum(RESULT_TABLES) }),
    output: FileSchema,
    access: COORDINATOR,
  }),
};
