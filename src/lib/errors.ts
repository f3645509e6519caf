import { type ErrorCode, statusOf } from './error-catalogue.js'

export type { ErrorCode } from './error-catalogue.js'

/**
 * A surprise or a refusal at the edge, with a stable code a program can act on. Expected
 * outcomes are values; these are not. Each code's status and sentence are in the catalogue
 * (`error-catalogue.ts`, documented in docs/errors.md).
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly details: readonly string[]

  constructor(
    code: ErrorCode,
    opts: {
      /** Defaults to the code's status in the catalogue. */
      status?: number
      message?: string
      details?: readonly string[]
      cause?: unknown
    } = {},
  ) {
    super(opts.message ?? code, { cause: opts.cause })
    this.name = 'AppError'
    this.code = code
    this.status = opts.status ?? statusOf(code)
    this.details = opts.details ?? []
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError
}
