/**
 * Every code a program may see, each listed in docs/errors.md with what it means and what to
 * do about it. Expected outcomes are values; these are for surprises and refusals at the edge.
 */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'MALFORMED_URL'
  | 'INVALID_HOST'
  | 'HOST_NOT_SERVED'
  | 'METHOD_NOT_ALLOWED'
  | 'VALIDATION_FAILED'
  | 'SLUG_TAKEN'
  | 'EMAIL_TAKEN'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_FAILED'
  | 'EDIT_CONFLICT'
  | 'UNKNOWN_REFERENCE'
  | 'CSV_INVALID'
  | 'PAYLOAD_TOO_LARGE'
  | 'WEBHOOK_UNAUTHORIZED'
  | 'WEBHOOK_DISABLED'
  | 'INTERNAL'
  | 'AMOUNT_NOT_A_NUMBER'
  | 'AMOUNT_NEGATIVE'
  | 'AMOUNT_BELOW_MINIMUM'
  | 'AMOUNT_TOO_LARGE'
  | 'AMOUNT_TOO_PRECISE'
  | 'CURRENCY_UNKNOWN'
  | 'FREQUENCY_UNKNOWN'
  | 'PAYMENT_METHOD_UNAVAILABLE'
  | 'PAYMENT_PROVIDER_FAILED'
  | 'PAYMENT_SIGNATURE_INVALID'
  | 'WEBHOOKS_NOT_CONFIGURED'

export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly details: readonly string[]

  constructor(
    code: ErrorCode,
    opts: { status?: number; message?: string; details?: readonly string[]; cause?: unknown } = {},
  ) {
    super(opts.message ?? code, { cause: opts.cause })
    this.name = 'AppError'
    this.code = code
    this.status = opts.status ?? 500
    this.details = opts.details ?? []
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError
}
