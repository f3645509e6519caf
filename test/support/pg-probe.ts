import pg from 'pg'

export interface ProbeOptions {
  /** How long a present but slow server is waited for before the run fails (120 s). */
  deadlineMs?: number
  /** One connection attempt's limit (10 s): a loaded machine can take seconds to accept. */
  attemptTimeoutMs?: number
  /** MASTHEAD_REQUIRE_POSTGRES: nothing may skip, an absent server fails the run. */
  require?: boolean
  /** Where the waiting is told (a `#` line in the test output). */
  say?: (line: string) => void
}

/** Socket errors that mean no server is there at all, as opposed to one that is slow. */
const NOTHING_LISTENS = new Set(['ECONNREFUSED', 'ENOENT'])

/** Every error code in `err`, including those inside an AggregateError (IPv4 and IPv6 tried). */
function codesOf(err: unknown): string[] {
  const e = err as { code?: unknown; errors?: unknown }
  const own = typeof e?.code === 'string' ? [e.code] : []
  const inner = Array.isArray(e?.errors) ? e.errors.flatMap(codesOf) : []
  return [...own, ...inner]
}

function describe(err: unknown): string {
  const codes = codesOf(err)
  const message = (err as Error)?.message || codes.join(', ') || String(err)
  return codes.length && !message.includes(codes[0]!) ? `${codes[0]} ${message}` : message
}

/**
 * Whether PostgreSQL suites can run against `url`: false when they can, or the reason they skip.
 *
 * Only a server that is not there (connection refused, no socket file) is a reason to skip, and
 * only without `require`. A server that is there but slow (a busy machine, a server starting up,
 * all connections taken) is waited for, polling with a growing pause, up to the deadline; then
 * the run fails rather than quietly testing one database instead of two. Errors that waiting
 * cannot cure (a wrong password, a missing database) fail at once.
 */
export async function probePostgres(url: string, opts: ProbeOptions = {}): Promise<string | false> {
  const deadline = Date.now() + (opts.deadlineMs ?? 120_000)
  const say = opts.say ?? ((line: string) => console.log(line))
  const where = url.replace(/\/\/[^@/]*@/, '//***@')
  let pauseMs = 250
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: opts.attemptTimeoutMs ?? 10_000,
    })
    let why: string
    try {
      await client.connect()
      await client.query('select 1')
      return false
    } catch (err) {
      why = describe(err)
      const codes = codesOf(err)
      if (codes.length > 0 && codes.every((c) => NOTHING_LISTENS.has(c))) {
        const reason = `PostgreSQL not reachable at ${where} (${why}); set TEST_DATABASE_URL`
        if (!opts.require) return reason
        if (Date.now() >= deadline) {
          throw new Error(`MASTHEAD_REQUIRE_POSTGRES is set but ${reason}`)
        }
      } else if (codes.some((c) => /^(28|3D)/.test(c))) {
        // Authentication (class 28) or an unknown database (3D000): the settings are wrong.
        throw new Error(`PostgreSQL at ${where} refused the tests: ${why}`)
      } else if (Date.now() >= deadline) {
        throw new Error(
          `PostgreSQL at ${where} is there but did not answer within ${Math.round((opts.deadlineMs ?? 120_000) / 1000)} s (${why}); not skipping a present server`,
        )
      }
    } finally {
      await client.end().catch(() => {})
    }
    say(
      `# waiting for PostgreSQL at ${where} (attempt ${attempt}: ${why}); next try in ${pauseMs} ms`,
    )
    await new Promise((r) => setTimeout(r, Math.min(pauseMs, Math.max(0, deadline - Date.now()))))
    pauseMs = Math.min(pauseMs * 2, 5_000)
  }
}
