import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { editionWork, sendEditionJob } from './send-edition.job.js'

function recorder(outcome = 'finished') {
  const sent: number[] = []
  const logged: object[] = []
  return {
    sent,
    logged,
    sender: {
      send: async (id: number) => {
        sent.push(id)
        return outcome
      },
    },
    log: { info: (o: object) => void logged.push(o) },
  }
}

describe('the edition send job', () => {
  it('sends the edition the job names, and says nothing when it finished', async () => {
    const r = recorder()
    await sendEditionJob(r)({ edition: 7 })
    await sendEditionJob(r)({ edition: '8' })
    assert.deepEqual(r.sent, [7, 8])
    assert.deepEqual(r.logged, [])
  })

  it('logs a send that ended without finishing (another worker holds it)', async () => {
    const r = recorder('busy')
    await sendEditionJob(r)({ edition: 3 })
    assert.deepEqual(r.logged, [{ edition: 3, outcome: 'busy' }])
  })

  it('drops a job without a usable edition id instead of failing it five times', async () => {
    const r = recorder()
    await sendEditionJob(r)({})
    await sendEditionJob(r)({ edition: 'seven' })
    await sendEditionJob(r)({ edition: 2 ** 60 })
    assert.deepEqual(r.sent, [])
  })
})

describe("the newsletter's duties in every worker", () => {
  it('handles edition.send and ticks the schedules as often as a lease runs out', async () => {
    const r = recorder()
    let ticks = 0
    const editions = {
      tick: async () => {
        ticks++
        return { drafted: [], queued: [] }
      },
    }
    const duty = editionWork({ ...r, editions, leaseMs: 30_000 })
    assert.deepEqual(Object.keys(duty.handlers), ['edition.send'])
    assert.equal(duty.tick!.everyMs, 30_000)
    await duty.tick!.run()
    assert.equal(ticks, 1)
    assert.equal(editionWork({ ...r, editions, leaseMs: 600_000 }).tick!.everyMs, 60_000)
  })
})
