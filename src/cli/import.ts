import path from 'node:path'
import type { Command, CommandContext } from './command.js'
import { fail, openStorage } from './process.js'

export const importCommand: Command = {
  help: `Usage: masthead import wordpress FILE.xml [--dry-run] [--media-from DIR|URL] [--subscribers]

wordpress   Imports a WordPress export (Tools, Export, All content): authors, categories as
            sections, tags as topics, posts and pages (pages go to the section "Pages"),
            featured and body images, and a redirect from every old address. Running it again
            changes nothing; a later export adds what is new and updates what changed. A run
            cut short keeps what it wrote: run it again to continue (ADR 025).

Options:
  --dry-run            Read and check everything, write nothing, print the same report
  --media-from DIR|URL A folder mirroring wp-content/uploads, or the old site's address;
                       without it images are reported missing
  --subscribers        Take subscribers too (a WordPress export holds none: reported as 0)
  -h, --help           Show this help`,

  async run(ctx) {
    const words = ctx.rest.filter(
      (w, i) => !w.startsWith('-') && ctx.rest[i - 1] !== '--media-from',
    )
    if (words[0] !== 'wordpress')
      fail(`say what to import: import wordpress FILE.xml\n\n${importCommand.help}`)
    if (!words[1]) fail(`say which file: import wordpress FILE.xml\n\n${importCommand.help}`)
    return importWordpressFile(ctx, path.resolve(words[1]))
  },
}

async function importWordpressFile({ config, flags, say }: CommandContext, file: string) {
  const { importWordpress, ImportError } = await import('../imports/wordpress/import-wordpress.js')
  const { formatReport, progressLine } = await import('../imports/report.js')
  const storage = await openStorage(config)
  const { buildApp } = await import('../app.js')
  const app = await buildApp({ config: { ...config, PAGE_CACHE: false }, storage, logger: false })
  const tty = process.stderr.isTTY
  try {
    const report = await importWordpress(
      { ...app, clock: { now: () => new Date() }, db: storage.db },
      file,
      {
        dryRun: flags['dry-run'] === true,
        mediaFrom: flags['media-from'],
        onProgress: (r) =>
          process.stderr.write(`${tty ? '\r' : ''}${progressLine(r)}${tty ? '' : '\n'}`),
      },
    )
    if (tty) process.stderr.write('\n')
    say(formatReport(report))
    if (flags.subscribers) say('Subscribers: 0 (a WordPress export holds none)')
  } catch (err) {
    if (err instanceof ImportError) fail(`import failed [${err.code}]: ${err.message}`, 1)
    fail(`import failed: ${(err as Error).message}`, 1)
  } finally {
    await app.http.close()
    await storage.close()
  }
}
