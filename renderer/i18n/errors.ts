// Rendering API errors in the user's language: times in params are shown in local time, and
// field errors are put on the matching form fields.
import dayjs from 'dayjs';
import type { FormInstance } from 'antd';
import type { ApiError, ErrorParams } from '../../core/api/errors';
import { i18next } from './index';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function localParams(params: ErrorParams | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    out[k] = typeof v === 'string' && ISO.test(v) ? dayjs(v).format('YYYY-MM-DD HH:mm:ss') : v;
  }
  return out;
}

/** Translates a key computed at run time (error keys, notices). */
export function tr(key: string, params?: ErrorParams): string {
  return i18next.t(key as never, localParams(params) as never) as unknown as string;
}

export function errorText(error: ApiError): string {
  const main = tr(error.key, error.params);
  if (error.code !== 'VALIDATION' || !error.fieldErrors?.length) return main;
  const details = error.fieldErrors.map((f) =>
    tr('validation.field', { path: f.path || '-', message: tr(f.key, f.params) }),
  );
  return `${main} ${details.join('；')}`;
}

/** Shows field errors on the form; returns true when every error found a field. */
export function applyFieldErrors(form: FormInstance, error: ApiError): boolean {
  const fields = error.fieldErrors ?? [];
  if (!fields.length) return false;
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  form.setFields(
    fields
      .filter((f) => known.has(f.path.split('.')[0] ?? ''))
      .map((f) => ({ name: f.path.split('.'), errors: [tr(f.key, f.params)] })),
  );
  return fields.every((f) => known.has(f.path.split('.')[0] ?? ''));
}
