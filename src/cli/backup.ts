import type { Command } from './command.js'
import { fail } from './process.js'

export const backup: Command = {
  help: `Usage: masthead backup --out FILE

Writes one .tar.gz holding the database (SQLite: an online copy; PostgreSQL: pg_dump's custom
format, which needs the PostgreSQL client tools), the media folder (MEDIA_DIR) and a manifest
with row counts and SHA-256 hashes. Safe while the site is serving. FILE is written under a
temporary name and renamed when complete. Progress goes to stderr.

Options:
  --out FILE    Where to write the archive (e.g. masthead-2026-12-06.tar.gz)
  -h, --help    Show this help`,

  async run({ config, flags, say }) {
    if (!flags.out) fail(`say where to write the archive: --out FILE\n\n${backup.help}`)
    const { connect } = await import('../storage/index.js')
    const { createBackup } = await import('../backup/backup.js')
    const storage = await connect(config.DATABASE_URL, {
      applicationName: 'masthead backup',
    }).catch((e: Error) => fail(`cannot open the database: ${e.message}`, 1))
    try {
      const result = await createBackup({
        storage,
        mediaDir: config.MEDIA_DIR,
        out: flags.out,
        progress: (line) => process.stderr.write(`masthead backup: ${line}\n`),
      })
      say(result.file)
    } catch (err) {
      fail(`backup failed: ${(err as Error).message}`, 1)
    } finally {
      await storage.close()
    }
  },
}
