// The admin bench's measurements: signs in, finds filters and articles to save on the list,
// then times the list, the filtered list and saves one request at a time, and the list under a
// concurrent load.
import { AdminClient, problemText } from '../lib/admin-client.mjs'
import { formFields, selectOptions } from '../lib/html.mjs'
import { percentiles } from '../lib/measure.mjs'
import { autocannonRun, round, say } from '../lib/setup.mjs'
import { ms3 } from './report.mjs'
import { PASSWORD, STAFF } from './seed.mjs'

const articleIdsOn = (html) => [
  ...new Set([...html.matchAll(/href="\/admin\/articles\/(\d+)"/g)].map((m) => Number(m[1]))),
]

/** Times `n` sequential calls of `fn(i)` (each returns { ms, ok, status }). */
async function timeSequential(label, n, fn) {
  const samples = []
  const failures = {}
  const started = Date.now()
  for (let i = 0; i < n; i++) {
    const r = await fn(i)
    if (r.ok) samples.push(r.ms)
    else {
      const key = r.problem ? `${r.status}: ${r.problem}` : String(r.status)
      failures[key] = (failures[key] ?? 0) + 1
      if (i >= 10 && samples.length === 0)
        throw new Error(`${label}: the first ${i + 1} requests all failed (${key})`)
    }
  }
  return {
    ...percentiles(samples),
    failed: n - samples.length,
    failures,
    seconds: round((Date.now() - started) / 1000, 2),
  }
}

async function discover(client, opt) {
  const list = await client.get('/admin/articles')
  if (list.status !== 200) throw new Error(`GET /admin/articles answered ${list.status}`)
  const sections = selectOptions(list.body, 'section')
  const authors = selectOptions(list.body, 'author')
  if (!sections.length) throw new Error('no section options on /admin/articles')
  if (!authors.length) throw new Error('no author options on /admin/articles')
  const firstIds = articleIdsOn(list.body)
  if (firstIds.length < 10) throw new Error(`only ${firstIds.length} articles on /admin/articles`)
  // The author of the newest edit, when named in the byline column; else the first one.
  const firstRow = /<tbody>([\s\S]*?)<\/tr>/i.exec(list.body)?.[1] ?? ''
  const author = authors.find((a) => firstRow.includes(a.label)) ?? authors[0]
  // Words in headlines: a frequent one (a fifth of the demo stories) and a rare one; the
  // combined filter uses the section of the newest article with the frequent word, so it
  // finds something (a search that finds nothing is timed apart: it reads every row).
  const frequent = 'Varesia'
  const rare = 'court'
  const hits = await client.get(`/admin/articles?q=${frequent}`)
  const hitRow = /<tbody>\s*<tr>([\s\S]*?)<\/tr>/i.exec(hits.body)?.[1] ?? ''
  const hitSection = [...hitRow.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/gi)][2]?.[1]?.trim()
  const section = sections.find((s) => s.label === hitSection) ?? sections[0]
  // A deep page: old articles, and how OFFSET pagination behaves far down the list.
  const deepPage = Math.max(2, Math.min(2000, Math.floor(opt.articles / 50 / 2)))
  const deep = await client.get(`/admin/articles?page=${deepPage}`)
  const deepIds = deep.status === 200 ? articleIdsOn(deep.body) : []
  const saveIds = [...firstIds.slice(0, 25), ...deepIds.slice(0, 25)]
  for (const id of firstIds) if (saveIds.length < 50 && !saveIds.includes(id)) saveIds.push(id)
  const filters = [
    {
      key: 'status+section+q',
      path: `/admin/articles?status=published&section=${section.value}&q=${frequent}`,
    },
    { key: 'section', path: `/admin/articles?section=${section.value}` },
    { key: 'author', path: `/admin/articles?author=${author.value}` },
    { key: `q (rare word)`, path: `/admin/articles?q=${rare}` },
  ]
  for (const f of filters) {
    const r = await client.get(f.path)
    if (r.status !== 200) throw new Error(`GET ${f.path} answered ${r.status}`)
    f.rows = articleIdsOn(r.body).length
  }
  return {
    section,
    author,
    deepPage,
    saveIds,
    filters,
    listRows: firstIds.length,
  }
}

/**
 * One save: GET the form (timed apart, as "edit form"), change the standfirst, POST every field
 * with the form's version (timed: the save). A 409 (someone saved in between) re-reads and
 * retries, up to 3 times.
 */
async function saveOnce(client, id, k, formTimes, counters) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const form = await client.get(`/admin/articles/${id}`)
    if (form.status !== 200) return { ok: false, status: `form ${form.status}` }
    formTimes.push(form.ms)
    const fields = formFields(form.body, `/admin/articles/${id}`) ?? formFields(form.body)
    if (!fields?.some(([n]) => n === 'version'))
      return { ok: false, status: 'form', problem: 'no version field in the article form' }
    const edited = fields.map(([n, v]) =>
      n === 'standfirst' ? [n, `${v.replace(/ \(rev \d+\)$/, '')} (rev ${k})`.trim()] : [n, v],
    )
    const r = await client.post(`/admin/articles/${id}`, edited)
    if (r.status === 303) return { ok: true, ms: r.ms, status: 303 }
    if (r.status === 409) {
      counters.conflicts++
      continue
    }
    return { ok: false, status: r.status, problem: problemText(r.body) }
  }
  return { ok: false, status: 409, problem: 'still stale after 3 tries' }
}

export async function measure(server, opt) {
  const client = new AdminClient(server.base)
  try {
    await client.signIn(STAFF.email, PASSWORD)
    const d = await discover(client, opt)
    say(
      `  signed in as ${STAFF.email}; section "${d.section.label}" (${d.section.value}), author "${d.author.label}" (${d.author.value}), ${d.saveIds.length} articles to save`,
    )
    for (const f of d.filters) say(`  filter ${f.key.padEnd(18)} ${f.path}  → ${f.rows} rows`)

    const get200 = (p) => async () => {
      const r = await client.get(p)
      return { ok: r.status === 200, ms: r.ms, status: r.status }
    }
    const counters = { conflicts: 0 }
    const formTimes = []
    const warmFormTimes = []

    // Warm-up, not counted: JIT, statement caches, page cache of the database.
    for (let i = 0; i < opt.warmup; i++) {
      await client.get('/admin/articles')
      await client.get(d.filters[i % d.filters.length].path)
    }
    for (let i = 0; i < Math.max(3, opt.warmup / 4); i++)
      await saveOnce(client, d.saveIds[i % d.saveIds.length], i, warmFormTimes, counters)
    counters.conflicts = 0

    const out = { discovered: d, ops: {}, info: {} }
    process.stdout.write(`  article list      × ${opt.listRequests} … `)
    out.ops.list = await timeSequential('list', opt.listRequests, get200('/admin/articles'))
    say(`p95 ${ms3(out.ops.list.p95)} ms`)

    process.stdout.write(`  filtered list     × ${opt.filteredRequests} … `)
    const perFilter = Object.fromEntries(d.filters.map((f) => [f.key, []]))
    const all = []
    const filtered = await timeSequential('filtered list', opt.filteredRequests, async (i) => {
      const f = d.filters[i % d.filters.length]
      const r = await client.get(f.path)
      if (r.status === 200) perFilter[f.key].push(r.ms)
      all.push(r.ms)
      return { ok: r.status === 200, ms: r.ms, status: r.status }
    })
    out.ops.filtered = filtered
    out.ops.filtered.byFilter = Object.fromEntries(
      d.filters.map((f) => [
        f.key,
        { path: f.path, rows: f.rows, ...percentiles(perFilter[f.key]) },
      ]),
    )
    say(`p95 ${ms3(filtered.p95)} ms`)

    process.stdout.write(`  save (POST)       × ${opt.saves} … `)
    out.ops.save = await timeSequential('save', opt.saves, (i) =>
      saveOnce(client, d.saveIds[i % d.saveIds.length], i + 1, formTimes, counters),
    )
    out.ops.save.conflicts = counters.conflicts
    say(`p95 ${ms3(out.ops.save.p95)} ms`)

    // Informational: the edit form the save starts from, and a deep page of the list.
    out.info.editForm = percentiles(formTimes)
    const none = '/admin/articles?q=zqxjv'
    process.stdout.write(`  search, no match  × ${Math.min(50, opt.listRequests)} … `)
    out.info.noMatch = {
      path: none,
      ...(await timeSequential('no-match search', Math.min(50, opt.listRequests), get200(none))),
    }
    say(`p95 ${ms3(out.info.noMatch.p95)} ms`)
    process.stdout.write(
      `  deep page ${String(d.deepPage).padEnd(7)} × ${Math.min(50, opt.listRequests)} … `,
    )
    out.info.deepPage = {
      path: `/admin/articles?page=${d.deepPage}`,
      ...(await timeSequential(
        'deep page',
        Math.min(50, opt.listRequests),
        get200(`/admin/articles?page=${d.deepPage}`),
      )),
    }
    say(`p95 ${ms3(out.info.deepPage.p95)} ms`)

    // Concurrent: the list with autocannon (in this process), signed in.
    process.stdout.write(
      `  list, ${opt.loadConnections} connections, ${opt.loadSeconds} s (autocannon) … `,
    )
    server.memoryPhase()
    const cookie = client.jar.header()
    const ac = await autocannonRun({
      url: `${server.base}/admin/articles`,
      connections: opt.loadConnections,
      duration: opt.loadSeconds,
      headers: { cookie, accept: 'text/html' },
    })
    out.info.listLoad = {
      tool: 'autocannon',
      connections: opt.loadConnections,
      seconds: opt.loadSeconds,
      reqPerSec: round(ac.requests.average),
      p50Ms: ac.latency.p50,
      p99Ms: ac.latency.p99,
      maxMs: ac.latency.max,
      requests: ac.requests.total,
      non2xx: ac.non2xx,
      errors: ac.errors,
      timeouts: ac.timeouts,
      serverPeakRssMb: server.memoryPhase(),
    }
    say(`${out.info.listLoad.reqPerSec} req/s, p99 ${out.info.listLoad.p99Ms} ms`)
    if (server.isDead()) throw new Error('the server died during the measurements')
    return out
  } finally {
    client.close()
  }
}
