import cluster, { type Worker } from 'node:cluster'
import type { Logger } from 'pino'
import { isClusterNotice } from '../storage/cluster-channel.js'

/**
 * `serve` with WEB_PROCESSES above 1 (ADR 034): this process becomes the primary of a
 * node:cluster. It never loads the app; it starts the web processes on one port, passes purge
 * notices between them (SQLite has no channel of its own), starts a new one when one dies, and
 * on SIGTERM stops them all and exits 0 once each has drained.
 */

/** Told by a web process once it listens. */
export interface ListeningNotice {
  type: 'masthead:listening'
  port: number
}

export function isListeningNotice(m: unknown): m is ListeningNotice {
  return (
    typeof m === 'object' &&
    m !== null &&
    (m as ListeningNotice).type === 'masthead:listening' &&
    typeof (m as ListeningNotice).port === 'number'
  )
}

/** A web process that keeps dying is not started again forever: this many in a minute is fatal. */
const MAX_RESTARTS_PER_MINUTE = 5
const STOP_GRACE_MS = 15_000

export interface WebProcessesOptions {
  count: number
  /** The job worker runs in the first web process only (WORKER=on), never in several. */
  worker: 'on' | 'off'
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
  /** Called once every web process listens, with the port they share. */
  onListening(port: number): void
}

export function runWebProcesses(opts: WebProcessesOptions): void {
  const { count, logger } = opts
  const byId = new Map<number, number>()
  const listening = new Set<number>()
  const restarts: number[] = []
  let announced = false
  let stopping = false
  let failed = false

  const start = (n: number): Worker => {
    const w = cluster.fork({
      MASTHEAD_WEB_PROCESS: String(n),
      WORKER: n === 1 ? opts.worker : 'off',
      // The primary seeded an empty database already; several processes must not race to.
      SEED_DEMO_WHEN_EMPTY: 'false',
    })
    byId.set(w.id, n)
    return w
  }

  cluster.on('message', (from, m: unknown) => {
    if (isClusterNotice(m)) {
      for (const w of Object.values(cluster.workers ?? {}))
        if (w && w !== from && w.isConnected()) w.send(m)
    } else if (isListeningNotice(m)) {
      listening.add(byId.get(from.id) ?? 0)
      if (!announced && listening.size >= count) {
        announced = true
        opts.onListening(m.port)
      }
    }
  })

  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping the web processes')
    const force = setTimeout(() => {
      logger.error('web processes took over 15 s to stop; exiting')
      process.exit(1)
    }, STOP_GRACE_MS)
    force.unref()
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
  }

  cluster.on('exit', (w, code, signal) => {
    const n = byId.get(w.id) ?? 0
    byId.delete(w.id)
    const clean = code === 0 && !signal
    if (!stopping) {
      const now = Date.now()
      restarts.push(now)
      while (restarts.length > 0 && restarts[0]! < now - 60_000) restarts.shift()
      // One that never listened (port taken, database refused) would fail the same way again.
      if (!listening.has(n) || restarts.length > MAX_RESTARTS_PER_MINUTE) {
        logger.error({ process: n, code, signal }, 'a web process could not start; stopping')
        failed = true
        stopAll('SIGTERM')
      } else {
        logger.warn({ process: n, code, signal }, 'a web process stopped; starting another')
        listening.delete(n)
        start(n)
        return
      }
    } else if (!clean) failed = true
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0)
  })

  process.on('SIGTERM', () => stopAll('SIGTERM'))
  process.on('SIGINT', () => stopAll('SIGINT'))
  for (let n = 1; n <= count; n++) start(n)
}
