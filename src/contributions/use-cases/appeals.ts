import type { Clock } from '../../lib/clock.js'
import { AppError } from '../../lib/errors.js'
import {
  type AppealSettings,
  AppealSettingsSchema,
  type Method,
  appealForCountry,
  appealShowsOn,
  chooseCurrency,
  defaultAppeal,
  isRiskyCountry,
} from '../appeal.js'
import type { AppealStore } from '../repositories/appeals.js'

/**
 * The appeals as this instance holds them: read once, read again after a save here or a note
 * from another instance. Checkout asks it too, so both see the same appeal.
 */
export interface AppealCache {
  load(): Promise<AppealSettings[]>
  forget(): void
  /** The appeal in this language, else in the default language. */
  inLanguage(language: string): Promise<AppealSettings | undefined>
  /** The methods a reader may use here: card needs a gateway. */
  usableMethods(a: AppealSettings): Method[]
}

export function createAppealCache(deps: {
  repo: Pick<AppealStore, 'listAppeals'>
  defaultLanguage: string
  hasCard: boolean
}): AppealCache {
  let appeals: Promise<AppealSettings[]> | null = null
  const load = () =>
    (appeals ??= deps.repo.listAppeals().catch((e: unknown) => {
      appeals = null
      throw e
    }))
  return {
    load,
    forget() {
      appeals = null
    },
    async inLanguage(language) {
      const all = await load()
      return (
        all.find((a) => a.language === language) ??
        all.find((a) => a.language === deps.defaultLanguage)
      )
    },
    usableMethods: (a) => a.methods.filter((m) => m !== 'card' || deps.hasCard),
  }
}

/** The appeal readers see (banner, /support page) and the newsroom edits. */
export interface AppealService {
  /** True when cards go to the test gateway: pages say so. */
  readonly testMode: boolean
  readonly defaultCurrency: string
  /** The appeal for a page in this language and place, or undefined where none shows. */
  appealFor(place: {
    language: string
    section?: string | undefined
    topics?: readonly string[]
    country?: string | undefined
  }): Promise<AppealSettings | undefined>
  /** The appeal in a language whatever its placement (the /support page), enabled or not. */
  appealIn(language: string, country?: string): Promise<AppealSettings | undefined>
  /** Does any appeal have safety rules for this country? (Pages then get a variant for it.) */
  isRiskyAnywhere(country: string): Promise<boolean>
  listAppeals(): Promise<AppealSettings[]>
  /** Another instance saved an appeal: read them again on next use. */
  forgetAppeals(): void
  /** A starting point for a language that has no appeal yet. */
  draftAppeal(language: string): AppealSettings
  /** Validates and stores an appeal; VALIDATION_FAILED lists every problem, nothing is saved. */
  saveAppeal(input: unknown): Promise<AppealSettings>
  /** The reader's currency when the appeal offers it, else the default. */
  chooseCurrency(a: AppealSettings, wanted: string | undefined): string
}

export function createAppealService(deps: {
  repo: Pick<AppealStore, 'saveAppeal'>
  appeals: AppealCache
  clock: Clock
  siteName: string
  defaultCurrency: string
  testMode: boolean
}): AppealService {
  const { repo, clock, appeals } = deps
  // One object per stored appeal and per side of its safety rules, made once: the site keeps
  // what it rendered for an appeal by the object (an edit loads new ones), so a page must not
  // get a fresh copy each time.
  const made = new WeakMap<AppealSettings, { safe?: AppealSettings; risky?: AppealSettings }>()
  const localised = (a: AppealSettings, country: string | undefined): AppealSettings => {
    const side = isRiskyCountry(a, country) ? 'risky' : 'safe'
    let sides = made.get(a)
    if (!sides) {
      sides = {}
      made.set(a, sides)
    }
    let out = sides[side]
    if (!out) {
      const local = appealForCountry(a, country)
      out = { ...local, methods: appeals.usableMethods(local) }
      sides[side] = out
    }
    return out
  }
  return {
    testMode: deps.testMode,
    defaultCurrency: deps.defaultCurrency,

    async appealFor(place) {
      const a = await appeals.inLanguage(place.language)
      if (!a || !appealShowsOn(a, place)) return undefined
      return localised(a, place.country)
    },

    async appealIn(language, country) {
      const a = await appeals.inLanguage(language)
      return a && localised(a, country)
    },

    async isRiskyAnywhere(country) {
      return (await appeals.load()).some((a) => isRiskyCountry(a, country))
    },

    listAppeals: () => appeals.load(),
    forgetAppeals: () => appeals.forget(),
    draftAppeal: (language) => defaultAppeal(language, deps.siteName),

    async saveAppeal(input) {
      const parsed = AppealSettingsSchema.safeParse(input)
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'The appeal was not saved: correct the fields listed.',
          details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        })
      }
      await repo.saveAppeal(parsed.data, clock.now())
      appeals.forget()
      return parsed.data
    },

    chooseCurrency: (a, wanted) => chooseCurrency(a, wanted, deps.defaultCurrency),
  }
}
