import { z } from 'zod'
import { isSlug } from '../lib/slug.js'
import { CURRENCIES, FREQUENCIES, type Frequency, currencyOf } from './money.js'

/**
 * The Appeal: what the newsroom asks readers, in one language. Edited in the admin, stored as
 * one JSON document per language (see contributions-repository.ts).
 */

export const METHODS = ['card', 'bank', 'crypto'] as const
/** How a reader pays: card (a hosted checkout), bank transfer or crypto (instructions). */
export type Method = (typeof METHODS)[number]

export const METHOD_NAME: Record<Method, string> = {
  card: 'Card',
  bank: 'Bank transfer',
  crypto: 'Cryptocurrency',
}

export interface CurrencyAmounts {
  /** Suggested amounts per frequency, minor units, smallest first. */
  amounts: Record<Frequency, number[]>
  /** Smallest amount taken, minor units. */
  minimum: number
}

export interface Coin {
  /** "Bitcoin", "USDT (Tron)". */
  name: string
  address: string
  /** How to send it, in the newsroom's words. */
  guide: string
}

export interface AppealSettings {
  language: string
  /** Off: neither banner nor appeal is shown in this language. */
  enabled: boolean
  bannerText: string
  /** "A message from The Lantern". */
  headline: string
  /** The letter: plain text, paragraphs separated by blank lines. */
  letter: string
  currencies: Record<string, CurrencyAmounts>
  defaultFrequency: Frequency
  /** Which suggested button is chosen first (0 = the smallest). */
  defaultAmountIndex: number
  methods: Method[]
  /** Section slugs where the appeal shows; empty: every section. */
  sections: string[]
  /** Topic slugs where it shows; empty: no topic rule. An article matches on section or topic. */
  topics: string[]
  bankInstructions: string
  coins: Coin[]
  /**
   * Countries (ISO 3166 two-letter codes) where giving is risky: readers there see
   * `safetyNote` and only `safetyMethods`.
   */
  safetyCountries: string[]
  safetyNote: string
  safetyMethods: Method[]
}

const text = (max: number) => z.string().trim().max(max)
const minor = z.number().int().positive().max(1_500_000_00)

export const AppealSettingsSchema = z
  .object({
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or ru'),
    enabled: z.boolean(),
    bannerText: text(200).min(1, 'the banner needs a line of text'),
    headline: text(140).min(1, 'the appeal needs a headline'),
    letter: text(4000).min(1, 'the appeal needs its letter'),
    currencies: z
      .record(
        z.string().max(3),
        z.object({
          amounts: z.object({
            once: z.array(minor).min(1).max(6),
            monthly: z.array(minor).min(1).max(6),
            annual: z.array(minor).min(1).max(6),
          }),
          minimum: minor,
        }),
      )
      .refine((r) => Object.keys(r).length > 0, 'name at least one currency'),
    defaultFrequency: z.enum(FREQUENCIES),
    defaultAmountIndex: z.number().int().min(0).max(5),
    methods: z.array(z.enum(METHODS)).min(1, 'offer at least one way to pay'),
    sections: z.array(z.string().refine(isSlug, 'is not a section address')).max(100),
    topics: z.array(z.string().refine(isSlug, 'is not a topic address')).max(100),
    bankInstructions: text(2000),
    coins: z
      .array(
        z.object({
          name: text(60).min(1),
          address: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9:._-]{10,120}$/, 'does not look like a wallet address'),
          guide: text(1000),
        }),
      )
      .max(10),
    // Defaults let appeals saved before these fields existed still be read.
    safetyCountries: z
      .array(z.string().regex(/^[A-Z]{2}$/, 'use two-letter country codes such as VA'))
      .max(250)
      .default([]),
    safetyNote: text(1000).default(''),
    safetyMethods: z.array(z.enum(METHODS)).default([]),
  })
  .superRefine((s, ctx) => {
    for (const [code, c] of Object.entries(s.currencies)) {
      if (!currencyOf(code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['currencies', code],
          message: 'is not a currency we take',
        })
        continue
      }
      for (const f of FREQUENCIES) {
        if (c.amounts[f].some((a) => a < c.minimum))
          ctx.addIssue({
            code: 'custom',
            path: ['currencies', code, 'amounts', f],
            message: 'a suggested amount is below the minimum',
          })
        if (c.amounts[f].some((a) => a > (currencyOf(code)?.maxMinor ?? 0)))
          ctx.addIssue({
            code: 'custom',
            path: ['currencies', code, 'amounts', f],
            message: 'a suggested amount is above what we accept',
          })
      }
    }
    if (s.methods.includes('bank') && !s.bankInstructions)
      ctx.addIssue({
        code: 'custom',
        path: ['bankInstructions'],
        message: 'bank transfer is offered: say how to make one',
      })
    if (s.safetyCountries.length > 0 && (!s.safetyNote || s.safetyMethods.length === 0))
      ctx.addIssue({
        code: 'custom',
        path: ['safetyNote'],
        message: 'countries with safety rules need a note and at least one way to pay',
      })
    if (s.safetyMethods.some((m) => !s.methods.includes(m)))
      ctx.addIssue({
        code: 'custom',
        path: ['safetyMethods'],
        message: 'a safer way to pay must also be one the appeal offers',
      })
    if (s.methods.includes('crypto') && s.coins.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['coins'],
        message: 'crypto is offered: give at least one address',
      })
  })

/** A first appeal for a language, in our own words; the newsroom rewrites it in the admin. */
export function defaultAppeal(language: string, siteName: string): AppealSettings {
  const eurLike: CurrencyAmounts = {
    amounts: {
      once: [500, 1000, 2500, 5000],
      monthly: [300, 500, 1000],
      annual: [3000, 6000, 12000],
    },
    minimum: 200,
  }
  return {
    language,
    enabled: true,
    bannerText: `${siteName} is paid for by its readers, not by advertisers or a government.`,
    headline: `A message from ${siteName}`,
    letter: [
      'We report on Varesia from outside its borders because reporting from inside became a crime. Our site is blocked there, and our readers reach us through mirrors, VPNs and email.',
      'We carry no advertising and take no money from any government. What we publish is paid for by people who read it and want others to read it too.',
      'If our work matters to you, please support it. Every contribution, however small, keeps a reporter on a story.',
    ].join('\n\n'),
    currencies: { EUR: eurLike, USD: eurLike, GBP: eurLike },
    defaultFrequency: 'monthly',
    defaultAmountIndex: 1,
    methods: ['card', 'bank', 'crypto'],
    sections: [],
    topics: [],
    bankInstructions:
      'Account holder: Lantern Media Foundation\nIBAN: NL00 TEST 0000 0000 00\nBIC: TESTNL2A\nReference: SUPPORT',
    coins: [
      {
        name: 'Bitcoin',
        address: 'bc1qexampleexampleexampleexample0000',
        guide:
          'Send from a wallet you control. Transfers are public on the blockchain: if that is a risk for you, use a wallet not linked to your name.',
      },
    ],
    safetyCountries: [],
    safetyNote:
      'Giving to us may be dangerous where you are. A card payment leaves a record with your bank. If that is a risk, use cryptocurrency from a wallet not linked to your name, or do not give: reading and sharing our work helps too.',
    safetyMethods: ['crypto'],
  }
}

/** Is this a country with safety rules in this appeal? */
export function isRiskyCountry(
  s: Pick<AppealSettings, 'safetyCountries'>,
  country: string | undefined,
): boolean {
  return !!country && s.safetyCountries.includes(country.toUpperCase())
}

/**
 * The appeal as a reader in `country` sees it: where giving is risky, only the safer ways to
 * pay. The country is what the reader chose or what the newsroom's CDN said; never looked up.
 */
export function appealForCountry(a: AppealSettings, country: string | undefined): AppealSettings {
  if (!isRiskyCountry(a, country)) return a
  return { ...a, methods: a.methods.filter((m) => a.safetyMethods.includes(m)) }
}

/** A country code as a reader or a CDN header gives it, or undefined. */
export function parseCountry(v: unknown): string | undefined {
  return typeof v === 'string' && /^[A-Za-z]{2}$/.test(v.trim())
    ? v.trim().toUpperCase()
    : undefined
}

/** Does this appeal show beside an article in this section with these topics? */
export function appealShowsOn(
  s: Pick<AppealSettings, 'enabled' | 'sections' | 'topics'>,
  place: { section?: string | undefined; topics?: readonly string[] },
): boolean {
  if (!s.enabled) return false
  if (s.sections.length === 0 && s.topics.length === 0) return true
  // Pages that belong to no section (the front page) show it when any rule allows it.
  if (place.section === undefined) return true
  if (s.sections.includes(place.section)) return true
  return (place.topics ?? []).some((t) => s.topics.includes(t))
}

/** The currency shown: the reader's choice when the appeal has it, else the default, else the first. */
export function chooseCurrency(
  s: Pick<AppealSettings, 'currencies'>,
  wanted: string | undefined,
  fallback: string,
): string {
  const codes = Object.keys(s.currencies)
  const w = wanted?.toUpperCase()
  if (w && codes.includes(w)) return w
  if (codes.includes(fallback)) return fallback
  return codes[0] ?? fallback
}

/** Every currency code a newsroom can name. */
export const CURRENCY_CODES = Object.keys(CURRENCIES)

/** "5, 10, 25" → minor units; refuses what is not a list of amounts. */
export function parseAmountList(input: string, currencyCode: string): number[] | undefined {
  const c = currencyOf(currencyCode)
  if (!c) return undefined
  const parts = input
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean)
  const out: number[] = []
  for (const p of parts) {
    if (!/^\d{1,9}(\.\d{1,2})?$/.test(p)) return undefined
    out.push(Math.round(Number(p) * 10 ** c.minorUnits))
  }
  return out
}

/** The months a reader may ask to be reminded in: the next twelve, as YYYY-MM. */
export function reminderMonths(now: Date): string[] {
  const out: string[] = []
  for (let i = 1; i <= 12; i++) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1))
    out.push(d.toISOString().slice(0, 7))
  }
  return out
}
