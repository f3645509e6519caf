import { connect, migrateToLatest } from '../storage/index.js'
import type { Command } from './command.js'
import { fail } from './process.js'

export const migrate: Command = {
  help: `Usage: masthead migrate

Applies every pending migration to DATABASE_URL and lists what it applied.

Options:
  -h, --help    Show this help`,

  async run({ config, say }) {
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
  },
}
