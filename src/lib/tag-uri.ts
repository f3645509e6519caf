/**
 * tag: URIs (RFC 4151): `tag:AUTHORITY:SPECIFIC`, where the authority is a domain name or an
 * email address someone held on a date (`example.org,2026`). Such an id names a thing without
 * naming a place to fetch it, so it stays the same whatever address the thing is read on.
 */

/** A tagging entity and date, lower case, as feed validators accept it. */
export const TAG_AUTHORITY = /^([a-z0-9._-]+@)?[a-z0-9-]+(\.[a-z0-9-]+)+,\d{4}(-\d{2}(-\d{2})?)?$/

/** Characters the specific part may hold unescaped (RFC 4151 via RFC 3986's pchar). */
const SPECIFIC = /^[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,]+$/

export function tagUri(authority: string, specific: string): string {
  if (!TAG_AUTHORITY.test(authority)) throw new Error(`Not a tag authority: ${authority}`)
  if (!SPECIFIC.test(specific)) throw new Error(`Not a tag specific part: ${specific}`)
  return `tag:${authority}:${specific}`
}
