import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { clusterListen, clusterNotify, isClusterNotice } from './cluster-channel.js'

// Between real cluster processes this is tested end to end (test/e2e/web-processes.test.ts);
// here, what a notice is and that outside a cluster nothing is sent or heard.
describe('cluster channel', () => {
  it('knows a notice from anything else on the IPC channel', () => {
    assert.equal(isClusterNotice({ type: 'masthead:notify', channel: 'c', payload: '{}' }), true)
    for (const m of [
      null,
      'masthead:notify',
      { type: 'masthead:notify', channel: 'c' },
      { type: 'masthead:notify', channel: 1, payload: '{}' },
      { type: 'masthead:listening', port: 3000 },
      { cmd: 'NODE_CLUSTER', act: 'online' },
    ])
      assert.equal(isClusterNotice(m), false, JSON.stringify(m))
  })

  it('sends and hears nothing outside a cluster', async () => {
    const heard: string[] = []
    const stop = clusterListen('masthead_purge', (p) => heard.push(p))
    await clusterNotify('masthead_purge', '{"keys":["all"]}')
    process.emit(
      'message',
      { type: 'masthead:notify', channel: 'masthead_purge', payload: 'x' },
      undefined,
    )
    stop()
    assert.deepEqual(heard, [])
  })
})
