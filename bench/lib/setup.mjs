// What every benchmark entry shares: where things are, how the server is started, options and
// their errors, the output helpers, stopping the load and the children on Ctrl-C, and writing the
// results file.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { machineInfo } from './measure.mjs'
import { killAllChildrenSync, stopAllChildren } from './processes.mjs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DATA = path.join(ROOT, 'bench', '.data')
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results')
export const MAIN = path.join(ROOT, 'dist', 'masthead.js')
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test'

// Node flags come from `npm start`, so the benchmarks run the server exactly as operators do.
export const START_FLAGS = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start?.match(
    /^node((?:\s+--\S+)*)\s/,
  )?.[1] ?? ''
)
  .trim()
  .split(/\s+/)
  .filter(Boolean)

export const say = (s = '') => process.stdout.write(`${s}\n`)
export const round = (n, d = 1) =>
  n === null || n === undefined || Number.isNaN(n) ? null : Math.round(n * 10 ** d) / 10 ** d
const truthy = (s) => ['1', 'true', 'yes', 'on'].includes(String(s ?? '').toLowerCase())

/**
 * Parses the command line strictly: an unknown option or a wrong value prints the message and
 * the help and exits with 2; --help prints the help and exits with 0. `name` prefixes messages.
 */
function parseCommandLine(name, help, options) {
  let v
  try {
    v = parseArgs({
      strict: true,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
    }).values
  } catch (e) {
    failUsage(name, help, [e.message])
  }
  if (v.help) {
    console.log(help)
    process.exit(0)
  }
  return v
}

/** Prints the problems found in the options, then the help, and exits with 2. */
function failUsage(name, help, problems) {
  console.error(`${name}: ${problems.join('; ')}\n\n${help}`)
  process.exit(2)
}

/**
 * The command line of a bench that measures each dialect: `options` are its own, besides
 * --dialect, --quick and --pg-url (and their BENCH_* variables), which are read here. Its own
 * checks push onto `problems`; `check()` then fails with all of them.
 */
export function parseDialectOptions(name, help, options) {
  const v = parseCommandLine(name, help, {
    dialect: { type: 'string' },
    quick: { type: 'boolean' },
    'pg-url': { type: 'string' },
    ...options,
  })
  const env = process.env
  const dialect = v.dialect ?? env.BENCH_DIALECT ?? 'both'
  const problems = []
  if (!['sqlite', 'postgres', 'both'].includes(dialect))
    problems.push('--dialect must be sqlite, postgres or both')
  return {
    v,
    env,
    quick: v.quick ?? truthy(env.BENCH_QUICK),
    dialects: dialect === 'both' ? ['sqlite', 'postgres'] : [dialect],
    pgUrl: v['pg-url'] ?? env.BENCH_PG_URL ?? DEFAULT_PG_URL,
    problems,
    check() {
      if (problems.length) failUsage(name, help, problems)
    },
  }
}

/** Exits with 2 when the compiled app is missing; `hint` names the npm script that builds. */
function requireBuild(name, hint) {
  if (fs.existsSync(MAIN)) return
  console.error(`${name}: dist/masthead.js is missing; run "npm run build" first (${hint}).`)
  process.exit(2)
}

/** The line under a bench's title: which Node, machine and commit the figures belong to. */
function machineLine(machine) {
  return `Node ${machine.node}, ${machine.cpuModel} × ${machine.cores}, commit ${machine.gitCommit?.slice(0, 10) ?? '?'}${machine.gitDirty ? ' (with uncommitted changes)' : ''}`
}

// ---------------------------------------------------------------- cleanup

let currentLoad = null
let interrupted = false

/**
 * Kills every child on exit; on SIGINT/SIGTERM stops the running load and every child first
 * (a second signal exits at once). `name` prefixes the message.
 */
function stopEverythingOnExit(name) {
  process.on('exit', killAllChildrenSync)
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, async () => {
      if (interrupted) process.exit(130)
      interrupted = true
      console.error(`\n${name}: ${sig}: stopping the load and every child process…`)
      currentLoad?.stop?.()
      await stopAllChildren().catch(() => {})
      process.exit(130)
    })
  }
}

/**
 * One autocannon run in this process; kept so that an interrupt can stop it. autocannon is
 * loaded on first use: the newsletter bench's measured child processes load this module too,
 * and their peak RSS should not include it.
 */
export async function autocannonRun(opts) {
  const { default: autocannon } = await import('autocannon')
  return new Promise((resolve, reject) => {
    currentLoad = autocannon(opts, (err, res) => {
      currentLoad = null
      if (err) reject(err)
      else resolve(res)
    })
  })
}

// ---------------------------------------------------------------- the run

/**
 * Runs `benchDialect(db)` for each dialect, with the database `openDb(dialect)` gives: a
 * PostgreSQL that cannot be reached is recorded as skipped, an error as { dialect, error }.
 * `broken` says whether any dialect failed; `interrupted` that Ctrl-C stopped the run.
 */
async function eachDialect(dialects, openDb, benchDialect) {
  const results = []
  let broken = false
  for (const dialect of dialects) {
    say()
    say(`== ${dialect}`)
    const db = await openDb(dialect)
    if (db.skip) {
      say(`  skipping PostgreSQL: ${db.skip}`)
      results.push({ dialect, skipped: db.skip })
      continue
    }
    try {
      results.push(await benchDialect(db))
    } catch (e) {
      if (interrupted) return { results, broken, interrupted }
      broken = true
      say(`  ERROR: ${e.stack ?? e}`)
      results.push({ dialect, error: String(e.message ?? e) })
    }
  }
  return { results, broken, interrupted }
}

/** Writes the results file whole or not at all (through a temporary file and a rename). */
export function writeResults(file, results) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, `${JSON.stringify(results, null, 2)}\n`)
  fs.renameSync(tmp, file)
}

/**
 * The run of a bench that measures each dialect in turn: checks the build, prints `title` and
 * the machine, runs `benchDialect(db, opt)` on each of `opt.dialects` (the database from
 * `openDb(dialect, opt)`), lets `complete(results)` add its summary, writes `resultsFile`
 * (`results` are the machine, the options, `fields`, then the dialects) and prints
 * `report(results, opt, resultsFile)`. The exit code is 1 when a dialect could not be measured.
 */
export async function runDialectBench({
  name,
  buildHint,
  title,
  opt,
  fields,
  openDb,
  benchDialect,
  complete,
  report,
  resultsFile,
}) {
  requireBuild(name, buildHint)
  const machine = machineInfo(ROOT)
  say(title)
  say(machineLine(machine))
  // The options as the results file keeps them: all but where PostgreSQL is.
  const { pgUrl: _pgUrl, pgSchema: _pgSchema, ...options } = opt
  const results = { machine, options, ...fields, dialects: [] }
  const run = await eachDialect(
    opt.dialects,
    (dialect) => openDb(dialect, opt),
    (db) => benchDialect(db, opt),
  )
  results.dialects = run.results
  // Interrupted: the SIGINT handler is stopping the children; keep the last results.
  if (run.interrupted) return
  complete?.(results)
  writeResults(resultsFile, results)
  report(results, opt, resultsFile)
  await stopAllChildren()
  process.exitCode = run.broken ? 1 : 0
}

/** The closing line of a report. */
export const writtenTo = (file) =>
  `Figures written to ${path.relative(process.cwd(), file) || file}`

/**
 * Runs an entry's main, stopping every child on exit and on Ctrl-C; an unexpected error stops
 * every child and exits with 1.
 */
export function runMain(name, main) {
  stopEverythingOnExit(name)
  main().catch(async (e) => {
    console.error(`${name}: ${e.stack ?? e}`)
    await stopAllChildren().catch(() => {})
    process.exit(1)
  })
}
