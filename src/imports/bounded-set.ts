/**
 * A set that remembers at most `max` members, forgetting the oldest first: what an import keeps
 * per run must not grow with the file (ADR 029). A Set keeps insertion order, so the oldest is
 * its first key.
 */
export function boundedSet(max: number): { has(v: string): boolean; add(v: string): void } {
  const members = new Set<string>()
  return {
    has: (v) => members.has(v),
    add(v) {
      if (members.has(v)) return
      if (members.size >= max) members.delete(members.values().next().value!)
      members.add(v)
    },
  }
}
