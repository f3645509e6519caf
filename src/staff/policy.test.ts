import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { PERMISSIONS, ROLES, can, canAssignRole, isRole, mayEditStory } from './policy.js'

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

  describe('who may edit which story', () => {
    const draft = { createdBy: 7, authorIds: [3], drafting: true }
    const live = { ...draft, drafting: false }

    it('lets editors and above edit every story, drafted or live', () => {
      for (const role of ['owner', 'admin', 'editor'] as const) {
        const someone = { id: 1, role, authorId: null }
        assert.equal(mayEditStory(someone, draft), true, role)
        assert.equal(mayEditStory(someone, live), true, role)
      }
    })

    it('lets authors and contributors edit what they made or what carries their byline', () => {
      for (const role of ['author', 'contributor'] as const) {
        assert.equal(mayEditStory({ id: 7, role, authorId: null }, draft), true, `${role} made it`)
        assert.equal(mayEditStory({ id: 8, role, authorId: 3 }, draft), true, `${role} byline`)
        assert.deepEqual(
          mayEditStory({ id: 8, role, authorId: 4 }, draft),
          { refused: 'someone-elses' },
          role,
        )
        assert.deepEqual(mayEditStory({ id: 8, role, authorId: null }, draft), {
          refused: 'someone-elses',
        })
      }
    })

    it('leaves a scheduled or live story to those who may publish', () => {
      assert.equal(mayEditStory({ id: 7, role: 'author', authorId: null }, live), true)
      assert.deepEqual(mayEditStory({ id: 7, role: 'contributor', authorId: null }, live), {
        refused: 'past-drafting',
      })
      assert.deepEqual(
        mayEditStory({ id: 9, role: 'contributor', authorId: null }, live),
        { refused: 'someone-elses' },
        'not theirs is said first',
      )
    })
  })
})
