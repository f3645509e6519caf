/**
 * What every import command is made of (ADR 025, 028): the app's services and its database,
 * and the one way a whole run goes: the source is opened and checked first (a refusal writes
 * nothing), then its items are written, then its subscribers (only when asked for).
 */
import type { Kysely } from 'kysely'
import { type MediaStore, processUpload } from '../files/index.js'
import type { Newsletter, SubscriberService } from '../newsletter/index.js'
import type { Database } from '../storage/index.js'
import { createImportKeyRepository } from './import-keys.js'
import {
  type ImportDeps,
  type ImportOptions,
  type ImportSource,
  runImport,
} from './import-service.js'
import type { FetchMedia } from './media.js'
import type { ImportReport } from './report.js'
import { chooseNewsletter, importSubscribers } from './subscribers.js'

export interface ImportEnv extends Pick<ImportDeps, 'content' | 'repo' | 'redirects' | 'clock'> {
  db: Kysely<Database>
  /** Storage's write batches (ADR 029): items share commits. Without it, each write commits. */
  openBatch?: (() => Promise<() => Promise<void>>) | undefined
  /** Told once when a run that may have written ends (ADR 029): every cached page goes. */
  done?: (() => void) | undefined
  media: MediaStore
  subscribers: Pick<SubscriberService, 'importSubscriptions'>
  newsletters: { listNewsletters(): Promise<Newsletter[]> }
}

export interface RunOptions extends ImportOptions {
  mediaFrom?: string | undefined
  /** Take the source's subscribers too (`--subscribers`). */
  subscribers?: boolean | undefined
  /** The newsletter they subscribe to, by slug; without it, the only one there is. */
  newsletter?: string | undefined
}

export function importDeps(env: ImportEnv, fetchMedia: FetchMedia | undefined): ImportDeps {
  return {
    content: env.content,
    repo: env.repo,
    redirects: env.redirects,
    clock: env.clock,
    keys: createImportKeyRepository(env.db),
    fetchMedia,
    storeImage: (bytes) => processUpload(env.media, bytes),
    openBatch: env.openBatch,
  }
}

/** A source opened and checked: its items, and its subscribers read whole. */
export async function runSource(
  env: ImportEnv,
  source: ImportSource,
  fetchMedia: FetchMedia | undefined,
  opts: RunOptions,
): Promise<ImportReport> {
  // The newsletter is settled before anything is written: a refusal leaves nothing half done.
  const target = opts.subscribers
    ? chooseNewsletter(await env.newsletters.listNewsletters(), opts.newsletter)
    : null
  let report: ImportReport
  try {
    report = await runImport(importDeps(env, fetchMedia), source, opts)
  } finally {
    if (!opts.dryRun) env.done?.()
  }
  if (opts.subscribers) {
    const list = source.subscribers ?? []
    report.subscribers = await importSubscribers(
      { service: env.subscribers, clock: env.clock },
      list,
      target,
      source.name,
      opts.dryRun ?? false,
    )
  }
  return report
}
