import type { JobHandler, WorkerDuties } from '../jobs/index.js'

export interface EditionWorkDeps {
  /** Sends one edition to its recipients, resuming where a stopped send left off. */
  sender: { send(editionId: number, signal?: AbortSignal): Promise<string> }
  /** Makes the editions whose schedule has come and queues sends that stopped. */
  editions: { tick(): Promise<unknown> }
  /** How long a sender holds an edition without renewing it. */
  leaseMs: number
  log: { info(o: object, m: string): void }
}

/** The longest wait between schedule ticks. */
const TICK_AT_MOST_EVERY_MS = 60_000

/**
 * `edition.send` `{ edition: 7 }`: the job holds only the id; where the send stands is in the
 * database, so a repeated job resumes the send rather than starting it again (ADR 008).
 */
export function sendEditionJob(deps: Pick<EditionWorkDeps, 'sender' | 'log'>): JobHandler {
  // Stopped midway (the worker is shutting down), the job ends as done all the same: the send
  // let go of its lease, so the next worker's schedule tick finds it stalled and queues it.
  return async (data, signal) => {
    const id = Number(data['edition'])
    if (!Number.isSafeInteger(id)) return
    const outcome = await deps.sender.send(id, signal)
    if (outcome !== 'finished') deps.log.info({ edition: id, outcome }, 'edition send job ended')
  }
}

/** What the newsletter domain asks of every worker: the send job and the schedule tick. */
export function editionWork(deps: EditionWorkDeps): WorkerDuties {
  return {
    handlers: { 'edition.send': sendEditionJob(deps) },
    tick: {
      run: async () => {
        await deps.editions.tick()
      },
      // As often as a lease runs out, so a send whose worker died resumes promptly.
      everyMs: Math.min(TICK_AT_MOST_EVERY_MS, deps.leaseMs),
      failed: 'newsletter schedule tick failed; trying again in a minute',
    },
  }
}
