import snowball from 'snowball-stemmers'

// Search text: how words become the terms the search index holds and a query asks for (ADR 024).
// The same function stems on both databases, so SQLite and PostgreSQL find the same articles.

const english = snowball.newStemmer('english')
const russian = snowball.newStemmer('russian')

/** Words too common to find anything by; left out of the index and of queries. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or that the this to was were ' +
    'will with и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по ' +
    'ее мне было вот от меня о из ему теперь когда даже ну ли если уже или ни быть был него до ' +
    'вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы'
  ).split(' '),
)

/** Longest term kept: longer runs of letters are not words anyone types. */
const MAX_TERM = 40
/** A query longer than this is cut here before it is read. */
export const MAX_QUERY_CHARS = 200
/** Terms a query keeps; the rest are ignored, so a pasted paragraph stays a cheap query. */
export const MAX_QUERY_TERMS = 8

const WORD = /[\p{L}\p{N}]+/gu
const CYRILLIC = /[\u0400-\u04ff]/
const LATIN = /^[a-z]+$/

const stems = new Map<string, string>()

/**
 * A word's stem by its script, not by the article's language: a Russian story quoting an
 * English name still finds it. Other scripts are kept as written (lower case).
 */
export function stemWord(word: string): string {
  const known = stems.get(word)
  if (known !== undefined) return known
  const stem = CYRILLIC.test(word)
    ? russian.stem(word)
    : LATIN.test(word)
      ? english.stem(word)
      : word
  // News vocabulary repeats; the memo keeps re-indexing fast and is dropped when it grows.
  if (stems.size > 100_000) stems.clear()
  stems.set(word, stem)
  return stem
}

/** Lower case, one form for look-alike letters, "ё" read as "е" (Russian writers mix them). */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е')
}

/** The terms of a text, in order: words folded, stop words dropped, stemmed. */
export function searchTerms(text: string): string[] {
  const out: string[] = []
  for (const m of fold(text).matchAll(WORD)) {
    const w = m[0]
    if (w.length > MAX_TERM || STOP_WORDS.has(w)) continue
    out.push(stemWord(w))
  }
  return out
}

/**
 * What a reader typed, as the terms to look for: at most MAX_QUERY_TERMS distinct stems, each
 * only letters and digits. Quotes, stars, NEAR(, OR, minus signs… are just separators here, so
 * no user text ever reaches a database as query syntax.
 */
export function queryTerms(q: string): string[] {
  return [...new Set(searchTerms(q.slice(0, MAX_QUERY_CHARS)))].slice(0, MAX_QUERY_TERMS)
}

/** An article's text for the index, in the three weights the ranking uses. */
export interface SearchDocument {
  /** The headline. */
  head: string[]
  /** Kicker, standfirst, byline names and topic names. */
  lead: string[]
  /** The body as text. */
  body: string[]
}

export function searchDocument(a: {
  headline: string
  kicker: string | null
  standfirst: string | null
  names: string[]
  topics: string[]
  text: string
}): SearchDocument {
  return {
    head: searchTerms(a.headline),
    lead: searchTerms([a.kicker ?? '', a.standfirst ?? '', ...a.names, ...a.topics].join(' \n ')),
    body: searchTerms(a.text),
  }
}

/** A piece of shown text, marked when it is one of the words searched for. */
export interface TextPart {
  text: string
  mark: boolean
}

/** The whole text in parts, the words whose stems are among `terms` marked. */
export function highlight(text: string, terms: readonly string[]): TextPart[] {
  return marked(text, new Set(terms)).parts
}

function marked(text: string, terms: Set<string>) {
  const parts: TextPart[] = []
  const hits: number[] = []
  const words: { start: number; end: number }[] = []
  let at = 0
  for (const m of text.matchAll(WORD)) {
    const start = m.index
    const end = start + m[0].length
    words.push({ start, end })
    const w = fold(m[0])
    if (terms.has(stemWord(w)) && !STOP_WORDS.has(w)) {
      if (start > at) parts.push({ text: text.slice(at, start), mark: false })
      parts.push({ text: text.slice(start, end), mark: true })
      hits.push(words.length - 1)
      at = end
    }
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false })
  return { parts, hits, words }
}

/**
 * About `size` words of `text` around the place where most searched words meet, as parts
 * (an ellipsis where it was cut). Text, never HTML: the view escapes it as any other text.
 */
export function snippet(text: string, terms: readonly string[], size = 32): TextPart[] {
  const set = new Set(terms)
  const { hits, words } = marked(text, set)
  let first = 0
  let best = -1
  for (let i = 0, j = 0; i < hits.length; i++) {
    while (hits[i]! - hits[j]! >= size) j++
    if (i - j > best) {
      best = i - j
      first = hits[j]!
    }
  }
  const from = Math.max(0, first - 6)
  const to = Math.min(words.length, from + size)
  if (words.length === 0) return []
  const start = from === 0 ? 0 : words[from]!.start
  const end = to >= words.length ? text.length : words[to - 1]!.end
  const parts = marked(text.slice(start, end), set).parts
  if (start > 0) parts.unshift({ text: '… ', mark: false })
  if (end < text.length) parts.push({ text: ' …', mark: false })
  return parts
}
