/**
 * The `import.run` job (ADR 029): one admin import, run by whichever worker takes it. The run
 * is claimed with a lease, renewed while it works, and its report so far is written to its
 * row about once a second (the admin's progress page reads it). A worker that stops puts the
 * run back in the queue; one that dies lets its lease run out. Either way the worker tick
 * sends it again and the next run starts from the beginning of the file: imports are keyed
 * (ADR 025), so what the first run wrote comes out unchanged and nothing is doubled.
 */
import fs from 'node:fs'
import type { JobData, JobQueue, WorkerDuties } from '../jobs/index.js'
import type { Clock } from '../lib/clock.js'
import type { ImportEnv, RunOptions } from './import-env.js'
import { ImportError, ImportStopped } from './import-error.js'
import type { ImportRunRepository } from './import-run-repository.js'
import { type ImportSourceName, QUEUE_WAIT_MS } from './import-runs.js'
import type { ImportReport } from './report.js'

/** How long a worker holds a run without renewing it, and how often it renews. */
export const RUN_LEASE_MS = 60_000
/** A run that failed this many times for reasons of the machine (not the file) is given up. */
const MAX_ATTEMPTS = 5

type Runner = (env: ImportEnv, file: string, opts: RunOptions) => Promise<ImportReport>

async function runnerFor(source: ImportSourceName): Promise<Runner> {
  if (source === 'ghost') return (await import('./ghost/import-ghost.js')).importGhost
  if (source === 'substack') return (await import('./substack/import-substack.js')).importSubstack
  return (await import('./wordpress/import-wordpress.js')).importWordpress
}

export interface ImportWorkDeps {
  runs: ImportRunRepository
  /** The kept file of a run (import-runs.ts). */
  fileOf(run: { storedFile: string }): string
  env: () => ImportEnv
  jobs: () => Promise<Pick<JobQueue, 'send'>>
  clock: Clock
  log: { error(o: object, m: string): void; info(o: object, m: string): void }
  leaseMs?: number
}

export function importWork(deps: ImportWorkDeps): WorkerDuties {
  const leaseMs = deps.leaseMs ?? RUN_LEASE_MS
  const now = () => deps.clock.now().getTime()

  async function run(data: JobData, signal?: AbortSignal) {
    const id = Number(data.run)
    if (!Number.isSafeInteger(id) || !(await deps.runs.claim(id, now(), now() + leaseMs))) return
    const row = (await deps.runs.find(id))!
    const file = deps.fileOf(row)
    let latest: string | null = null
    let writtenAt = 0
    const renew = async () => {
      await deps.runs.progress(id, now() + leaseMs, latest ?? row.report ?? 'null')
    }
    const timer = setInterval(() => {
      renew().catch((err: unknown) => deps.log.error({ err, run: id }, 'import lease not renewed'))
    }, leaseMs / 4)
    timer.unref()
    const finish = async (end: Parameters<ImportRunRepository['finish']>[1]) => {
      await deps.runs.finish(id, end, now())
      await fs.promises.rm(file, { force: true })
    }
    try {
      const runner = await runnerFor(row.source as ImportSourceName)
      const report = await runner(deps.env(), file, {
        dryRun: row.dryRun,
        subscribers: row.subscribers,
        signal,
        onProgress: async (r) => {
          latest = JSON.stringify(r)
          if (now() - writtenAt < 1000) return
          writtenAt = now()
          await renew()
        },
      })
      await finish({ state: 'done', report: JSON.stringify(report) })
      deps.log.info({ run: id, items: report.items }, 'import done')
    } catch (err) {
      if (err instanceof ImportStopped) {
        // Sent again by the next worker's tick at once (lease 0), from the file's start.
        await deps.runs.requeue(id, 0)
        return
      }
      if (err instanceof ImportError) {
        await finish({ state: 'failed', report: latest, code: err.code, error: err.message })
        return
      }
      deps.log.error({ err, run: id, attempt: row.attempts }, 'import run failed')
      if (row.attempts >= MAX_ATTEMPTS)
        await finish({
          state: 'failed',
          report: latest,
          code: 'IMPORT_FAILED',
          error: `Stopped after ${row.attempts} tries: ${(err as Error).message}`.slice(0, 2000),
        })
      // Tried again once the tick finds its lease run out.
      else await deps.runs.requeue(id, now() + 30_000)
    } finally {
      clearInterval(timer)
    }
  }

  return {
    handlers: { 'import.run': run },
    tick: {
      everyMs: 15_000,
      failed: 'the import tick failed',
      async run() {
        const t = now()
        for (const s of await deps.runs.stale(t)) {
          if (!(await deps.runs.resend(s.id, t, t + QUEUE_WAIT_MS))) continue
          await (await deps.jobs()).send('import.run', { run: s.id })
        }
      },
    },
  }
}
