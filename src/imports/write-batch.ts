/**
 * Items written in batches (ADR 029): one commit per BATCH_ITEMS items (or BATCH_MS, as other
 * writers wait for it on SQLite) instead of several per item. What a batch wrote is committed
 * even when the run stops: a second run continues from it.
 */
const BATCH_ITEMS = 500
const BATCH_MS = 1000

export interface WriteBatches {
  /** Before an item: opens a batch when none is open. */
  before(): Promise<void>
  /** After an item: commits the batch when it is full or old. */
  after(): Promise<void>
  /** Commits what is open. */
  close(): Promise<void>
}

export function writeBatches(open: (() => Promise<() => Promise<void>>) | undefined): WriteBatches {
  let commit: (() => Promise<void>) | null = null
  let openedAt = 0
  let items = 0
  const close = async () => {
    const c = commit
    commit = null
    await c?.()
  }
  return {
    async before() {
      if (!open || commit) return
      commit = await open()
      openedAt = Date.now()
      items = 0
    },
    async after() {
      if (commit && (++items >= BATCH_ITEMS || Date.now() - openedAt > BATCH_MS)) await close()
    },
    close,
  }
}
