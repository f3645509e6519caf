import type { Command } from './command.js'
import { fail } from './process.js'

export const restore: Command = {
  help: `Usage: masthead restore FILE [--force]

Restores an archive written by "masthead backup" into DATABASE_URL and MEDIA_DIR. The whole
archive is checked first (manifest, no links or paths leaving the folder, every SHA-256); a
database with rows or a media folder with files is refused unless --force. After restoring,
every table's row count is compared with the manifest and listed. Stop the site first.

Options:
  --force       Replace a database that has rows and a media folder that has files
  -h, --help    Show this help`,

  async run({ config, flags, rest, say }) {
    const files = rest.filter((a) => !a.startsWith('-'))
    if (files.length !== 1) fail(`name one archive to restore\n\n${restore.help}`)
    const { restoreBackup, RestoreError } = await import('../backup/restore.js')
    try {
      const result = await restoreBackup({
        file: files[0]!,
        databaseUrl: config.DATABASE_URL,
        mediaDir: config.MEDIA_DIR,
        force: !!flags.force,
        progress: (line) => process.stderr.write(`masthead restore: ${line}\n`),
      })
      const rows = Object.values(result.tables).reduce((a, b) => a + b, 0)
      say(
        `Restored ${Object.keys(result.tables).length} tables (${rows} rows) and ${result.mediaFiles} media files.`,
      )
    } catch (err) {
      const code = err instanceof RestoreError ? ` [${err.code}]` : ''
      fail(`restore failed${code}: ${(err as Error).message}`, 1)
    }
  },
}
