import type { Article } from './article.js'
import type { ArticleInput } from './article-input.js'

/** One saved version of an article, whole: restoring it is saving it again. */
export interface Revision {
  id: number
  articleId: number
  savedAt: Date
  staffId: number | null
  staffName: string | null
  snapshot: RevisionSnapshot
}

export interface RevisionSnapshot {
  slug: string
  sectionId: number
  kicker: string | null
  headline: string
  standfirst: string | null
  body: string
  status: Article['status']
  language: string
  leadImageId: number | null
  publishedAt: string | null
  unpublishAt: string | null
  credits: ({ authorId: number } | { agencyId: number } | { guest: string })[]
  topicIds: number[]
}

export function snapshotOf(a: Article): RevisionSnapshot {
  return {
    slug: a.slug,
    sectionId: a.section.id,
    kicker: a.kicker,
    headline: a.headline,
    standfirst: a.standfirst,
    body: a.body,
    status: a.status,
    language: a.language,
    leadImageId: a.leadImage?.id ?? null,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    unpublishAt: a.unpublishAt?.toISOString() ?? null,
    credits: a.credits.map((c) =>
      c.kind === 'author'
        ? { authorId: c.author.id }
        : c.kind === 'agency'
          ? { agencyId: c.agency.id }
          : { guest: c.name },
    ),
    topicIds: a.topics.map((t) => t.id),
  }
}

/** The snapshot as input for saving it again; the status is the current one unless asked. */
export function inputFromSnapshot(s: RevisionSnapshot, status: Article['status']): ArticleInput {
  return {
    slug: s.slug,
    sectionId: s.sectionId,
    kicker: s.kicker,
    headline: s.headline,
    standfirst: s.standfirst,
    body: s.body,
    status,
    language: s.language,
    leadImageId: s.leadImageId,
    publishedAt: s.publishedAt ? new Date(s.publishedAt) : null,
    unpublishAt: s.unpublishAt ? new Date(s.unpublishAt) : null,
    credits: s.credits,
    topicIds: s.topicIds,
  }
}

export type DiffPart = { op: 'same' | 'added' | 'removed'; text: string }

/** Words past which a diff compares whole paragraphs instead: keeps the table small. */
const MAX_WORDS = 3000
/** Cells of the comparison table we allow (16 MB as 32-bit counts). */
const MAX_CELLS = 4_000_000

/**
 * What changed between two texts, word by word (longest common subsequence). Long texts are
 * compared line by line so the work stays bounded.
 */
export function diffText(before: string, after: string): DiffPart[] {
  let a = before.split(/(\s+)/).filter(Boolean)
  let b = after.split(/(\s+)/).filter(Boolean)
  if (a.length > MAX_WORDS * 2 || b.length > MAX_WORDS * 2) {
    a = before.split(/(\n)/)
    b = after.split(/(\n)/)
  }
  // The table is (n+1)×(m+1) cells: past a few million, compare whole paragraphs; past that
  // again, show the two versions side by side rather than make the server work for minutes.
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) {
    a = before.split(/(\n)/)
    b = after.split(/(\n)/)
  }
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) {
    return [
      ...(before ? [{ op: 'removed' as const, text: before }] : []),
      ...(after ? [{ op: 'added' as const, text: after }] : []),
    ]
  }
  const out: DiffPart[] = []
  for (const step of diffSequences(a, b)) {
    const text = step.op === 'added' ? b[step.b]! : a[step.a]!
    const last = out.at(-1)
    if (last && last.op === step.op) last.text += text
    else out.push({ op: step.op, text })
  }
  return out
}

/** One step from `a` to `b`: keep a[a] (= b[b]), drop a[a], or add b[b]. */
export type DiffStep =
  { op: 'same'; a: number; b: number } | { op: 'removed'; a: number } | { op: 'added'; b: number }

/**
 * The shortest edit from one sequence to another (longest common subsequence), as steps in
 * order. The caller bounds the sizes: the table is (n+1)×(m+1) counts.
 */
export function diffSequences(a: readonly string[], b: readonly string[]): DiffStep[] {
  const n = a.length
  const m = b.length
  // lcs[i][j]: length of the common subsequence of a[i..] and b[j..], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!)
    }
  }
  const out: DiffStep[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) out.push({ op: 'same', a: i++, b: j++ })
    else if (lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!)
      out.push({ op: 'removed', a: i++ })
    else out.push({ op: 'added', b: j++ })
  }
  while (i < n) out.push({ op: 'removed', a: i++ })
  while (j < m) out.push({ op: 'added', b: j++ })
  return out
}
