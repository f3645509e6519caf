// The soak's editor: signs in to the admin and publishes a new story on demand, as an editor
// would through the plain form (each publish purges the home page, its section and more).
import { AdminClient, problemText } from '../lib/admin-client.mjs'
import { formFields } from '../lib/html.mjs'
import { PASSWORD, STAFF } from '../admin/seed.mjs'

export class Publisher {
  constructor(base) {
    this.client = new AdminClient(base)
    this.log = []
    this.done = 0
    this.failed = 0
    this.inFlight = null
  }

  async start() {
    await this.client.signIn(STAFF.email, PASSWORD)
  }

  /** Publishes one story; a publish still running when the next is due is not doubled. */
  publishOne() {
    if (this.inFlight) return this.inFlight
    this.inFlight = this.#publish().finally(() => (this.inFlight = null))
    return this.inFlight
  }

  async #publish() {
    const n = this.log.length + 1
    const started = Date.now()
    try {
      const form = await this.client.get('/admin/articles/new')
      const fields = formFields(form.body, '/admin/articles')
      if (!fields) throw new Error(`no article form (GET answered ${form.status})`)
      const values = new Map(fields)
      const stamp = new Date().toISOString()
      values.set('headline', `Soak story ${n}, published at ${stamp}`)
      values.set('standfirst', `A story the soak published while readers kept reading (${n}).`)
      values.set(
        'body',
        `<p>The soak publishes a story every half minute to show that purges and renders under a steady load leave no errors and no growing memory behind.</p><p>Story ${n}.</p>`,
      )
      values.set('status', 'published')
      const r = await this.client.post('/admin/articles', [...values])
      const ok = r.status === 303
      this.log.push({
        n,
        at: stamp,
        ms: Date.now() - started,
        status: r.status,
        ...(ok ? {} : { problem: problemText(r.body) }),
      })
      if (ok) this.done++
      else this.failed++
    } catch (e) {
      this.failed++
      this.log.push({
        n,
        at: new Date().toISOString(),
        ms: Date.now() - started,
        error: String(e.message ?? e),
      })
    }
  }

  async settle() {
    await this.inFlight
  }

  close() {
    this.client.close()
  }
}
