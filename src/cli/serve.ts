import cluster from 'node:cluster'
import v8 from 'node:v8'
import { pino, type Logger } from 'pino'
import type { Config } from '../config.js'
import type { Command } from './command.js'
import { fail, openStorage } from './process.js'
import { seedDemoInto } from './seed.js'
import { runWebProcesses } from './web-processes.js'
import type { Storage } from '../storage/index.js'

/**
 * The page cache must leave the heap room to work: at most half of it (npm start caps the heap
 * at 256 MB, see docs/adr/004).
 */
export function withCacheThatFits(
  config: Config,
  logger: Pick<Logger, 'warn'>,
  heapLimitMb = v8.getHeapStatistics().heap_size_limit / 1024 / 1024,
): Config {
  if (config.PAGE_CACHE_MAX_MB <= heapLimitMb / 2) return config
  const clamped = Math.floor(heapLimitMb / 2)
  logger.warn(
    { requested: config.PAGE_CACHE_MAX_MB, heapLimitMb: Math.round(heapLimitMb), using: clamped },
    'PAGE_CACHE_MAX_MB is more than half the heap; using half. Raise --max-old-space-size to allow more.',
  )
  return { ...config, PAGE_CACHE_MAX_MB: clamped }
}

/** The address to print: a wildcard or loopback bind is reached as localhost. */
export function shownHost(host: string): string {
  return host === '0.0.0.0' || host === '127.0.0.1' || host === '::' ? 'localhost' : host
}

export const serve: Command = {
  help: `Usage: masthead serve [--port N] [--host ADDR] [--no-seed]

Migrates the database, writes the demo publication if the database is empty (unless
SEED_DEMO_WHEN_EMPTY=false or --no-seed), serves the site and prints its address.
Stops cleanly on SIGTERM or SIGINT: finishes requests in flight, then closes the database.
With WEB_PROCESSES above 1 it runs that many web processes on the one port and starts
again any that dies (docs/adr/034).

Options:
  --port N      Listen on this port (default: PORT, 3000)
  --host ADDR   Bind this address (default: HOST, 127.0.0.1)
  --no-seed     Never write demo content
  -h, --help    Show this help`,

  async run({ config: given, flags, say }) {
    const logger = pino({ level: given.LOG_LEVEL })
    const config = withCacheThatFits(given, logger)
    const seedIfEmpty = async (storage: Storage) => {
      const { createContentRepository } = await import('../content/index.js')
      if (
        config.SEED_DEMO_WHEN_EMPTY &&
        !flags['no-seed'] &&
        (await createContentRepository(storage.db, storage.dialect).countArticles()) === 0
      ) {
        say('The database is empty: writing the demo publication (once).')
        await seedDemoInto(config, storage, undefined, say)
      }
    }
    if (config.WEB_PROCESSES > 1 && cluster.isPrimary) {
      // The primary migrates and seeds once, then only watches its web processes (ADR 034).
      const storage = await openStorage(config, 'serve')
      await seedIfEmpty(storage)
      await storage.close()
      runWebProcesses({
        count: config.WEB_PROCESSES,
        worker: config.WORKER,
        logger,
        onListening: (port) => say(serving(config, port, `${config.WEB_PROCESSES} web processes`)),
      })
      return
    }
    const n = config.MASTHEAD_WEB_PROCESS
    const storage = await openStorage(config, n ? `serve ${n}` : 'serve')
    await seedIfEmpty(storage)
    const { buildApp } = await import('../app.js')
    const app = await buildApp({ config, storage, logger })
    let stopping = false
    // The scheduler and the worker role, once started after listen(): a stop waits for them to
    // be up, so it stops what runs rather than something half started.
    let starting: Promise<void> = Promise.resolve()
    const stop = async (signal: string) => {
      if (stopping) return
      stopping = true
      logger.info({ signal }, 'shutting down: finishing requests in flight')
      const force = setTimeout(() => {
        logger.error('shutdown took over 10 s; exiting')
        process.exit(1)
      }, 10_000)
      force.unref()
      await starting.catch(() => undefined)
      try {
        const { abandoned } = await app.shutdown(8_000)
        if (abandoned) logger.warn({ abandoned }, 'requests still running at shutdown')
        await storage.close()
        logger.info('stopped')
        process.exit(0)
      } catch (err) {
        logger.error({ err }, 'shutdown failed')
        process.exit(1)
      }
    }
    process.on('SIGTERM', () => void stop('SIGTERM'))
    process.on('SIGINT', () => void stop('SIGINT'))
    try {
      await app.http.listen({ port: config.PORT, host: config.HOST })
    } catch (err) {
      const e = err as NodeJS.ErrnoException
      fail(
        e.code === 'EADDRINUSE'
          ? `port ${config.PORT} is already in use; set PORT to another one`
          : e.message,
        1,
      )
    }
    // Readers first: the scheduler's first round (due publications, chores) and the worker role
    // (pg-boss's start on PostgreSQL: its queues, a dozen statements) start once the port is
    // open, which took ~100 ms off the first page there. "Serving" is said after both, as before.
    await (starting = (async () => {
      await app.runScheduler()
      if (config.WORKER === 'on') await app.startWorker()
    })())
    const addr = app.http.server.address()
    const port = typeof addr === 'object' && addr ? addr.port : config.PORT
    if (cluster.isWorker) process.send?.({ type: 'masthead:listening', port })
    else say(serving(config, port))
  },
}

function serving(config: Config, port: number, processes?: string): string {
  const database = config.DATABASE_URL.startsWith('sqlite:') ? 'sqlite' : 'postgres'
  return `Masthead is serving ${config.SITE_NAME} at http://${shownHost(config.HOST)}:${port}/ (database: ${database}${processes ? `, ${processes}` : ''})`
}
