import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PERMISSIONS, ROLES, can, canAssignRole, isRole } from './policy.js'

describe('staff policy', () => {
  it('gives owners and admins everything', () => {
    for (const p of PERMISSIONS) {
      assert.equal(can('owner', p), true)
      assert.equal(can('admin', p), true)
    }
  })

  it('lets contributors draft but never publish, and nobody below admin manage staff', () => {
    assert.equal(can('contributor', 'article.draft'), true)
    assert.equal(can('contributor', 'article.publish'), false)
    for (const r of ['editor', 'author', 'contributor'] as const)
      assert.equal(can(r, 'staff.manage'), false)
    assert.equal(can('editor', 'article.edit-any'), true)
    assert.equal(can('author', 'article.edit-any'), false)
  })

  it('keeps owners for owners to appoint', () => {
    assert.equal(canAssignRole('owner', 'owner'), true)
    assert.equal(canAssignRole('admin', 'owner'), false)
    assert.equal(canAssignRole('admin', 'editor'), true)
    assert.equal(canAssignRole('editor', 'contributor'), false)
  })

  it('knows its roles', () => {
    assert.deepEqual([...ROLES], ['owner', 'admin', 'editor', 'author', 'contributor'])
    assert.equal(isRole('editor'), true)
    assert.equal(isRole('root'), false)
  })
})
