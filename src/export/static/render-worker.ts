import { parentPort } from 'node:worker_threads'
import type { Config } from '../../config.js'
import type { RenderWorkerData } from './render-pool.js'

/**
 * A render worker's life: the app over a connection of its own, then one page per message,
 * answered with its status, type and bytes, until the pool terminates it.
 */
export async function runRenderWorker(data: RenderWorkerData): Promise<void> {
  const port = parentPort
  if (!port) throw new Error('a render worker runs in a worker thread')
  try {
    const config = data.config as Config
    const { connect } = await import('../../storage/index.js')
    const { buildApp } = await import('../../app.js')
    const storage = await connect(config.DATABASE_URL, {
      applicationName: 'masthead export',
      poolSize: 2,
    })
    const app = await buildApp({ config, storage, logger: false })
    await app.http.ready()
    port.on('message', (m: { id: number; path: string }) => {
      app.http
        .inject({ method: 'GET', url: m.path, headers: { host: data.host } })
        .then((res) => {
          const body = new Uint8Array(res.rawPayload)
          port.postMessage(
            {
              id: m.id,
              statusCode: res.statusCode,
              contentType: String(res.headers['content-type'] ?? ''),
              body,
            },
            [body.buffer],
          )
        })
        .catch((err: Error) => port.postMessage({ id: m.id, error: err.message }))
    })
    port.postMessage({ ready: true })
  } catch (err) {
    port.postMessage({ error: (err as Error).message })
  }
}
