/** Queries of the `redirect` table. Both dialects; domain types in and out. */
import type { Kysely } from 'kysely'
import type { Database } from '../storage/index.js'
import type { Redirect } from './redirect.js'

export interface RedirectRepository {
  /** The target of the first of `froms` that has a redirect, in the order given; else null. */
  target(froms: readonly string[]): Promise<string | null>
  /** Newest first; `q` matches either path (case-insensitive substring). */
  list(opts: { q: string; limit: number; offset: number }): Promise<Redirect[]>
  count(q: string): Promise<number>
  /** Every redirect in the order of its old path, a page at a time (for the CSV export). */
  page(afterFrom: string, limit: number): Promise<Redirect[]>
  find(id: number): Promise<Redirect | undefined>
  findByFrom(from: string): Promise<Redirect | undefined>
  /** Adds one; false when the old path already has a redirect (nothing written). */
  insert(r: Omit<Redirect, 'id'>): Promise<boolean>
  /** Points an existing old path somewhere else (an import's update). */
  retarget(id: number, to: string): Promise<void>
  delete(id: number): Promise<Redirect | undefined>
}

interface Row {
  id: number | string
  from_path: string
  to_path: string
  source: string
  created_at: number | string
}
const toRedirect = (r: Row): Redirect => ({
  id: Number(r.id),
  from: r.from_path,
  to: r.to_path,
  source: r.source,
  createdAt: new Date(Number(r.created_at)),
})

/** `%` and `_` typed into the search are letters, not wildcards. */
const likeText = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`

export function createRedirectRepository(db: Kysely<Database>): RedirectRepository {
  const matching = (q: string) => {
    let s = db.selectFrom('redirect')
    if (q)
      s = s.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['from_path']), 'like', eb.val(likeText(q))),
          eb(eb.fn('lower', ['to_path']), 'like', eb.val(likeText(q))),
        ]),
      )
    return s
  }
  return {
    async target(froms) {
      if (froms.length === 0) return null
      const rows = await db
        .selectFrom('redirect')
        .select(['from_path', 'to_path'])
        .where('from_path', 'in', [...froms])
        .execute()
      for (const f of froms) {
        const hit = rows.find((r) => r.from_path === f)
        if (hit) return hit.to_path
      }
      return null
    },

    async list({ q, limit, offset }) {
      const rows = await matching(q)
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute()
      return rows.map(toRedirect)
    },

    async count(q) {
      const r = await matching(q)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },

    async page(afterFrom, limit) {
      const rows = await db
        .selectFrom('redirect')
        .selectAll()
        .where('from_path', '>', afterFrom)
        .orderBy('from_path')
        .limit(limit)
        .execute()
      return rows.map(toRedirect)
    },

    async find(id) {
      const r = await db.selectFrom('redirect').selectAll().where('id', '=', id).executeTakeFirst()
      return r && toRedirect(r)
    },

    async findByFrom(from) {
      const r = await db
        .selectFrom('redirect')
        .selectAll()
        .where('from_path', '=', from)
        .executeTakeFirst()
      return r && toRedirect(r)
    },

    async insert(r) {
      const res = await db
        .insertInto('redirect')
        .values({
          from_path: r.from,
          to_path: r.to,
          source: r.source,
          created_at: r.createdAt.getTime(),
        })
        .onConflict((oc) => oc.column('from_path').doNothing())
        .executeTakeFirst()
      return Number(res.numInsertedOrUpdatedRows ?? 0) > 0
    },

    async retarget(id, to) {
      await db.updateTable('redirect').set({ to_path: to }).where('id', '=', id).execute()
    },

    async delete(id) {
      const r = await db
        .deleteFrom('redirect')
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst()
      return r && toRedirect(r)
    },
  }
}
