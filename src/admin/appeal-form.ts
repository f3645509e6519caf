import {
  type AppealSettings,
  CURRENCY_CODES,
  FREQUENCIES,
  METHODS,
  currencyOf,
  parseAmountList,
} from '../contributions/index.js'
import { type FormBody, field, fields } from './http-forms.js'

/**
 * The appeal form's fields to and from AppealSettings. Amounts are typed in major units
 * ("3, 5, 10"); coins one per line as "name | address | guide".
 */
export function appealFormValues(a: AppealSettings): Record<string, string> {
  const out: Record<string, string> = {
    language: a.language,
    enabled: a.enabled ? 'on' : '',
    bannerText: a.bannerText,
    headline: a.headline,
    letter: a.letter,
    defaultFrequency: a.defaultFrequency,
    defaultAmountIndex: String(a.defaultAmountIndex + 1),
    methods: a.methods.join(','),
    sections: a.sections.join(', '),
    topics: a.topics.join(', '),
    bankInstructions: a.bankInstructions,
    coins: a.coins.map((c) => `${c.name} | ${c.address} | ${c.guide}`).join('\n'),
    safetyCountries: a.safetyCountries.join(', '),
    safetyNote: a.safetyNote,
    safetyMethods: a.safetyMethods.join(','),
  }
  for (const [code, c] of Object.entries(a.currencies)) {
    const unit = 10 ** (currencyOf(code)?.minorUnits ?? 2)
    for (const f of FREQUENCIES)
      out[`cur_${code}_${f}`] = c.amounts[f].map((m) => m / unit).join(', ')
    out[`cur_${code}_minimum`] = String(c.minimum / unit)
  }
  return out
}

/** The settings a form describes (checked by the service), or problems found while reading it. */
export function appealFromForm(body: FormBody): { settings: unknown; problems: string[] } {
  const problems: string[] = []
  const currencies: Record<string, unknown> = {}
  for (const code of CURRENCY_CODES) {
    const typed = [...FREQUENCIES, 'minimum'].map((f) => field(body, `cur_${code}_${f}`).trim())
    if (typed.every((t) => t === '')) continue
    const lists = FREQUENCIES.map((f) => parseAmountList(field(body, `cur_${code}_${f}`), code))
    const minimum = parseAmountList(field(body, `cur_${code}_minimum`), code)
    if (lists.some((l) => l === undefined) || !minimum || minimum.length !== 1) {
      problems.push(`${code}: write amounts as numbers separated by commas, and one minimum`)
      continue
    }
    currencies[code] = {
      amounts: Object.fromEntries(FREQUENCIES.map((f, i) => [f, lists[i]])),
      minimum: minimum[0],
    }
  }
  const slugs = (v: string) =>
    v
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean)
  const coins = field(body, 'coins')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name = '', address = '', ...guide] = l.split('|').map((p) => p.trim())
      return { name, address, guide: guide.join(' | ') }
    })
  const index = Number(field(body, 'defaultAmountIndex'))
  return {
    problems,
    settings: {
      language: field(body, 'language').trim(),
      enabled: field(body, 'enabled') === 'on',
      bannerText: field(body, 'bannerText'),
      headline: field(body, 'headline'),
      letter: field(body, 'letter').replace(/\r\n/g, '\n'),
      currencies,
      defaultFrequency: field(body, 'defaultFrequency'),
      defaultAmountIndex: Number.isInteger(index) ? index - 1 : -1,
      methods: fields(body, 'methods').filter((m) => (METHODS as readonly string[]).includes(m)),
      sections: slugs(field(body, 'sections')),
      topics: slugs(field(body, 'topics')),
      bankInstructions: field(body, 'bankInstructions').replace(/\r\n/g, '\n'),
      coins,
      safetyCountries: slugs(field(body, 'safetyCountries')).map((c) => c.toUpperCase()),
      safetyNote: field(body, 'safetyNote'),
      safetyMethods: fields(body, 'safetyMethods').filter((m) =>
        (METHODS as readonly string[]).includes(m),
      ),
    },
  }
}
