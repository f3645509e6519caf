/**
 * SOS mode (ADR 022): one switch for when the newsroom is blocked or under attack. While it is
 * on, reader pages are text-first (site/text-first.ts) and an emergency edition may be sent.
 * The switch lives in the database; each process keeps it in memory, told of changes through
 * the purge bus (the keys `sos:on` / `sos:off`) and reading it again now and then for the
 * processes no purge reaches (SQLite has no channel between processes).
 */
import type { Clock } from '../lib/clock.js'
import type { SosRepository, SosRow } from './sos-repository.js'

/** The purge keys that carry the new state to every instance with the purge of every page. */
export const SOS_ON_KEY = 'sos:on'
export const SOS_OFF_KEY = 'sos:off'

/** How long a process trusts what it read before reading the switch again. */
export const SOS_KEPT_MS = 15_000

export type SosState = SosRow

export interface SosService {
  /** The switch as stored now (for the admin and the command line). */
  status(): Promise<SosState>
  /**
   * Whether SOS mode is on, from memory when known: a plain boolean on the hot path (every
   * cached page asks), a promise only when the database must be read.
   */
  active(): boolean | Promise<boolean>
  /**
   * Turns SOS mode on or off. When it changes, every cached page is purged on every instance
   * (with the new state carried in the purge), and `changed` is true; setting the state it
   * already has changes nothing.
   */
  set(on: boolean): Promise<{ changed: boolean; state: SosState }>
  /** Another instance purged `keys`: learn the new state, or read it again on a full purge. */
  forget(keys: readonly string[]): void
  /**
   * The page-cache keys to purge when `keys` changed: while SOS is on, every page shows the
   * addresses line, so a change of the addresses (`reach`) purges everything.
   */
  widen(keys: readonly string[]): readonly string[]
}

export interface SosServiceDeps {
  repo: SosRepository
  clock: Clock
  /** Purges pages on every instance (the purge bus). */
  onChange(keys: readonly string[]): void
}

export function createSosService(deps: SosServiceDeps): SosService {
  let known: boolean | null = null
  let readAt = 0
  let reading: Promise<boolean> | null = null

  const load = (): Promise<boolean> =>
    (reading ??= deps.repo
      .read()
      .then((row) => {
        known = row.on
        readAt = Date.now()
        return row.on
      })
      .finally(() => {
        reading = null
      }))

  return {
    status: () => deps.repo.read(),

    active() {
      if (known !== null && Date.now() - readAt < SOS_KEPT_MS) return known
      // Past its time, the value kept still answers while a fresh read runs behind it.
      if (known !== null) {
        void load().catch(() => {})
        return known
      }
      return load().catch(() => false)
    },

    async set(on) {
      const current = await deps.repo.read()
      if (current.on === on) {
        known = on
        readAt = Date.now()
        return { changed: false, state: current }
      }
      const state = { on, changedAt: deps.clock.now() }
      await deps.repo.write(state)
      known = on
      readAt = Date.now()
      deps.onChange(['all', on ? SOS_ON_KEY : SOS_OFF_KEY])
      return { changed: true, state }
    },

    forget(keys) {
      if (keys.includes(SOS_ON_KEY) || keys.includes(SOS_OFF_KEY)) {
        known = keys.includes(SOS_ON_KEY)
        readAt = Date.now()
      } else if (keys.includes('all')) {
        // Perhaps a reconnect after missed messages: read the switch again.
        known = null
      }
    },

    widen(keys) {
      return known && keys.includes('reach') ? ['all'] : keys
    },
  }
}
