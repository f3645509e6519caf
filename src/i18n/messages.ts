/**
 * Reader text by key, in one language (ADR 027). Messages are ICU MessageFormat, compiled by
 * intl-messageformat on first use and kept per language, so a page pays for parsing once per
 * process. A language without a catalogue reads English; a key missing from a catalogue reads
 * its English text (the catalogue test keeps that from happening in a release).
 */
import { IntlMessageFormat } from 'intl-messageformat'
import { type MessageKey, en } from './en.js'
import { ru } from './ru.js'
import { keptTexts } from '../lib/kept-texts.js'

export type { MessageKey }
export type MessageValues = Record<string, string | number | Date>
export type Catalogue = Readonly<Record<MessageKey, string>>

/** Every catalogue, by primary language tag. English is the reference. */
export const CATALOGUES: Readonly<Record<string, Catalogue>> = { en, ru }

/** The catalogue's language for a BCP 47 tag ('ru-RU' -> 'ru'); English when there is none. */
export function catalogueLanguage(language: string): string {
  const primary = language.toLowerCase().split('-')[0] ?? ''
  return Object.hasOwn(CATALOGUES, primary) ? primary : 'en'
}

/** Compiles one message; `<` is plain text in our catalogues, never a rich-text tag. */
export function compileMessage(message: string, language: string): IntlMessageFormat {
  return new IntlMessageFormat(message, language, undefined, { ignoreTag: true })
}

const translators = new Map<string, (key: string, values?: MessageValues) => string>()

/**
 * The `t` of a language: a key and its values to text. Plurals and numbers follow `language`
 * itself (Intl), the words its catalogue's.
 */
export function translator(language: string): (key: string, values?: MessageValues) => string {
  let t = translators.get(language)
  if (t) return t
  const catalogue = CATALOGUES[catalogueLanguage(language)]!
  // Plural rules of the text's own language: English words follow English rules.
  const rulesOf = catalogue === en ? 'en' : language
  const compiled = new Map<string, IntlMessageFormat>()
  // A message asked for without values always reads the same: formatted once. Most of a
  // page's text is such (labels, headings), and formatting walks the message each time.
  const plain = new Map<string, string>()
  // So does one with the same short values ("{minutes} min read" beside every story).
  const withValues = keptTexts(4096)
  t = (key, values) => {
    if (values === undefined) {
      const known = plain.get(key)
      if (known !== undefined) return known
    } else {
      const id = valuesKey(key, values)
      if (id !== null) return withValues(id, () => format(key, values))
    }
    return format(key, values)
  }
  const format = (key: string, values: MessageValues | undefined): string => {
    let f = compiled.get(key)
    if (!f) {
      const text = Object.hasOwn(catalogue, key)
        ? catalogue[key as MessageKey]
        : Object.hasOwn(en, key)
          ? en[key as MessageKey]
          : undefined
      // A key in no catalogue is a programming error: show it rather than fail the page.
      if (text === undefined) return key
      f = compileMessage(text, rulesOf)
      compiled.set(key, f)
    }
    const text = String(f.format(values))
    if (values === undefined) plain.set(key, text)
    return text
  }
  translators.set(language, t)
  return t
}

/**
 * The key a message with these values is kept under, or null where it is not kept: a value
 * that is not a string or a number, or values too long to be worth keeping (a reader's query).
 */
function valuesKey(key: string, values: MessageValues): string | null {
  let id = key
  for (const name in values) {
    const v = values[name]
    if (typeof v !== 'string' && typeof v !== 'number') return null
    // A number and the same digits as text may read differently (plurals): kept apart.
    id += `\u0000${name}\u0001${typeof v === 'number' ? 'n' : 's'}${v}`
    if (id.length > 200) return null
  }
  return id
}
