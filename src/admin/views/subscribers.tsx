import { staffTime } from '../../lib/time-zone.js'
import type {
  NewsletterOverview,
  StatusCounts,
  SubscriberMatch,
  SubscriptionDetail,
  Suppression,
} from '../../newsletter/index.js'
import { GROWTH_WEEKS, WEEK_MS } from '../../newsletter/index.js'
import { formatCount } from './format.js'
import { type AdminContext, AdminLayout, Problems, Scroll } from './shell.js'

const day = (d: Date) => d.toISOString().slice(0, 10)
const when = (d: Date | null, tz: string) => (d ? staffTime(d, tz) : '—')

const STATUS: Record<string, string> = {
  confirmed: 'Confirmed',
  pending: 'Waiting to confirm',
  unsubscribed: 'Unsubscribed',
}

const REASON: Record<string, string> = {
  bounce: 'bounced for good',
  complaint: 'reported our mail as unwanted',
  manual: 'stopped by the newsroom',
}

/**
 * Net confirmed subscribers per week as an SVG bar chart, drawn on the server: no script, a
 * title and description for screen readers, and the same figures in a table below it.
 */
export function GrowthChart(props: { name: string; weekly: number[]; start: number; id: string }) {
  const W = 520
  const H = 150
  const pad = { top: 10, bottom: 22, left: 34 }
  const n = props.weekly.length
  const max = Math.max(1, ...props.weekly)
  const min = Math.min(0, ...props.weekly)
  const span = max - min
  const plotH = H - pad.top - pad.bottom
  const y = (v: number) => pad.top + ((max - v) / span) * plotH
  const slot = (W - pad.left) / n
  const total = props.weekly.reduce((a, b) => a + b, 0)
  const first = new Date(props.start)
  const weekOf = (i: number) => day(new Date(props.start + i * WEEK_MS))
  return (
    <figure class="growth">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        class="chart"
      >
        <title
          id={`${props.id}-title`}
        >{`${props.name}: net confirmed subscribers per week`}</title>
        <desc id={`${props.id}-desc`}>
          {`${n} weeks from ${day(first)}: ${total >= 0 ? '+' : ''}${total} in all, best week ${max}, worst week ${min}.`}
        </desc>
        <line class="axis" x1={pad.left} x2={W} y1={y(0)} y2={y(0)} />
        <text class="label" x={pad.left - 4} y={y(max) + 4} text-anchor="end">
          {String(max)}
        </text>
        <text class="label" x={pad.left - 4} y={y(min) + 4} text-anchor="end">
          {String(min)}
        </text>
        {props.weekly.map((v, i) => {
          const top = v >= 0 ? y(v) : y(0)
          const h = Math.max(v === 0 ? 0 : 1, Math.abs(y(v) - y(0)))
          return (
            <rect
              class={v >= 0 ? 'up' : 'down'}
              x={(pad.left + i * slot + 1).toFixed(1)}
              y={top.toFixed(1)}
              width={(slot - 2).toFixed(1)}
              height={h.toFixed(1)}
            />
          )
        })}
        <text class="label" x={pad.left} y={H - 6}>
          {day(first)}
        </text>
        <text class="label" x={W} y={H - 6} text-anchor="end">
          this week
        </text>
      </svg>
      <details>
        <summary>The figures, week by week</summary>
        <Scroll label="Growth week by week">
          <table>
            <caption class="small">{`${props.name}: net confirmed per week`}</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col">Net confirmed</th>
              </tr>
            </thead>
            <tbody>
              {props.weekly.map((v, i) => (
                <tr>
                  <td>{weekOf(i)}</td>
                  <td>{v > 0 ? `+${v}` : String(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      </details>
    </figure>
  )
}

function Counts(props: { rows: NewsletterOverview[] }) {
  const cell = (c: StatusCounts, k: keyof StatusCounts) => <td>{formatCount(c[k])}</td>
  return (
    <Scroll label="Subscribers by newsletter">
      <table>
        <thead>
          <tr>
            <th scope="col">Newsletter</th>
            <th scope="col">Confirmed</th>
            <th scope="col">Waiting to confirm</th>
            <th scope="col">Unsubscribed</th>
            <th scope="col">Suppressed</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">{r.newsletter.name}</th>
              {cell(r.counts, 'confirmed')}
              {cell(r.counts, 'pending')}
              {cell(r.counts, 'unsubscribed')}
              {cell(r.counts, 'suppressed')}
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  )
}

export function SubscribersPage(props: {
  ctx: AdminContext
  overview: NewsletterOverview[]
  growthStart: number
  q: string
  results: SubscriberMatch[]
  next?: string | undefined
  notice?: string | undefined
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Subscribers">
      <h1>Subscribers</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <form class="filters" method="get" action="/admin/subscribers" role="search">
        <label for="sub-q">Find an address (any part of it)</label>
        <input id="sub-q" name="q" type="search" maxLength={254} value={props.q} />
        <button class="button" type="submit">
          Search
        </button>
      </form>
      {(props.q || props.results.length > 0) && (
        <section aria-labelledby="results-title">
          <h2 id="results-title">
            {props.q ? `Addresses containing “${props.q}”` : 'All addresses'}
          </h2>
          {props.results.length === 0 ? (
            <p>No address matches.</p>
          ) : (
            <ul class="results">
              {props.results.map((s) => (
                <li>
                  <a href={`/admin/subscribers/${s.id}`}>{s.email}</a>{' '}
                  <span class="small">since {day(s.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
          {props.next && (
            <p class="pagination">
              <a href={props.next}>Next addresses</a>
            </p>
          )}
        </section>
      )}
      <h2>By newsletter</h2>
      {props.overview.length === 0 ? <p>No newsletters yet.</p> : <Counts rows={props.overview} />}
      <p class="small">
        Suppressed: addresses that bounced for good, complained or were stopped by hand. They get no
        mail whatever their subscription says, and are not counted in the other columns.
      </p>
      <p>
        <a href="/admin/subscribers/export.csv">Download every subscription (CSV)</a> ·{' '}
        <a href="/admin/subscribers/import">Import subscribers or bounces</a>
      </p>
      <h2>Growth over {GROWTH_WEEKS} weeks</h2>
      {props.overview.map((r) => (
        <section aria-labelledby={`g-${r.newsletter.id}`}>
          <h3 id={`g-${r.newsletter.id}`}>{r.newsletter.name}</h3>
          <GrowthChart
            id={`chart-${r.newsletter.id}`}
            name={r.newsletter.name}
            weekly={r.weekly}
            start={props.growthStart}
          />
        </section>
      ))}
    </AdminLayout>
  )
}

export function SubscriberView(props: {
  ctx: AdminContext
  subscriber: {
    id: number
    email: string
    createdAt: Date
    subscriptions: SubscriptionDetail[]
    suppression: Suppression | undefined
  }
  notice?: string | undefined
  problems?: string[]
}) {
  const s = props.subscriber
  const base = `/admin/subscribers/${s.id}`
  return (
    <AdminLayout ctx={props.ctx} title={s.email}>
      <p>
        <a href="/admin/subscribers">All subscribers</a>
      </p>
      <h1>{s.email}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <Problems problems={props.problems ?? []} />
      <p>First signed up {when(s.createdAt, props.ctx.timeZone)}.</p>
      {s.suppression ? (
        <p class="errors">
          Suppressed since {when(s.suppression.at, props.ctx.timeZone)}:{' '}
          {REASON[s.suppression.reason]} ({s.suppression.source}
          {s.suppression.detail ? `: ${s.suppression.detail}` : ''}). Nothing is sent to this
          address.
        </p>
      ) : (
        <p>Not suppressed: mail goes to this address for its confirmed newsletters.</p>
      )}
      <h2>Subscriptions</h2>
      {s.subscriptions.length === 0 ? (
        <p>None.</p>
      ) : (
        <Scroll label="Subscriptions">
          <table>
            <thead>
              <tr>
                <th scope="col">Newsletter</th>
                <th scope="col">State</th>
                <th scope="col">Consent</th>
                <th scope="col">Times</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {s.subscriptions.map((x) => (
                <tr>
                  <th scope="row">{x.newsletterName}</th>
                  <td>{STATUS[x.status]}</td>
                  <td>
                    “{x.consentText}”{' '}
                    <span class="small">{when(x.consentAt, props.ctx.timeZone)}</span>
                  </td>
                  <td class="small">
                    Confirmed: {when(x.confirmedAt, props.ctx.timeZone)}
                    <br />
                    Unsubscribed: {when(x.unsubscribedAt, props.ctx.timeZone)}
                  </td>
                  <td>
                    {x.status !== 'unsubscribed' && (
                      <form method="post" action={`${base}/unsubscribe`}>
                        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
                        <input type="hidden" name="newsletter" value={String(x.newsletterId)} />
                        <button class="secondary" type="submit">
                          Unsubscribe from {x.newsletterName}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
      )}
      {!s.suppression && (
        <>
          <h2>Stop all mail to this address</h2>
          <form method="post" action={`${base}/suppress`}>
            <input type="hidden" name="_csrf" value={props.ctx.csrf} />
            <label for="sup-detail">Why (kept with the record)</label>
            <input id="sup-detail" name="detail" type="text" maxLength={500} required />
            <button class="button" type="submit">
              Suppress this address
            </button>
          </form>
        </>
      )}
    </AdminLayout>
  )
}

export function ImportPage(props: {
  ctx: AdminContext
  problems?: readonly string[]
  notice?: string | undefined
  which?: 'subscribers' | 'bounces'
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Import">
      <p>
        <a href="/admin/subscribers">All subscribers</a>
      </p>
      <h1>Import</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <Problems problems={props.problems ?? []} />
      <h2>Subscribers</h2>
      <p>
        A CSV file (UTF-8, at most 10 MB) with a header line naming the columns{' '}
        <code>
          email, newsletter, status, consent_text, consent_at, confirmed_at, unsubscribed_at
        </code>{' '}
        — the same as the export. <code>newsletter</code> is the newsletter's address (slug);{' '}
        <code>status</code> is pending, confirmed or unsubscribed; times are ISO 8601 (
        <code>2026-11-27T09:30:00Z</code>). A confirmed row must carry the consent its reader gave
        and when. Every row is checked first: one bad row and nothing is written. Suppressed
        addresses are skipped and nobody confirmed is downgraded.
      </p>
      <form method="post" action="/admin/subscribers/import" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <label for="imp-file">CSV file of subscribers</label>
        <input id="imp-file" name="file" type="file" accept=".csv,text/csv" required />
        <button class="button" type="submit">
          Check and import
        </button>
      </form>
      <h2>Bounces and complaints</h2>
      <p>
        A CSV file from your mail provider with the columns <code>email</code> and{' '}
        <code>reason</code> (bounce, complaint or manual; soft bounces are left out) and optionally{' '}
        <code>detail</code>. These addresses get no more mail.
      </p>
      <form method="post" action="/admin/suppressions/import" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <label for="sup-file">CSV file of bounces and complaints</label>
        <input id="sup-file" name="file" type="file" accept=".csv,text/csv" required />
        <button class="button" type="submit">
          Check and import
        </button>
      </form>
    </AdminLayout>
  )
}
