// Turns zod issues into field errors with i18n keys, so that a rejected input names the field
// and says what is wrong in the user's language.
import type { z } from 'zod';
import type { ErrorParams, FieldError } from './errors';
import type { MessageKey } from '../i18n/keys';

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const p of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[p];
  }
  return node;
}

function bound(v: unknown): string | number {
  return typeof v === 'bigint' ? v.toString() : typeof v === 'number' ? v : String(v);
}

export function issueToFieldError(issue: z.core.$ZodIssue, input: unknown): FieldError {
  const path = issue.path.map(String).join('.');
  const params: ErrorParams = {};
  let key: MessageKey;
  if (issue.message.startsWith('validation.')) {
    key = issue.message as MessageKey;
  } else if (
    (issue.code === 'invalid_type' || issue.code === 'invalid_value') &&
    valueAt(input, issue.path) === undefined
  ) {
    key = 'validation.required';
  } else {
    switch (issue.code) {
      case 'invalid_type':
        key = 'validation.invalid_type';
        params.expected = issue.expected;
        break;
      case 'too_small':
        key =
          issue.origin === 'string'
            ? 'validation.string_min'
            : issue.origin === 'array' || issue.origin === 'set'
              ? 'validation.array_min'
              : 'validation.number_min';
        params.min = bound(issue.minimum);
        break;
      case 'too_big':
        key =
          issue.origin === 'string'
            ? 'validation.string_max'
            : issue.origin === 'array' || issue.origin === 'set'
              ? 'validation.array_max'
              : 'validation.number_max';
        params.max = bound(issue.maximum);
        break;
      case 'invalid_format':
        key = 'validation.invalid_format';
        params.format = issue.format;
        break;
      case 'invalid_value':
        key = 'validation.invalid_value';
        params.values = issue.values.map(String).join(', ');
        break;
      case 'unrecognized_keys':
        key = 'validation.unrecognized_keys';
        params.keys = issue.keys.join(', ');
        break;
      default:
        key = 'validation.invalid';
    }
  }
  return Object.keys(params).length ? { path, key, params } : { path, key };
}

export function zodFieldErrors(error: z.ZodError, input: unknown): FieldError[] {
  return error.issues.map((i) => issueToFieldError(i, input));
}
