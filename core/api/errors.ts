// Error model shared by every layer. Handlers throw AppError; the dispatcher turns any failure
// into an ApiError inside the envelope, so nothing ever throws across the API boundary.
import type { MessageKey } from '../i18n/keys';

export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_METHOD',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'AUTH_INVALID',
  'AUTH_LOCKED',
  'AUTH_INACTIVE',
  'SETUP_DONE',
  'CANCELLED',
  'BAD_INPUT',
  'DB_TOO_NEW',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number | boolean | null>;

/** One invalid field of an input: `path` is dotted (`rows.3.amount`), `key` an i18n key. */
export interface FieldError {
  path: string;
  key: MessageKey;
  params?: ErrorParams;
}

export interface ApiError {
  code: ErrorCode;
  /** i18n key of the user-facing message; the UI renders it with `params`. */
  key: MessageKey;
  /** English developer message, for logs only. */
  message: string;
  params?: ErrorParams;
  fieldErrors?: FieldError[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly key: MessageKey;
  readonly params: ErrorParams | undefined;
  readonly fieldErrors: FieldError[] | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { key?: MessageKey; params?: ErrorParams; fieldErrors?: FieldError[] } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.key = opts.key ?? (`errors.${code}` as MessageKey);
    this.params = opts.params;
    this.fieldErrors = opts.fieldErrors;
  }

  toApiError(): ApiError {
    const e: ApiError = { code: this.code, key: this.key, message: this.message };
    if (this.params) e.params = this.params;
    if (this.fieldErrors) e.fieldErrors = this.fieldErrors;
    return e;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
