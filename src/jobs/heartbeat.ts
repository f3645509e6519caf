import crypto from 'node:crypto'
import os from 'node:os'
import type { Clock } from '../lib/clock.js'
import type { Kysely } from 'kysely'
import type { Database } from '../storage/index.js'
import { createHeartbeatRepository, type HeartbeatRepository } from './heartbeat-repository.js'
import type { WorkerDuties } from './worker.js'

/** How often a worker writes its beat. */
export const HEARTBEAT_EVERY_MS = 10_000

/**
 * Rows of workers that died without deleting theirs are kept this long, so /healthz says
 * `stale` (a worker was here and went silent) rather than `missing` for a day after a crash.
 */
export const HEARTBEAT_KEEP_MS = 24 * 3600_000

/** What /healthz says about the workers. */
export type WorkerState = 'ok' | 'stale' | 'missing'

export interface WorkerHealth {
  /** Seconds since the latest beat of any worker; null when no worker has one. */
  lastBeatAgeSeconds: number | null
  state: WorkerState
}

/**
 * The rule: a beat within `staleAfterMs` is a live worker; an older one a worker gone silent;
 * none at all, no worker. A beat "from the future" (clocks of two machines a little apart)
 * counts as now.
 */
export function workerHealth(latest: Date | null, now: Date, staleAfterMs: number): WorkerHealth {
  if (!latest) return { lastBeatAgeSeconds: null, state: 'missing' }
  const ageMs = Math.max(0, now.getTime() - latest.getTime())
  return {
    lastBeatAgeSeconds: Math.round(ageMs / 1000),
    state: ageMs <= staleAfterMs ? 'ok' : 'stale',
  }
}

/** A name for this worker that says where it runs and stays unique within one process. */
export function workerIdHere(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`
}

export interface HeartbeatDeps {
  repo: HeartbeatRepository
  clock: Clock
  /** This worker's row (default: host name, process id and a random part). */
  workerId?: string
  everyMs?: number
}

/**
 * What every worker does to be seen alive: a beat now and every ten seconds (deleting rows of
 * workers long dead on the way). `forget` deletes its row: call it once the jobs in flight are
 * done (after the queue has drained), not when the ticks stop, or /healthz would call a worker
 * still finishing a send missing.
 */
export function heartbeatWork(deps: HeartbeatDeps): WorkerDuties & { forget(): Promise<void> } {
  const id = deps.workerId ?? workerIdHere()
  return {
    handlers: {},
    tick: {
      run: async () => {
        const now = deps.clock.now()
        await deps.repo.beat(id, now)
        await deps.repo.sweep(new Date(now.getTime() - HEARTBEAT_KEEP_MS))
      },
      everyMs: deps.everyMs ?? HEARTBEAT_EVERY_MS,
      failed: 'could not write the worker heartbeat; trying again',
    },
    forget: () => deps.repo.forget(id),
  }
}

/** What /healthz asks: the workers' state as the table says it now. */
export function workerHealthCheck(
  repo: Pick<HeartbeatRepository, 'latestBeat'>,
  clock: Clock,
  staleAfterMs: number,
): () => Promise<WorkerHealth> {
  return async () => workerHealth(await repo.latestBeat(), clock.now(), staleAfterMs)
}

/** The heartbeat as the composition root wires it: the worker's duty and /healthz's reading. */
export function createWorkerHeartbeat(
  db: Kysely<Database>,
  clock: Clock,
  staleAfterMs: number,
): { duty: WorkerDuties; forget(): Promise<void>; health: () => Promise<WorkerHealth> } {
  const repo = createHeartbeatRepository(db)
  const duty = heartbeatWork({ repo, clock })
  return { duty, forget: duty.forget, health: workerHealthCheck(repo, clock, staleAfterMs) }
}
