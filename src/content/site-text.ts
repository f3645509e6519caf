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

export function createSiteTextRepository(db: Kysely<Database>) {
  return {
    async get(key: SiteTextKey): Promise<string | undefined> {
      const r = await db
        .selectFrom('setting')
        .select('value')
        .where('key', '=', KEYS[key])
        .executeTakeFirst()
      return r?.value
    },
    async set(key: SiteTextKey, value: string): Promise<void> {
      await db
        .insertInto('setting')
        .values({ key: KEYS[key], value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute()
    },
    async clear(key: SiteTextKey): Promise<void> {
      await db.deleteFrom('setting').where('key', '=', KEYS[key]).execute()
    },
  }
}

export type SiteTextRepository = ReturnType<typeof createSiteTextRepository>

export function createSiteTextService(deps: {
  repo: SiteTextRepository
  /** Told after a save, with the page-cache key of what changed. */
  onChange?: (keys: string[]) => void
}) {
  return {
    /** The privacy page's HTML: the newsroom's own, or the built-in text. */
    async privacyHtml(): Promise<{ html: string; custom: boolean }> {
      const stored = await deps.repo.get('privacy')
      return stored ? { html: stored, custom: true } : { html: defaultPrivacyHtml(), custom: false }
    },

    /** Saves sanitized HTML; an empty text brings the built-in one back. Returns what was stored. */
    async savePrivacy(raw: string): Promise<string> {
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

export type SiteTextService = ReturnType<typeof createSiteTextService>
