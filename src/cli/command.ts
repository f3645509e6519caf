import type { Config } from '../config.js'

/** Every option any command takes; each command reads the ones it needs. */
export const OPTIONS = {
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
  out: { type: 'string' },
  key: { type: 'string' },
  stories: { type: 'string' },
  language: { type: 'string' },
  url: { type: 'string' },
  archive: { type: 'string' },
  full: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  jobs: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'media-from': { type: 'string' },
  subscribers: { type: 'boolean' },
  newsletter: { type: 'string' },
} as const

export interface Flags {
  help?: boolean | undefined
  port?: string | undefined
  host?: string | undefined
  'no-seed'?: boolean | undefined
  demo?: boolean | undefined
  articles?: string | undefined
  force?: boolean | undefined
  email?: string | undefined
  name?: string | undefined
  role?: string | undefined
  out?: string | undefined
  key?: string | undefined
  stories?: string | undefined
  language?: string | undefined
  url?: string | undefined
  archive?: string | undefined
  full?: boolean | undefined
  verbose?: boolean | undefined
  jobs?: string | undefined
  'dry-run'?: boolean | undefined
  'media-from'?: string | undefined
  subscribers?: boolean | undefined
  newsletter?: string | undefined
}

export interface CommandContext {
  config: Config
  flags: Flags
  /** The words after the command name, options included (`add --email …` for `user`). */
  rest: readonly string[]
  /** Prints a line for the person at the terminal. */
  say(line: string): void
}

/** One `masthead <command>`: its help, and what it does once config is loaded. */
export interface Command {
  /** Shown by `masthead <command> --help` and after a mistake on its command line. */
  help: string
  run(ctx: CommandContext): Promise<void>
}
