import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/** One page as the app answered it. */
export interface Rendered {
  statusCode: number
  contentType: string
  body: Buffer
}

/** Renders site paths; in this thread (`inject`) or spread over worker threads. */
export type Render = (sitePath: string) => Promise<Rendered>

/** What a render worker is started with: `masthead`'s entry file runs it instead of main(). */
export interface RenderWorkerData {
  mastheadRenderWorker: true
  /** The config, as the main thread built the app with it. */
  config: unknown
  host: string
}

/**
 * A thread running `entry`. From the TypeScript sources (`npm run masthead`, tests) the thread
 * registers tsx itself: on Node 20 a worker does not inherit the loader that `--import tsx` set.
 */
function startWorker(entry: string, data: RenderWorkerData): Worker {
  if (!entry.endsWith('.ts')) return new Worker(entry, { workerData: data })
  const tsx = import.meta.resolve('tsx/esm/api')
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}) })`
  return new Worker(code, { eval: true, workerData: data })
}

interface Reply {
  id: number
  statusCode?: number
  contentType?: string
  body?: Uint8Array
  error?: string
}

/**
 * `size` worker threads, each with an app of its own over its own connection, taking pages in
 * turn: rendering is most of an export's time and one thread renders on one core. `entry` is the
 * file the process was started from (its main sees the worker data and runs the render worker).
 */
export async function createRenderPool(
  size: number,
  entry: string,
  data: RenderWorkerData,
): Promise<{ render: Render; close(): Promise<void> }> {
  const waiting = new Map<number, { resolve(r: Rendered): void; reject(e: Error): void }>()
  const load = new Map<Worker, number>()
  let nextId = 0
  const workers = await Promise.all(
    Array.from(
      { length: size },
      () =>
        new Promise<Worker>((resolve, reject) => {
          const w = startWorker(entry, data)
          w.once('message', (m: { ready?: boolean; error?: string }) =>
            m.ready ? resolve(w) : reject(new Error(m.error ?? 'render worker failed')),
          )
          w.once('error', reject)
        }),
    ),
  )
  for (const w of workers) {
    load.set(w, 0)
    w.on('message', (m: Reply) => {
      const job = waiting.get(m.id)
      if (!job) return
      waiting.delete(m.id)
      load.set(w, (load.get(w) ?? 1) - 1)
      if (m.error !== undefined) job.reject(new Error(m.error))
      else
        job.resolve({
          statusCode: m.statusCode ?? 500,
          contentType: m.contentType ?? '',
          body: Buffer.from(m.body ?? new Uint8Array()),
        })
    })
    w.on('error', (err) => {
      for (const job of waiting.values()) job.reject(err)
      waiting.clear()
    })
  }
  return {
    render(sitePath) {
      // The least busy worker takes the page.
      const w = workers.reduce((a, b) => ((load.get(b) ?? 0) < (load.get(a) ?? 0) ? b : a))
      load.set(w, (load.get(w) ?? 0) + 1)
      const id = nextId++
      return new Promise<Rendered>((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        w.postMessage({ id, path: sitePath })
      })
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
