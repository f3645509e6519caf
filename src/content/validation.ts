import { z } from 'zod'
import { AppError } from '../lib/errors.js'
import { isUniqueViolation } from '../storage/index.js'
import { isSlug } from '../lib/slug.js'

/** Required text, trimmed, at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max)

/** Optional text, trimmed; empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null))

export const slugField = z
  .string()
  .refine(isSlug, 'use lowercase letters, digits and hyphens (at most 80)')

/** The parsed value, or VALIDATION_FAILED (422) listing each problem as "field: what is wrong". */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  input: unknown,
  message: string,
): z.output<T> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  throw new AppError('VALIDATION_FAILED', {
    status: 422,
    message,
    details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
  })
}

/** Runs a write; a duplicate slug (two saves racing past the check) becomes SLUG_TAKEN. */
export async function uniquely<T>(write: () => Promise<T>, what: string): Promise<T> {
  try {
    return await write()
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError('SLUG_TAKEN', {
        status: 409,
        message: `That address is already used by another ${what}`,
        details: ['slug: choose another'],
        cause: err,
      })
    }
    throw err
  }
}
