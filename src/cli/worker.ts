import { pino } from 'pino'
import type { Command } from './command.js'
import { openStorage } from './process.js'

export const worker: Command = {
  help: `Usage: masthead worker

Runs the worker role alone: sends approved newsletter editions (resuming any a stopped worker
left unfinished) and makes scheduled editions. Run one or more beside "masthead serve" with
WORKER=off; with WORKER=on (the default) serve does this work itself. Writes a heartbeat to
the database every 10 s: GET /healthz?worker=required on any web process answers 503 when no
worker has written one lately.
Stops cleanly on SIGTERM or SIGINT: a send in progress stops once the messages in flight are
out, and the next worker sends the rest.

Options:
  -h, --help    Show this help`,

  async run({ config, say }) {
    const logger = pino({ level: config.LOG_LEVEL })
    const storage = await openStorage(config, 'worker')
    const { buildApp } = await import('../app.js')
    const app = await buildApp({ config: { ...config, PAGE_CACHE: false }, storage, logger })
    // The worker's timers are unref'd so that they never keep `serve` alive on their own; this
    // process has no server, so it holds itself open until it is told to stop. (Without this a
    // SQLite worker with nothing to do exited after its first ticks.)
    const alive = setInterval(() => {}, 2 ** 30)
    let stopping = false
    const stop = async (signal: string) => {
      if (stopping) return
      stopping = true
      logger.info({ signal }, 'worker stopping')
      // A send stops once the messages in flight are out; if that hangs, leave anyway (the
      // lease lets another worker resume it).
      const force = setTimeout(() => process.exit(1), 60_000)
      force.unref()
      try {
        await app.http.close()
        await storage.close()
      } catch (err) {
        logger.error({ err }, 'worker did not stop cleanly')
        process.exit(1)
      }
      clearInterval(alive)
      logger.info({ signal }, 'worker stopped')
      process.exit(0)
    }
    process.on('SIGTERM', () => void stop('SIGTERM'))
    process.on('SIGINT', () => void stop('SIGINT'))
    await app.startWorker()
    say(`Masthead worker running (database: ${storage.dialect})`)
  },
}
