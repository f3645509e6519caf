import assert from 'node:assert/strict'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Role } from '../../src/staff/policy.js'

interface StaffInput {
  email: string
  name: string
  role: Role
  password: string
}

/** A cookie jar and the requests an admin's browser makes, through `inject()`. */
export interface AdminBrowser {
  cookies: Map<string, string>
  /** The Cookie header this browser would send. */
  header(): string
  request(
    method: 'GET' | 'POST',
    url: string,
    form?: Record<string, string | string[]>,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>
  /** The CSRF token of the form on `url`. */
  csrf(url?: string): Promise<string>
  signIn(email: string, password: string): Promise<void>
}

export function adminBrowser(http: FastifyInstance, host = 'example.org'): AdminBrowser {
  const cookies = new Map<string, string>()
  const self: AdminBrowser = {
    cookies,
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    async request(method, url, form, headers = {}) {
      const body = form
        ? new URLSearchParams(
            Object.entries(form).flatMap(([k, v]) =>
              [v].flat().map((x) => [k, x] as [string, string]),
            ),
          ).toString()
        : undefined
      const res = await http.inject({
        method,
        url,
        headers: {
          host,
          cookie: self.header(),
          ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { payload: body } : {}),
      })
      for (const c of [res.headers['set-cookie'] ?? []].flat()) {
        const [pair, ...attrs] = c.split('; ')
        const [k, v] = pair!.split('=') as [string, string]
        if (attrs.some((a) => a === 'Max-Age=0')) cookies.delete(k)
        else cookies.set(k, v)
      }
      return res
    },
    async csrf(url = '/admin/sign-in') {
      const res = await self.request('GET', url)
      const m = /name="_csrf" value="([^"]+)"/.exec(res.body)
      assert.ok(m, `no CSRF token on ${url} (${res.statusCode})`)
      return m[1]!
    },
    async signIn(email, password) {
      const res = await self.request('POST', '/admin/sign-in', {
        _csrf: await self.csrf(),
        email,
        password,
        next: '/admin/articles',
      })
      assert.equal(res.statusCode, 303, `sign-in: ${res.body.slice(0, 300)}`)
    },
  }
  return self
}

/** A staff member added to `app`, and their browser already signed in. */
export async function signedInStaff(
  app: { http: FastifyInstance; staff: { addStaff(input: StaffInput): Promise<unknown> } },
  who: StaffInput,
): Promise<AdminBrowser> {
  await app.staff.addStaff(who)
  const br = adminBrowser(app.http)
  await br.signIn(who.email, who.password)
  return br
}
