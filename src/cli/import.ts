import path from 'node:path'
import type { Command, CommandContext } from './command.js'
import { fail, openStorage } from './process.js'

const SOURCES = ['wordpress', 'ghost', 'substack'] as const
type SourceName = (typeof SOURCES)[number]

export const importCommand: Command = {
  help: `Usage: masthead import wordpress FILE.xml  [options]
       masthead import ghost FILE.json      [options]
       masthead import substack DIR|FILE.zip [options]

wordpress   A WordPress export (Tools, Export, All content): authors, categories as sections,
            tags as topics, posts and pages (pages go to the section "Pages"), featured and
            body images, and a redirect from every old address.
ghost       A Ghost export (Settings, Labs, Export): staff users as authors, tags as topics
            (a post's primary tag is also its section; internal #tags are left out), posts
            and pages, feature and body images, members with --subscribers; redirects from
            /slug/ and /tag/x/. Posts for members only come in as drafts.
substack    A Substack export (Settings, Exports), as the .zip or its unpacked folder: posts
            and pages, with redirects from /p/slug; its email lists with --subscribers.
            Posts for paying readers only come in as drafts.

Running an import again changes nothing; a later export adds what is new and updates what
changed. A run cut short keeps what it wrote: run it again to continue (ADR 025, 028).

Options:
  --dry-run            Read and check everything, write nothing, print the same report
  --media-from DIR|URL Where the old images are: for WordPress a copy of wp-content/uploads,
                       for Ghost a copy of content/images, for Substack a folder of the image
                       files; or the old site's address. Without it images are reported missing
  --subscribers        Take subscribers too, confirmed where the export gives the time they
                       signed up (pending where it does not); nobody is emailed. A WordPress
                       export holds none
  --newsletter SLUG    The newsletter they join (without it: the only one there is)
  -h, --help           Show this help`,

  async run(ctx) {
    const words = ctx.rest.filter(
      (w, i) =>
        !w.startsWith('-') && !['--media-from', '--newsletter'].includes(ctx.rest[i - 1] ?? ''),
    )
    const source = SOURCES.find((s) => s === words[0])
    if (!source)
      fail(`say what to import: import wordpress|ghost|substack FILE\n\n${importCommand.help}`)
    if (!words[1]) fail(`say which file: import ${source} FILE\n\n${importCommand.help}`)
    return importFile(ctx, source, path.resolve(words[1]))
  },
}

async function runner(source: SourceName) {
  if (source === 'ghost') return (await import('../imports/ghost/import-ghost.js')).importGhost
  if (source === 'substack')
    return (await import('../imports/substack/import-substack.js')).importSubstack
  return (await import('../imports/wordpress/import-wordpress.js')).importWordpress
}

async function importFile(
  { config, flags, say }: CommandContext,
  source: SourceName,
  file: string,
) {
  const { ImportError } = await import('../imports/import-error.js')
  const { formatReport, progressLine } = await import('../imports/report.js')
  const run = await runner(source)
  const storage = await openStorage(config)
  const { buildApp } = await import('../app.js')
  const app = await buildApp({ config: { ...config, PAGE_CACHE: false }, storage, logger: false })
  const tty = process.stderr.isTTY
  try {
    const report = await run(app.importEnv(), file, {
      dryRun: flags['dry-run'] === true,
      mediaFrom: flags['media-from'],
      subscribers: flags.subscribers === true,
      newsletter: flags.newsletter,
      onProgress: (r) => {
        process.stderr.write(`${tty ? '\r' : ''}${progressLine(r)}${tty ? '' : '\n'}`)
      },
    })
    if (tty) process.stderr.write('\n')
    say(formatReport(report))
    if (flags.subscribers && source === 'wordpress')
      say('Subscribers: 0 (a WordPress export holds none)')
  } catch (err) {
    if (err instanceof ImportError) fail(`import failed [${err.code}]: ${err.message}`, 1)
    fail(`import failed [IMPORT_FAILED]: ${(err as Error).message}`, 1)
  } finally {
    await app.http.close()
    await storage.close()
  }
}
