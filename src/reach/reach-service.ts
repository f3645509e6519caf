/**
 * The newsroom's addresses put together: the stored list, its checks, the signed document and
 * the email footer. Built once by app.ts.
 */
import type { Clock } from '../lib/clock.js'
import { AppError } from '../lib/errors.js'
import { type AddressRow, checkAddresses, problemLine, type ReachList } from './address.js'
import { type EmailFooter, emailFooter } from './footer.js'
import type { SigningKey } from './keys.js'
import type { ReachRepository } from './reach-repository.js'
import { payloadOf, type SignedDocument, signedDocument } from './signed-list.js'

export interface ReachService {
  list(): Promise<ReachList>
  /**
   * Checks the rows of the admin's form and, when all pass, stores them as the whole list.
   * REACH_LIST_INVALID (422) with one `details` line per problem otherwise; nothing is written.
   */
  save(rows: readonly AddressRow[]): Promise<ReachList>
  /** /reach.json: the list signed now, or marked unsigned when no key is configured. */
  document(): Promise<SignedDocument>
  /** The lines every email ends with; null while the list has no web address. */
  footer(): Promise<EmailFooter | null>
  /** Drops what is kept in memory (another instance changed the list). */
  forget(): void
  /** The public key readers compare (base64), or null when the list goes out unsigned. */
  readonly publicKey: string | null
}

export interface ReachServiceDeps {
  repo: ReachRepository
  clock: Clock
  /** The publication's name, in the signed payload. */
  siteName: string
  /** From REACH_KEY_FILE; null: the list is served unsigned. */
  key: SigningKey | null
  /** Told after a save, with the page-cache keys of what changed. */
  onChange?: (keys: string[]) => void
}

/** How long a footer read from the list is used before it is read again. */
const FOOTER_KEPT_MS = 60_000

export function createReachService(deps: ReachServiceDeps): ReachService {
  let footer: Promise<EmailFooter | null> | null = null
  let footerReadAt = 0
  return {
    list: () => deps.repo.list(),

    async save(rows) {
      const checked = checkAddresses(rows)
      if ('problems' in checked)
        throw new AppError('REACH_LIST_INVALID', {
          message: 'The addresses were not saved',
          details: checked.problems.map(problemLine),
        })
      const at = deps.clock.now()
      await deps.repo.replace(checked.addresses, at)
      footer = null
      deps.onChange?.(['reach'])
      return { addresses: checked.addresses, updatedAt: at }
    },

    async document() {
      const { addresses, updatedAt } = await deps.repo.list()
      const payload = payloadOf({
        name: deps.siteName,
        addresses,
        updatedAt,
        issuedAt: deps.clock.now(),
      })
      return signedDocument(payload, deps.key?.privateKey ?? null)
    },

    footer() {
      // Kept as a promise so a burst of sends asks the database once; read again after a
      // minute all the same, for instances no purge reaches (SQLite has no channel between
      // processes, so a separate worker would keep an old list until it restarted).
      const now = deps.clock.now().getTime()
      if (now - footerReadAt > FOOTER_KEPT_MS) footer = null
      if (!footer) footerReadAt = now
      footer ??= deps.repo.list().then(
        (l) => emailFooter(l.addresses),
        (err: unknown) => {
          footer = null
          throw err
        },
      )
      return footer
    },

    forget() {
      footer = null
    },

    publicKey: deps.key?.publicKey ?? null,
  }
}
