import crypto from 'node:crypto'
import { parseArgs } from 'node:util'
import v8 from 'node:v8'
import { pino } from 'pino'
import { type Config, ConfigError, loadConfig } from './config.js'
import { connect, migrateToLatest, type Storage } from './storage/index.js'
import { systemClock } from './lib/clock.js'

/**
 * The `masthead` command. Starts a process: config, storage, then one command. Heavy modules
 * (the app, sharp, the demo) load only for the commands that need them.
 */

const HELP: Record<string, string> = {
  main: `Usage: masthead <command> [options]

Commands:
  serve     Migrate, seed the demo into an empty database, and serve the site
  worker    Run jobs only (newsletter sends and schedules), without serving pages
  migrate   Bring the database schema up to date
  seed      Write content into the database (--demo)
  user      Manage staff accounts (user add)

Run "masthead <command> --help" for a command's options.
Settings come from environment variables; see README.md (Configuration).`,
  serve: `Usage: masthead serve [--port N] [--host ADDR] [--no-seed]

Migrates the database, writes the demo publication if the database is empty (unless
SEED_DEMO_WHEN_EMPTY=false or --no-seed), serves the site and prints its address.
Stops cleanly on SIGTERM or SIGINT: finishes requests in flight, then closes the database.

Options:
  --port N      Listen on this port (default: PORT, 3000)
  --host ADDR   Bind this address (default: HOST, 127.0.0.1)
  --no-seed     Never write demo content
  -h, --help    Show this help`,
  worker: `Usage: masthead worker

Runs the worker role alone: sends approved newsletter editions (resuming any a stopped worker
left unfinished) and makes scheduled editions. Run one or more beside "masthead serve" with
WORKER=off; with WORKER=on (the default) serve does this work itself.
Stops cleanly on SIGTERM or SIGINT: a send in progress stops after its current batch.

Options:
  -h, --help    Show this help`,
  migrate: `Usage: masthead migrate

Applies every pending migration to DATABASE_URL and lists what it applied.

Options:
  -h, --help    Show this help`,
  user: `Usage: masthead user add --email EMAIL --name NAME [--role ROLE]

Creates a staff account; the first one should be an owner. The password is read from
standard input when it is piped (echo … | masthead user add …), or asked for on a terminal.
Roles: owner, admin, editor, author, contributor (default: owner for the first account,
else author).

Options:
  --email EMAIL   Sign-in address
  --name NAME     Name shown in the admin
  --role ROLE     One of the roles above
  -h, --help      Show this help`,
  seed: `Usage: masthead seed --demo [--articles N] [--force]

Writes the demo publication (about 60 invented articles in 6 sections, with authors, wire
agencies, topics and generated photos). Refuses a database that already has articles unless
--force is given.

Options:
  --demo          Write the demo publication (required: the only kind of seed so far)
  --articles N    Write N articles, repeating the demo stories at new addresses (benchmarks)
  --force         Write even if the database already has articles
  -h, --help      Show this help`,
}

/** The new account's password: piped on standard input, or typed at a prompt without echo. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = []
    for await (const c of process.stdin) chunks.push(c as Buffer)
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '')
  }
  process.stdout.write('Password (at least 12 characters, not shown): ')
  return new Promise((resolve) => {
    let typed = ''
    process.stdin.setRawMode(true)
    process.stdin.resume()
    const onData = (d: Buffer) => {
      for (const ch of d.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          process.stdin.setRawMode(false)
          process.stdin.pause()
          process.stdin.off('data', onData)
          process.stdout.write('\n')
          resolve(typed)
          return
        }
        if (ch === '\u0003') process.exit(130)
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch
      }
    }
    process.stdin.on('data', onData)
  })
}

function fail(message: string, code = 2): never {
  process.stderr.write(`masthead: ${message}\n`)
  process.exit(code)
}

async function openStorage(config: Config): Promise<Storage> {
  try {
    const storage = await connect(config.DATABASE_URL)
    await migrateToLatest(storage.db, storage.schema)
    return storage
  } catch (err) {
    const why =
      err instanceof Error
        ? `${err.message}${err.cause instanceof Error ? `: ${err.cause.message}` : ''}`
        : String(err)
    fail(
      `cannot open the database (${config.DATABASE_URL.replace(/\/\/[^@/]*@/, '//***@')}): ${why}`,
      1,
    )
  }
}

async function seed(
  config: Config,
  storage: Storage,
  articles: number | undefined,
  log: (s: string) => void,
) {
  const { buildApp } = await import('./app.js')
  const { seedDemo } = await import('./demo/seed-demo.js')
  const app = await buildApp({ config: { ...config, PAGE_CACHE: false }, storage, logger: false })
  const started = Date.now()
  let last = 0
  const result = await seedDemo(
    {
      repo: app.repo,
      content: app.content,
      media: app.media,
      newsletters: app.newsletters,
      editions: app.editions,
      contributions: app.contributions,
      language: config.SITE_LANGUAGE,
      clock: systemClock,
    },
    {
      ...(articles ? { articles } : {}),
      onProgress: (done, total) => {
        if (Date.now() - last > 1000 || done === total) {
          last = Date.now()
          log(`  seeding: ${done}/${total} articles (${Math.round((done / total) * 100)}%)`)
        }
      },
    },
  )
  // A way into the demo's admin: an owner with a random passphrase, shown once here.
  if ((await app.staff.countStaff()) === 0) {
    const password = crypto.randomBytes(12).toString('base64url')
    await app.staff.addStaff({
      email: 'owner@demo.invalid',
      name: 'Demo Owner',
      role: 'owner',
      password,
    })
    log(
      `Demo admin: http://localhost:${config.PORT}/admin  owner@demo.invalid / ${password}  (shown once; add real staff with "masthead user add")`,
    )
  }
  await app.http.close()
  // Fresh statistics, so the planner picks the indexes on a database that just grew.
  await storage.analyze()
  log(`Seeded ${result.articles} demo articles in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${HELP.main}\n`)
    return
  }
  if (!HELP[command] || command === 'main') fail(`unknown command "${command}"\n\n${HELP.main}`)

  let args: ReturnType<typeof parseArgs>['values']
  try {
    args = parseArgs({
      args: rest,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        port: { type: 'string' },
        host: { type: 'string' },
        'no-seed': { type: 'boolean' },
        demo: { type: 'boolean' },
        articles: { type: 'string' },
        force: { type: 'boolean' },
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
      },
      allowPositionals: true,
    }).values
  } catch (err) {
    fail(`${(err as Error).message}\n\n${HELP[command]}`)
  }
  if (args.help) {
    process.stdout.write(`${HELP[command]}\n`)
    return
  }

  let config: Config
  try {
    config = loadConfig({
      ...process.env,
      ...(typeof args.port === 'string' ? { PORT: args.port } : {}),
      ...(typeof args.host === 'string' ? { HOST: args.host } : {}),
    })
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`masthead: ${err.message}\nFix these settings and start again.\n`)
      process.exit(2)
    }
    throw err
  }
  const say = (s: string) => process.stdout.write(`${s}\n`)

  if (command === 'migrate') {
    const storage = await connect(config.DATABASE_URL).catch((e: Error) =>
      fail(`cannot open the database: ${e.message}`, 1),
    )
    const { applied } = await migrateToLatest(storage.db, storage.schema)
    say(
      applied.length
        ? `Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join('\n')}`
        : 'The schema is up to date.',
    )
    await storage.close()
    return
  }

  if (command === 'user') {
    const positionals = parseArgs({ args: rest, strict: false, allowPositionals: true }).positionals
    if (positionals[0] !== 'add') fail(`say what to do: user add\n\n${HELP.user}`)
    if (typeof args.email !== 'string' || typeof args.name !== 'string')
      fail(`--email and --name are required\n\n${HELP.user}`)
    const storage = await openStorage(config)
    const { buildApp } = await import('./app.js')
    const app = await buildApp({ config: { ...config, PAGE_CACHE: false }, storage, logger: false })
    const first = (await app.staff.countStaff()) === 0
    const role = typeof args.role === 'string' ? args.role : first ? 'owner' : 'author'
    const password = await readPassword()
    try {
      const { isRole } = await import('./staff/index.js')
      if (!isRole(role)) fail(`--role must be one of owner, admin, editor, author, contributor`)
      const id = await app.staff.addStaff({ email: args.email, name: args.name, role, password })
      say(
        `Added ${args.name} <${args.email.toLowerCase()}> as ${role} (staff ${id}). Sign in at /admin.`,
      )
    } catch (err) {
      const e = err as { code?: string; message: string; details?: string[] }
      await app.http.close()
      await storage.close()
      fail(
        `${e.message}${e.details?.length ? `:\n  ${e.details.join('\n  ')}` : ''}`,
        e.code === 'VALIDATION_FAILED' || e.code === 'EMAIL_TAKEN' ? 2 : 1,
      )
    }
    await app.http.close()
    await storage.close()
    return
  }

  if (command === 'seed') {
    if (!args.demo) fail(`say what to seed: --demo\n\n${HELP.seed}`)
    const n = args.articles === undefined ? undefined : Number(args.articles)
    if (n !== undefined && (!Number.isInteger(n) || n < 1 || n > 1_000_000))
      fail('--articles must be a whole number from 1 to 1000000')
    const storage = await openStorage(config)
    const { createContentRepository } = await import('./content/index.js')
    const existing = await createContentRepository(storage.db, storage.dialect).countArticles()
    if (existing > 0 && !args.force) {
      await storage.close()
      fail(`the database already has ${existing} articles; add --force to write the demo anyway`, 1)
    }
    await seed(config, storage, n, say)
    await storage.close()
    return
  }

  if (command === 'worker') {
    const logger = pino({ level: config.LOG_LEVEL })
    const storage = await openStorage(config)
    const { buildApp } = await import('./app.js')
    const app = await buildApp({ config: { ...config, PAGE_CACHE: false }, storage, logger })
    const stop = async (signal: string) => {
      logger.info({ signal }, 'worker stopping')
      const force = setTimeout(() => process.exit(1), 60_000)
      force.unref()
      await app.http.close()
      await storage.close()
      process.exit(0)
    }
    process.on('SIGTERM', () => void stop('SIGTERM'))
    process.on('SIGINT', () => void stop('SIGINT'))
    await app.startWorker()
    say(`Masthead worker running (database: ${storage.dialect})`)
    return
  }

  // serve
  const logger = pino({ level: config.LOG_LEVEL })
  // The page cache must leave the heap room to work: at most half of it (npm start caps the
  // heap at 256 MB, see docs/adr/004).
  const heapLimitMb = v8.getHeapStatistics().heap_size_limit / 1024 / 1024
  if (config.PAGE_CACHE_MAX_MB > heapLimitMb / 2) {
    const clamped = Math.floor(heapLimitMb / 2)
    logger.warn(
      { requested: config.PAGE_CACHE_MAX_MB, heapLimitMb: Math.round(heapLimitMb), using: clamped },
      'PAGE_CACHE_MAX_MB is more than half the heap; using half. Raise --max-old-space-size to allow more.',
    )
    config = { ...config, PAGE_CACHE_MAX_MB: clamped }
  }
  const storage = await openStorage(config)
  const { createContentRepository } = await import('./content/index.js')
  if (
    config.SEED_DEMO_WHEN_EMPTY &&
    !args['no-seed'] &&
    (await createContentRepository(storage.db, storage.dialect).countArticles()) === 0
  ) {
    say('The database is empty: writing the demo publication (once).')
    await seed(config, storage, undefined, say)
  }
  const { buildApp } = await import('./app.js')
  const app = await buildApp({ config, storage, logger })
  await app.runScheduler()
  if (config.WORKER === 'on') await app.startWorker()
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: finishing requests in flight')
    const force = setTimeout(() => {
      logger.error('shutdown took over 10 s; exiting')
      process.exit(1)
    }, 10_000)
    force.unref()
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
  const addr = app.http.server.address()
  const port = typeof addr === 'object' && addr ? addr.port : config.PORT
  const shown =
    config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' || config.HOST === '::'
      ? 'localhost'
      : config.HOST
  say(
    `Masthead is serving ${config.SITE_NAME} at http://${shown}:${port}/ (database: ${storage.dialect})`,
  )
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`masthead: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
