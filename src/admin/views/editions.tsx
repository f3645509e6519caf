import type { DeliveryCounts, Edition, Newsletter } from '../../newsletter/index.js'
import { staffTime } from '../../lib/time-zone.js'
import { type AdminContext, AdminLayout, Problems } from './shell.js'

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

const STATUS_WORDS: Record<Edition['status'], string> = {
  draft: 'Draft',
  approved: 'Approved, waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  cancelled: 'Cancelled',
}

const when = (d: Date | null, tz: string) => (d ? staffTime(d, tz) : '—')

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
                <td>{e.recipients}</td>
                <td>{e.counts.sent}</td>
                <td>{e.counts.failed}</td>
                <td>{e.counts.skipped}</td>
                <td>{e.counts.suppressed}</td>
              </tr>
            ))}
          </tbody>
        </table>
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

export interface EditionFormValues {
  subject: string
  intro: string
  items: { articleId: number; blurb: string }[]
  sendAt: string
}

export interface ArticleChoice {
  id: number
  headline: string
  path: string
  publishedAt: Date
}

/** One edition: the editor while it can change, then its report. */
export function EditionPage(props: {
  ctx: AdminContext
  newsletter: Newsletter
  edition: Edition
  counts: DeliveryCounts
  /** Published articles by id: those in the edition and the recent ones offered. */
  articles: Map<number, ArticleChoice>
  recent: ArticleChoice[]
  values: EditionFormValues
  problems?: string[]
  notice?: string | undefined
  /** Why editions cannot go out now (no https PUBLIC_URL in production). */
  blocked?: string | null
}) {
  const { edition: e, newsletter: n, values: v } = props
  const editable = e.status === 'draft' || e.status === 'approved'
  const done =
    props.counts.sent + props.counts.failed + props.counts.skipped + props.counts.suppressed
  const inList = new Set(v.items.map((i) => i.articleId))
  return (
    <AdminLayout
      ctx={props.ctx}
      title={e.subject}
      refreshSeconds={e.status === 'sending' ? 5 : undefined}
    >
      <p class="small">
        <a href="/admin/newsletters">Newsletters</a> ›{' '}
        <a href={`/admin/newsletters/${n.id}`}>{n.name}</a> ›
      </p>
      <h1>{e.subject}</h1>
      <p>
        <strong>{STATUS_WORDS[e.status]}</strong>
        {e.status === 'approved' && e.sendAt && (
          <> · goes out at {when(e.sendAt, props.ctx.timeZone)}</>
        )}
        {e.startedAt && <> · started {when(e.startedAt, props.ctx.timeZone)}</>}
        {e.finishedAt && <> · finished {when(e.finishedAt, props.ctx.timeZone)}</>}
      </p>
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
      {(e.status === 'sending' || e.status === 'sent') && (
        <section aria-labelledby="progress">
          <h2 id="progress">Delivery</h2>
          <p>
            <label for="send-progress">
              {done} of {e.recipients} handled
            </label>{' '}
            <progress id="send-progress" max={Math.max(1, e.recipients)} value={done} />
          </p>
          <dl class="counts">
            <dt>Delivered to the mail server</dt>
            <dd>{props.counts.sent}</dd>
            <dt>Failed (address refused)</dt>
            <dd>{props.counts.failed}</dd>
            <dt>Skipped (unsubscribed during the send)</dt>
            <dd>{props.counts.skipped}</dd>
            <dt>Suppressed (bounced or complained before)</dt>
            <dd>{props.counts.suppressed}</dd>
            <dt>Waiting</dt>
            <dd>{props.counts.queued + props.counts.sending}</dd>
          </dl>
          {e.status === 'sending' && <p class="small">This page reloads every 5 seconds.</p>}
          <p>
            <a href={`/newsletters/${n.slug}/issues/${e.id}`}>Web version in the archive</a>
          </p>
        </section>
      )}
      <Problems problems={props.problems ?? []} />
      {editable ? (
        <form method="post" action={`/admin/editions/${e.id}`}>
          <input type="hidden" name="_csrf" value={props.ctx.csrf} />
          <label for="ed-subject">Subject line</label>
          <input
            id="ed-subject"
            name="subject"
            type="text"
            required
            maxLength={200}
            value={v.subject}
          />
          <label for="ed-intro">
            Introduction <span class="hint">(plain text; a blank line starts a new paragraph)</span>
          </label>
          <textarea id="ed-intro" class="short" name="intro" rows={6} maxLength={5000}>
            {v.intro}
          </textarea>
          <h2>Stories</h2>
          {v.items.length === 0 ? (
            <p>No stories yet: add some below.</p>
          ) : (
            <ol class="edition-items">
              {v.items.map((it, i) => {
                const a = props.articles.get(it.articleId)
                return (
                  <li>
                    <input type="hidden" name="item_id" value={String(it.articleId)} />
                    <p>
                      {a ? (
                        <a href={a.path}>{a.headline}</a>
                      ) : (
                        `Article ${it.articleId} (no longer published)`
                      )}
                    </p>
                    <label for={`ed-order-${i}`}>Position</label>
                    <input
                      id={`ed-order-${i}`}
                      name="item_order"
                      type="number"
                      min={1}
                      max={99}
                      value={String(i + 1)}
                      class="narrow"
                    />
                    <label for={`ed-blurb-${i}`}>
                      Blurb <span class="hint">(empty: the article’s own summary)</span>
                    </label>
                    <textarea
                      id={`ed-blurb-${i}`}
                      class="short"
                      name="item_blurb"
                      rows={2}
                      maxLength={600}
                    >
                      {it.blurb}
                    </textarea>
                    <label class="choice">
                      <input type="checkbox" name="item_remove" value={String(it.articleId)} /> Take
                      out
                    </label>
                  </li>
                )
              })}
            </ol>
          )}
          <label for="ed-add">Add a story</label>
          <select id="ed-add" name="add">
            <option value="">—</option>
            {props.recent
              .filter((a) => !inList.has(a.id))
              .map((a) => (
                <option value={String(a.id)}>
                  {a.publishedAt.toISOString().slice(0, 10)} · {a.headline}
                </option>
              ))}
          </select>
          <p>
            <button type="submit" name="action" value="save">
              Save
            </button>{' '}
            <button class="secondary" type="submit" name="action" value="test">
              Save and send a test to me
            </button>
          </p>
          <h2>Send</h2>
          <p>
            <button type="submit" name="action" value="send">
              Approve and send now
            </button>
          </p>
          <label for="ed-send-at">
            Or send at <span class="hint">(in {n.scheduleTz})</span>
          </label>
          <input id="ed-send-at" name="sendAt" type="datetime-local" value={v.sendAt} />
          <p>
            <button class="secondary" type="submit" name="action" value="schedule">
              Approve for that time
            </button>{' '}
            {e.status === 'approved' && (
              <button class="secondary" type="submit" name="action" value="withdraw">
                Back to draft
              </button>
            )}{' '}
            <button class="secondary" type="submit" name="action" value="cancel">
              Cancel this edition
            </button>
          </p>
        </form>
      ) : (
        e.status !== 'cancelled' && (
          <section aria-labelledby="contents">
            <h2 id="contents">What it contains</h2>
            <ol>
              {v.items.map((it) => (
                <li>{props.articles.get(it.articleId)?.headline ?? `Article ${it.articleId}`}</li>
              ))}
            </ol>
          </section>
        )
      )}
    </AdminLayout>
  )
}
