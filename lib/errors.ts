// One error type for lib/, mapped to HTTP once, at the edge (lib/http.ts).
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Seconds after which a rate-limited request may be retried. */
  readonly retryAfter?: number;
  /** The input field the error is about, when there is one. */
  readonly field?: string;

  constructor(code: ErrorCode, message: string, options: { retryAfter?: number; field?: string } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.retryAfter = options.retryAfter;
    this.field = options.field;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
