import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { otherSchemaVanished } from './migrate.js'

describe('migrating beside other schemas', () => {
  it('tries again only when another schema vanished while Kysely listed the tables', () => {
    const gone = (name: string) =>
      Object.assign(new Error(`schema "${name}" does not exist`), { code: '3F000' })
    assert.equal(otherSchemaVanished(gone('t_2702_18395f81'), 't_2345_784f41d8'), true)
    assert.equal(otherSchemaVanished(gone('t_2702_18395f81'), undefined), true)
    // Our own schema missing is a real problem, and so is anything else.
    assert.equal(otherSchemaVanished(gone('mine'), 'mine'), false)
    assert.equal(
      otherSchemaVanished(Object.assign(new Error('deadlock detected'), { code: '40P01' }), 'x'),
      false,
    )
    assert.equal(otherSchemaVanished(new Error('schema "a" does not exist'), 'x'), false)
  })
})
