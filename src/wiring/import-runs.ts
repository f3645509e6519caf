import type { Config } from '../config.js'
import type { LazyJobQueue, WorkerDuties } from '../jobs/index.js'
import type { ImportEnv } from '../imports/import-env.js'
import { createImportRunRepository } from '../imports/import-run-repository.js'
import { type ImportWorkDeps, importWork } from '../imports/import-run.job.js'
import { type ImportRuns, createImportRuns } from '../imports/import-runs.js'
import type { Clock } from '../lib/clock.js'
import type { Storage } from '../storage/index.js'

export type { ImportRuns }

/** Imports started in the admin (ADR 029): the runs, and the worker's duty that runs them. */
export function importRunsFor(
  storage: Storage,
  d: {
    config: Pick<Config, 'MEDIA_DIR' | 'IMPORT_UPLOAD_MAX_MB'>
    clock: Clock
    queue: LazyJobQueue
    log: ImportWorkDeps['log']
  },
  /** The app's services an import writes through (made after this is called). */
  env: () => Omit<ImportEnv, 'db' | 'openBatch' | 'clock'>,
): { runs: ImportRuns; duty: WorkerDuties } {
  const repo = createImportRunRepository(storage.db)
  const runs = createImportRuns({
    repo,
    jobs: d.queue,
    clock: d.clock,
    mediaDir: d.config.MEDIA_DIR,
    maxBytes: d.config.IMPORT_UPLOAD_MAX_MB * 1024 * 1024,
  })
  const duty = importWork({
    runs: repo,
    fileOf: runs.fileOf,
    env: () => ({ ...env(), clock: d.clock, db: storage.db, openBatch: storage.openBatch }),
    jobs: d.queue.get,
    clock: d.clock,
    log: d.log,
  })
  return { runs, duty }
}
