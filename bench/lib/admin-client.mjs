// A browser-like client of the admin: keeps cookies, sends forms with their CSRF token and an
// Origin header, and reads problems from error pages.
import http from 'node:http'
import { CookieJar, request } from './network.mjs'

export class AdminClient {
  constructor(base) {
    this.base = base
    this.origin = base
    this.jar = new CookieJar()
    // Keep-alive, like a browser: the figures are the server's time, not TCP set-up.
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  }

  async get(p) {
    const cookie = this.jar.header()
    const r = await request(`${this.base}${p}`, {
      agent: this.agent,
      headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) },
    })
    this.jar.store(r.headers['set-cookie'])
    return r
  }

  /** A form post; `fields` is [name, value] pairs. */
  async post(p, fields) {
    const cookie = this.jar.header()
    const r = await request(`${this.base}${p}`, {
      method: 'POST',
      agent: this.agent,
      body: new URLSearchParams(fields).toString(),
      headers: {
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
        origin: this.origin,
        ...(cookie ? { cookie } : {}),
      },
    })
    this.jar.store(r.headers['set-cookie'])
    return r
  }

  async signIn(email, password) {
    const page = await this.get('/admin/sign-in')
    if (page.status !== 200) throw new Error(`GET /admin/sign-in answered ${page.status}`)
    const csrf = csrfOf(page.body)
    if (!csrf) throw new Error('no _csrf field on the sign-in page')
    const r = await this.post('/admin/sign-in', [
      ['_csrf', csrf],
      ['email', email],
      ['password', password],
      ['next', '/admin/articles'],
    ])
    if (r.status !== 303 || !this.jar.get('mh_session'))
      throw new Error(
        `sign-in answered ${r.status}${this.jar.get('mh_session') ? '' : ' without a session cookie'}: ${problemText(r.body)}`,
      )
  }

  close() {
    this.agent.destroy()
  }
}

export const csrfOf = (html) => /name="_csrf"\s+value="([^"]*)"/.exec(html)?.[1] ?? null

/** The messages of an error page, in one line. */
export function problemText(html) {
  const items = [...html.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/gi)]
    .map((m) => m[1].replace(/<[^>]+>/g, '').trim())
    .filter(Boolean)
  const title = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1]?.replace(/<[^>]+>/g, '')
  const text =
    items.find((t) => /:/.test(t)) ??
    /<p class="(?:problem|error|notice)[^"]*"[^>]*>([\s\S]*?)<\/p>/i.exec(html)?.[1] ??
    title ??
    html.slice(0, 200)
  return String(text).replace(/\s+/g, ' ').slice(0, 200)
}
