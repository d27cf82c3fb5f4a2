// Evaluation campaigns: scope and settings, the 双随机 draw (files and evaluators), its record
// and verification, declared conflicts, the assignment and the campaign's states.
import { z } from 'zod';
import { LocaleSchema } from '../../accounts/schemas';
import {
  CAMPAIGN_STATUSES,
  EvaluatorPlanSchema,
  FilePlanSchema,
  ReasonedSchema,
  ScopeSchema,
  SeedPartSchema,
  SettingsSchema,
} from '../../campaigns/schemas';
import { FileSchema } from '../../registry/schemas';
import { BytesSchema } from '../bytes';
import { COORDINATOR, method } from '../define';

const Id = z.string().min(1).max(100);
const Ok = z.object({ ok: z.literal(true) });
const ExportFile = z.object({ fileName: z.string(), bytes: BytesSchema });
const Params = z.record(z.string(), z.union([z.string(), z.number()]));
/** A message for people: an i18n key and its parameters. */
export const MessageSchema = z.object({ key: z.string(), params: Params });

export const CampaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  organiser: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  scope: ScopeSchema,
  settings: SettingsSchema,
  filePlan: FilePlanSchema.nullable(),
  fileMustInclude: z.array(ReasonedSchema),
  evaluatorPlan: EvaluatorPlanSchema.nullable(),
  seedCommitment: z.string().nullable(),
  drawnAt: z.string().nullable(),
  drawnBy: z.string().nullable(),
  counts: z.object({
    files: z.number().int(),
    evaluators: z.number().int(),
    assignments: z.number().int(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

const CampaignEdit = z.strictObject({
  name: z.string().trim().min(2).max(80).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  organiser: z.string().trim().min(2).max(60).optional(),
  scope: ScopeSchema.optional(),
  settings: SettingsSchema.optional(),
});

export const DrawnFileSchema = z.object({
  caseId: z.string(),
  caseNo: z.string(),
  caseType: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  partyName: z.string().nullable(),
  cause: z.string().nullable(),
  handlers: z.string().nullable(),
  stream: z.string().nullable(),
  counter: z.number().int().nullable(),
  mustIncludeReason: z.string().nullable(),
});
export const DrawnPersonSchema = z.object({
  personId: z.string(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  legalOfficer: z.boolean(),
  username: z.string().nullable(),
  counter: z.number().int().nullable(),
  mustIncludeReason: z.string().nullable(),
});
export type DrawnFile = z.infer<typeof DrawnFileSchema>;
export type DrawnPerson = z.infer<typeof DrawnPersonSchema>;

export const AssignmentRowSchema = z.object({ caseId: z.string(), personIds: z.array(z.string()) });

export const ConflictSchema = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  handlerName: z.string().nullable(),
  reason: z.string(),
});

/** The draw record (抽取记录) as stored and exported: what a third party needs to recompute it. */
export const DrawRecordSchema = z.object({
  format: z.string(),
  campaign: z.object({
    id: z.string(),
    name: z.string(),
    year: z.number().int(),
    organiser: z.string(),
  }),
  algorithm: z.string(),
  seed: z.string(),
  seedParts: z.array(
    z.object({
      contributor: z.string(),
      kind: z.enum(['dice', 'lottery', 'generated']),
      digits: z.string(),
    }),
  ),
  seedSha256: z.string(),
  filePlan: FilePlanSchema,
  fileMustInclude: z.array(z.object({ key: z.string(), reason: z.string() })),
  evaluatorPlan: z
    .object({
      count: z.number().int(),
      legalOfficersOnly: z.boolean(),
      activeOnly: z.boolean(),
      departments: z.array(z.string()),
      maxPerDepartment: z.number().int().nullable(),
      mustInclude: z.array(z.object({ key: z.string(), name: z.string(), reason: z.string() })),
      exclude: z.array(z.object({ key: z.string(), name: z.string(), reason: z.string() })),
    })
    .optional(),
  streams: z.array(
    z.object({
      label: z.string(),
      size: z.number().int(),
      manifest: z.string(),
      want: z.number().int(),
      maxPerGroup: z.number().int().optional(),
      groupStart: z.record(z.string(), z.number().int()).optional(),
      picks: z.array(
        z.object({ counter: z.number().int(), index: z.number().int(), key: z.string() }),
      ),
    }),
  ),
  drawnBy: z.string(),
  drawnAt: z.string(),
  evaluatorsDrawnAt: z.string().optional(),
});
export type DrawRecord = z.infer<typeof DrawRecordSchema>;

export const VerificationSchema = z.object({ ok: z.boolean(), message: MessageSchema });

export const campaignMethods = {
  'campaigns.list': method({
    input: z.strictObject({}),
    output: z.object({ campaigns: z.array(CampaignSchema) }),
    access: COORDINATOR,
  }),
  'campaigns.get': method({
    input: z.strictObject({ id: Id }),
    output: CampaignSchema,
    access: COORDINATOR,
  }),
  'campaigns.create': method({
    input: z.strictObject({
      name: z.string().trim().min(2).max(80),
      year: z.number().int().min(2000).max(2100),
    }),
    output: CampaignSchema,
    access: COORDINATOR,
  }),
  'campaigns.update': method({
    input: CampaignEdit.extend({ id: Id }),
    output: CampaignSchema,
    access: COORDINATOR,
  }),
  'campaigns.delete': method({
    input: z.strictObject({ id: Id }),
    output: Ok,
    access: COORDINATOR,
  }),
  'campaigns.population': method({
    input: z.strictObject({ id: Id }),
    output: z.object({
      total: z.number().int(),
      previouslyDrawn: z.number().int(),
      byType: z.array(z.object({ caseType: z.string(), count: z.number().int() })),
      byDepartment: z.array(
        z.object({
          departmentId: z.string(),
          departmentName: z.string(),
          count: z.number().int(),
          byType: z.record(z.string(), z.number().int()),
        }),
      ),
    }),
    access: COORDINATOR,
  }),
  'campaigns.drawFiles': method({
    input: z.strictObject({
      id: Id,
      plan: FilePlanSchema,
      mustInclude: z.array(ReasonedSchema).max(1000).default([]),
      seedParts: z.array(SeedPartSchema).min(1).max(20),
      /** The SHA-256 shown to the witnesses before the reveal; it must match the seed. */
      commitment: z.string().regex(/^[0-9a-f]{64}$/),
    }),
    output: CampaignSchema,
    access: COORDINATOR,
  }),
  'campaigns.enlarge': method({
    input: z.strictObject({
      id: Id,
      plan: FilePlanSchema,
      mustInclude: z.array(ReasonedSchema).max(1000).default([]),
    }),
    output: CampaignSchema,
    access: COORDINATOR,
  }),
  'campaigns.drawEvaluators': method({
    input: z.strictObject({ id: Id, plan: EvaluatorPlanSchema }),
    output: CampaignSchema,
    access: COORDINATOR,
  }),
  'campaigns.drawn': method({
    input: z.strictObject({ id: Id }),
    output: z.object({ files: z.array(DrawnFileSchema), evaluators: z.array(DrawnPersonSchema) }),
    access: COORDINATOR,
  }),
  /** The draw record for the screen; null before the draw. */
  'campaigns.drawRecord': method({
    input: z.strictObject({ id: Id }),
    output: z.object({ record: DrawRecordSchema.nullable() }),
    access: COORDINATOR,
  }),
  'campaigns.exportDraw': method({
    input: z.strictObject({
      id: Id,
      format: z.enum(['json', 'populations', 'docx']),
      locale: LocaleSchema,
    }),
    output: ExportFile,
    access: COORDINATOR,
  }),
  'campaigns.verifyDraw': method({
    input: z.strictObject({ record: FileSchema, populations: FileSchema }),
    output: VerificationSchema,
    access: COORDINATOR,
  }),
  'campaigns.conflicts': method({
    input: z.strictObject({ id: Id }),
    output: z.object({ conflicts: z.array(ConflictSchema) }),
    access: COORDINATOR,
  }),
  'campaigns.addConflict': method({
    input: z.strictObject({
      id: Id,
      personId: Id,
      departmentId: Id.optional(),
      handlerName: z.string().trim().min(1).max(40).optional(),
      reason: z.string().trim().min(1).max(500),
    }),
    output: Ok,
    access: COORDINATOR,
  }),
  'campaigns.removeConflict': method({
    input: z.strictObject({ conflictId: Id }),
    output: Ok,
    access: COORDINATOR,
  }),
  'campaigns.proposeAssignment': method({
    input: z.strictObject({ id: Id }),
    output: z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        rows: z.array(AssignmentRowSchema),
        spread: z.number().int(),
      }),
      z.object({ ok: z.literal(false), reasons: z.array(MessageSchema) }),
    ]),
    access: COORDINATOR,
    long: true,
  }),
  'campaigns.confirmAssignment': method({
    input: z.strictObject({ id: Id, rows: z.array(AssignmentRowSchema).max(100_000) }),
    output: CampaignSchema,
    access: COORDINATOR,
  }),
  'campaigns.assignment': method({
    input: z.strictObject({ id: Id }),
    output: z.object({ rows: z.array(AssignmentRowSchema) }),
    access: COORDINATOR,
  }),
  'campaigns.reassign': method({
    input: z.strictObject({
      id: Id,
      caseId: Id,
      fromPersonId: Id,
      toPersonId: Id,
      reason: z.string().trim().min(1).max(500),
    }),
    output: z.object({ rows: z.array(AssignmentRowSchema) }),
    access: COORDINATOR,
  }),
  'campaigns.setStatus': method({
    input: z.strictObject({ id: Id, status: z.enum(CAMPAIGN_STATUSES) }),
    output: CampaignSchema,
    access: COORDINATOR,
  }),
};
