import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import pg from 'pg'
import {
  TEST_DATABASE_URL,
  connectSameSchema,
  openTestStorage,
  skipFor,
  testApplicationName,
} from '../../test/support/dialects.js'
import type { Storage } from './index.js'
import { isConnectionLost, isSafeToRetry } from './pg-resilience.js'

function pgError(code: string, message = 'x'): Error {
  return Object.assign(new Error(message), { code })
}

describe('lost connections: which errors are which', () => {
  it('knows a lost connection from a failed statement', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08003', 'ECONNRESET', 'EPIPE'])
      assert.equal(isConnectionLost(pgError(code)), true, code)
    assert.equal(isConnectionLost(new Error('Connection terminated unexpectedly')), true)
    assert.equal(
      isConnectionLost(new Error('Client has encountered a connection error and is not queryable')),
      true,
    )
    for (const code of ['23505', '40001', '42P01', '57014'])
      assert.equal(isConnectionLost(pgError(code)), false, code)
    assert.equal(isConnectionLost(new Error('syntax error')), false)
    assert.equal(isConnectionLost('57P01'), false)
  })

  it('repeats a write only when it certainly did not run', () => {
    const insert = 'insert into section (name) values ($1)'
    assert.equal(isSafeToRetry(pgError('57P01'), insert), true)
    assert.equal(isSafeToRetry(new Error('Client was closed and is not queryable'), insert), true)
    // A socket that broke mid-flight: the insert may have committed.
    assert.equal(isSafeToRetry(pgError('ECONNRESET'), insert), false)
    assert.equal(isSafeToRetry(new Error('Connection terminated unexpectedly'), insert), false)
    assert.equal(isSafeToRetry(pgError('ECONNRESET'), 'select 1'), true)
    assert.equal(isSafeToRetry(pgError('ECONNRESET'), 'select pg_notify($1, $2)'), false)
    assert.equal(isSafeToRetry(pgError('23505'), 'select 1'), false)
  })
})

/** Terminates every backend with this application name, as a fail-over or an operator would. */
async function terminate(applicationName: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await c.connect()
  try {
    // Two steps: in one statement PostgreSQL may call the function before filtering the rows.
    const r = await c.query<{ pid: number }>(
      'select pid from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()',
      [applicationName],
    )
    await c.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [
      r.rows.map((row) => row.pid),
    ])
    return r.rows.map((row) => row.pid)
  } finally {
    await c.end()
  }
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 15_000) {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe(
  'postgres: a pool whose connections are terminated',
  { skip: await skipFor('postgres') },
  () => {
    let owner: Storage
    let storage: Storage
    const logged: Error[] = []
    let appName: string

    before(async () => {
      owner = await openTestStorage('postgres')
      appName = `masthead resilience ${owner.schema}`
      storage = await connectSameSchema(owner.schema!, {
        poolSize: 4,
        applicationName: appName,
        onConnectionError: (err) => void logged.push(err),
      })
    })
    after(async () => {
      await storage?.close()
      await owner?.close()
    })

    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from section`.execute(storage.db))
        .rows[0]!.n

    it('logs and goes on when idle connections are terminated', async () => {
      // Several connections open and back in the pool, idle.
      await Promise.all([count(), count(), count()])
      logged.length = 0
      const pids = await terminate(appName)
      assert.ok(pids.length >= 1, 'the pool had connections to terminate')
      await until(() => logged.length >= pids.length, 'each lost connection to be logged')
      assert.ok(logged.every(isConnectionLost), logged.map((e) => e.message).join('; '))
      assert.equal(await count(), 0)
      assert.deepEqual(await Promise.all([count(), count(), count(), count()]), [0, 0, 0, 0])
    })

    it('sends a statement again when its held connection died between statements', async () => {
      await storage.db.connection().execute(async (conn) => {
        const { pid } = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn))
          .rows[0]!
        logged.length = 0
        assert.ok((await terminate(appName)).includes(pid))
        await until(() => logged.length >= 1, 'the held connection to report its loss')
        const again = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn)
        assert.notEqual(again.rows[0]!.pid, pid, 'answered on a new connection')
      })
      assert.equal(await count(), 0)
    })

    it('fails a transaction whose connection dies, never half-retries it; the next one works', async () => {
      const section = (slug: string) => ({ slug, name: slug, description: '', position: 0 })
      const failed = await storage.db
        .transaction()
        .execute(async (trx) => {
          await trx.insertInto('section').values(section('lost-one')).execute()
          logged.length = 0
          await terminate(appName)
          await until(() => logged.length >= 1, 'the transaction connection to report its loss')
          await trx.insertInto('section').values(section('lost-two')).execute()
        })
        .then(
          () => null,
          (err: unknown) => err,
        )
      assert.ok(isConnectionLost(failed), `the transaction failed: ${String(failed)}`)
      assert.equal(await count(), 0, 'nothing of the failed transaction was written')
      await storage.db.transaction().execute(async (trx) => {
        await trx.insertInto('section').values(section('kept')).execute()
      })
      assert.equal(await count(), 1)
    })

    it('keeps the process alive and says so on stderr (the default log)', async () => {
      const name = `masthead child ${owner.schema}`
      const url = new URL(TEST_DATABASE_URL)
      url.searchParams.set('schema', owner.schema!)
      // A process of its own: an 'error' event with no listener would end it with an exception.
      const script = `
      import { connect } from './src/storage/index.js'
      import { sql } from 'kysely'
      const s = await connect(${JSON.stringify(url.toString())}, { applicationName: ${JSON.stringify(name)} })
      await Promise.all([1, 2, 3].map(() => sql\`select 1\`.execute(s.db)))
      process.stdout.write('ready\\n')
      process.stdin.once('data', async () => {
        const r = await sql\`select count(*)::int as n from section\`.execute(s.db)
        process.stdout.write('answered ' + r.rows[0].n + '\\n')
        await s.close()
      })`
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        {
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      )
      let out = ''
      let err = ''
      child.stdout.on('data', (d: Buffer) => (out += d.toString()))
      child.stderr.on('data', (d: Buffer) => (err += d.toString()))
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
      try {
        await until(
          () => out.includes('ready') || child.exitCode !== null,
          'the child to connect',
          60_000,
        )
        assert.ok((await terminate(name)).length >= 1)
        await until(() => err.includes('lost a database connection'), 'the child to log the loss')
        child.stdin.end('go\n')
        assert.equal(await exited, 0, err)
        assert.match(out, /answered 1/)
        assert.match(err, /57P01/)
      } finally {
        child.kill()
      }
    })
  },
)

describe(
  'postgres: a running app whose connections are terminated',
  { skip: await skipFor('postgres') },
  () => {
    it('answers the next requests without a restart', async () => {
      const { buildTestApp } = await import('../../test/support/test-app.js')
      const app = await buildTestApp('postgres', { env: { PAGE_CACHE: 'false' } })
      try {
        assert.equal((await app.http.inject({ url: '/' })).statusCode, 200)
        const pids = await terminate(testApplicationName(app.storage.schema!))
        assert.ok(pids.length >= 1)
        // Wait until the server has seen them go, as the next reader after a fail-over would.
        const c = new pg.Client({ connectionString: TEST_DATABASE_URL })
        await c.connect()
        try {
          await until(
            async () =>
              (await c.query('select 1 from pg_stat_activity where pid = any($1)', [pids]))
                .rowCount === 0,
            'the terminated backends to be gone',
          )
        } finally {
          await c.end()
        }
        for (const url of ['/', '/', '/sitemap.xml']) {
          const res = await app.http.inject({ url })
          assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 200)}`)
        }
      } finally {
        await app.close()
      }
    })
  },
)
