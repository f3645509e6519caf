/** Queries of the `import_run` table: imports started in the admin (ADR 029). */
import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../storage/index.js'
import type { ImportRunTable } from '../storage/schema-imports.js'

export type RunState = 'queued' | 'running' | 'done' | 'failed'

export interface ImportRun {
  id: number
  source: string
  fileName: string
  storedFile: string
  size: number
  dryRun: boolean
  subscribers: boolean
  state: RunState
  /** The report so far, as JSON (import-runs.ts reads it). */
  report: string | null
  errorCode: string | null
  error: string | null
  attempts: number
  leaseUntil: number
  createdBy: number | null
  createdAt: Date
  startedAt: Date | null
  finishedAt: Date | null
}

export interface NewImportRun {
  source: string
  fileName: string
  storedFile: string
  size: number
  dryRun: boolean
  subscribers: boolean
  createdBy: number | null
  at: Date
  leaseUntil: number
}

export interface ImportRunRepository {
  insert(r: NewImportRun): Promise<number>
  find(id: number): Promise<ImportRun | undefined>
  list(limit: number): Promise<ImportRun[]>
  /** Takes a queued run, or a running one whose lease ran out; false when someone else has it. */
  claim(id: number, now: number, leaseUntil: number): Promise<boolean>
  /** Renews the lease and stores the report so far; false when the run is no longer ours. */
  progress(id: number, leaseUntil: number, report: string): Promise<boolean>
  /** Back to the queue (the worker stopped): taken again as soon as a worker sends it. */
  requeue(id: number, leaseUntil: number): Promise<void>
  finish(
    id: number,
    end: { state: 'done' | 'failed'; report: string | null; code?: string; error?: string },
    at: number,
  ): Promise<void>
  /** Runs nobody is working on: queued and not taken, or running with the lease run out. */
  stale(now: number): Promise<{ id: number; state: RunState }[]>
  /** Marks a stale run queued with a new lease, so one tick sends it once. */
  resend(id: number, now: number, leaseUntil: number): Promise<boolean>
}

const toRun = (r: Selectable<ImportRunTable>): ImportRun => ({
  id: Number(r.id),
  source: r.source,
  fileName: r.file_name,
  storedFile: r.stored_file,
  size: Number(r.size),
  dryRun: Number(r.dry_run) === 1,
  subscribers: Number(r.subscribers) === 1,
  state: r.state as RunState,
  report: r.report,
  errorCode: r.error_code,
  error: r.error,
  attempts: Number(r.attempts),
  leaseUntil: Number(r.lease_until),
  createdBy: r.created_by === null ? null : Number(r.created_by),
  createdAt: new Date(Number(r.created_at)),
  startedAt: r.started_at === null ? null : new Date(Number(r.started_at)),
  finishedAt: r.finished_at === null ? null : new Date(Number(r.finished_at)),
})

export function createImportRunRepository(db: Kysely<Database>): ImportRunRepository {
  return {
    async insert(r) {
      const row = await db
        .insertInto('import_run')
        .values({
          source: r.source,
          file_name: r.fileName,
          stored_file: r.storedFile,
          size: r.size,
          dry_run: r.dryRun ? 1 : 0,
          subscribers: r.subscribers ? 1 : 0,
          state: 'queued',
          lease_until: r.leaseUntil,
          created_by: r.createdBy,
          created_at: r.at.getTime(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return Number(row.id)
    },

    async find(id) {
      const r = await db
        .selectFrom('import_run')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst()
      return r && toRun(r)
    },

    async list(limit) {
      const rows = await db
        .selectFrom('import_run')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
      return rows.map(toRun)
    },

    async claim(id, now, leaseUntil) {
      const r = await db
        .updateTable('import_run')
        .set((eb) => ({
          state: 'running',
          lease_until: leaseUntil,
          attempts: eb('attempts', '+', 1),
          started_at: eb.fn.coalesce('started_at', eb.val(now)),
        }))
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb('state', '=', 'queued'),
            eb.and([eb('state', '=', 'running'), eb('lease_until', '<', now)]),
          ]),
        )
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    async progress(id, leaseUntil, report) {
      const r = await db
        .updateTable('import_run')
        .set({ lease_until: leaseUntil, report })
        .where('id', '=', id)
        .where('state', '=', 'running')
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },

    async requeue(id, leaseUntil) {
      await db
        .updateTable('import_run')
        .set({ state: 'queued', lease_until: leaseUntil })
        .where('id', '=', id)
        .where('state', '=', 'running')
        .execute()
    },

    async finish(id, end, at) {
      await db
        .updateTable('import_run')
        .set({
          state: end.state,
          report: end.report,
          error_code: end.code ?? null,
          error: end.error ?? null,
          stored_file: '',
          finished_at: at,
        })
        .where('id', '=', id)
        .execute()
    },

    async stale(now) {
      const rows = await db
        .selectFrom('import_run')
        .select(['id', 'state'])
        .where('state', 'in', ['queued', 'running'])
        .where('lease_until', '<', now)
        .orderBy('id')
        .limit(50)
        .execute()
      return rows.map((r) => ({ id: Number(r.id), state: r.state as RunState }))
    },

    async resend(id, now, leaseUntil) {
      const r = await db
        .updateTable('import_run')
        .set({ state: 'queued', lease_until: leaseUntil })
        .where('id', '=', id)
        .where('state', 'in', ['queued', 'running'])
        .where('lease_until', '<', now)
        .executeTakeFirst()
      return Number(r.numUpdatedRows) === 1
    },
  }
}
