// Scoring (issue 6): the evaluator's tasks and sheets with autosave, submit and return, the file
// under evaluation, blind access to the other sheets of a file, 复核 and the campaign dashboard.
import { z } from 'zod';
import {
  DECISIONS,
  SHEET_KINDS,
  SHEET_STATUSES,
  SheetContentSchema,
  TASK_STATUSES,
} from '../../scoring/schemas';
import { AttachmentSchema, CaseFileSchema } from '../../registry/schemas';
import { FindingSchema, TemplateContentSchema } from '../../standards/model';
import { CAMPAIGN_STATUSES, SCORING_MODES } from '../../campaigns/schemas';
import { BytesSchema } from '../bytes';
import { ANY_ROLE, COORDINATOR, method } from '../define';

const Id = z.string().min(1).max(100);

export const SheetScoreSchema = z.object({
  total: z.number().int(),
  bandIndex: z.number().int(),
  grade: z.string(),
  veto: z.boolean(),
});

/** One evaluator's task: a file of a campaign assigned to them. */
export const TaskSchema = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  caseType: z.string(),
  caseTypeName: z.string(),
  title: z.string(),
  departmentName: z.string(),
  sheetId: z.string(),
  status: z.enum(TASK_STATUSES),
  score: SheetScoreSchema.nullable(),
  returnedReason: z.string().nullable(),
  savedAt: z.string().nullable(),
  /** Joint mode: who of the file's evaluators has signed the current revision. */
  signed: z.boolean().nullable(),
});
export type Task = z.infer<typeof TaskSchema>;

export const TaskCampaignSchema = z.object({
  campaignId: z.string(),
  name: z.string(),
  year: z.number().int(),
  status: z.enum(CAMPAIGN_STATUSES),
  mode: z.enum(SCORING_MODES),
  deadline: z.string().nullable(),
  tasks: z.array(TaskSchema),
});

export const SignatureSchema = z.object({
  personId: z.string(),
  name: z.string(),
  signedRevision: z.number().int().nullable(),
  signedAt: z.string().nullable(),
});

export const SheetSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  caseId: z.string(),
  kind: z.enum(SHEET_KINDS),
  /** The evaluator (evaluator sheets); null for joint, reconciled and arbiter sheets. */
  personId: z.string().nullable(),
  evaluatorName: z.string().nullable(),
  templateVersionId: z.string(),
  status: z.enum(SHEET_STATUSES),
  revision: z.number().int(),
  content: SheetContentSchema,
  score: SheetScoreSchema.nullable(),
  savedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  returnedReason: z.string().nullable(),
  /** Joint mode only: the evaluators who sign, and what they signed. */
  signatures: z.array(SignatureSchema),
});
export type Sheet = z.infer<typeof SheetSchema>;

const TemplateRefSchema = z.object({
  versionId: z.string(),
  name: z.string(),
  version: z.number().int(),
  content: TemplateContentSchema,
});

export const FlagSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('veto'), withVeto: z.number().int(), without: z.number().int() }),
  z.object({ kind: z.literal('band'), grades: z.array(z.string()) }),
  z.object({
    kind: z.literal('threshold'),
    difference: z.number().int(),
    threshold: z.number().int(),
  }),
]);

export const ResultSchema = z.object({
  /** waiting: not every sheet is in; review: flagged, waiting for 复核; final: the score is set. */
  state: z.enum(['waiting', 'review', 'final']),
  flags: z.array(FlagSchema),
  info: z.array(
    z.object({ source: z.enum(['item', 'veto']), code: z.string(), sheetIds: z.array(z.string()) }),
  ),
  total: z.number().int().nullable(),
  bandIndex: z.number().int().nullable(),
  grade: z.string().nullable(),
  decision: z.enum(DECISIONS).nullable(),
  keptSheetId: z.string().nullable(),
  arbiter: z.string().nullable(),
  reason: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type FileResult = z.infer<typeof ResultSchema>;

const ContentInput = z.strictObject({
  findings: z.array(FindingSchema).max(1000),
  comments: z.string().max(4000).default(''),
  highlights: z.string().max(4000).default(''),
});

const ProgressRow = z.object({
  assigned: z.number().int(),
  notStarted: z.number().int(),
  inProgress: z.number().int(),
  submitted: z.number().int(),
  returned: z.number().int(),
});

export const scoringMethods = {
  'tasks.mine': method({
    input: z.strictObject({}),
    output: z.object({ campaigns: z.array(TaskCampaignSchema) }),
    access: ANY_ROLE,
  }),
  /** Everything the scoring screen needs for one task: the file, the pinned template, the sheet. */
  'tasks.open': method({
    input: z.strictObject({ campaignId: Id, caseId: Id }),
    output: z.object({
      campaign: TaskCampaignSchema.omit({ tasks: true }),
      case: CaseFileSchema,
      attachments: z.array(AttachmentSchema),
      template: TemplateRefSchema,
      sheet: SheetSchema,
    }),
    access: ANY_ROLE,
  }),
  'tasks.attachment': method({
    input: z.strictObject({ campaignId: Id, attachmentId: Id }),
    output: z.object({ fileName: z.string(), mime: z.string(), bytes: BytesSchema }),
    access: ANY_ROLE,
  }),
  /**
   * Autosave. `revision` is the client's counter for this sheet, one more than the last save it
   * sent: a save with a revision the sheet already has is acknowledged again without change
   * (idempotent), an older one is ignored (ordered), a newer one is stored.
   */
  'sheets.save': method({
    input: z.strictObject({
      sheetId: Id,
      revision: z.number().int().min(1).max(1_000_000_000),
      content: ContentInput,
    }),
    output: z.object({
      revision: z.number().int(),
      applied: z.boolean(),
      savedAt: z.string(),
      score: SheetScoreSchema.nullable(),
    }),
    access: ANY_ROLE,
  }),
  /** Submit (independent) or sign (joint) the sheet at the revision the evaluator last saw. */
  'sheets.submit': method({
    input: z.strictObject({ sheetId: Id, revision: z.number().int().min(0) }),
    output: z.object({ sheet: SheetSchema, result: ResultSchema }),
    access: ANY_ROLE,
  }),
  'sheets.return': method({
    input: z.strictObject({ sheetId: Id, reason: z.string().trim().min(1).max(500) }),
    output: SheetSchema,
    access: COORDINATOR,
  }),
  /** Every stored version of a sheet (each save, submit and return). */
  'sheets.versions': method({
    input: z.strictObject({ sheetId: Id }),
    output: z.object({
      versions: z.array(
        z.object({
          revision: z.number().int(),
          status: z.enum(SHEET_STATUSES),
          content: SheetContentSchema,
          score: SheetScoreSchema.nullable(),
          savedBy: z.string().nullable(),
          savedAt: z.string(),
        }),
      ),
    }),
    access: COORDINATOR,
  }),
  /**
   * The sheets of one file. Blind: an evaluator of the file gets them only once every sheet of
   * the file is submitted; the coordinator always.
   */
  'sheets.ofFile': method({
    input: z.strictObject({ campaignId: Id, caseId: Id }),
    output: z.object({ sheets: z.array(SheetSchema), result: ResultSchema }),
    access: ANY_ROLE,
  }),

  'review.list': method({
    input: z.strictObject({ campaignId: Id }),
    output: z.object({
      files: z.array(
        z.object({
          caseId: z.string(),
          caseNo: z.string(),
          caseType: z.string(),
          departmentName: z.string(),
          evaluators: z.array(z.string()),
          sheets: z.array(
            z.object({
              sheetId: z.string(),
              personId: z.string().nullable(),
              evaluatorName: z.string().nullable(),
              status: z.enum(TASK_STATUSES),
              score: SheetScoreSchema.nullable(),
            }),
          ),
          result: ResultSchema,
        }),
      ),
    }),
    access: COORDINATOR,
  }),
  /** The 复核 screen: the file, the template and every sheet, with the comparison. */
  'review.file': method({
    input: z.strictObject({ campaignId: Id, caseId: Id }),
    output: z.object({
      case: CaseFileSchema,
      template: TemplateRefSchema,
      sheets: z.array(SheetSchema),
      result: ResultSchema,
    }),
    access: COORDINATOR,
  }),
  /**
   * The arbiter's decision: keep one sheet; write a reconciled sheet from a kept one (every
   * finding that differs from it names its reason in `changes`); or score as a third evaluator.
   */
  'review.decide': method({
    input: z.discriminatedUnion('decision', [
      z.strictObject({
        decision: z.literal('keep'),
        campaignId: Id,
        caseId: Id,
        sheetId: Id,
        reason: z.string().trim().min(1).max(1000),
      }),
      z.strictObject({
        decision: z.literal('reconciled'),
        campaignId: Id,
        caseId: Id,
        baseSheetId: Id,
        content: ContentInput,
        changes: z
          .array(
            z.strictObject({
              kind: z.enum(['item', 'veto', 'bonus']),
              code: z.string().min(1).max(20),
              reason: z.string().trim().min(1).max(1000),
            }),
          )
          .max(1000),
        reason: z.string().trim().min(1).max(1000),
      }),
      z.strictObject({
        decision: z.literal('arbiter'),
        campaignId: Id,
        caseId: Id,
        content: ContentInput,
        reason: z.string().trim().min(1).max(1000),
      }),
    ]),
    output: ResultSchema,
    access: COORDINATOR,
  }),
  /** The coordinator's campaign dashboard. */
  'review.progress': method({
    input: z.strictObject({ campaignId: Id }),
    output: z.object({
      files: z.object({
        total: z.number().int(),
        waiting: z.number().int(),
        review: z.number().int(),
        final: z.number().int(),
      }),
      grades: z.array(z.object({ grade: z.string(), count: z.number().int() })),
      evaluators: z.array(
        ProgressRow.extend({
          personId: z.string(),
          name: z.string(),
          departmentName: z.string(),
          username: z.string().nullable(),
        }),
      ),
      departments: z.array(
        z.object({
          departmentName: z.string(),
          files: z.number().int(),
          final: z.number().int(),
          review: z.number().int(),
          /** Mean of the final scores so far (tenths), null before any. */
          mean: z.number().nullable(),
        }),
      ),
      /** Sheets not submitted when the deadline has passed (empty without a deadline). */
      overdue: z.array(
        z.object({
          personId: z.string(),
          name: z.string(),
          departmentName: z.string(),
          phone: z.string().nullable(),
          caseNo: z.string(),
          status: z.enum(TASK_STATUSES),
        }),
      ),
      deadline: z.string().nullable(),
    }),
    access: COORDINATOR,
  }),
};
