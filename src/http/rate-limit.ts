import rateLimit, {
  type FastifyRateLimitStore,
  type FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../storage/index.js'

/**
 * Request limits shared by every instance on one database (@fastify/rate-limit with a store of
 * our own): a fixed window per key, counted by one upsert, so two instances behind a load
 * balancer count a reader's requests together.
 */

/** One window's count for a key. */
export interface RateLimitHit {
  /** Requests counted in the current window, this one included. */
  current: number
  /** Milliseconds until the window ends. */
  ttl: number
}

/** The counting behind the store; one row per key and window in `rate_limit`. */
export interface RateLimitCounter {
  /**
   * Counts one request for `key` and answers the window's count. A window that has ended starts
   * again at 1. With `extendWhenOver`, a request past `max` restarts the window, so a client
   * that keeps trying stays refused until it has been quiet for a whole window.
   */
  hit(key: string, windowMs: number, max: number, extendWhenOver: boolean): Promise<RateLimitHit>
  /** The window's count without counting (0 when there is none). */
  read(key: string): Promise<RateLimitHit>
  /** Deletes rows whose window has ended; answers how many. */
  sweep(): Promise<number>
}

export interface RateLimitCounterOptions {
  /** Epoch milliseconds; tests pass their own. */
  now?: () => number
  /**
   * Turns a key (which holds a reader's address) into what is stored: a keyed hash, so the
   * table never holds an address. Default: the key as given (tests only).
   */
  hashKey?: (key: string) => Promise<string>
  /** How often an instance deletes ended windows, at most (default one minute). */
  sweepEveryMs?: number
  /** Told when a sweep fails (the next one tries again). */
  onSweepError?: (err: unknown) => void
}

/** The SQL counter, the same statements on SQLite and PostgreSQL. */
export function createRateLimitCounter(
  db: Kysely<Database>,
  o: RateLimitCounterOptions = {},
): RateLimitCounter {
  const now = o.now ?? Date.now
  const hashKey = o.hashKey ?? (async (k: string) => k)
  const sweepEveryMs = o.sweepEveryMs ?? 60_000
  let lastSweep = 0

  async function sweep(): Promise<number> {
    const r = await db.deleteFrom('rate_limit').where('resets_at', '<=', now()).executeTakeFirst()
    return Number(r.numDeletedRows)
  }

  return {
    async hit(key, windowMs, max, extendWhenOver) {
      const at = now()
      const stored = await hashKey(key)
      const ended = sql<boolean>`${sql.ref('rate_limit.resets_at')} <= ${at}`
      const over = sql<boolean>`${sql.ref('rate_limit.hits')} + 1 > ${max}`
      const row = await db
        .insertInto('rate_limit')
        .values({ key: stored, hits: 1, resets_at: at + windowMs })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql<number>`case when ${ended} then 1 else ${sql.ref('rate_limit.hits')} + 1 end`,
            resets_at: extendWhenOver
              ? sql<number>`case when ${ended} or ${over} then ${at + windowMs} else ${sql.ref('rate_limit.resets_at')} end`
              : sql<number>`case when ${ended} then ${at + windowMs} else ${sql.ref('rate_limit.resets_at')} end`,
          }),
        )
        .returning(['hits', 'resets_at'])
        .executeTakeFirstOrThrow()
      if (at - lastSweep >= sweepEveryMs) {
        lastSweep = at
        sweep().catch((err: unknown) => o.onSweepError?.(err))
      }
      return { current: Number(row.hits), ttl: Math.max(0, Number(row.resets_at) - at) }
    },

    async read(key) {
      const at = now()
      const row = await db
        .selectFrom('rate_limit')
        .select(['hits', 'resets_at'])
        .where('key', '=', await hashKey(key))
        .where('resets_at', '>', at)
        .executeTakeFirst()
      return row
        ? { current: Number(row.hits), ttl: Number(row.resets_at) - at }
        : { current: 0, ttl: 0 }
    },

    sweep,
  }
}

/** @fastify/rate-limit's custom-store interface over a counter. */
export function rateLimitStore(counter: RateLimitCounter): FastifyRateLimitStoreCtor {
  return class SharedStore implements FastifyRateLimitStore {
    private readonly extendWhenOver: boolean
    // The plugin hands each store its merged options (the types say route options).
    constructor(options: object) {
      this.extendWhenOver = 'continueExceeding' in options && options.continueExceeding === true
    }
    incr(
      key: string,
      cb: (err: Error | null, res?: RateLimitHit) => void,
      timeWindow: number,
      max: number,
    ): void {
      counter.hit(key, timeWindow, max, this.extendWhenOver).then(
        (res) => cb(null, res),
        (err: unknown) => cb(err instanceof Error ? err : new Error(String(err))),
      )
    }
    read(key: string, cb: (err: Error | null, res?: RateLimitHit) => void): void {
      counter.read(key).then(
        (res) => cb(null, res),
        (err: unknown) => cb(err instanceof Error ? err : new Error(String(err))),
      )
    }
    child(options: object): FastifyRateLimitStore {
      return new SharedStore(options)
    }
  }
}

/** A limit on one kind of request from one address. */
export interface AddressLimit {
  /** Names the limit in its keys: limits with different names count apart. */
  name: string
  max: number
  windowMs: number
}

/** True when this request is one too many for the limit; the request is counted either way. */
export type LimitCheck = (req: FastifyRequest) => Promise<boolean>

/**
 * Registers @fastify/rate-limit in `scope` with no limit of its own (`global: false`): only
 * routes that ask pay anything, so cached reader pages never touch the table. No headers: the
 * answer to a refused request is the route's own page, as it was before the plugin.
 */
export async function registerRateLimits(
  scope: FastifyInstance,
  store: FastifyRateLimitStoreCtor | undefined,
): Promise<void> {
  await scope.register(rateLimit, {
    global: false,
    // A refused request starts the window again: a script that keeps trying stays refused.
    continueExceeding: true,
    addHeaders: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
      'retry-after': false,
    },
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
    ...(store ? { store } : {}),
  })
}

/**
 * A check a handler calls where the old hand-written limiter stood (after a honeypot, say, so
 * bots that fill it are not counted). `scope` must have had `registerRateLimits`.
 */
export function addressLimit(scope: FastifyInstance, limit: AddressLimit): LimitCheck {
  const check = scope.createRateLimit({
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (req) => `${limit.name}:${req.ip}`,
  })
  return async (req) => {
    const r = await check(req)
    return !r.isAllowed && r.isExceeded
  }
}
