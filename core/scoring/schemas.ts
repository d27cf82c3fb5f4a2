// Evaluation sheets (评查表): what an evaluator records against a file, and the states of a sheet
// and of a file's result (issue 6).
import { z } from 'zod';
import { FindingSchema } from '../standards/model';

/** open: being filled in (未开始 until the first save, then 评查中); submitted: locked; returned: 退回. */
export const SHEET_STATUSES = ['open', 'submitted', 'returned'] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];

/**
 * evaluator: one evaluator's own sheet (independent mode); joint: the one sheet of a file that all
 * its evaluators sign (联合署名); reconciled: written by the arbiter in 复核 from a kept sheet;
 * arbiter: the arbiter's own independent scoring (a third evaluation).
 */
export const SHEET_KINDS = ['evaluator', 'joint', 'reconciled', 'arbiter'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/** The evaluator's view of a task (我的评查任务). */
export const TASK_STATUSES = ['not_started', 'in_progress', 'submitted', 'returned'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const SheetContentSchema = z.strictObject({
  findings: z.array(FindingSchema).max(1000),
  /** Free comments on the file. */
  comments: z.string().max(4000).default(''),
  /** Commendable practices (亮点). */
  highlights: z.string().max(4000).default(''),
});
export type SheetContent = z.infer<typeof SheetContentSchema>;

export const DECISIONS = ['mean', 'joint', 'keep', 'reconciled', 'arbiter'] as const;
export type Decision = (typeof DECISIONS)[number];

export function taskStatus(status: SheetStatus, revision: number): TaskStatus {
  if (status === 'submitted') return 'submitted';
  if (status === 'returned') return 'returned';
  return revision > 0 ? 'in_progress' : 'not_started';
}
