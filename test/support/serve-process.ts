import { type ChildProcess, spawn } from 'node:child_process'
import { until } from './smtp-sink.js'

export interface ServeProcess {
  child: ChildProcess
  /** Where it listens, e.g. `http://127.0.0.1:41234`. */
  origin: string
  /** Everything it printed so far (pino lines on stdout, anything on stderr). */
  output(): string
}

/**
 * `masthead serve` in a process of its own on a free port, as production runs it; resolves once
 * it has printed its address. The caller kills it (or pushes it to a fixture's `children`).
 */
export async function startServeProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--no-seed'],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  for (const s of [child.stdout, child.stderr]) s?.on('data', (d: Buffer) => (out += d.toString()))
  const address = () => /serving .* at http:\/\/\S+?:(\d+)\//.exec(out)?.[1]
  await until(() => !!address() || child.exitCode !== null, 'serve to print its address', timeoutMs)
  if (!address()) throw new Error(`serve exited before listening:\n${out}`)
  return { child, origin: `http://127.0.0.1:${address()}`, output: () => out }
}

/** A client with a cookie jar over real HTTP: what a browser keeps between requests. */
export interface HttpClient {
  request(
    method: 'GET' | 'POST',
    path: string,
    form?: Record<string, string>,
  ): Promise<{ status: number; body: string; location: string | null }>
}

export function httpClient(origin: string): HttpClient {
  const cookies = new Map<string, string>()
  return {
    async request(method, path, form) {
      const res = await fetch(origin + path, {
        method,
        redirect: 'manual',
        headers: {
          ...(cookies.size ? { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      })
      for (const c of res.headers.getSetCookie()) {
        const [pair, ...attrs] = c.split('; ')
        const eq = pair!.indexOf('=')
        const [k, v] = [pair!.slice(0, eq), pair!.slice(eq + 1)]
        if (attrs.some((a) => /^max-age=0$/i.test(a))) cookies.delete(k)
        else cookies.set(k, v)
      }
      return { status: res.status, body: await res.text(), location: res.headers.get('location') }
    },
  }
}
