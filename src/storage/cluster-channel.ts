import cluster from 'node:cluster'

/**
 * NOTIFY/LISTEN for SQLite between the web processes of one `serve` (WEB_PROCESSES, ADR 034).
 * PostgreSQL carries purges between instances itself; SQLite has no such channel, so several
 * processes on one file would each keep pages another had changed. The processes of one
 * `serve` are node:cluster workers of one primary, which passes each notice to the others
 * (cli/web-processes.ts). Outside a cluster, a notice reaches nobody, as before.
 */

/** One notice between web processes, as it travels over the cluster's IPC channel. */
export interface ClusterNotice {
  type: 'masthead:notify'
  channel: string
  payload: string
}

export function isClusterNotice(m: unknown): m is ClusterNotice {
  if (typeof m !== 'object' || m === null) return false
  const n = m as Partial<ClusterNotice>
  return (
    n.type === 'masthead:notify' && typeof n.channel === 'string' && typeof n.payload === 'string'
  )
}

/** Sends a notice to the other web processes (nothing outside a cluster). */
export function clusterNotify(channel: string, payload: string): Promise<void> {
  if (!cluster.isWorker || !process.send || !process.connected) return Promise.resolve()
  const notice: ClusterNotice = { type: 'masthead:notify', channel, payload }
  return new Promise((resolve, reject) => {
    process.send!(notice, undefined, undefined, (err) => (err ? reject(err) : resolve()))
  })
}

/** Hears the other web processes' notices on `channel`; returns the function that stops it. */
export function clusterListen(channel: string, onMessage: (payload: string) => void): () => void {
  if (!cluster.isWorker) return () => {}
  const listener = (m: unknown) => {
    if (isClusterNotice(m) && m.channel === channel) onMessage(m.payload)
  }
  process.on('message', listener)
  return () => void process.off('message', listener)
}
