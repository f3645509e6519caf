/** What an import did, counted as it goes (ADR 025), and how it is printed. */

export type Counted = 'author' | 'section' | 'topic' | 'image' | 'post' | 'page'

export interface ImportReport {
  dryRun: boolean
  /** Items read from the source (channel authors and terms included). */
  items: number
  imported: Record<Counted, number>
  updated: Record<Counted, number>
  unchanged: Record<Counted, number>
  /** The first SKIPS_LISTED skipped items with their reasons; `skippedCount` counts them all. */
  skipped: { what: string; reason: string }[]
  skippedCount: number
  redirects: { made: number; updated: number; unchanged: number; kept: number; refused: number }
  /** Old paths a redirect was refused for (the first 100), with the problem. */
  refusedRedirects: string[]
  /** `missing` lists the first SKIPS_LISTED; `missingCount` counts them all. */
  images: { fetched: number; missing: string[]; missingCount: number }
  /** Shortcodes dropped from bodies, with how many times. */
  shortcodes: Record<string, number>
  /** Comments counted and left out. */
  comments: number
  /** What the reader read past (a raw & at a line). */
  warnings: { line: number; message: string }[]
  /** What was imported but changed on the way (members-only posts made drafts). */
  notes: string[]
  /** Only with `--subscribers`. */
  subscribers: SubscriberReport | null
}

export interface SubscriberReport {
  /** Rows read from the export's lists. */
  read: number
  /** Subscriptions handed to the newsletter's import (what a dry run would write). */
  toWrite: number
  added: number
  updated: number
  /** Already here as the export says, or confirmed here: left as they are. */
  unchanged: number
  suppressed: number
  /** Addresses left out, counted by reason (no address is printed). */
  leftOut: Record<string, number>
}

const zero = (): Record<Counted, number> => ({
  author: 0,
  section: 0,
  topic: 0,
  image: 0,
  post: 0,
  page: 0,
})

export function emptyReport(dryRun: boolean): ImportReport {
  return {
    dryRun,
    items: 0,
    imported: zero(),
    updated: zero(),
    unchanged: zero(),
    skipped: [],
    skippedCount: 0,
    redirects: { made: 0, updated: 0, unchanged: 0, kept: 0, refused: 0 },
    refusedRedirects: [],
    images: { fetched: 0, missing: [], missingCount: 0 },
    shortcodes: {},
    comments: 0,
    warnings: [],
    notes: [],
    subscribers: null,
  }
}

/** How many skipped items and missing images a report lists by name: it never grows with the file. */
export const SKIPS_LISTED = 1000

export function skip(r: ImportReport, what: string, reason: string): void {
  if (r.skipped.length < SKIPS_LISTED) r.skipped.push({ what, reason })
  r.skippedCount++
}

export function missingImage(r: ImportReport, what: string): void {
  if (r.images.missing.length < SKIPS_LISTED) r.images.missing.push(what)
  r.images.missingCount++
}

const KINDS: Counted[] = ['post', 'page', 'author', 'section', 'topic', 'image']
const counts = (r: Record<Counted, number>) => KINDS.map((k) => `${r[k]} ${k}s`).join(', ')

/** One line for the progress on stderr. */
export function progressLine(r: ImportReport): string {
  const done = KINDS.reduce((n, k) => n + r.imported[k] + r.updated[k] + r.unchanged[k], 0)
  return `${r.items} items read: ${done} written or unchanged, ${r.skippedCount} skipped, ${r.redirects.made} redirects, ${r.images.fetched} images`
}

/** The report as a person reads it at the end of a run. */
export function formatReport(r: ImportReport): string {
  const lines = [
    r.dryRun ? 'Dry run: nothing was written. This is what an import would do.' : 'Import done.',
    `Items in the file: ${r.items}`,
    `Imported: ${counts(r.imported)}`,
    `Updated: ${counts(r.updated)}`,
    `Unchanged: ${counts(r.unchanged)}`,
    `Redirects: ${r.redirects.made} made, ${r.redirects.updated} updated, ${r.redirects.unchanged} unchanged, ${r.redirects.kept} kept (made by hand or another source), ${r.redirects.refused} refused`,
    ...r.refusedRedirects.map((p) => `  refused: ${p}`),
    `Images: ${r.images.fetched} fetched, ${r.images.missingCount} missing`,
    ...r.images.missing.slice(0, 50).map((m) => `  missing: ${m}`),
    `Comments counted and left out: ${r.comments}`,
    `Skipped: ${r.skippedCount}`,
    ...r.skipped.slice(0, 200).map((s) => `  ${s.what}: ${s.reason}`),
  ]
  const codes = Object.entries(r.shortcodes)
  if (codes.length)
    lines.push(`Dropped from bodies: ${codes.map(([n, c]) => `[${n}] ×${c}`).join(', ')}`)
  if (r.notes.length) {
    lines.push(`Notes: ${r.notes.length}`)
    for (const n of r.notes.slice(0, 100)) lines.push(`  ${n}`)
  }
  const s = r.subscribers
  if (s) {
    lines.push(
      r.dryRun
        ? `Subscribers: ${s.read} rows read, ${s.toWrite} subscriptions would be written`
        : `Subscribers: ${s.read} rows read, ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.suppressed} suppressed (not added)`,
    )
    for (const [why, n] of Object.entries(s.leftOut)) lines.push(`  left out: ${n} ${why}`)
  }
  if (r.warnings.length) {
    lines.push(`Read past: ${r.warnings.length}`)
    for (const w of r.warnings.slice(0, 20)) lines.push(`  line ${w.line}: ${w.message}`)
  }
  return lines.join('\n')
}
