import type { DeliveryCounts, Edition, Newsletter } from '../../newsletter/index.js'
import { staffTime } from '../../lib/time-zone.js'
import { formatCount } from './format.js'
import { type AdminContext, AdminLayout, Problems, Scroll } from './shell.js'

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

export const STATUS_WORDS: Record<Edition['status'], string> = {
  draft: 'Draft',
  approved: 'Approved, waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  cancelled: 'Cancelled',
}

export const when = (d: Date | null, tz: string) => (d ? staffTime(d, tz) : '—')

export interface EditionRow extends Edition {
  counts: DeliveryCounts
}

/** One newsletter: its sending settings and schedule, and its editions with their outcomes. */
export function NewsletterPage(props: {
  ctx: AdminContext
  newsletter: Newsletter
  editions: EditionRow[]
  mailFrom: string
  problems?: string[]
  notice?: string | undefined
  /** Why editions cannot go out now (no https PUBLIC_URL in production). */
  blocked?: string | null
  values?: Record<string, string>
}) {
  const n = props.newsletter
  const v = props.values ?? {
    senderName: n.senderName,
    senderAddress: n.senderAddress,
    scheduleMode: n.scheduleMode,
    scheduleDay: n.scheduleDay === null ? '' : String(n.scheduleDay),
    scheduleTime: n.scheduleTime,
    scheduleTz: n.scheduleTz,
  }
  return (
    <AdminLayout ctx={props.ctx} title={n.name}>
      <p class="small">
        <a href="/admin/newsletters">Newsletters</a> ›
      </p>
      <h1>{n.name}</h1>
      {props.blocked && (
        <div class="errors" role="alert">
          <p>{props.blocked}</p>
        </div>
      )}
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <h2>Editions</h2>
      <form method="post" action={`/admin/newsletters/${n.id}/editions`} class="inline">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <button type="submit" name="start" value="suggested">
          New edition from this week’s stories
        </button>{' '}
        <button class="secondary" type="submit" name="start" value="empty">
          New empty edition
        </button>
      </form>
      {props.editions.length === 0 ? (
        <p>No editions yet.</p>
      ) : (
        <Scroll label="Editions">
          <table>
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
                <th scope="col">Sent</th>
                <th scope="col">Recipients</th>
                <th scope="col">Delivered</th>
                <th scope="col">Failed</th>
                <th scope="col">Skipped</th>
                <th scope="col">Suppressed</th>
              </tr>
            </thead>
            <tbody>
              {props.editions.map((e) => (
                <tr>
                  <td>
                    <a href={`/admin/editions/${e.id}`}>{e.subject}</a>
                  </td>
                  <td>{STATUS_WORDS[e.status]}</td>
                  <td>{when(e.startedAt ?? e.sendAt, props.ctx.timeZone)}</td>
                  <td>{formatCount(e.recipients)}</td>
                  <td>{formatCount(e.counts.sent)}</td>
                  <td>{formatCount(e.counts.failed)}</td>
                  <td>{formatCount(e.counts.skipped)}</td>
                  <td>{formatCount(e.counts.suppressed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      <h2>Sender and schedule</h2>
      <Problems problems={props.problems ?? []} />
      <form method="post" action={`/admin/newsletters/${n.id}/settings`}>
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <label for="nl-sender-name">
          From name <span class="hint">(empty: the publication’s name)</span>
        </label>
        <input
          id="nl-sender-name"
          name="senderName"
          type="text"
          maxLength={120}
          value={v['senderName']}
        />
        <label for="nl-sender-address">
          From address{' '}
          <span class="hint">(empty: {props.mailFrom}; your mail provider must allow it)</span>
        </label>
        <input
          id="nl-sender-address"
          name="senderAddress"
          type="email"
          maxLength={254}
          value={v['senderAddress']}
        />
        <fieldset>
          <legend>When the schedule comes round</legend>
          {(
            [
              ['off', 'Do nothing: editors start each edition by hand'],
              ['draft', 'Prepare a draft from the week’s stories for an editor to approve'],
              ['send', 'Prepare it and send it at once'],
            ] as const
          ).map(([value, label]) => (
            <label class="choice">
              <input
                type="radio"
                name="scheduleMode"
                value={value}
                checked={v['scheduleMode'] === value}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <label for="nl-day">Day</label>
        <select id="nl-day" name="scheduleDay">
          <option value="">No day</option>
          {DAYS.map((d, i) => (
            <option value={String(i)} selected={v['scheduleDay'] === String(i)}>
              {d}
            </option>
          ))}
        </select>
        <label for="nl-time">Time</label>
        <input id="nl-time" name="scheduleTime" type="time" value={v['scheduleTime']} />
        <label for="nl-tz">
          Time zone <span class="hint">(such as Europe/Riga or UTC)</span>
        </label>
        <input id="nl-tz" name="scheduleTz" type="text" maxLength={64} value={v['scheduleTz']} />
        <button type="submit">Save sender and schedule</button>
      </form>
    </AdminLayout>
  )
}
