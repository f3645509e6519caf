import { parseId } from '../../http/schemas.js'
import type { FormBody } from '../http-forms.js'

/** Forms whose text is carried through a new sign-in when the session has ended. */
const RESUMABLE = /^\/admin\/articles(\/[1-9][0-9]{0,11})?$/

/** The text of a form kept through sign-in: written into the sign-in page, read back after. */
export interface KeptForm {
  url: string
  /** The article the form was editing; undefined for a new one. */
  articleId: number | undefined
  form: FormBody
}

export function isResumable(url: string): boolean {
  return RESUMABLE.test(url)
}

/**
 * The form as a token the sign-in page carries: text fields only, and not without bound, as
 * this page goes back to whoever posted. Undefined when it is too large to carry.
 */
export function keepForm(url: string, body: Record<string, unknown>): string | undefined {
  const texts = Object.fromEntries(
    Object.entries(body).filter(([, v]) => typeof v === 'string' || Array.isArray(v)),
  )
  const json = JSON.stringify({ url, form: texts })
  return json.length <= 2_000_000 ? Buffer.from(json).toString('base64url') : undefined
}

/** The kept form, or null when the token is not one this admin wrote for a resumable form. */
export function readKeptForm(token: string): KeptForm | null {
  let saved: { url?: unknown; form?: unknown } = {}
  try {
    saved = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as typeof saved
  } catch {
    saved = {}
  }
  const url = typeof saved.url === 'string' && RESUMABLE.test(saved.url) ? saved.url : null
  if (!url || typeof saved.form !== 'object' || saved.form === null) return null
  const form = Object.fromEntries(
    Object.entries(saved.form as Record<string, unknown>).flatMap(
      ([k, v]): [string, string | string[]][] =>
        typeof v === 'string'
          ? [[k, v]]
          : Array.isArray(v)
            ? [[k, v.filter((x): x is string => typeof x === 'string')]]
            : [],
    ),
  ) as FormBody
  return { url, articleId: parseId(/\/admin\/articles\/([1-9][0-9]*)$/.exec(url)?.[1]), form }
}
