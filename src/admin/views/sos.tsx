import { staffTime } from '../../lib/time-zone.js'
import { MAX_EMERGENCY_MESSAGE } from '../../newsletter/index.js'
import type { SosState } from '../../reach/index.js'
import { counted, formatCount } from './format.js'
import { type AdminContext, AdminLayout } from './shell.js'

const when = (d: Date | null, tz: string) => (d ? staffTime(d, tz) : '')

/** SOS mode's panel on the Addresses page: the state, and the way to flip it (confirmed next). */
export function SosPanel(props: { state: SosState; timeZone: string }) {
  const { on, changedAt } = props.state
  return (
    <section class="sos-panel" aria-labelledby="sos-title">
      <h2 id="sos-title">SOS mode: {on ? 'on' : 'off'}</h2>
      <p>
        {on
          ? `Since ${when(changedAt, props.timeZone)}, every reader page is light: no pictures unless a reader asks, the addresses at the top.`
          : 'For when the site is blocked or under attack: every reader page becomes light (text first, the addresses at the top) and an emergency edition can go to every subscriber.'}
      </p>
      {/* A link, not a form: the next page says what will happen and asks to confirm. */}
      <p>
        <a class="button" href={`/admin/reach/sos?to=${on ? 'off' : 'on'}`}>
          {on ? 'Leave SOS mode…' : 'Turn SOS mode on…'}
        </a>
      </p>
    </section>
  )
}

/** The second step: what flipping the switch does, and the button that does it. */
export function SosConfirm(props: { ctx: AdminContext; to: boolean; state: SosState }) {
  const { to } = props
  const title = to ? 'Turn SOS mode on?' : 'Leave SOS mode?'
  return (
    <AdminLayout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      {to ? (
        <ul>
          <li>
            Every reader page becomes text-first: no pictures (a “Show pictures” link brings them
            back for one story), a small stylesheet inside the page, one request in all.
          </li>
          <li>A line at the top of every page names the newsroom’s other addresses.</li>
          <li>The support banner and appeal are not shown.</li>
          <li>Every cached page is thrown away on every server, once.</li>
          <li>Owners and admins can send an emergency edition to every subscriber.</li>
        </ul>
      ) : (
        <ul>
          <li>Reader pages show pictures, the full stylesheet and the appeal again.</li>
          <li>Every cached page is thrown away on every server, once.</li>
          <li>No emergency edition can be sent until SOS mode is on again.</li>
        </ul>
      )}
      <form method="post" action="/admin/reach/sos">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <input type="hidden" name="to" value={to ? 'on' : 'off'} />
        <p>
          <button type="submit">{to ? 'Turn SOS mode on' : 'Leave SOS mode'}</button>{' '}
          <a href="/admin/reach">Cancel</a>
        </p>
      </form>
    </AdminLayout>
  )
}

/** What the panel shows of emergency editions: who would get one, and the latest ones. */
export interface EmergencyPanelModel {
  readers: number
  recent: readonly {
    id: number
    status: string
    createdAt: Date
    sent: number
    recipients: number
  }[]
}

/** While SOS mode is on: the emergency edition's form (reviewed on the next page) and its sends. */
export function EmergencyPanel(props: {
  ctx: AdminContext
  model: EmergencyPanelModel
  message?: string
}) {
  const { readers, recent } = props.model
  return (
    <section class="sos-panel" aria-labelledby="emergency-title">
      <h2 id="emergency-title">Emergency edition</h2>
      <p>
        A short message to every newsletter reader ({counted(readers, 'address', 'addresses')}, each
        once even if on several newsletters), with the addresses and a link to the offline edition.
        You see it once more before it goes.
      </p>
      <form method="post" action="/admin/reach/emergency/review">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <p>
          <label for="emergency-message">Message</label>
          <textarea
            id="emergency-message"
            name="message"
            class="short"
            required
            maxLength={MAX_EMERGENCY_MESSAGE}
          >
            {props.message ?? ''}
          </textarea>
        </p>
        <p>
          <button type="submit">Review before sending…</button>
        </p>
      </form>
      {recent.length > 0 && (
        <ul>
          {recent.map((e) => (
            <li>
              {when(e.createdAt, props.ctx.timeZone)}: {e.status}, {formatCount(e.sent)} of{' '}
              {formatCount(e.recipients)} sent
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The emergency edition's second step: the message as readers get it, and how many. */
export function EmergencyReview(props: { ctx: AdminContext; message: string; readers: number }) {
  const title = `Send to ${counted(props.readers, 'reader', 'readers')}?`
  return (
    <AdminLayout ctx={props.ctx} title={title}>
      <h1>{title}</h1>
      <p>
        Every address confirmed on any newsletter and not suppressed gets this once, with the
        newsroom's addresses, the link to the offline edition and their own unsubscribe link:
      </p>
      <blockquote class="emergency-message">
        {props.message.split(/\n\s*\n/).map((p) => (
          <p>{p}</p>
        ))}
      </blockquote>
      <form method="post" action="/admin/reach/emergency">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <input type="hidden" name="message" value={props.message} />
        <p>
          <button type="submit">Send to {counted(props.readers, 'reader', 'readers')}</button>{' '}
          <a href="/admin/reach">Cancel</a>
        </p>
      </form>
    </AdminLayout>
  )
}
