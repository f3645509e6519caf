/**
 * Translations (ADR 026): the rule for joining articles into one group of translations. A group
 * holds at most one article per language, since a page links "Read in Russian" to exactly one.
 */

export interface GroupMember {
  id: number
  language: string
}

export type JoinProblem =
  { kind: 'same-article' } | { kind: 'language-taken'; language: string; by: number }

/**
 * Whether the groups of two articles (each article with the rest of its group) may become one:
 * null when they may, else why not.
 */
export function joinProblem(
  mine: readonly GroupMember[],
  theirs: readonly GroupMember[],
): JoinProblem | null {
  const ids = new Set(mine.map((m) => m.id))
  if (theirs.some((t) => ids.has(t.id))) return { kind: 'same-article' }
  const byLanguage = new Map(mine.map((m) => [m.language, m.id]))
  for (const t of theirs) {
    const by = byLanguage.get(t.language)
    if (by !== undefined) return { kind: 'language-taken', language: t.language, by }
  }
  return null
}
