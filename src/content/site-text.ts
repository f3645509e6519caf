/**
 * Pages of the site's own words that the newsroom edits in the admin (the privacy page). Stored
 * in the `setting` table under fixed keys, sanitized like article bodies; the built-in text is
 * shown until someone saves their own.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../storage/index.js'
import { AppError } from '../lib/errors.js'
import { sanitizeBody } from './body.js'

/** The only keys this module reads or writes: the `setting` table also holds the server's secret. */
const KEYS = { privacy: 'page:privacy' } as const
export type SiteTextKey = keyof typeof KEYS

/** Far more than a privacy policy needs; a bound so a paste cannot fill the database. */
export const MAX_SITE_TEXT = 100_000

/** The privacy text the site starts with, as HTML. */
export function defaultPrivacyHtml(): string {
  return [
    '<p>Reading this site: we set no tracking cookies, load nothing from other companies, and do not log the address your connection comes from.</p>',
    '<p>Newsletters: we keep your email address, which newsletters you asked for, and the words you agreed to and when. Nothing else. We send the confirmation email only, until you confirm. Every newsletter carries a one-click unsubscribe link; after unsubscribing we send you nothing more.</p>',
    '<p>We never sell, share or rent addresses, and we use them for nothing but the newsletters you chose.</p>',
  ].join('\n')
}

/** The stored site texts; a missing one means the built-in text. */
export interface SiteTextRepository {
  get(key: SiteTextKey): Promise<string | undefined>
  set(key: SiteTextKey, value: string): Promise<void>
  /** Forgets the newsroom's own text, so the built-in one shows again. */
  clear(key: SiteTextKey): Promise<void>
}

export function createSiteTextRepository(db: Kysely<Database>): SiteTextRepository {
  return {
    async get(key) {
      const r = await db
        .selectFrom('setting')
        .select('value')
        .where('key', '=', KEYS[key])
        .executeTakeFirst()
      return r?.value
    },
    async set(key, value) {
      await db
        .insertInto('setting')
        .values({ key: KEYS[key], value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute()
    },
    async clear(key) {
      await db.deleteFrom('setting').where('key', '=', KEYS[key]).execute()
    },
  }
}

/** The site's own pages that the newsroom edits. */
export interface SiteTextService {
  /** The privacy page's HTML: the newsroom's own, or the built-in text. */
  privacyHtml(): Promise<{ html: string; custom: boolean }>
  /**
   * Saves sanitized HTML; an empty text brings the built-in one back. Returns what was stored.
   * VALIDATION_FAILED past MAX_SITE_TEXT characters.
   */
  savePrivacy(raw: string): Promise<string>
}

export interface SiteTextServiceDeps {
  repo: SiteTextRepository
  /** Told after a save, with the page-cache key of what changed. */
  onChange?: (keys: string[]) => void
}

export function createSiteTextService(deps: SiteTextServiceDeps): SiteTextService {
  return {
    async privacyHtml() {
      const stored = await deps.repo.get('privacy')
      return stored ? { html: stored, custom: true } : { html: defaultPrivacyHtml(), custom: false }
    },

    async savePrivacy(raw) {
      if (raw.length > MAX_SITE_TEXT)
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'The text is too long',
          details: [`text: at most ${MAX_SITE_TEXT.toLocaleString('en')} characters`],
        })
      const clean = sanitizeBody(raw)
      if (clean.replace(/<[^>]*>/g, '').trim() === '') await deps.repo.clear('privacy')
      else await deps.repo.set('privacy', clean)
      deps.onChange?.(['privacy'])
      return clean
    },
  }
}
