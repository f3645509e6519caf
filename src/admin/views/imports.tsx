import type { ImportRunView } from '../../imports/import-runs.js'
import type { Counted, ImportReport } from '../../imports/report.js'
import { staffTime } from '../../lib/time-zone.js'
import { type AdminContext, AdminLayout, Problems } from './shell.js'

const STATE: Record<ImportRunView['state'], string> = {
  queued: 'Waiting for the worker',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
}
const SOURCES = { wordpress: 'WordPress', ghost: 'Ghost', substack: 'Substack' } as const
const KINDS: Counted[] = ['post', 'page', 'author', 'section', 'topic', 'image']
const sourceName = (s: string) => SOURCES[s as keyof typeof SOURCES] ?? s
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** Moving in: the upload form and the imports so far (ADR 029). */
export function ImportsAdmin(props: {
  ctx: AdminContext
  runs: readonly ImportRunView[]
  maxBytes: number
  problems?: readonly string[]
  source?: string
}) {
  const { ctx, runs } = props
  return (
    <AdminLayout ctx={ctx} title="Imports">
      <h1>Imports</h1>
      <p>
        Bring an archive over from WordPress, Ghost or Substack: posts and pages, authors,
        categories and tags, and a redirect from every old address. Importing the same export again
        changes nothing; a later export adds what is new. Images come over only with the command
        line (<code>masthead import … --media-from</code>).
      </p>
      <h2>Upload an export</h2>
      <Problems problems={props.problems ?? []} />
      <form method="post" action="/admin/imports" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={ctx.csrf} />
        <fieldset>
          <legend>From</legend>
          {(['wordpress', 'ghost', 'substack'] as const).map((s) => (
            <p>
              <input
                type="radio"
                id={`import-${s}`}
                name="source"
                value={s}
                required
                checked={(props.source ?? 'wordpress') === s}
              />{' '}
              <label for={`import-${s}`}>
                {sourceName(s)} (
                {s === 'wordpress'
                  ? 'the .xml file'
                  : s === 'ghost'
                    ? 'the .json file'
                    : 'the .zip'}
                )
              </label>
            </p>
          ))}
        </fieldset>
        <p>
          <label for="import-file">Export file (at most {mb(props.maxBytes)})</label>
          <input id="import-file" name="file" type="file" required accept=".xml,.json,.zip" />
        </p>
        <p>
          <input type="checkbox" id="import-dry" name="dryRun" value="on" />{' '}
          <label for="import-dry">Dry run: read and check everything, write nothing</label>
        </p>
        <p>
          <input type="checkbox" id="import-subs" name="subscribers" value="on" />{' '}
          <label for="import-subs">
            Take subscribers too (Ghost members, Substack's email lists; nobody is emailed)
          </label>
        </p>
        <p>
          <button type="submit">Upload and import</button>
        </p>
      </form>
      <h2>Imports so far</h2>
      {runs.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Import</th>
              <th scope="col">File</th>
              <th scope="col">Started</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr>
                <td>
                  <a href={`/admin/imports/${r.id}`}>
                    {sourceName(r.source)} #{r.id}
                    {r.dryRun ? ' (dry run)' : ''}
                  </a>
                </td>
                <td>
                  {r.fileName} ({mb(r.size)})
                </td>
                <td>{staffTime(r.createdAt, ctx.timeZone)}</td>
                <td>
                  {STATE[r.state]}
                  {r.errorCode ? ` [${r.errorCode}]` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  )
}

const counts = (r: Record<Counted, number>) => KINDS.map((k) => `${r[k]} ${k}s`).join(', ')

/** One import: its progress while it runs (the page reloads itself), then its report. */
export function ImportRunPage(props: { ctx: AdminContext; run: ImportRunView; notice?: string }) {
  const { ctx, run } = props
  const r: ImportReport | null = run.report
  const live = run.state === 'queued' || run.state === 'running'
  return (
    <AdminLayout ctx={ctx} title={`Import #${run.id}`} {...(live ? { refreshSeconds: 5 } : {})}>
      <h1>
        {sourceName(run.source)} import #{run.id}
        {run.dryRun ? ' (dry run)' : ''}
      </h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <p>
        {run.fileName} ({mb(run.size)}), uploaded {staffTime(run.createdAt, ctx.timeZone)}
        {run.subscribers ? ', with subscribers' : ''}.
      </p>
      <p role="status">
        <strong>{STATE[run.state]}</strong>
        {run.attempts > 1 && run.state !== 'failed'
          ? ` (started ${run.attempts} times: a restarted import reads the file again from the start, and what it had written counts as unchanged)`
          : ''}
        {live && (
          <>
            {' '}
            This page reloads every 5 seconds. <a href={`/admin/imports/${run.id}`}>Reload now</a>
          </>
        )}
      </p>
      {run.state === 'failed' && (
        <p class="problems" role="alert">
          {run.error} [{run.errorCode}]
        </p>
      )}
      {r && (
        <>
          {live && r.items > 0 && (
            <p>
              <progress max={Math.max(r.items, 1)} value={r.items - r.skippedCount}>
                {r.items} items read
              </progress>
            </p>
          )}
          <h2>{live ? 'So far' : r.dryRun ? 'What an import would do' : 'Report'}</h2>
          <dl>
            <dt>Items read</dt>
            <dd>{r.items}</dd>
            <dt>Imported</dt>
            <dd>{counts(r.imported)}</dd>
            <dt>Updated</dt>
            <dd>{counts(r.updated)}</dd>
            <dt>Unchanged</dt>
            <dd>{counts(r.unchanged)}</dd>
            <dt>Redirects</dt>
            <dd>
              {r.redirects.made} made, {r.redirects.updated} updated, {r.redirects.unchanged}{' '}
              unchanged, {r.redirects.kept} kept, {r.redirects.refused} refused
            </dd>
            <dt>Images</dt>
            <dd>
              {r.images.fetched} fetched, {r.images.missingCount} missing
            </dd>
            <dt>Comments counted and left out</dt>
            <dd>{r.comments}</dd>
            <dt>Skipped</dt>
            <dd>{r.skippedCount}</dd>
            {r.subscribers && (
              <>
                <dt>Subscribers</dt>
                <dd>
                  {r.subscribers.read} read, {r.subscribers.added} added, {r.subscribers.updated}{' '}
                  updated, {r.subscribers.unchanged} unchanged, {r.subscribers.suppressed}{' '}
                  suppressed
                </dd>
              </>
            )}
          </dl>
          <Listed title="Skipped, and why" items={r.skipped.map((s) => `${s.what}: ${s.reason}`)} />
          <Listed title="Images missing" items={r.images.missing} />
          <Listed title="Redirects refused" items={r.refusedRedirects} />
          <Listed
            title="Dropped from bodies"
            items={Object.entries(r.shortcodes).map(([n, c]) => `[${n}] ×${c}`)}
          />
          <Listed title="Notes" items={r.notes} />
          <Listed title="Read past" items={r.warnings.map((w) => `line ${w.line}: ${w.message}`)} />
        </>
      )}
      <p>
        <a href="/admin/imports">All imports</a>
      </p>
    </AdminLayout>
  )
}

function Listed(props: { title: string; items: readonly string[] }) {
  if (props.items.length === 0) return null
  return (
    <>
      <h3>{props.title}</h3>
      <ul>
        {props.items.map((i) => (
          <li>{i}</li>
        ))}
      </ul>
    </>
  )
}
