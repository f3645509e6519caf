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

/**
 * A staff row for what content records about who did it (creator, version author). Written
 * directly: content tests need the row, not the staff domain.
 */
export async function addStaffRow(storage: Storage, name: string): Promise<number> {
  const r = await storage.db
    .insertInto('staff')
    .values({
      email: `${name.toLowerCase().replace(/[^a-z]/g, '')}@example.org`,
      name,
      role: 'editor',
      password_hash: 'not a hash',
      author_id: null,
      created_at: 0,
      disabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}
