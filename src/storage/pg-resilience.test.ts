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
import { isConnectionLost, isSafeToRetry, resilientPool } from './pg-resilience.js'

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

/**
 * A pool whose connections end as `dies(n, sql)` says (n counts checkouts from 1), as after a
 * fail-over before the pool has read their errors. Stands in for pg.Pool only to make that
 * timing certain; the suites below do the same against a real server.
 */
function fakePool(max: number, dies: (n: number, sql: string) => boolean) {
  const released: (boolean | Error | undefined)[] = []
  let handedOut = 0
  const pool = {
    options: { max },
    async connect() {
      const n = ++handedOut
      return {
        async query(sql: string) {
          if (dies(n, sql))
            throw pgError('57P01', 'terminating connection due to administrator command')
          return { rows: [{ n }], rowCount: 1 }
        },
        release(destroy?: boolean | Error) {
          released.push(destroy)
        },
      }
    },
    async end() {},
  }
  return { pool: resilientPool(pool as unknown as pg.Pool), released, handedOut: () => handedOut }
}

describe('lost connections: retrying past dead idle connections', () => {
  it('tries the next connection while each one it meets is dead', async () => {
    const { pool, released } = fakePool(4, (n) => n <= 3)
    const result = await pool.query('insert into section (name) values ($1)', ['a'])
    assert.deepEqual(result.rows, [{ n: 4 }], 'answered on the first live connection')
    assert.equal(released.length, 4)
    assert.ok(
      released.slice(0, 3).every((r) => r instanceof Error),
      'each dead one destroyed',
    )
    assert.equal(released[3], false, 'the live one goes back to the pool')
  })

  it('gives up after the pool size and one more, never looping', async () => {
    const { pool, handedOut } = fakePool(4, () => true)
    await assert.rejects(pool.query('select 1', []), (err) => isConnectionLost(err))
    assert.equal(handedOut(), 5)
  })

  it('never retries inside a transaction', async () => {
    // The first connection takes BEGIN and one insert, then dies.
    let statements = 0
    const { pool, handedOut } = fakePool(4, (n) => n === 1 && ++statements > 2)
    const client = await pool.connect()
    await client.query('begin', [])
    await client.query('insert into section (name) values ($1)', ['a'])
    await assert.rejects(client.query('insert into section (name) values ($1)', ['b']), (err) =>
      isConnectionLost(err),
    )
    assert.equal(handedOut(), 1, 'no second connection was asked for')
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

    it('finds a live connection when the idle ones died with it and the pool has not noticed', async () => {
      // Idle connections in the pool beside the one held; all are terminated, and the statement
      // goes out at once, before their errors are read: the first retry meets a dead one too.
      await Promise.all([count(), count(), count()])
      await storage.db.connection().execute(async (conn) => {
        const { pid } = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn))
          .rows[0]!
        const pids = await terminate(appName)
        assert.ok(pids.length >= 2, `the held and idle connections were terminated: ${pids}`)
        const again = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn)
        assert.ok(!pids.includes(again.rows[0]!.pid), `answered on a new connection, not ${pid}`)
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

    it('never hands on a connection left in a failed transaction by a text that failed', async () => {
      // pg-boss sends "begin; …; commit" as one text; a failure inside leaves the explicit
      // transaction open and aborted on that connection.
      const single = await connectSameSchema(owner.schema!, {
        poolSize: 1,
        applicationName: appName,
      })
      try {
        const run = single.executeSql!
        const failed = await run('begin; select 1/0; commit', []).then(
          () => null,
          (err: unknown) => err as { code?: string },
        )
        assert.equal(failed?.code, '22012', 'division by zero failed the text')
        const after = await run('select 1 as n', [])
        assert.deepEqual(after.rows, [{ n: 1 }], 'the next text runs on a clean connection')
      } finally {
        await single.close()
      }
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
