// Building blocks of the API contract: a method is an input schema, an output schema and the
// roles allowed to call it ('public' = no session needed).
import type { z } from 'zod';
import type { Role } from '../accounts/schemas';

export type Access = 'public' | readonly [Role, ...Role[]];

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Long work: reports progress through the event stream and can be cancelled. */
  long?: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType>(
  def: MethodDef<I, O>,
): MethodDef<I, O> {
  return def;
}

export const ANY_ROLE = ['coordinator', 'evaluator'] as const satisfies Access;
export const COORDINATOR = ['coordinator'] as const satisfies Access;
