// Builds Problems whose keys are checked against the zh-CN dictionary at compile time, so a key
// used here that the dictionary lacks is a type error rather than a raw key on screen.
import type { MessageKey } from '../i18n/keys';
import type { Parsed, Problem } from './types';

export type ImportMessageKey = Extract<MessageKey, `import.${string}`>;

/** Longest text a message parameter carries: a runaway cell is cut, with an ellipsis. */
const MAX_PARAM_LENGTH = 200;

export function problem(key: ImportMessageKey, params?: Record<string, string | number>): Problem {
  if (params === undefined) return { key };
  for (const k in params) {
    const v = params[k];
    if (typeof v === 'string' && v.length > MAX_PARAM_LENGTH) {
      params[k] = `${v.slice(0, MAX_PARAM_LENGTH)}…`;
    }
  }
  return { key, params };
}

export function fail<T>(
  key: ImportMessageKey,
  params?: Record<string, string | number>,
): Parsed<T> {
  return { ok: false, problem: problem(key, params) };
}

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}
