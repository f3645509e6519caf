/**
 * An admin client for inject() tests: a cookie jar per person, forms and multipart uploads,
 * signing in, and the CSRF token read off a page.
 */
import assert from 'node:assert/strict'
import type { App } from '../../src/app.js'
import { multipartBody } from './multipart.js'

export interface Upload {
  name?: string
  filename: string
  /** The file's media type (application/octet-stream when not given). */
  type?: string
  bytes: Buffer
  fields: Record<string, string>
}

export function adminClient(app: () => Pick<App, 'http' | 'staff'>, password: string) {
  const jars = new Map<string, Map<string, string>>()
  async function req(
    who: string,
    method: 'GET' | 'POST',
    url: string,
    body?: { form?: Record<string, string>; upload?: Upload },
  ) {
    const jar = jars.get(who) ?? new Map<string, string>()
    jars.set(who, jar)
    const headers: Record<string, string> = {
      host: 'example.org',
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    }
    let payload: string | Buffer | undefined
    if (body?.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      payload = new URLSearchParams(body.form).toString()
    } else if (body?.upload) {
      const u = body.upload
      const m = multipartBody(u.fields, {
        field: u.name ?? 'file',
        name: u.filename,
        type: u.type ?? 'application/octet-stream',
        data: u.bytes,
      })
      headers['content-type'] = m.type
      payload = m.body
    }
    const res = await app().http.inject({ method, url, headers, ...(payload ? { payload } : {}) })
    for (const c of [res.headers['set-cookie'] ?? []].flat()) {
      const [pair, ...attrs] = c.split('; ')
      const [k, v] = pair!.split('=') as [string, string]
      if (attrs.includes('Max-Age=0')) jar.delete(k)
      else jar.set(k, v)
    }
    return res
  }
  async function csrf(who: string, url: string) {
    const m = /name="_csrf" value="([^"]+)"/.exec((await req(who, 'GET', url)).body)
    assert.ok(m, `no token on ${url}`)
    return m[1]!
  }
  return {
    req,
    csrf,
    async signIn(who: string, role: 'owner' | 'admin' | 'editor' | 'author') {
      await app().staff.addStaff({ email: `${who}@example.org`, name: who, role, password })
      const res = await req(who, 'POST', '/admin/sign-in', {
        form: {
          _csrf: await csrf(who, '/admin/sign-in'),
          email: `${who}@example.org`,
          password,
          next: '/admin/articles',
        },
      })
      assert.equal(res.statusCode, 303)
    },
  }
}
