// Tables of the service's own chores (limits, heartbeats), apart from schema.ts to keep it short.

/** The last sign of life of each running worker (jobs/heartbeat.ts). */
export interface WorkerHeartbeatTable {
  /** Host name, process id and a random part: unique per worker role, readable in a query. */
  worker_id: string
  /** When this worker started (epoch milliseconds). */
  started_at: number
  /** Its latest beat (epoch milliseconds). */
  beat_at: number
}

/** Shared request counts (http/rate-limit.ts). */
export interface RateLimitTable {
  /** The limit's name and a keyed hash of the address: never the address itself. */
  key: string
  /** Requests counted in the current window. */
  hits: number
  /** When the window ends (epoch milliseconds); the row may be deleted after. */
  resets_at: number
}
