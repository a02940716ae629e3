/** The only error shape that ever crosses the boundary between core and renderer. */
export const apiErrorCodes = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'unauthorised',
  'locked',
  'too_large',
  'schema_too_new',
  'damaged',
  'unavailable',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  /** Plain words a user can read: never a stack trace. */
  message: string;
  /** Field path (dot separated) to the message for that field, for forms. */
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: ApiErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields;
  }

  toBody(): ApiErrorBody {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }
}

export const internalErrorMessage =
  'Something went wrong and that action was not completed. Nothing was changed. Please try again.';
