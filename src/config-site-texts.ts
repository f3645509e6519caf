/**
 * The site's name and description in each language of SITE_LANGUAGES (issue 13): set as
 * `SITE_NAME_RU`, `SITE_DESCRIPTION_RU` (the tag in capitals, `-` written `_`: `SITE_NAME_PT_BR`);
 * a language without one reads SITE_NAME / SITE_DESCRIPTION. Filled by loadConfig, not the schema,
 * since the names of the settings follow SITE_LANGUAGES.
 */
export interface SiteTexts {
  /** Language tag -> the name in that language's titles, feeds, emails and offline edition. */
  SITE_NAMES: Record<string, string>
  /** Language tag -> the description of its front page and feeds. */
  SITE_DESCRIPTIONS: Record<string, string>
}

/** The demo's own words in its second language, used while SITE_NAME and SITE_DESCRIPTION are the demo's. */
const DEMO_TEXTS: Record<string, { name: string; description: string }> = {
  // The Lantern keeps its Latin name in Russian, as its Russian stories write it.
  ru: {
    name: 'The Lantern',
    description: 'Независимая журналистика о Варесии — из редакции в изгнании.',
  },
}

/** The per-language setting's name: `SITE_NAME_PT_BR` for pt-BR. */
export function perLanguageSetting(
  base: 'SITE_NAME' | 'SITE_DESCRIPTION',
  language: string,
): string {
  return `${base}_${language.toUpperCase().replace(/-/g, '_')}`
}

/** Each language's name and description; a setting too long is added to `problems`. */
export function siteTexts(
  env: Record<string, string | undefined>,
  data: { SITE_LANGUAGES: readonly string[]; SITE_NAME: string; SITE_DESCRIPTION: string },
  problems: string[],
): SiteTexts {
  const out: SiteTexts = { SITE_NAMES: {}, SITE_DESCRIPTIONS: {} }
  const demo = env.SITE_NAME === undefined || env.SITE_NAME === ''
  const demoDescription = env.SITE_DESCRIPTION === undefined || env.SITE_DESCRIPTION === ''
  for (const language of data.SITE_LANGUAGES) {
    const ownName = env[perLanguageSetting('SITE_NAME', language)]?.trim()
    const ownDescription = env[perLanguageSetting('SITE_DESCRIPTION', language)]?.trim()
    const fallback = DEMO_TEXTS[language.toLowerCase()]
    const name = ownName || (demo && fallback ? fallback.name : data.SITE_NAME)
    const description =
      ownDescription || (demoDescription && fallback ? fallback.description : data.SITE_DESCRIPTION)
    if (name.length > 120)
      problems.push(`${perLanguageSetting('SITE_NAME', language)}: at most 120 characters`)
    if (description.length > 300)
      problems.push(`${perLanguageSetting('SITE_DESCRIPTION', language)}: at most 300 characters`)
    out.SITE_NAMES[language] = name
    out.SITE_DESCRIPTIONS[language] = description
  }
  return out
}
