/**
 * The language edition a reader page belongs to (ADR 026): its language and direction, the path
 * prefix it is served under ('' for the site's first language, '/ru' for Russian beside English),
 * and its message catalogue. Views read it from LocaleContext, as they read the time zone, so no
 * view passes it down by hand.
 */
import { serverContext } from './server-context.js'
import { editionPath } from '../../content/article.js'
import { useContext } from 'preact/hooks'
import { type MessageValues, translator } from '../../i18n/index.js'

export interface Locale {
  /** A BCP 47 language tag from SITE_LANGUAGES, e.g. 'en' or 'ru'. */
  language: string
  dir: 'ltr' | 'rtl'
  /** '' for the first language in SITE_LANGUAGES; '/xx' for the others. */
  prefix: string
  /**
   * SITE_LANGUAGES, the first at `/`: a story's address carries its own language's prefix
   * (content's articlePath), whichever edition the page linking it belongs to.
   */
  languages: readonly string[]
  /** A site path ('/support', '/politics') inside this edition: the prefix put in front. */
  path(p: string): string
  /** The catalogue's message `key` with `values` filled in (ICU MessageFormat). */
  t(key: string, values?: Record<string, string | number | Date>): string
}

/** Scripts written right to left, by their languages' primary tags. */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi'])

export function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL.has(language.toLowerCase().split('-')[0]!) ? 'rtl' : 'ltr'
}

const locales = new Map<string, Locale>()

/**
 * The edition of `language` served under `prefix` (ADR 027): its catalogue's text (English for
 * a language with none, which still keeps its own tag and direction), kept per language and
 * prefix so every page of an edition shares one.
 */
export function createLocale(
  language: string,
  prefix: string,
  languages: readonly string[] = [language],
): Locale {
  const key = `${language} ${prefix} ${languages.join(',')}`
  let l = locales.get(key)
  if (!l) {
    const t = translator(language)
    l = {
      language,
      dir: directionOf(language),
      prefix,
      languages,
      path: (p) => editionPath(prefix, p),
      t: (k, values) => t(k, values as MessageValues | undefined),
    }
    locales.set(key, l)
  }
  return l
}

/** The page's edition; English at '/' when nothing set it (offline edition, tests). */
export const LocaleContext = serverContext<Locale>(createLocale('en', ''))

export function useLocale(): Locale {
  return useContext(LocaleContext)
}
