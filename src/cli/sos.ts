import type { Command } from './command.js'
import { fail, openStorage } from './process.js'
import { staffTime } from '../lib/time-zone.js'

export const sos: Command = {
  help: `Usage: masthead sos on|off|status

SOS mode (docs/reach.md): while it is on, every reader page is text-first (no pictures unless
the reader asks, the small stylesheet inside the page, a line naming the newsroom's addresses)
and an emergency edition can be sent. The switch is in the database: every server and worker
on it follows. On PostgreSQL running servers follow at once; on SQLite a running server reads
the switch again within 15 seconds. Each change is in the admin's audit log.

  on        Turn SOS mode on (every cached page is purged)
  off       Leave SOS mode (every cached page is purged)
  status    Say whether SOS mode is on, and since when

Options:
  -h, --help    Show this help`,

  async run({ config, rest, say }) {
    const word = rest.find((w) => !w.startsWith('-'))
    if (word !== 'on' && word !== 'off' && word !== 'status')
      fail(`say what to do: sos on, sos off or sos status\n\n${sos.help}`)
    const storage = await openStorage(config)
    const { buildApp } = await import('../app.js')
    const app = await buildApp({ config: { ...config, PAGE_CACHE: false }, storage, logger: false })
    try {
      const since = (d: Date | null) => (d ? ` since ${staffTime(d, config.TIME_ZONE)}` : '')
      if (word === 'status') {
        const s = await app.reach.sos.status()
        say(`SOS mode is ${s.on ? 'on' : 'off'}${since(s.changedAt)}`)
      } else {
        const on = word === 'on'
        const { changed, state } = await app.reach.sos.set(on)
        if (changed)
          await app.staff.audit({
            staffId: null,
            action: on ? 'sos.on' : 'sos.off',
            subject: 'sos',
            detail: 'from the command line',
          })
        say(
          changed
            ? `SOS mode is now ${word}: every cached page was purged`
            : `SOS mode was already ${word}${since(state.changedAt)}`,
        )
      }
    } catch (err) {
      await app.http.close()
      await storage.close()
      fail(`sos ${word} failed: ${(err as Error).message}`, 1)
    }
    await app.http.close()
    await storage.close()
  },
}
