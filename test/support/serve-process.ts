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

/** What signing in and saving needs of a client: a request with its cookies kept. */
export interface FormClient {
  request(
    method: 'GET' | 'POST',
    path: string,
    form?: Record<string, string>,
  ): Promise<{ status: number; body: string }>
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!

/**
 * Signs in through the admin's form, then saves a published story through the story form, as
 * an editor would; throws unless both answer 303 (the save's page is in the message).
 */
export async function signInAndSaveStory(
  client: FormClient,
  who: { email: string; password: string },
  story: {
    id: number
    sectionId: number
    slug: string
    headline: string
    body: string
    publishedAt: Date
  },
): Promise<void> {
  const signInForm = await client.request('GET', '/admin/sign-in')
  const signedIn = await client.request('POST', '/admin/sign-in', {
    _csrf: csrfOf(signInForm.body),
    email: who.email,
    password: who.password,
    next: '/admin/articles',
  })
  if (signedIn.status !== 303)
    throw new Error(`sign-in: ${signedIn.status} ${signedIn.body.slice(0, 300)}`)
  const form = (await client.request('GET', `/admin/articles/${story.id}`)).body
  const saved = await client.request('POST', `/admin/articles/${story.id}`, {
    _csrf: csrfOf(form),
    version: /name="version" value="([^"]*)"/.exec(form)![1]!,
    sectionId: String(story.sectionId),
    slug: story.slug,
    headline: story.headline,
    body: story.body,
    status: 'published',
    publishedAt: story.publishedAt.toISOString().slice(0, 16),
  })
  if (saved.status !== 303) throw new Error(`save: ${saved.status} ${saved.body.slice(0, 300)}`)
}
