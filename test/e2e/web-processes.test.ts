// `masthead serve` with WEB_PROCESSES=2 (ADR 034): two web processes of one node:cluster on one
// port, as a newsroom on a many-core box runs it. On SQLite too, which has no channel between
// processes of its own: a save on one process must empty the other's cached page. A process
// that dies is replaced without the readers noticing; SIGTERM stops them all cleanly.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import http from 'node:http'
import { after, before, describe, it } from 'node:test'
import { articleInput, seedBasics, type Basics } from '../support/factories.js'
import { skipFor, testDialects } from '../support/dialects.js'
import {
  type ServeProcess,
  signInAndSaveStory,
  startServeProcess,
} from '../support/serve-process.js'
import { until } from '../support/smtp-sink.js'
import { PASSWORD } from '../support/staff.js'
import { openWorkerFixture, type WorkerFixture } from '../support/worker-fixture.js'
import { errorLines, exited } from '../support/worker-process.js'

const SLOW = 180_000

interface Answer {
  status: number
  body: string
}

/**
 * A client that keeps one connection (so one web process) and its cookies: the cluster hands
 * each new connection to the next process, and a kept one stays with it.
 */
function pinnedClient(origin: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const cookies = new Map<string, string>()
  const request = (method: 'GET' | 'POST', path: string, form?: Record<string, string>) =>
    new Promise<Answer>((resolve, reject) => {
      const body = form ? new URLSearchParams(form).toString() : undefined
      const req = http.request(
        origin + path,
        {
          method,
          agent,
          headers: {
            ...(cookies.size
              ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
              : {}),
            ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
        },
        (res) => {
          for (const c of res.headers['set-cookie'] ?? []) {
            const pair = c.split(';')[0]!
            const eq = pair.indexOf('=')
            cookies.set(pair.slice(0, eq), pair.slice(eq + 1))
          }
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (d: string) => (text += d))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
        },
      )
      req.on('error', reject)
      req.end(body)
    })
  const processNumber = async () =>
    (JSON.parse((await request('GET', '/healthz')).body) as { webProcess?: number }).webProcess
  return { request, processNumber, close: () => agent.destroy() }
}

/** The process numbers that answer `tries` requests, each on a new connection. */
async function answeringProcesses(origin: string, tries: number): Promise<Set<number>> {
  const seen = new Set<number>()
  for (let i = 0; i < tries; i++) {
    const c = pinnedClient(origin)
    const n = await c.processNumber().catch(() => undefined)
    c.close()
    if (n) seen.add(n)
  }
  return seen
}

/** The primary's children that are node processes (tsx may run an esbuild service beside). */
function webProcessPids(serve: ServeProcess): number[] {
  return execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(serve.child.pid)], {
    encoding: 'utf8',
  })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, comm]) => Number(pid) > 0 && comm === 'node')
    .map(([pid]) => Number(pid))
}

for (const dialect of testDialects) {
  describe(
    `${dialect}: serve with two web processes on one port`,
    { skip: await skipFor(dialect) },
    () => {
      let f: WorkerFixture
      let b: Basics
      let serve: ServeProcess
      let articlePath = ''
      let sharedId = 0
      const clients: ReturnType<typeof pinnedClient>[] = []

      before(async () => {
        f = await openWorkerFixture(dialect)
        b = await seedBasics(f.app, new Date())
        await f.app.staff.addStaff({
          email: 'owner@example.org',
          name: 'The Owner',
          role: 'owner',
          password: PASSWORD,
        })
        const created = await f.app.content.createArticle(
          articleInput(b, { slug: 'shared', headline: 'First headline' }),
        )
        sharedId = created.id
        const at = (await f.app.repo.findArticleById(sharedId))!.publishedAt!.toISOString()
        articlePath = `/world/${at.slice(0, 4)}/${at.slice(5, 7)}/shared`
        serve = await startServeProcess(
          f.url,
          { WEB_PROCESSES: '2', WORKER: 'off', SEED_DEMO_WHEN_EMPTY: 'false' },
          SLOW,
        )
        f.children.push(serve.child)
      })
      after(async () => {
        for (const c of clients) c.close()
        await f?.close()
      })

      const pinnedTo = async (n: number) => {
        for (let i = 0; i < 20; i++) {
          const c = pinnedClient(serve.origin)
          if ((await c.processNumber()) === n) {
            clients.push(c)
            return c
          }
          c.close()
        }
        throw new Error(`no connection reached web process ${n}`)
      }

      it('says so when it starts, and both processes answer on the one port', async () => {
        assert.match(serve.output(), /Masthead is serving .* \(database: \w+, 2 web processes\)/)
        assert.deepEqual([...(await answeringProcesses(serve.origin, 6))].sort(), [1, 2])
      })

      it('empties the page one process cached when an editor saves on the other', async () => {
        const one = await pinnedTo(1)
        const two = await pinnedTo(2)
        assert.match((await one.request('GET', articlePath)).body, /First headline/)
        assert.match((await two.request('GET', articlePath)).body, /First headline/)
        // Changed behind every cache's back: process 1 still answers from its cache.
        await f.storage.db
          .updateTable('article')
          .set({ headline: 'Changed behind the cache' })
          .where('id', '=', sharedId)
          .execute()
        assert.match((await one.request('GET', articlePath)).body, /First headline/)

        await signInAndSaveStory(
          two,
          { email: 'owner@example.org', password: PASSWORD },
          {
            id: sharedId,
            sectionId: b.sectionId,
            slug: 'shared',
            headline: 'Second headline',
            body: '<p>Saved through the second web process.</p>',
            publishedAt: (await f.app.repo.findArticleById(sharedId))!.publishedAt!,
          },
        )
        await until(
          async () => /Second headline/.test((await one.request('GET', articlePath)).body),
          'process 1 to drop its copy',
          30_000,
        )
      })

      it('starts another process when one dies, and readers keep getting pages', async () => {
        const pids = () => webProcessPids(serve)
        const before = pids()
        assert.equal(before.length, 2, `two web processes: ${before.join(', ')}`)
        process.kill(before[0]!, 'SIGKILL')
        await until(
          () => /a web process stopped; starting another/.test(serve.output()),
          'the primary to notice',
          SLOW,
        )
        await until(
          async () => (await answeringProcesses(serve.origin, 6)).size === 2,
          'two processes answering again',
          SLOW,
        )
        const after = pids()
        assert.equal(after.length, 2)
        assert.ok(!after.includes(before[0]!), 'the dead one is gone')
        for (let i = 0; i < 6; i++) {
          const c = pinnedClient(serve.origin)
          assert.equal((await c.request('GET', articlePath)).status, 200)
          c.close()
        }
      })

      it('stops every process on SIGTERM and exits 0 without an error line', async () => {
        const children = webProcessPids(serve)
        assert.equal(children.length, 2)
        serve.child.kill('SIGTERM')
        await exited(serve.child)
        assert.equal(serve.child.exitCode, 0, serve.output())
        assert.deepEqual(errorLines(serve.output()), [])
        for (const pid of children) assert.throws(() => process.kill(pid, 0), /ESRCH/)
      })
    },
  )
}
