/**
 * Who may do what. A role is a set of permissions; routes ask for a permission, never for a
 * role, so a new role is one line here.
 */
export const ROLES = ['owner', 'admin', 'editor', 'author', 'contributor'] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = [
  /** Open the admin and see the article list. */
  'admin.enter',
  /** Write and edit one's own drafts. */
  'article.draft',
  /** Edit articles written by others. */
  'article.edit-any',
  /** Publish, schedule and unpublish. */
  'article.publish',
  /** Create and change sections, topics, authors and agencies. */
  'taxonomy.manage',
  /** Add, change and disable staff accounts. */
  'staff.manage',
  /** Read the audit log. */
  'audit.read',
  /** See contributions and revenue. */
  'revenue.read',
  /** Create newsletters and see their subscriber counts. */
  'newsletter.manage',
  /** Edit the site's own pages (the privacy page). */
  'settings.manage',
  /** Edit the support banner and the appeal (text, amounts, ways to pay, placement). */
  'appeal.manage',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const POLICY: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS,
  editor: [
    'admin.enter',
    'article.draft',
    'article.edit-any',
    'article.publish',
    'taxonomy.manage',
    'newsletter.manage',
    'appeal.manage',
  ],
  author: ['admin.enter', 'article.draft', 'article.publish'],
  contributor: ['admin.enter', 'article.draft'],
}

export function can(role: Role, permission: Permission): boolean {
  return POLICY[role].includes(permission)
}

/** Only an owner may create or change another owner; admins manage everyone else. */
export function canAssignRole(actor: Role, target: Role): boolean {
  if (!can(actor, 'staff.manage')) return false
  return target !== 'owner' || actor === 'owner'
}

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v)
}

/** Who asks to edit a story, as the policy needs them. */
export interface StoryEditor {
  id: number
  role: Role
  /** Their author profile, when they have one: bylines name profiles, not accounts. */
  authorId: number | null
}

/** A story, as far as who may edit it goes. */
export interface StoryOwnership {
  createdBy: number | null
  /** The author profiles in its byline. */
  authorIds: readonly number[]
  /** Still a draft or in review: not yet scheduled or live. */
  drafting: boolean
}

/** Why someone may not edit a story. */
export type StoryRefusal = 'someone-elses' | 'past-drafting'

/**
 * Contributors and authors edit their own work (they made it, or their profile is in its
 * byline); editors and above anything. Once a story is scheduled or live, only those who may
 * publish change it.
 */
export function mayEditStory(
  who: StoryEditor,
  story: StoryOwnership,
): true | { refused: StoryRefusal } {
  const theirs =
    can(who.role, 'article.edit-any') ||
    story.createdBy === who.id ||
    (who.authorId !== null && story.authorIds.includes(who.authorId))
  if (!theirs) return { refused: 'someone-elses' }
  if (!story.drafting && !can(who.role, 'article.publish')) return { refused: 'past-drafting' }
  return true
}
