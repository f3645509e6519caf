import type { SosState } from '../../reach/index.js'
import { type AdminContext, AdminLayout } from './shell.js'

const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '')

/** SOS mode's panel on the Addresses page: the state, and the way to flip it (confirmed next). */
export function SosPanel(props: { state: SosState }) {
  const { on, changedAt } = props.state
  return (
    <section class="sos-panel" aria-labelledby="sos-title">
      <h2 id="sos-title">SOS mode: {on ? 'on' : 'off'}</h2>
      <p>
        {on
          ? `Since ${when(changedAt)}, every reader page is light: no pictures unless a reader asks, the addresses at the top.`
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
