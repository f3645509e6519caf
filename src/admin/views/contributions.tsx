import {
  type Dashboard,
  CURRENCY_CODES,
  FREQUENCIES,
  FREQUENCY_NAME,
  METHODS,
  METHOD_NAME,
} from '../../contributions/index.js'
import { DefaultAmount } from './appeal-amounts.js'
import { counted, formatAdminMoney as formatMoney, formatCount } from './format.js'
import { languageName } from './translations.js'
import { type AdminContext, AdminLayout, Problems, Scroll } from './shell.js'

const totalText = (t: Record<string, number>) =>
  Object.entries(t)
    .map(([c, m]) => formatMoney(m, c))
    .join(' + ') || '—'

/**
 * Money in per day as bars, drawn on the server: no chart library, no script. One currency
 * (the one with most money in the window); the table below has every currency.
 */
export function RevenueChart(props: { dashboard: Dashboard; currency: string }) {
  const days = props.dashboard.days
  const values = days.map((d) => d.totals[props.currency] ?? 0)
  const max = Math.max(1, ...values)
  const W = 720
  const H = 180
  const pad = 24
  const bw = (W - pad * 2) / Math.max(1, days.length)
  return (
    <figure class="revenue-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title" width="100%">
        <title id="chart-title">
          {`Contributions per day in ${props.currency}, ${days[0]?.day ?? ''} to ${days.at(-1)?.day ?? ''}; highest day ${formatMoney(max === 1 ? 0 : max, props.currency)}`}
        </title>
        <line x1={pad} y1={H - pad} x2={W - pad} y2={H - pad} class="axis" />
        {values.map((v, i) => {
          const h = ((H - pad * 2) * v) / max
          return (
            <rect
              x={(pad + i * bw + 1).toFixed(1)}
              y={(H - pad - h).toFixed(1)}
              width={Math.max(1, bw - 2).toFixed(1)}
              height={h.toFixed(1)}
              class="bar"
            >
              <title>{`${days[i]!.day}: ${formatMoney(v, props.currency)}`}</title>
            </rect>
          )
        })}
        <text x={pad} y={H - 6} class="label">
          {days[0]?.day}
        </text>
        <text x={W - pad} y={H - 6} class="label" text-anchor="end">
          {days.at(-1)?.day}
        </text>
        <text x={pad} y={14} class="label">
          {formatMoney(max === 1 ? 0 : max, props.currency)}
        </text>
      </svg>
      <figcaption>
        Money in per day ({props.currency}): first payments and renewals, less refunds.
      </figcaption>
    </figure>
  )
}

export function ContributionsDashboard(props: {
  ctx: AdminContext
  dashboard: Dashboard
  testMode: boolean
  canEditAppeal: boolean
}) {
  const d = props.dashboard
  const chartCurrency =
    d.currencies
      .map((c) => [c, d.days.reduce((s, x) => s + (x.totals[c] ?? 0), 0)] as const)
      .sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'EUR'
  const recentDays = d.days
    .filter((x) => x.count > 0)
    .reverse()
    .slice(0, 31)
  return (
    <AdminLayout ctx={props.ctx} title="Contributions">
      <h1>Contributions</h1>
      {props.testMode && (
        <p class="notice" role="status">
          Test mode: no payment provider key is set, so these are test contributions.
        </p>
      )}
      <p>
        <a href="/admin/contributions.csv">Download every contribution (CSV)</a>
        {props.canEditAppeal && (
          <>
            {' '}
            · <a href="/admin/appeal">Edit the banner and appeal</a>
          </>
        )}
      </p>
      <ul class="figures">
        <li>
          <strong>{totalText(d.recurring)}</strong> a month from{' '}
          {counted(d.runningCount, 'recurring gift', 'recurring gifts')}
        </li>
        <li>
          <strong>{counted(d.newSupporters, 'new supporter', 'new supporters')}</strong> since{' '}
          {d.from.toISOString().slice(0, 10)}
        </li>
        <li>
          <strong>{counted(d.cancelled, 'recurring gift', 'recurring gifts')}</strong> cancelled in
          that time
        </li>
      </ul>
      <RevenueChart dashboard={d} currency={chartCurrency} />
      <h2>Per month</h2>
      <div>
        <Scroll label="Payments per month">
          <table>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Payments</th>
                <th scope="col">Money in</th>
              </tr>
            </thead>
            <tbody>
              {d.months.length === 0 ? (
                <tr>
                  <td colSpan={3}>Nothing yet.</td>
                </tr>
              ) : (
                d.months.map((m) => (
                  <tr>
                    <td>{m.month}</td>
                    <td>{formatCount(m.count)}</td>
                    <td>{totalText(m.totals)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </Scroll>
      </div>
      <h2>Per day</h2>
      <div>
        <Scroll label="Payments per day">
          <table>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Payments</th>
                <th scope="col">Money in</th>
              </tr>
            </thead>
            <tbody>
              {recentDays.length === 0 ? (
                <tr>
                  <td colSpan={3}>Nothing yet.</td>
                </tr>
              ) : (
                recentDays.map((x) => (
                  <tr>
                    <td>{x.day}</td>
                    <td>{formatCount(x.count)}</td>
                    <td>{totalText(x.totals)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </Scroll>
      </div>
    </AdminLayout>
  )
}

export function AppealForm(props: {
  ctx: AdminContext
  values: Record<string, string>
  /** Languages that have an appeal. */
  languages: string[]
  /** The site's languages (SITE_LANGUAGES): those without an appeal can be added. */
  siteLanguages: readonly string[]
  problems?: string[]
  notice?: string | undefined
}) {
  const v = props.values
  const missing = props.siteLanguages.filter(
    (l) => !props.languages.includes(l) && l !== v['language'],
  )
  const methods = (v['methods'] ?? '').split(',')
  const safetyMethods = (v['safetyMethods'] ?? '').split(',')
  const shown = CURRENCY_CODES.filter((c) =>
    [...FREQUENCIES, 'minimum'].some((f) => (v[`cur_${c}_${f}`] ?? '') !== ''),
  )
  const extra = CURRENCY_CODES.find((c) => !shown.includes(c))
  const rows = extra ? [...shown, extra] : shown
  return (
    <AdminLayout ctx={props.ctx} title="Banner and appeal">
      <h1>Banner and appeal</h1>
      <p>
        Languages with an appeal:{' '}
        {props.languages.map((l, i) => (
          <>
            {i > 0 && ', '}
            <a href={`/admin/appeal?language=${encodeURIComponent(l)}`}>{languageName(l)}</a>
          </>
        ))}
        .
      </p>
      {missing.length > 0 && (
        <form method="get" action="/admin/appeal" class="filters">
          <div>
            <label for="ap-add-language">Add a language</label>
            <select id="ap-add-language" name="language">
              {missing.map((l) => (
                <option value={l}>{languageName(l)}</option>
              ))}
            </select>
          </div>
          <button class="secondary" type="submit">
            Write its appeal
          </button>
        </form>
      )}
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <Problems problems={props.problems ?? []} />
      <form method="post" action="/admin/appeal">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <input type="hidden" name="language" value={v['language'] ?? ''} />
        <p>
          Language: <strong>{languageName(v['language'] ?? '')}</strong>
        </p>
        <label>
          <input type="checkbox" name="enabled" value="on" checked={v['enabled'] === 'on'} /> Show
          the banner and appeal
        </label>
        <label for="ap-banner">Banner line</label>
        <input
          id="ap-banner"
          name="bannerText"
          type="text"
          maxLength={200}
          value={v['bannerText'] ?? ''}
        />
        <label for="ap-headline">Appeal headline</label>
        <input
          id="ap-headline"
          name="headline"
          type="text"
          maxLength={140}
          value={v['headline'] ?? ''}
        />
        <label for="ap-letter">
          Letter <span class="hint">(blank lines between paragraphs)</span>
        </label>
        <textarea id="ap-letter" name="letter" rows={8}>
          {v['letter'] ?? ''}
        </textarea>
        <fieldset class="appeal-amounts">
          <legend>Amounts per currency</legend>
          <p class="hint">
            In whole units, separated by commas (3, 5, 10). Leave a row empty to remove it.
          </p>
          <div>
            <Scroll label="Amounts per currency">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Currency</th>
                    {FREQUENCIES.map((f) => (
                      <th scope="col">{FREQUENCY_NAME[f]}</th>
                    ))}
                    <th scope="col">Minimum</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr>
                      <th scope="row">{c}</th>
                      {[...FREQUENCIES, 'minimum'].map((f) => (
                        <td>
                          <input
                            type="text"
                            name={`cur_${c}_${f}`}
                            aria-label={`${c} ${f}`}
                            value={v[`cur_${c}_${f}`] ?? ''}
                            maxLength={80}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
          </div>
        </fieldset>
        <label for="ap-freq">Frequency chosen first</label>
        <select id="ap-freq" name="defaultFrequency">
          {FREQUENCIES.map((f) => (
            <option value={f} selected={v['defaultFrequency'] === f}>
              {FREQUENCY_NAME[f]}
            </option>
          ))}
        </select>
        <DefaultAmount values={v} currencies={shown} />
        <fieldset>
          <legend>Ways to pay shown</legend>
          {METHODS.map((m) => (
            <label>
              <input type="checkbox" name="methods" value={m} checked={methods.includes(m)} />{' '}
              {METHOD_NAME[m]}
            </label>
          ))}
        </fieldset>
        <label for="ap-sections">
          Only in these sections{' '}
          <span class="hint">(addresses, comma-separated; empty: everywhere)</span>
        </label>
        <input id="ap-sections" name="sections" type="text" value={v['sections'] ?? ''} />
        <label for="ap-topics">
          Also on articles with these topics <span class="hint">(addresses, comma-separated)</span>
        </label>
        <input id="ap-topics" name="topics" type="text" value={v['topics'] ?? ''} />
        <label for="ap-bank">Bank transfer instructions</label>
        <textarea id="ap-bank" name="bankInstructions" rows={5}>
          {v['bankInstructions'] ?? ''}
        </textarea>
        <label for="ap-coins">
          Crypto addresses <span class="hint">(one per line: name | address | how to send it)</span>
        </label>
        <textarea id="ap-coins" name="coins" rows={4}>
          {v['coins'] ?? ''}
        </textarea>
        <fieldset>
          <legend>Where giving is dangerous</legend>
          <p class="hint">
            Readers who say they are in one of these countries, or whom the CDN places there
            (COUNTRY_HEADER), see the note and only the safer ways to pay.
          </p>
          <label for="ap-safety-countries">
            Countries <span class="hint">(two-letter codes, comma-separated: VA, BY)</span>
          </label>
          <input
            id="ap-safety-countries"
            name="safetyCountries"
            type="text"
            value={v['safetyCountries'] ?? ''}
          />
          <label for="ap-safety-note">Safety note</label>
          <textarea id="ap-safety-note" name="safetyNote" rows={3}>
            {v['safetyNote'] ?? ''}
          </textarea>
          {METHODS.map((m) => (
            <label>
              <input
                type="checkbox"
                name="safetyMethods"
                value={m}
                checked={safetyMethods.includes(m)}
              />{' '}
              Offer {METHOD_NAME[m].toLowerCase()} there
            </label>
          ))}
        </fieldset>
        <p>
          <button type="submit">Save</button>
        </p>
      </form>
    </AdminLayout>
  )
}
