/**
 * Two versions of a story as an editor reads them, side by side: the body's rendered text block
 * by block (paragraphs, headings, list items, quotes, pictures by their alt text), not its HTML.
 * Blocks are matched first; a changed block is then compared word by word, so a one-word edit
 * in a long story shows as one marked word in one row. Rules only.
 */
import { bodyText } from './body.js'
import { type DiffPart, diffSequences, diffText } from './revision.js'

export type BlockKind = 'paragraph' | 'heading' | 'item' | 'quote' | 'picture' | 'caption' | 'other'

export interface TextBlock {
  kind: BlockKind
  text: string
}

/** One row of the comparison: the saved version's block on the left, the current on the right. */
export type CompareRow =
  | { op: 'same'; kind: BlockKind; text: string }
  | { op: 'changed'; kind: BlockKind; before: DiffPart[]; after: DiffPart[] }
  | { op: 'removed'; kind: BlockKind; text: string }
  | { op: 'added'; kind: BlockKind; text: string }

const BREAK = '\u0000'
const KINDS: Record<string, BlockKind> = {
  p: 'paragraph',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  li: 'item',
  blockquote: 'quote',
  figure: 'picture',
  figcaption: 'caption',
}

/** A sanitized body as blocks of plain text, in reading order. */
export function readableBlocks(html: string): TextBlock[] {
  const marked = html
    // A picture reads as its alt text; its caption follows as a block of its own.
    .replace(/<img\b[^>]*?\balt="([^"]*)"[^>]*>/gi, (_, alt: string) => `${BREAK}[${alt}]${BREAK}`)
    .replace(/<(p|h[2-4]|li|blockquote|figure|figcaption)\b[^>]*>/gi, (_, tag: string) => {
      return `${BREAK}<${tag.toLowerCase()}>`
    })
    .replace(
      /<\/(p|h[2-4]|li|blockquote|figure|figcaption|ul|ol|pre)>|<br\s*\/?>|<hr\b[^>]*>/gi,
      BREAK,
    )
  const blocks: TextBlock[] = []
  for (const piece of marked.split(BREAK)) {
    const tag = /^<([a-z0-9]+)>/.exec(piece)?.[1]
    const text = bodyText(piece)
    if (!text) continue
    const kind = /^\[.*\]$/.test(text) ? 'picture' : (KINDS[tag ?? ''] ?? 'other')
    blocks.push({ kind, text })
  }
  return blocks
}

/** Past this many blocks on a side, changed blocks are not paired word by word. */
const MAX_BLOCKS = 2000

/** The rows of the side-by-side comparison from `before` to `after`. */
export function compareBlocks(before: TextBlock[], after: TextBlock[]): CompareRow[] {
  if (before.length > MAX_BLOCKS || after.length > MAX_BLOCKS) {
    return [
      ...before.map((b) => ({ op: 'removed' as const, ...b })),
      ...after.map((b) => ({ op: 'added' as const, ...b })),
    ]
  }
  const key = (b: TextBlock) => `${b.kind}\n${b.text}`
  const steps = diffSequences(before.map(key), after.map(key))
  const rows: CompareRow[] = []
  let removed: TextBlock[] = []
  let added: TextBlock[] = []
  // A run of removed blocks next to a run of added ones is the same blocks edited: pair them.
  const flush = () => {
    const pairs = Math.min(removed.length, added.length)
    for (let k = 0; k < pairs; k++) {
      const words = diffText(removed[k]!.text, added[k]!.text)
      rows.push({
        op: 'changed',
        kind: added[k]!.kind,
        before: words.filter((w) => w.op !== 'added'),
        after: words.filter((w) => w.op !== 'removed'),
      })
    }
    for (const b of removed.slice(pairs)) rows.push({ op: 'removed', ...b })
    for (const b of added.slice(pairs)) rows.push({ op: 'added', ...b })
    removed = []
    added = []
  }
  for (const step of steps) {
    if (step.op === 'removed') removed.push(before[step.a]!)
    else if (step.op === 'added') added.push(after[step.b]!)
    else {
      flush()
      rows.push({ op: 'same', ...after[step.b]! })
    }
  }
  flush()
  return rows
}
