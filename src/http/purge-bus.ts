import crypto from 'node:crypto'
import type { Storage } from '../storage/index.js'
import type { PageCache } from './page-cache.js'

const PURGE_CHANNEL = 'masthead_purge'

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; past this, purge everything. */
const MAX_PAYLOAD = 7900

/**
 * Every instance on one database keeps its own page cache; a change made on one must empty
 * the pages holding it on all of them.
 */
export interface PurgeBus {
  /** Drops the cached pages holding any of `keys` here and tells every other instance to. */
  purge(keys: readonly string[]): void
  /**
   * Starts hearing the other instances' purges (to drop cached pages and forget what is kept in
   * memory); returns the function that stops it.
   */
  listen(): Promise<() => Promise<void>>
}

export interface PurgeBusDeps {
  storage: Pick<Storage, 'notify' | 'listen' | 'channel'>
  cache: Pick<PageCache, 'purge'> | null
  /**
   * Another instance changed what `keys` name: forget what this one remembers of it beyond
   * its pages (content lookups, appeals). Called before the pages are dropped.
   */
  forget(keys: readonly string[]): void
  log: {
    info(m: string): void
    warn(m: string): void
    error(o: object, m: string): void
  }
  /** This instance's name on the channel (default: random), so it ignores its own purges. */
  instance?: string
}

interface PurgeMessage {
  from: string
  keys: readonly string[]
}

/** The keys of another instance's message, or null for our own or anything unreadable. */
export function readPurge(payload: string, self: string): string[] | null {
  const msg = JSON.parse(payload) as { from?: unknown; keys?: unknown }
  if (msg.from === self || !Array.isArray(msg.keys)) return null
  return msg.keys.filter((k): k is string => typeof k === 'string')
}

export function createPurgeBus(deps: PurgeBusDeps): PurgeBus {
  const { storage, cache, log } = deps
  const self = deps.instance ?? crypto.randomUUID()
  const channel = storage.channel(PURGE_CHANNEL)

  return {
    purge(keys) {
      cache?.purge(keys)
      const payload = JSON.stringify({ from: self, keys } satisfies PurgeMessage)
      storage
        .notify(
          channel,
          payload.length < MAX_PAYLOAD
            ? payload
            : JSON.stringify({ from: self, keys: ['all'] } satisfies PurgeMessage),
        )
        .catch((err: unknown) => log.error({ err }, 'could not tell other instances to purge'))
    },

    // A process without a page cache (a worker) listens too: it keeps other things in memory,
    // such as the addresses footer its editions end with.
    async listen() {
      return storage.listen(
        channel,
        (payload) => {
          try {
            const keys = readPurge(payload, self)
            if (!keys) return
            deps.forget(keys)
            cache?.purge(keys)
          } catch {
            log.warn('ignored a malformed purge notification')
          }
        },
        {
          onError: (err) => log.error({ err }, 'lost the purge channel; reconnecting'),
          // Purges sent while we were away are lost: start again from nothing.
          onReconnect: () => {
            log.info('purge channel back; clearing the page cache')
            deps.forget(['all'])
            cache?.purge(['all'])
          },
        },
      )
    },
  }
}
