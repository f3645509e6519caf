import { parseArgs } from 'node:util'
import { isMainThread, workerData } from 'node:worker_threads'
import { type Config, ConfigError, loadConfig } from './config.js'
import { backup } from './cli/backup.js'
import { exportCommand } from './cli/export.js'
import { importCommand } from './cli/import.js'
import { keys } from './cli/keys.js'
import { type Command, type Flags, OPTIONS } from './cli/command.js'
import { migrate } from './cli/migrate.js'
import { reach } from './cli/reach.js'
import { restore } from './cli/restore.js'
import { fail } from './cli/process.js'
import { seed } from './cli/seed.js'
import { serve } from './cli/serve.js'
import { sos } from './cli/sos.js'
import { user } from './cli/user.js'
import { worker } from './cli/worker.js'

/**
 * The `masthead` command. Starts a process: config, storage, then one command (src/cli/).
 * Heavy modules (the app, sharp, the demo) load only for the commands that need them.
 */

const COMMANDS: Readonly<Record<string, Command>> = {
  serve,
  worker,
  migrate,
  seed,
  user,
  backup,
  restore,
  keys,
  reach,
  export: exportCommand,
  sos,
  import: importCommand,
}

const HELP = `Usage: masthead <command> [options]

Commands:
  serve     Migrate, seed the demo into an empty database, and serve the site
  worker    Run jobs only (newsletter sends and schedules), without serving pages
  migrate   Bring the database schema up to date
  seed      Write content into the database (--demo)
  user      Manage staff accounts (user add)
  backup    Write the database and the media folder to one archive (--out FILE)
  restore   Restore such an archive into an empty database and media folder
  keys      Make the key that signs the newsroom's addresses (keys generate)
  reach     Check a signed list of the newsroom's addresses (reach verify FILE|URL)
  export    Write the offline edition (export edition --out FILE) or a static mirror
            of the reader site (export static --out DIR)
  sos       Turn SOS mode on or off, or say whether it is on (sos on|off|status)
  import    Move in from WordPress, with redirects from the old addresses (import wordpress FILE.xml)

Run "masthead <command> --help" for a command's options.
Settings come from environment variables; see README.md (Configuration).`

export async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(`${HELP}\n`)
    return
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!command) fail(`unknown command "${name}"\n\n${HELP}`)

  let flags: Flags
  try {
    flags = parseArgs({ args: rest, strict: true, options: OPTIONS, allowPositionals: true }).values
  } catch (err) {
    fail(`${(err as Error).message}\n\n${command.help}`)
  }
  if (flags.help) {
    process.stdout.write(`${command.help}\n`)
    return
  }

  let config: Config
  try {
    config = loadConfig({
      ...process.env,
      ...(typeof flags.port === 'string' ? { PORT: flags.port } : {}),
      ...(typeof flags.host === 'string' ? { HOST: flags.host } : {}),
    })
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`masthead: ${err.message}\nFix these settings and start again.\n`)
      process.exit(2)
    }
    throw err
  }
  await command.run({ config, flags, rest, say: (s) => process.stdout.write(`${s}\n`) })
}

// `export static` renders in worker threads started from this same file (one bundle to ship):
// such a thread runs the renderer instead of the command line.
const renderWorker =
  !isMainThread && (workerData as { mastheadRenderWorker?: boolean } | null)?.mastheadRenderWorker

if (renderWorker) {
  void import('./export/static/render-worker.js').then((m) => m.runRenderWorker(workerData))
} else {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`masthead: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  })
}
