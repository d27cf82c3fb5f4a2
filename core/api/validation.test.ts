import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { zodFieldErrors } from './validation';

function errors(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a failure');
  return zodFieldErrors(r.error, input);
}

describe('zod issues → field errors with i18n keys', () => {
  const schema = contract['users.create'].input;

  it('names each missing field as required', () => {
    const e = errors(schema, {});
    expect(e.map((f) => [f.path, f.key])).toEqual(
      expect.arrayContaining([
        ['username', 'validation.required'],
        ['displayName', 'validation.required'],
        ['role', 'validation.required'],
        ['password', 'validation.required'],
      ]),
    );
  });

  it('gives lengths, allowed values, custom keys and unknown fields', () => {
    const e = errors(schema, {
      username: 'a b',
      displayName: 'x',
      role: 'admin',
      password: 'short',
      extra: 1,
    });
    const byPath = Object.fromEntries(e.map((f) => [f.path || '(root)', f]));
    expect(byPath.username?.key).toBe('validation.username_chars');
    expect(byPath.password).toEqual({
      path: 'password',
      key: 'validation.string_min',
      params: { min: 8 },
    });
    expect(byPath.role).toEqual({
      path: 'role',
      key: 'validation.invalid_value',
      params: { values: 'coordinator, evaluator' },
    });
    expect(byPath['(root)']).toEqual({
      path: '',
      key: 'validation.unrecognized_keys',
      params: { keys: 'extra' },
    });
  });

  it('reports a wrong type as such, not as missing', () => {
    const e = errors(z.strictObject({ n: z.number().max(3) }), { n: 'x' });
    expect(e[0]).toEqual({
      path: 'n',
      key: 'validation.invalid_type',
      params: { expected: 'number' },
    });
    expect(errors(z.strictObject({ n: z.number().max(3) }), { n: 9 })[0]).toEqual({
      path: 'n',
      key: 'validation.number_max',
      params: { max: 3 },
    });
  });
});
