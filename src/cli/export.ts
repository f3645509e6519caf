import fs from 'node:fs'
import path from 'node:path'
import { type Command, type CommandContext, OPTIONS } from './command.js'
import { STATIC_HELP, exportStatic } from './export-static.js'
import { fail, openStorage } from './process.js'

export const exportCommand: Command = {
  help: `Usage: masthead export edition --out FILE [--stories N] [--language XX]
       masthead export static --out DIR [--url URL] [--archive FILE.tar.gz] (see below)

edition   Writes the offline edition: one HTML file holding the newest published stories
          (20 unless --stories says otherwise, at most 50), their pictures made small and
          written inside the file, and the newsroom's addresses. No script, nothing loaded
          from anywhere; at most 2 MB. The same file /reach/edition.html serves (each
          language of SITE_LANGUAGES has its own: /ru/reach/edition.html). FILE is
          written under a temporary name and renamed when complete.

Options:
  --out FILE     Where to write the file (e.g. lantern-2026-12-06.html)
  --stories N    How many of the newest stories it holds (1 to 50; default 20)
  --language XX  The edition, one of SITE_LANGUAGES: its stories and words (default the first)
  -h, --help     Show this help

${STATIC_HELP}`,

  async run(ctx) {
    const words = positionals(ctx.rest)
    if (words[0] === 'edition') return exportEdition(ctx)
    if (words[0] === 'static') return exportStatic(ctx)
    fail(`say what to export: export edition or export static\n\n${exportCommand.help}`)
  },
}

/** The words that are neither options nor their values (`--out static` is not the subcommand). */
function positionals(rest: readonly string[]): string[] {
  const words: string[] = []
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!
    if (!w.startsWith('-')) words.push(w)
    else if (!w.includes('=') && takesValue(w)) i++
  }
  return words
}

function takesValue(option: string): boolean {
  const name = option.replace(/^-+/, '')
  const o = Object.entries(OPTIONS).find(
    ([long, spec]) => long === name || ('short' in spec && spec.short === name),
  )
  return o?.[1].type === 'string'
}

/** Refuses what was typed: a code from docs/errors.md, exit 2, nothing written. */
function refuse(code: string, why: string): never {
  fail(`export edition refused [${code}]: ${why}`)
}

async function exportEdition({ config, flags, say }: CommandContext): Promise<void> {
  const { MAX_STORIES, DEFAULT_STORIES } = await import('../site/offline/edition-data.js')
  const raw = flags.stories ?? String(DEFAULT_STORIES)
  if (!/^[0-9]{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_STORIES)
    refuse('EDITION_STORIES_INVALID', `--stories must be a whole number from 1 to ${MAX_STORIES}`)
  const language = flags.language ?? config.SITE_LANGUAGES[0]!
  if (!config.SITE_LANGUAGES.includes(language))
    refuse(
      'EDITION_LANGUAGE_UNKNOWN',
      `--language must be one of SITE_LANGUAGES (${config.SITE_LANGUAGES.join(', ')})`,
    )
  if (!flags.out) refuse('EDITION_OUT_UNWRITABLE', 'say where to write the file: --out FILE')
  const out = path.resolve(flags.out)
  const why = unwritable(out)
  if (why) refuse('EDITION_OUT_UNWRITABLE', `cannot write ${out}: ${why}`)

  const storage = await openStorage(config)
  const { buildApp } = await import('../app.js')
  const app = await buildApp({ config: { ...config, PAGE_CACHE: false }, storage, logger: false })
  const tmp = `${out}.${process.pid}.tmp`
  try {
    const edition = await app.offlineEdition({ stories: Number(raw), language })
    fs.writeFileSync(tmp, edition.html)
    fs.renameSync(tmp, out)
    say(`${out}: ${edition.stories} stories, ${edition.bytes} bytes`)
  } catch (err) {
    fs.rmSync(tmp, { force: true })
    fail(`export edition failed: ${(err as Error).message}`, 1)
  } finally {
    await app.http.close()
    await storage.close()
  }
}

/** Why a file cannot be written at `file`, or null: checked before any work is done. */
function unwritable(file: string): string | null {
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) return 'it is a folder'
  const dir = path.dirname(file)
  if (!fs.existsSync(dir)) return `the folder ${dir} does not exist`
  try {
    fs.accessSync(dir, fs.constants.W_OK)
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK)
  } catch {
    return 'permission denied'
  }
  return null
}
