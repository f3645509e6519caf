import { z } from 'zod'
import { parseId } from '../http/schemas.js'
import type { FormBody } from './http-forms.js'

/**
 * The admin's route schemas (ADR 011). Admin forms repeat fields (checkboxes, rows of an
 * edition) and the handlers always read the first value of a field, so these schemas read a
 * form the same way; they refuse nothing the old hand checks accepted.
 */

/** A value that is never refused, only read: `read` gets whatever came (or undefined). */
export function lenient<T>(read: (v: unknown) => T) {
  return z.unknown().optional().transform(read)
}

/** One form value: the first if repeated, '' when absent or not text. */
export const Field = lenient((v): string => {
  const first = Array.isArray(v) ? (v[0] as unknown) : v
  return typeof first === 'string' ? first : ''
})

/** An id in a form or query, or undefined when it is not one. */
export const OptionalId = lenient(parseId)

/** A JSON or form value passed on as it came, for a service that checks it itself. */
export const Anything = z.unknown().optional()

const asObject = (b: unknown) =>
  b !== null && typeof b === 'object' && !Array.isArray(b) && !Buffer.isBuffer(b) ? b : {}

/** A form (or JSON) body with these fields. A missing body reads as an empty form. */
export function formBody<S extends z.ZodRawShape>(shape: S) {
  return z.preprocess(asObject, z.object(shape))
}

/**
 * A whole form, for handlers that read many fields or show the form back as sent: text and
 * lists of text only, in an object without a prototype (a field called __proto__ is a field).
 */
export const WholeForm = z.unknown().transform((b): FormBody => {
  const out = Object.create(null) as FormBody
  for (const [k, v] of Object.entries(asObject(b))) {
    if (typeof v === 'string') out[k] = v
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string')
  }
  return out
})

/**
 * The story form, urlencoded or multipart: its fields as WholeForm reads them, and the new lead
 * photo's bytes when one was chosen (an empty file input sends none).
 */
export const StoryForm = z.unknown().transform((b) => {
  const photo: unknown = (asObject(b) as Record<string, unknown>)['leadPhotoFile']
  return {
    fields: WholeForm.parse(b),
    photo: Buffer.isBuffer(photo) && photo.length > 0 ? photo : null,
  }
})
