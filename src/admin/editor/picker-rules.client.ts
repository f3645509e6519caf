/**
 * The pickers' pure rules (topics, new topics, the order of an edition's stories): no DOM, so
 * node:test checks them without a browser (picker-rules.test.ts).
 */

/**
 * New topics one save may make, and how long each name may be: content's topicsForSave refuses
 * more (MAX_NEW_TOPICS, MAX_TOPIC_NAME there; that module is not for the browser bundle, so the
 * numbers are repeated here and the test compares them).
 */
export const NEW_TOPICS_AT_ONCE = 5
export const TOPIC_NAME_MAX = 120
/** Matching topics listed under the search box at once; typing more narrows them. */
export const TOPIC_MATCHES_SHOWN = 12

/** A name as matching sees it: case, accents and runs of spaces do not count. */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * Which topics the picker shows: every checked one, then those matching the query (names
 * starting with it before names merely holding it, each group in the list's order), at most
 * `limit` of them. `more` counts the matches left out.
 */
export function topicsToShow(
  topics: readonly { name: string; checked: boolean }[],
  query: string,
  limit = TOPIC_MATCHES_SHOWN,
): { shown: number[]; more: number } {
  const q = foldName(query)
  const checked = topics.flatMap((t, i) => (t.checked ? [i] : []))
  if (!q) return { shown: checked, more: 0 }
  const starts: number[] = []
  const holds: number[] = []
  topics.forEach((t, i) => {
    if (t.checked) return
    const name = foldName(t.name)
    if (name.startsWith(q) || name.includes(` ${q}`)) starts.push(i)
    else if (name.includes(q)) holds.push(i)
  })
  const matches = [...starts, ...holds]
  return {
    shown: [...checked, ...matches.slice(0, limit)],
    more: Math.max(0, matches.length - limit),
  }
}

/** Whether `query` names one of `names` exactly (folded): then there is nothing to create. */
export function namesTopic(names: readonly string[], query: string): boolean {
  const q = foldName(query)
  return q !== '' && names.some((n) => foldName(n) === q)
}

/** The new-topics field (names separated by commas) as its names, trimmed, none empty. */
export function newTopicNames(field: string): string[] {
  return field
    .split(',')
    .map((n) => n.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
}

/**
 * The new-topics field with one more name, or why it cannot take it: a comma would split it,
 * and the server makes at most NEW_TOPICS_AT_ONCE topics of TOPIC_NAME_MAX characters a save.
 */
export function withNewTopic(
  field: string,
  name: string,
): { field: string } | { refused: 'empty' | 'comma' | 'too-long' | 'too-many' | 'already' } {
  const clean = name.trim().replace(/\s+/g, ' ')
  const names = newTopicNames(field)
  if (!clean) return { refused: 'empty' }
  if (clean.includes(',')) return { refused: 'comma' }
  if (clean.length > TOPIC_NAME_MAX) return { refused: 'too-long' }
  if (namesTopic(names, clean)) return { refused: 'already' }
  if (names.length >= NEW_TOPICS_AT_ONCE) return { refused: 'too-many' }
  return { field: [...names, clean].join(', ') }
}

/** The new-topics field without one name (folded: "Night  buses" takes out "night buses"). */
export function withoutNewTopic(field: string, name: string): string {
  const q = foldName(name)
  return newTopicNames(field)
    .filter((n) => foldName(n) !== q)
    .join(', ')
}

/**
 * The order after dragging `moved` onto `target`: before it when dropped on its upper half,
 * after it otherwise. Unchanged when either is absent or they are the same.
 */
export function dropInto<T>(order: readonly T[], moved: T, target: T, after: boolean): T[] {
  if (moved === target || !order.includes(moved) || !order.includes(target)) return [...order]
  const rest = order.filter((x) => x !== moved)
  const at = rest.indexOf(target) + (after ? 1 : 0)
  return [...rest.slice(0, at), moved, ...rest.slice(at)]
}
