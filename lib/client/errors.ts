/**
 * Every failure the client reports is one of these classes, so an app can `instanceof`-switch
 * instead of parsing messages. Codes mirror the server's ERROR_STATUS table (a unit test keeps them in sync).
 */
export const SERVER_ERROR_CODES = [
  "INVALID_REQUEST",
  "UNAUTHORIZED",
  "INVALID_CREDENTIALS",
  "INVALID_ACTIVATION_PASSWORD",
  "FORBIDDEN",
  "LICENSE_SUSPENDED",
  "LICENSE_EXPIRED",
  "DEACTIVATED",
  "NOT_FOUND",
  "LICENSE_NOT_FOUND",
  "ACTIVATION_NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "CONFLICT",
  "SEAT_LIMIT_REACHED",
  "LEASE_EXPIRED",
  "TOKEN_ALREADY_USED",
  "EVALUATION_ALREADY_USED",
  "USER_ACTIVATION_LIMIT",
  "PAYLOAD_TOO_LARGE",
  "RATE_LIMITED",
  "INTERNAL_ERROR",
] as const;

/** A server code this client knows, or any newer code a newer server may send. */
export type TServerErrorCode = (typeof SERVER_ERROR_CODES)[number] | (string & {});

/** Base of every error this library throws. */
export class SeatwiseClientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The server answered and refused (or failed): `code` is the server's machine-readable code. */
export class SeatwiseError extends SeatwiseClientError {
  readonly code: TServerErrorCode;
  readonly status: number;
  /** Seconds the server asked us to wait (Retry-After header or error.retryAfter), when it said. */
  readonly retryAfter: number | null;
  /** Every extra field of the server's error object (e.g. seats: {limit, used}). */
  readonly details: Record<string, unknown>;

  constructor(code: TServerErrorCode, message: string, status: number, options: { retryAfter?: number | null; details?: Record<string, unknown> } = {}) {
    super(message);
    this.code = code;
    this.status = status;
    this.retryAfter = options.retryAfter ?? null;
    this.details = options.details ?? {};
  }
}

/** The server could not be reached (DNS, refused connection, reset, proxy without an answer). */
export class NetworkError extends SeatwiseClientError {}

/** No answer within the configured timeout. */
export class TimeoutError extends SeatwiseClientError {}

/** The caller aborted (AbortSignal) or stopped the client. */
export class AbortError extends SeatwiseClientError {}

/** A response arrived but its Seatwise-Signature is missing, malformed or does not verify. */
export class SignatureError extends SeatwiseClientError {
  constructor(
    readonly code: "MISSING" | "MALFORMED" | "UNKNOWN_KEY" | "INVALID" | "STALE",
    message: string,
  ) {
    super(message);
  }
}

export type TLicenseFileErrorCode =
  | "MALFORMED"
  | "UNSUPPORTED_ALGORITHM"
  | "UNKNOWN_KEY"
  | "BAD_SIGNATURE"
  | "PRODUCT_MISMATCH"
  | "FINGERPRINT_MISMATCH"
  | "LICENSE_EXPIRED"
  | "FILE_EXPIRED"
  | "NOT_YET_VALID";

/** A license file failed offline verification; `code` says which check. */
export class LicenseFileError extends SeatwiseClientError {
  constructor(
    readonly code: TLicenseFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The system clock is earlier than a time this app already saw (clock set back to stretch a license). */
export class ClockTamperError extends SeatwiseClientError {
  constructor(
    readonly lastSeen: Date,
    readonly now: Date,
  ) {
    super(`The system clock (${now.toISOString()}) is earlier than a time already seen (${lastSeen.toISOString()})`);
  }
}
