// Evaluation campaigns (评查活动): scope, settings, plans, states.
import { z } from 'zod';
import { ProcedureSchema } from '../registry/schemas';

export const CAMPAIGN_STATUSES = [
  'draft',
  'drawn',
  'assigned',
  'scoring',
  'review',
  'done',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Allowed moves between states (issue 5: 草稿 → 已抽取 → 已分配 → 评查中 → 复核中 → 已完成). */
export const TRANSITIONS: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ['drawn'],
  drawn: ['assigned', 'draft'],
  assigned: ['scoring', 'drawn'],
  scoring: ['review'],
  review: ['done', 'scoring'],
  done: [],
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' });

export const ScopeSchema = z.strictObject({
  caseTypes: z.array(z.string().min(1)).min(1).max(20),
  /** Empty = every procedure; the default is 普通程序 only. */
  procedures: z.array(ProcedureSchema).default(['normal']),
  closedOnly: z.boolean().default(true),
  closedFrom: isoDate.nullable().default(null),
  closedTo: isoDate.nullable().default(null),
  /** Empty = every department. */
  departmentIds: z.array(z.string().min(1)).max(500).default([]),
  /** Files drawn in earlier campaigns are left out unless this is set. */
  includePreviouslyDrawn: z.boolean().default(false),
});
export type Scope = z.infer<typeof ScopeSchema>;

export const SCORING_MODES = ['independent', 'joint'] as const;

export const SettingsSchema = z.strictObject({
  /** Published template version per case type in scope. */
  templates: z.record(z.string(), z.string().min(1)).default({}),
  perFile: z.number().int().min(1).max(5).default(2),
  mode: z.enum(SCORING_MODES).default('independent'),
  /** Difference of totals (tenths of a point) above which two sheets go to 复核. */
  threshold: z.number().int().min(0).max(1000).default(50),
  deadline: isoDate.nullable().default(null),
  /** Most files per evaluator; null = no limit. */
  maxLoad: z.number().int().min(1).max(1000).nullable().default(null),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const FilePlanSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('type_totals'),
    totals: z.record(z.string(), z.number().int().min(0).max(100_000)),
  }),
  z.strictObject({
    kind: z.literal('department_quota'),
    quota: z.number().int().min(1).max(10_000),
    byType: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('proportional'),
    total: z.number().int().min(1).max(100_000),
    min: z.number().int().min(0).max(10_000),
    max: z.number().int().min(1).max(10_000),
  }),
]);

export const ReasonedSchema = z.strictObject({
  id: z.string().min(1),
  reason: z.string().trim().min(1).max(500),
});

export const EvaluatorPlanSchema = z.strictObject({
  count: z.number().int().min(1).max(10_000),
  legalOfficersOnly: z.boolean().default(true),
  activeOnly: z.boolean().default(true),
  /** Empty = every department. */
  departmentIds: z.array(z.string().min(1)).default([]),
  maxPerDepartment: z.number().int().min(1).max(100).nullable().default(null),
  mustInclude: z.array(ReasonedSchema).default([]),
  exclude: z.array(ReasonedSchema).default([]),
});
export type EvaluatorPlan = z.infer<typeof EvaluatorPlanSchema>;

export const SeedPartSchema = z.strictObject({
  contributor: z.string().trim().min(1).max(40),
  kind: z.enum(['dice', 'lottery', 'generated']),
  digits: z.string().regex(/^\d{1,100}$/, { error: 'validation.digits' }),
});
