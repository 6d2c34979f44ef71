/** Every error the API can answer, with its HTTP status. One table, so codes and statuses never drift. */
export const ERROR_STATUS = {
  INVALID_REQUEST: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_ACTIVATION_PASSWORD: 401,
  FORBIDDEN: 403,
  LICENSE_SUSPENDED: 403,
  LICENSE_EXPIRED: 403,
  DEACTIVATED: 403,
  NOT_FOUND: 404,
  LICENSE_NOT_FOUND: 404,
  ACTIVATION_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  SEAT_LIMIT_REACHED: 409,
  LEASE_EXPIRED: 409,
  TOKEN_ALREADY_USED: 409,
  EVALUATION_ALREADY_USED: 409,
  USER_ACTIVATION_LIMIT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  readonly code: TErrorCode;
  /** Extra fields merged into the error body (e.g. retryAfter) and response headers. */
  readonly details?: Record<string, unknown>;
  readonly headers?: Record<string, string>;

  constructor(code: TErrorCode, message: string, options: { details?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what = "Resource"): ApiError {
  return new ApiError("NOT_FOUND", `${what} not found`);
}
