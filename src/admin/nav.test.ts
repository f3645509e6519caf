import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type Permission, type Role, ROLES, can } from '../staff/policy.js'
import { navEntries, navFor } from './nav.js'
import { type AdminDeps, adminRoutes } from './plugin.js'

// The links come from the route table; building it calls no service.
const TABLE = navEntries(adminRoutes({ siteName: 'x' } as AdminDeps))

const everyone = ['Articles', 'New article', 'Media']
// Written out per role rather than derived from the policy, so a change to either shows here.
const EXPECTED: Record<Role, string[]> = {
  owner: [
    ...everyone,
    'Sections & topics',
    'Front pages',
    'Newsletters',
    'Subscribers',
    'Privacy page',
    'Contributions',
    'Addresses',
    'Redirects',
    'Imports',
    'Staff',
    'Audit log',
  ],
  admin: [
    ...everyone,
    'Sections & topics',
    'Front pages',
    'Newsletters',
    'Subscribers',
    'Privacy page',
    'Contributions',
    'Addresses',
    'Redirects',
    'Imports',
    'Staff',
    'Audit log',
  ],
  editor: [...everyone, 'Sections & topics', 'Front pages', 'Newsletters', 'Subscribers', 'Appeal'],
  author: everyone,
  contributor: everyone,
}

const labels = (granted: readonly Permission[]) =>
  navFor((p) => granted.includes(p), TABLE).map((i) => i.label)

describe('admin navigation', () => {
  for (const role of ROLES) {
    it(`shows ${role} the pages the role may open, in order`, () => {
      assert.deepEqual(
        navFor((p) => can(role, p), TABLE).map((i) => i.label),
        EXPECTED[role],
      )
    })
  }

  it('links each label to its page', () => {
    assert.deepEqual(
      navFor(() => true, TABLE).map((i) => `${i.label} ${i.href}`),
      [
        'Articles /admin/articles',
        'New article /admin/articles/new',
        'Media /admin/media',
        'Sections & topics /admin/taxonomy',
        'Front pages /admin/fronts',
        'Newsletters /admin/newsletters',
        'Subscribers /admin/subscribers',
        'Privacy page /admin/privacy',
        'Contributions /admin/contributions',
        'Addresses /admin/reach',
        'Redirects /admin/redirects',
        'Imports /admin/imports',
        'Staff /admin/staff',
        'Audit log /admin/audit',
      ],
    )
  })

  it('groups the links under Content, Audience, Money and Settings, in that order', () => {
    const all = navFor(() => true, TABLE)
    assert.deepEqual(
      [...new Set(all.map((i) => i.group))],
      ['Content', 'Audience', 'Money', 'Settings'],
    )
    const under = (g: string) => all.filter((i) => i.group === g).map((i) => i.label)
    assert.deepEqual(under('Content'), [
      'Articles',
      'New article',
      'Media',
      'Sections & topics',
      'Front pages',
    ])
    assert.deepEqual(under('Audience'), ['Newsletters', 'Subscribers', 'Privacy page'])
    assert.deepEqual(under('Money'), ['Contributions'], 'the appeal only for those without revenue')
    assert.deepEqual(under('Settings'), ['Addresses', 'Redirects', 'Imports', 'Staff', 'Audit log'])
  })

  it('offers the contributions dashboard to whoever may read revenue, else the appeal', () => {
    assert.ok(labels(['revenue.read', 'appeal.manage']).includes('Contributions'))
    assert.ok(!labels(['revenue.read', 'appeal.manage']).includes('Appeal'))
    assert.ok(labels(['revenue.read']).includes('Contributions'))
    assert.ok(labels(['appeal.manage']).includes('Appeal'))
    assert.ok(!labels(['appeal.manage']).includes('Contributions'))
    assert.deepEqual(labels([]), everyone)
  })
})
