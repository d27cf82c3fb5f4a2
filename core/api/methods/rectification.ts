// Rectification (整改, issue 7 item 7; domain.md §6): after a campaign is finished, a 整改通知书 per
// department listing the problems of its files' final results with a deadline; one tracking row
// per problem (未整改 / 整改中 / 已整改 / 已复核) with the department's reply and evidence files;
// the overdue list; and a summary paragraph for the next notice. Coordinator only.
import { z } from 'zod';
import { RECTIFY_STATUSES } from '../../rectify/status';
import { BytesSchema } from '../bytes';
import { COORDINATOR, method } from '../define';
import { DocNumberSchema } from './results';

const Id = z.string().min(1).max(100);

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' })
  // A date that exists: 2026-02-30 parses (as 2 March) but does not come back the same.
  .refine(
    (s) => {
      const t = Date.parse(`${s}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
    },
    { error: 'validation.date' },
  );

export const RectifyStatusSchema = z.enum(RECTIFY_STATUSES);

const FileSchema = z.object({ fileName: z.string(), bytes: BytesSchema });

const CountsSchema = z.object({
  open: z.number().int(),
  in_progress: z.number().int(),
  rectified: z.number().int(),
  verified: z.number().int(),
});

const ProgressSchema = z.object({
  counts: CountsSchema,
  total: z.number().int(),
  resolved: z.number().int(),
  rateHundredths: z.number().int().nullable(),
  overdue: z.number().int(),
});

export const ExtensionSchema = z.object({
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  grantedBy: z.string().nullable(),
  grantedAt: z.string(),
});
export type Extension = z.infer<typeof ExtensionSchema>;

export const RectifyNoticeSchema = z.object({
  id: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  issuer: z.string(),
  docNumber: DocNumberSchema.nullable(),
  date: z.string(),
  /** The deadline in force: the notified one, or the last extension's. */
  deadline: z.string(),
  /** The deadline the 整改通知书 was issued with. */
  notifiedDeadline: z.string(),
  /** 整改延期 granted, oldest first. */
  extensions: z.array(ExtensionSchema),
  issuedAt: z.string(),
  issuedBy: z.string().nullable(),
});
export type RectifyNotice = z.infer<typeof RectifyNoticeSchema>;

export const EvidenceSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  addedBy: z.string().nullable(),
  addedAt: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const RectifyItemSchema = z.object({
  id: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  source: z.enum(['item', 'veto']),
  code: z.string(),
  /** What is wrong: the standard's item (or veto item). */
  description: z.string(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  reason: z.string(),
  pages: z.string(),
  status: RectifyStatusSchema,
  reply: z.string(),
  repliedAt: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  deadline: z.string(),
  /** Days past the deadline while not rectified; 0 otherwise. */
  overdueDays: z.number().int(),
  evidence: z.array(EvidenceSchema),
});
export type RectifyItem = z.infer<typeof RectifyItemSchema>;

export const DepartmentOverviewSchema = ProgressSchema.extend({
  departmentId: z.string(),
  departmentName: z.string(),
  /** Files of the department in the campaign, and those with a final score. */
  files: z.number().int(),
  finalFiles: z.number().int(),
  meanHundredths: z.number().int().nullable(),
  /** Problems of the final results (what a notice would track), and the files they are in. */
  problems: z.number().int(),
  problemFiles: z.number().int(),
  notice: RectifyNoticeSchema.nullable(),
  isOverdue: z.boolean(),
  overdueDays: z.number().int(),
});
export type DepartmentOverview = z.infer<typeof DepartmentOverviewSchema>;

const DepartmentProgressSchema = ProgressSchema.extend({
  departmentId: z.string(),
  departmentName: z.string(),
  deadline: z.string(),
  isOverdue: z.boolean(),
  overdueDays: z.number().int(),
});

const Paging = {
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
};

const ItemPage = z.object({
  asOf: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(RectifyItemSchema),
});

export const rectifyMethods = {
  /** Per department: files, problems of the final results, the notice, counts by status, overdue. */
  'rectify.overview': method({
    input: z.strictObject({ campaignId: Id }),
    output: z.object({
      campaignId: z.string(),
      name: z.string(),
      year: z.number().int(),
      status: z.string(),
      /** Today (the machine's local date): what overdue is computed against. */
      asOf: z.string(),
      /** For the issue form: the issuer, today, and today + 30 days. */
      defaults: z.object({ issuer: z.string(), date: z.string(), deadline: z.string() }),
      departments: z.array(DepartmentOverviewSchema),
      totals: ProgressSchema.extend({ problems: z.number().int(), notified: z.number().int() }),
    }),
    access: COORDINATOR,
  }),
  /**
   * Issues the notice to each department: records it and one tracking row per problem of its
   * files' final results, all in one transaction. A department already notified keeps its notice
   * and rows (`created: false`), so issuing twice changes nothing.
   */
  'rectify.issue': method({
    input: z.strictObject({
      campaignId: Id,
      departmentIds: z.array(Id).min(1).max(500),
      /** 发文机关; default: the campaign's organiser. */
      issuer: z.string().trim().min(1).max(60).optional(),
      docNumber: DocNumberSchema.nullable().default(null),
      /** 成文日期; default: today. */
      date: IsoDate.optional(),
      /** Default: the date plus `rectifyDays`. */
      deadline: IsoDate.optional(),
      rectifyDays: z.number().int().min(1).max(365).default(30),
    }),
    output: z.object({
      notices: z.array(
        z.object({
          notice: RectifyNoticeSchema,
          created: z.boolean(),
          problems: z.number().int(),
        }),
      ),
    }),
    access: COORDINATOR,
  }),
  /** The 整改通知书 of a notified department (GB/T 9704), as DOCX. */
  'rectify.noticeDocx': method({
    input: z.strictObject({ campaignId: Id, departmentId: Id }),
    output: FileSchema,
    access: COORDINATOR,
  }),
  /**
   * 整改延期: moves a notified department's deadline later, with the reason (the department's
   * request, the approval). `expected`: the deadline the screen showed, so that an extension
   * granted meanwhile is not silently replaced. The 整改通知书 keeps the notified deadline.
   */
  'rectify.extend': method({
    input: z.strictObject({
      campaignId: Id,
      departmentId: Id,
      deadline: IsoDate,
      reason: z.string().trim().min(1).max(500),
      expected: IsoDate,
    }),
    output: RectifyNoticeSchema,
    access: COORDINATOR,
  }),
  /** Tracked problems, filtered and paged. */
  'rectify.list': method({
    input: z.strictObject({
      campaignId: Id,
      departmentId: Id.nullable().default(null),
      statuses: z.array(RectifyStatusSchema).max(4).default([]),
      ...Paging,
    }),
    output: ItemPage,
    access: COORDINATOR,
  }),
  /** One problem with its history of changes. */
  'rectify.item': method({
    input: z.strictObject({ itemId: Id }),
    output: z.object({
      item: RectifyItemSchema,
      changes: z.array(
        z.object({
          from: RectifyStatusSchema,
          to: RectifyStatusSchema,
          reply: z.string(),
          note: z.string(),
          changedBy: z.string().nullable(),
          changedAt: z.string(),
        }),
      ),
    }),
    access: COORDINATOR,
  }),
  /**
   * Moves a problem to `status` (same status: edits the reply) and stores the reply. 已复核 only
   * after 已整改; 已整改 needs a reply; sending 已整改 back needs a note. `expected`: the status the
   * screen showed, so that a change by someone else in between is refused, not overwritten.
   */
  'rectify.update': method({
    input: z.strictObject({
      itemId: Id,
      status: RectifyStatusSchema,
      reply: z.string().trim().max(2000).optional(),
      note: z.string().trim().max(500).default(''),
      expected: RectifyStatusSchema.optional(),
    }),
    output: RectifyItemSchema,
    access: COORDINATOR,
  }),
  /** Adds an evidence file (PDF, image or DOCX) to a problem not yet verified. */
  'rectify.attach': method({
    input: z.strictObject({ itemId: Id, file: FileSchema }),
    output: EvidenceSchema,
    access: COORDINATOR,
  }),
  /** An evidence file's content. */
  'rectify.evidence': method({
    input: z.strictObject({ evidenceId: Id }),
    output: z.object({ fileName: z.string(), mime: z.string(), bytes: BytesSchema }),
    access: COORDINATOR,
  }),
  'rectify.detach': method({
    input: z.strictObject({ evidenceId: Id }),
    output: z.object({ ok: z.literal(true) }),
    access: COORDINATOR,
  }),
  /** Problems past their deadline and not rectified, most overdue first; per department too. */
  'rectify.overdue': method({
    input: z.strictObject({ campaignId: Id, ...Paging }),
    output: ItemPage.extend({
      departments: z.array(DepartmentProgressSchema),
    }),
    access: COORDINATOR,
  }),
  /** Counts per department and status, and the paragraph for the next notice (translated). */
  'rectify.summary': method({
    input: z.strictObject({ campaignId: Id }),
    output: z.object({
      asOf: z.string(),
      departments: z.array(DepartmentProgressSchema),
      totals: ProgressSchema.extend({
        departments: z.number().int(),
        overdueDepartments: z.number().int(),
      }),
      /** Departments with problems that have not been notified yet. */
      notNotified: z.array(z.string()),
      paragraph: z.string(),
    }),
    access: COORDINATOR,
  }),
};
