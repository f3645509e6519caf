import type { Config } from '../config.js'
import { type ContentRepository, createContentService } from '../content/index.js'
import type { LazyJobQueue, WorkerDuties } from '../jobs/index.js'
import type { ImportEnv } from '../imports/import-env.js'
import { createImportRunRepository } from '../imports/import-run-repository.js'
import { type ImportWorkDeps, importWork } from '../imports/import-run.job.js'
import { type ImportRuns, createImportRuns } from '../imports/import-runs.js'
import type { Clock } from '../lib/clock.js'
import type { Storage } from '../storage/index.js'

export type { ImportEnv, ImportRuns }

/** The app's parts an import writes through (made after importRunsFor is called). */
export interface ImportParts extends Omit<ImportEnv, 'db' | 'openBatch' | 'clock' | 'content'> {
  repo: ContentRepository
  /** Every instance drops its cached pages (and the content service its remembered rows). */
  purges: { purge(keys: readonly string[]): void }
  /** A scheduled story imported may be due: the scheduler looks again. */
  scheduler: { soon(): void }
}

/**
 * Imports (ADR 029): what a run writes through, the runs started in the admin, and the
 * worker's duty that runs them. A run gets a content service of its own that tells nobody of
 * each save: a 200,000-story archive would be 200,000 purges (and NOTIFYs on PostgreSQL). The
 * run purges everything once when it ends instead.
 */
export function importRunsFor(
  storage: Storage,
  d: {
    config: Pick<Config, 'MEDIA_DIR' | 'IMPORT_UPLOAD_MAX_MB' | 'SITE_LANGUAGE' | 'TIME_ZONE'>
    clock: Clock
    queue: LazyJobQueue
    log: ImportWorkDeps['log']
  },
  parts: () => ImportParts,
): { runs: ImportRuns; duty: WorkerDuties; env: () => ImportEnv } {
  const env = (): ImportEnv => {
    const { purges, scheduler, ...p } = parts()
    const content = createContentService({
      repo: p.repo,
      clock: d.clock,
      defaultLanguage: d.config.SITE_LANGUAGE,
      timeZone: d.config.TIME_ZONE,
    })
    return {
      ...p,
      content,
      clock: d.clock,
      db: storage.db,
      openBatch: storage.openBatch,
      // Once at the end: every cached page goes, and a scheduled story imported may be due.
      done: () => {
        purges.purge(['all'])
        scheduler.soon()
      },
    }
  }
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
    env,
    jobs: d.queue.get,
    clock: d.clock,
    log: d.log,
  })
  return { runs, duty, env }
}
