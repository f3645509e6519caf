import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  connectSameSchema,
  openTestStorage,
  skipFor,
  testDialects,
} from '../../test/support/dialects.js'
import type { Storage } from '../storage/index.js'
import { createPurgeBus, readPurge, type PurgeBusDeps } from './purge-bus.js'

/** One instance's view: what its page cache was told to drop, what it forgot, what it logged. */
function instance(storage: PurgeBusDeps['storage'], name: string, withCache = true) {
  const purged: string[][] = []
  const forgot: string[][] = []
  const logged: string[] = []
  const bus = createPurgeBus({
    storage,
    cache: withCache ? { purge: (keys) => (purged.push([...keys]), 0) } : null,
    forget: (keys) => void forgot.push([...keys]),
    log: {
      info: (m) => void logged.push(m),
      warn: (m) => void logged.push(m),
      error: (_o, m) => void logged.push(m),
    },
    instance: name,
  })
  return { bus, purged, forgot, logged }
}

async function until(check: () => boolean, what: string, ms = 5_000) {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

for (const dialect of testDialects) {
  describe(`${dialect}: the purge bus`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    before(async () => {
      storage = await openTestStorage(dialect)
    })
    after(() => storage?.close())

    it('drops the pages here at once, whoever else is listening', async () => {
      const a = instance(storage, 'a')
      const stop = await a.bus.listen()
      try {
        a.bus.purge(['article:1', 'section:2'])
        assert.deepEqual(a.purged, [['article:1', 'section:2']])
        // Our own message comes back on PostgreSQL; it must not purge or forget twice.
        await new Promise((r) => setTimeout(r, 200))
        assert.deepEqual(a.purged, [['article:1', 'section:2']])
        assert.deepEqual(a.forgot, [])
        assert.deepEqual(a.logged, [])
      } finally {
        await stop()
      }
    })

    if (dialect === 'postgres') {
      describe('two instances on one schema', () => {
        let other: Storage
        before(async () => {
          other = await connectSameSchema(storage.schema!)
        })
        after(() => other?.close())

        it('tells the other instance, which forgets and drops the same keys', async () => {
          const a = instance(storage, 'a')
          const b = instance(other, 'b')
          const stopA = await a.bus.listen()
          const stopB = await b.bus.listen()
          try {
            a.bus.purge(['article:9'])
            await until(() => b.purged.length === 1, 'the other instance to purge')
            assert.deepEqual(b.forgot, [['article:9']])
            assert.deepEqual(b.purged, [['article:9']])
            b.bus.purge(['appeal'])
            await until(() => a.purged.length === 2, 'the purge to come back the other way')
            assert.deepEqual(a.forgot, [['appeal']])
          } finally {
            await stopA()
            await stopB()
          }
        })

        it('sends "all" when the keys would not fit in one notification', async () => {
          const a = instance(storage, 'a')
          const b = instance(other, 'b')
          const stopB = await b.bus.listen()
          try {
            const many = Array.from({ length: 1000 }, (_, i) => `article:${i}`)
            a.bus.purge(many)
            assert.equal(a.purged[0]!.length, 1000, 'all of them here')
            await until(() => b.purged.length === 1, 'the other instance to purge')
            assert.deepEqual(b.purged, [['all']])
          } finally {
            await stopB()
          }
        })

        it('hears other instances without a page cache too, and forgets what it keeps', async () => {
          // A worker has no page cache but keeps the addresses footer for its editions.
          const a = instance(storage, 'a')
          const worker = instance(other, 'worker', false)
          const stop = await worker.bus.listen()
          try {
            a.bus.purge(['reach'])
            await until(() => worker.forgot.length === 1, 'the worker to forget')
            assert.deepEqual(worker.forgot, [['reach']])
            assert.deepEqual(worker.purged, [], 'it has no pages to drop')
          } finally {
            await stop()
          }
        })
      })
    }
  })
}

describe('the purge listener', () => {
  /** A channel whose events the test raises by hand. */
  function handChannel() {
    const raised: {
      message?: (payload: string) => void
      events?: { onError?: (err: Error) => void; onReconnect?: () => void }
    } = {}
    let failNotify = false
    const storage: PurgeBusDeps['storage'] = {
      channel: (n) => n,
      notify: async () => {
        if (failNotify) throw new Error('connection reset')
      },
      listen: async (_c, onMessage, events) => {
        raised.message = onMessage
        raised.events = events ?? {}
        return async () => {}
      },
    }
    return { storage, raised, failNotifications: () => (failNotify = true) }
  }

  it('ignores a malformed notification and says so', async () => {
    const ch = handChannel()
    const a = instance(ch.storage, 'a')
    await a.bus.listen()
    ch.raised.message!('{not json')
    ch.raised.message!(JSON.stringify({ from: 'b', keys: 'article:1' }))
    assert.deepEqual(a.purged, [])
    assert.deepEqual(a.logged, ['ignored a malformed purge notification'])
  })

  it('starts again from nothing when the channel comes back after a drop', async () => {
    const ch = handChannel()
    const a = instance(ch.storage, 'a')
    await a.bus.listen()
    ch.raised.events!.onError!(new Error('terminated'))
    ch.raised.events!.onReconnect!()
    assert.deepEqual(a.forgot, [['all']])
    assert.deepEqual(a.purged, [['all']])
    assert.deepEqual(a.logged, [
      'lost the purge channel; reconnecting',
      'purge channel back; clearing the page cache',
    ])
  })

  it('logs a notification that could not be sent, after purging here', async () => {
    const ch = handChannel()
    ch.failNotifications()
    const a = instance(ch.storage, 'a')
    a.bus.purge(['article:1'])
    assert.deepEqual(a.purged, [['article:1']])
    await until(() => a.logged.length === 1, 'the log line')
    assert.deepEqual(a.logged, ['could not tell other instances to purge'])
  })

  it('reads only string keys from another instance', () => {
    assert.deepEqual(readPurge(JSON.stringify({ from: 'b', keys: ['a', 1, 'b'] }), 'a'), ['a', 'b'])
    assert.equal(readPurge(JSON.stringify({ from: 'a', keys: ['x'] }), 'a'), null)
    assert.equal(readPurge(JSON.stringify({ keys: null }), 'a'), null)
  })
})
