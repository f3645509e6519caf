/**
 * The newsroom's addresses put together: the stored list, its checks, the signed document and
 * the email footer. Built once by app.ts.
 */
import type { Clock } from '../lib/clock.js'
import { AppError } from '../lib/errors.js'
import {
  type AddressRow,
  checkAddresses,
  KIND_NAMES,
  problemLine,
  type ReachList,
} from './address.js'
import { type EmailFooter, emailFooter, shortList } from './footer.js'
import type { SigningKey } from './keys.js'
import type { ReachRepository } from './reach-repository.js'
import { payloadOf, type SignedDocument, signedDocument } from './signed-list.js'
import { createSosService, type SosService } from './sos.js'

export interface ReachService {
  list(): Promise<ReachList>
  /** Every address as one line of text (`Mirror (label): https://…`), for plain messages. */
  lines(): Promise<string[]>
  /**
   * Checks the rows of the admin's form and, when all pass, stores them as the whole list.
   * REACH_LIST_INVALID (422) with one `details` line per problem otherwise; nothing is written.
   */
  save(rows: readonly AddressRow[]): Promise<ReachList>
  /** /reach.json: the list signed now, or marked unsigned when no key is configured. */
  document(): Promise<SignedDocument>
  /** The lines every email ends with; null while the list has no web address. */
  footer(language?: string): Promise<EmailFooter | null>
  /** The few web addresses named on every page in SOS mode (and in the footer), kept a minute. */
  shortList(): Promise<string[]>
  /**
   * Drops what is kept in memory of what another instance changed (`keys`, as purged: `reach`,
   * SOS mode's `sos:on` / `sos:off`, or `all`).
   */
  forget(keys?: readonly string[]): void
  /** The public key readers compare (base64), or null when the list goes out unsigned. */
  readonly publicKey: string | null
  /** SOS mode's switch (sos.ts, ADR 022): it shows the list on every reader page. */
  readonly sos: SosService
}

export interface ReachServiceDeps {
  repo: ReachRepository
  clock: Clock
  /** The publication's name, in the signed payload. */
  siteName: string
  /** From REACH_KEY_FILE; null: the list is served unsigned. */
  key: SigningKey | null
  /** Told after a save or a flip of SOS mode, with the page-cache keys of what changed. */
  onChange?: (keys: readonly string[]) => void
}

/** How long a list read for footers and SOS pages is used before it is read again. */
const LIST_KEPT_MS = 60_000

export function createReachService(deps: ReachServiceDeps): ReachService {
  let kept: Promise<ReachList> | null = null
  let keptAt = 0
  /**
   * The list as the footer and SOS pages use it. Kept as a promise so a burst of sends or pages
   * asks the database once; read again after a minute all the same, for instances no purge
   * reaches (SQLite has no channel between processes, so a separate worker would keep an old
   * list until it restarted).
   */
  const keptList = (): Promise<ReachList> => {
    const now = deps.clock.now().getTime()
    if (now - keptAt > LIST_KEPT_MS) kept = null
    if (!kept) keptAt = now
    kept ??= deps.repo.list().catch((err: unknown) => {
      kept = null
      throw err
    })
    return kept
  }
  const sos = createSosService({
    repo: deps.repo,
    clock: deps.clock,
    onChange: (keys) => deps.onChange?.(keys),
  })
  return {
    list: () => deps.repo.list(),

    async lines() {
      const { addresses } = await deps.repo.list()
      return addresses.map(
        (a) => `${KIND_NAMES[a.kind]}${a.label ? ` (${a.label})` : ''}: ${a.value}`,
      )
    },

    async save(rows) {
      const checked = checkAddresses(rows)
      if ('problems' in checked)
        throw new AppError('REACH_LIST_INVALID', {
          message: 'The addresses were not saved',
          details: checked.problems.map(problemLine),
        })
      const at = deps.clock.now()
      await deps.repo.replace(checked.addresses, at)
      kept = null
      // In SOS mode every page names the addresses: then every page is purged.
      deps.onChange?.(sos.widen(['reach']))
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

    footer: async (language = 'en') => emailFooter((await keptList()).addresses, language),

    shortList: async () => shortList((await keptList()).addresses),

    forget(keys = ['all']) {
      if (keys.includes('reach') || keys.includes('all')) kept = null
      sos.forget(keys)
    },

    publicKey: deps.key?.publicKey ?? null,
    sos,
  }
}
