import { parseArgs } from 'node:util'
import type { Command } from './command.js'
import { readPassword } from './password.js'
import { fail, openStorage } from './process.js'

export const user: Command = {
  help: `Usage: masthead user add --email EMAIL --name NAME [--role ROLE]

Creates a staff account; the first one should be an owner. The password is read from
standard input when it is piped (echo … | masthead user add …), or asked for on a terminal.
Roles: owner, admin, editor, author, contributor (default: owner for the first account,
else author).

Options:
  --email EMAIL   Sign-in address
  --name NAME     Name shown in the admin
  --role ROLE     One of the roles above
  -h, --help      Show this help`,

  async run({ config, flags, rest, say }) {
    const positionals = parseArgs({
      args: [...rest],
      strict: false,
      allowPositionals: true,
    }).positionals
    if (positionals[0] !== 'add') fail(`say what to do: user add\n\n${user.help}`)
    const { email, name } = flags
    if (typeof email !== 'string' || typeof name !== 'string')
      fail(`--email and --name are required\n\n${user.help}`)
    const storage = await openStorage(config)
    const { buildApp } = await import('../app.js')
    const app = await buildApp({ config: { ...config, PAGE_CACHE: false }, storage, logger: false })
    const first = (await app.staff.countStaff()) === 0
    const role = typeof flags.role === 'string' ? flags.role : first ? 'owner' : 'author'
    const password = await readPassword()
    try {
      const { isRole } = await import('../staff/index.js')
      if (!isRole(role)) fail(`--role must be one of owner, admin, editor, author, contributor`)
      const id = await app.staff.addStaff({ email, name, role, password })
      say(`Added ${name} <${email.toLowerCase()}> as ${role} (staff ${id}). Sign in at /admin.`)
    } catch (err) {
      const e = err as { code?: string; message: string; details?: string[] }
      await app.http.close()
      await storage.close()
      // A refusal of what was typed is a usage error (2); anything else is a failure (1).
      fail(
        `${e.message}${e.details?.length ? `:\n  ${e.details.join('\n  ')}` : ''}`,
        e.code === 'VALIDATION_FAILED' || e.code === 'EMAIL_TAKEN' ? 2 : 1,
      )
    }
    await app.http.close()
    await storage.close()
  },
}
