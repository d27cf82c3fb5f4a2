// The evaluation standard (评查标准) as data (domain.md §7.0): veto items (基本标准/否决项), categories
// of items with a maximum and a deduction rule each, grade bands, optional bonus items. All points
// are integer tenths of a point (design §4), so 0.5-point steps never meet floating point.
import { z } from 'zod';
import { ProcedureSchema } from '../registry/schemas';

export const TEMPLATE_FORMAT = 'anjuan-standard/1' as const;

export const DEDUCTION_MODES = ['fixed', 'per_occurrence', 'range'] as const;
export type DeductionMode = (typeof DEDUCTION_MODES)[number];
export const VETO_EFFECTS = ['zero', 'fail', 'block_excellent'] as const;
export type VetoEffect = (typeof VETO_EFFECTS)[number];
export const OVERFLOW_RULES = ['cap', 'refuse'] as const;

/** Tenths of a point: 1000 = 100.0 points. */
export const PointsSchema = z.number().int().min(0).max(100_000);
const Code = z.string().trim().min(1).max(20);
const Text = z.string().trim().min(1).max(1000);
const Guidance = z.string().max(4000).default('');
const Tags = z.array(z.string().min(1).max(20)).max(30).default([]);

export const ItemSchema = z.strictObject({
  code: Code,
  text: Text,
  max: PointsSchema,
  mode: z.enum(DEDUCTION_MODES),
  /** fixed: deducted when the duty is missing entirely. */
  deduct: PointsSchema.optional(),
  /** fixed, optional: deducted per defect when the duty was done, but badly. */
  partialUnit: PointsSchema.optional(),
  /** per_occurrence: deducted per occurrence. */
  unit: PointsSchema.optional(),
  /** per_occurrence: beyond the maximum, stop at zero (cap) or refuse the extra occurrence. */
  overflow: z.enum(OVERFLOW_RULES).default('cap'),
  /** range: the evaluator picks a deduction between rangeMin and rangeMax, in steps of `step`. */
  rangeMin: PointsSchema.optional(),
  rangeMax: PointsSchema.optional(),
  step: PointsSchema.optional(),
  /** The item does not apply to every file; when it does not, it scores full marks. */
  naFullMarks: z.boolean().default(false),
  tags: Tags,
  guidance: Guidance,
});
export type Item = z.infer<typeof ItemSchema>;
export type ItemInput = z.input<typeof ItemSchema>;

export const CategorySchema = z.strictObject({
  code: Code,
  name: z.string().trim().min(1).max(40),
  max: PointsSchema,
  items: z.array(ItemSchema).max(200),
});
export type Category = z.infer<typeof CategorySchema>;

export const VetoItemSchema = z.strictObject({
  code: Code,
  text: Text,
  effect: z.enum(VETO_EFFECTS),
  tags: Tags,
  guidance: Guidance,
});
export type VetoItem = z.infer<typeof VetoItemSchema>;

export const BandSchema = z.strictObject({
  name: z.string().trim().min(1).max(10),
  /** Lowest total (tenths) that earns this band. Bands are ordered from best to worst. */
  min: PointsSchema,
});
export type Band = z.infer<typeof BandSchema>;

export const BonusItemSchema = z.strictObject({
  code: Code,
  text: Text,
  points: PointsSchema,
  tags: Tags,
  guidance: Guidance,
});

export const TemplateContentSchema = z.strictObject({
  format: z.literal(TEMPLATE_FORMAT),
  name: z.string().trim().min(1).max(60),
  description: z.string().max(2000).default(''),
  appliesTo: z.strictObject({
    /** Case-type codes; empty = every type. */
    caseTypes: z.array(z.string().min(1).max(40)).max(50).default([]),
    /** Procedures; empty = every procedure. */
    procedures: z.array(ProcedureSchema).default([]),
  }),
  /** The template's maximum, normally 1000 (100 points). */
  total: PointsSchema,
  vetoItems: z.array(VetoItemSchema).max(100),
  categories: z.array(CategorySchema).min(1).max(50),
  bands: z.array(BandSchema).min(2).max(8),
  bonus: z.strictObject({
    enabled: z.boolean(),
    /** Most points all bonus items together may add (they never lift the total above `total`). */
    cap: PointsSchema,
    items: z.array(BonusItemSchema).max(50),
  }),
});
export type TemplateContent = z.infer<typeof TemplateContentSchema>;
export type TemplateContentInput = z.input<typeof TemplateContentSchema>;

/** Grade-band presets (domain.md §7.0): four bands, and the three bands of the 宣武 rules. */
export const BAND_PRESETS = {
  four: [
    { name: '优秀', min: 900 },
    { name: '良好', min: 800 },
    { name: '合格', min: 600 },
    { name: '不合格', min: 0 },
  ],
  three: [
    { name: '优秀', min: 900 },
    { name: '合格', min: 600 },
    { name: '不合格', min: 0 },
  ],
} as const satisfies Record<string, readonly Band[]>;

/** An evaluator's record against one item, veto item or bonus item. */
export const FindingSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('item'),
    code: Code,
    /** per_occurrence: occurrences; fixed with partialUnit: defects. */
    count: z.number().int().min(0).max(10_000).optional(),
    /** fixed: the duty is missing entirely. */
    missing: z.boolean().optional(),
    /** range: the deduction chosen, in tenths. */
    amount: PointsSchema.optional(),
    /** Not applicable to this file (only where the item allows it). */
    na: z.boolean().optional(),
    reason: z.string().max(2000).default(''),
    /** Pages of the file the finding refers to (第X页), as written. */
    pages: z.string().max(100).default(''),
    tags: Tags,
  }),
  z.strictObject({
    kind: z.literal('veto'),
    code: Code,
    reason: z.string().max(2000).default(''),
    pages: z.string().max(100).default(''),
    tags: Tags,
  }),
  z.strictObject({
    kind: z.literal('bonus'),
    code: Code,
    reason: z.string().max(2000).default(''),
    pages: z.string().max(100).default(''),
    tags: Tags,
  }),
]);
export type Finding = z.infer<typeof FindingSchema>;
export type FindingInput = z.input<typeof FindingSchema>;

/** Points as people write them: 1000 tenths → "100", 25 → "2.5". */
export function formatPoints(tenths: number): string {
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  return abs % 10 === 0 ? `${sign}${abs / 10}` : `${sign}${Math.floor(abs / 10)}.${abs % 10}`;
}

/** "2.5" → 25; null when the text is not a number with at most one decimal. */
export function parsePoints(text: string): number | null {
  const m = /^\s*(\d{1,5})(?:\.(\d)0*)?\s*$/.exec(text);
  return m ? Number(m[1]) * 10 + Number(m[2] ?? 0) : null;
}

/** A deep copy of a template (templates are plain JSON data). */
export function cloneTemplate(t: TemplateContent): TemplateContent {
  return JSON.parse(JSON.stringify(t)) as TemplateContent;
}
