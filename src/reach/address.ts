/**
 * The newsroom's addresses: what each one is, and the rules a list must keep before it is
 * stored. Pure functions; the repository stores what `checkAddresses` accepted.
 */

/** What an address is for, in the order the reader page groups them. */
export const REACH_KINDS = ['primary', 'mirror', 'onion', 'feed', 'newsletter', 'other'] as const
export type ReachKind = (typeof REACH_KINDS)[number]

/** How the admin and the reader page name each kind. */
export const KIND_NAMES: Readonly<Record<ReachKind, string>> = {
  primary: 'Main address',
  mirror: 'Mirror',
  onion: 'Tor (onion address)',
  feed: 'Feed',
  newsletter: 'Newsletter',
  other: 'Other way',
}

/** One address of the newsroom: a URL, or for `other` a line of free text. */
export interface ReachAddress {
  kind: ReachKind
  /** What readers read beside it ('' for none): "Telegram", "Mirror in Europe". */
  label: string
  /** The URL as `new URL()` writes it, or the free text of an `other` way. */
  value: string
}

/** The list as stored, with when it last changed (null: never saved). */
export interface ReachList {
  addresses: readonly ReachAddress[]
  updatedAt: Date | null
}

/** Bounds that keep the list readable and a paste from filling the database. */
export const MAX_ADDRESSES = 40
export const MAX_LABEL = 80
export const MAX_TEXT = 300
export const MAX_URL = 2000

/**
 * The stable codes of what can be wrong with one row (docs/errors.md, "The newsroom's
 * addresses"). A program reads the code; a person reads the sentence beside it.
 */
export type ReachProblemCode =
  | 'REACH_KIND_UNKNOWN'
  | 'REACH_VALUE_REQUIRED'
  | 'REACH_TOO_LONG'
  | 'REACH_CONTROL_CHARACTER'
  | 'REACH_URL_INVALID'
  | 'REACH_URL_SCHEME'
  | 'REACH_URL_CREDENTIALS'
  | 'REACH_ONION_INVALID'
  | 'REACH_PRIMARY_TWICE'
  | 'REACH_DUPLICATE'
  | 'REACH_TOO_MANY'

export interface ReachProblem {
  code: ReachProblemCode
  /** 1-based row of the form; 0 for the list as a whole. */
  row: number
  field: 'kind' | 'label' | 'value' | 'list'
  message: string
}

/** One row as a form sent it, before any check. */
export interface AddressRow {
  kind: string
  label: string
  value: string
}

// CR, LF, NUL and the other C0/C1 controls, and the Unicode line separators: text that ends up
// in email footers and on pages as one line must not carry any.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/
// A v3 onion service: 56 base32 characters (v2's 16 have not worked since 2021).
const ONION_HOST = /^([a-z0-9-]+\.)*[a-z2-7]{56}\.onion$/

export function isReachKind(v: string): v is ReachKind {
  return (REACH_KINDS as readonly string[]).includes(v)
}

/** True for a v3 .onion host name (subdomains allowed). */
export function isOnionHost(host: string): boolean {
  return ONION_HOST.test(host.toLowerCase())
}

/** The URL an address row names, normalised, or the problem with it. */
export function checkUrl(
  raw: string,
  onionOnly: boolean,
): { url: string } | { code: ReachProblemCode; message: string } {
  if (raw.length > MAX_URL)
    return { code: 'REACH_TOO_LONG', message: `at most ${MAX_URL} characters` }
  let u: URL
  try {
    u = new URL(raw)
  } catch {
    return { code: 'REACH_URL_INVALID', message: 'not a web address (start with https://)' }
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return { code: 'REACH_URL_SCHEME', message: 'must start with https:// or http://' }
  if (u.username || u.password)
    return { code: 'REACH_URL_CREDENTIALS', message: 'must not contain a user name or password' }
  if (!u.hostname || !/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/.test(u.hostname))
    return { code: 'REACH_URL_INVALID', message: 'not a web address (start with https://)' }
  const onion = u.hostname.endsWith('.onion')
  if (onion && !isOnionHost(u.hostname))
    return {
      code: 'REACH_ONION_INVALID',
      message: 'not a v3 onion address (56 letters and digits, then .onion)',
    }
  if (onionOnly && !onion)
    return { code: 'REACH_ONION_INVALID', message: 'an onion address ends in .onion' }
  return { url: u.href }
}

/**
 * The list a form's rows make, or every problem with them. Rows whose kind, label and value
 * are all empty are blank lines of the form and are dropped; nothing else is changed silently.
 */
export function checkAddresses(
  rows: readonly AddressRow[],
): { addresses: ReachAddress[] } | { problems: ReachProblem[] } {
  const problems: ReachProblem[] = []
  const addresses: ReachAddress[] = []
  const seen = new Map<string, number>()
  let primaryRow = 0
  for (const [i, r] of rows.entries()) {
    const row = i + 1
    const kind = r.kind.trim()
    const label = r.label.trim()
    const value = r.value.trim()
    if (value === '' && label === '') continue
    const problem = (code: ReachProblemCode, field: ReachProblem['field'], message: string) =>
      problems.push({ code, row, field, message })
    if (!isReachKind(kind)) {
      problem('REACH_KIND_UNKNOWN', 'kind', 'choose what it is')
      continue
    }
    if (label.length > MAX_LABEL)
      problem('REACH_TOO_LONG', 'label', `at most ${MAX_LABEL} characters`)
    else if (CONTROL.test(label))
      problem('REACH_CONTROL_CHARACTER', 'label', 'must be one line of text')
    let stored = value
    if (value === '') {
      problem('REACH_VALUE_REQUIRED', 'value', 'write the address')
    } else if (kind === 'other') {
      if (value.length > MAX_TEXT)
        problem('REACH_TOO_LONG', 'value', `at most ${MAX_TEXT} characters`)
      else if (CONTROL.test(value))
        problem('REACH_CONTROL_CHARACTER', 'value', 'must be one line of text')
    } else {
      const url = checkUrl(value, kind === 'onion')
      if ('code' in url) problem(url.code, 'value', url.message)
      else stored = url.url
    }
    if (kind === 'primary') {
      if (primaryRow)
        problem('REACH_PRIMARY_TWICE', 'kind', `only one main address (row ${primaryRow} is one)`)
      else primaryRow = row
    }
    const key = `${kind}:${stored}`
    const before = seen.get(key)
    if (before) problem('REACH_DUPLICATE', 'value', `the same as row ${before}`)
    else seen.set(key, row)
    addresses.push({ kind, label, value: stored })
  }
  if (addresses.length > MAX_ADDRESSES)
    problems.push({
      code: 'REACH_TOO_MANY',
      row: 0,
      field: 'list',
      message: `at most ${MAX_ADDRESSES} addresses`,
    })
  return problems.length > 0 ? { problems } : { addresses }
}

/** A problem as one line: `row 2 address: must start with https:// or http:// [REACH_URL_SCHEME]`. */
export function problemLine(p: ReachProblem): string {
  const field = { kind: 'kind', label: 'label', value: 'address', list: 'list' }[p.field]
  const where = p.row > 0 ? `row ${p.row} ${field}` : field
  return `${where}: ${p.message} [${p.code}]`
}

/**
 * Where readers find the whole list: `reach` under the main address, else under the first
 * mirror (a mirror may live under a path: https://mirror.example/lantern/reach).
 */
export function reachPageUrl(addresses: readonly ReachAddress[]): string | null {
  const home =
    addresses.find((a) => a.kind === 'primary') ?? addresses.find((a) => a.kind === 'mirror')
  if (!home) return null
  const u = new URL(home.value)
  u.search = ''
  u.hash = ''
  if (!u.pathname.endsWith('/')) u.pathname += '/'
  return new URL('reach', u).href
}
