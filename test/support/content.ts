import {
  type ContentKey,
  type ContentRepository,
  type ContentService,
  createContentRepository,
  createContentService,
} from '../../src/content/index.js'
import { type Clock, systemClock } from '../../src/lib/clock.js'
import type { DialectName, Storage } from '../../src/storage/index.js'
import { openTestStorage } from './dialects.js'

/** The content domain alone over a fresh database: no HTTP, no page cache. */
export interface ContentFixture {
  storage: Storage
  repo: ContentRepository
  content: ContentService
  /** Every batch of content keys the service reported, oldest first. */
  changes: ContentKey[][]
  close(): Promise<void>
}

export async function openContent(
  dialect: DialectName,
  opts: { clock?: Clock; defaultLanguage?: string } = {},
): Promise<ContentFixture> {
  const storage = await openTestStorage(dialect)
  const repo = createContentRepository(storage.db, storage.dialect)
  const changes: ContentKey[][] = []
  const content = createContentService({
    repo,
    clock: opts.clock ?? systemClock,
    defaultLanguage: opts.defaultLanguage ?? 'en',
    onChange: (keys) => changes.push(keys),
  })
  return { storage, repo, content, changes, close: () => storage.close() }
}
