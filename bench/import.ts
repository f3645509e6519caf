// `npm run bench:import [-- --mb N]`: a generated WordPress export (200 MB by default; `--mb 1024`
// for the 1 GB target), written as a stream, imported into SQLite (a file) in this process.
// Prints items/s and the process's peak RSS (target: 1 GB with peak RSS <= 300 MB) as a table
// and writes bench/results/import-latest.json.
// The script runs node with --max-old-space-size=160: the import's live heap stays near 50 MB
// whatever the file's size, but by default V8 lets garbage pile up far past that on a machine
// with gigabytes free (peak RSS ~350 MB at 120 MB of WXR), as it would not in a container sized
// for the worker. The cap measures what the import holds, not V8's laziness (ADR 029).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { once } from 'node:events'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { importWordpress } from '../src/imports/wordpress/import-wordpress.js'
import { connect, migrateToLatest } from '../src/storage/index.js'

const arg = process.argv.indexOf('--mb')
const MB = arg > 0 ? Number(process.argv[arg + 1]) : 200
if (!(MB > 0)) throw new Error('--mb takes a number of megabytes')

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-import-'))
const file = path.join(dir, 'export.xml')

/** Writes the export piece by piece (never whole in memory): authors, terms, then posts. */
async function generate(): Promise<number> {
  const out = fs.createWriteStream(file)
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain')
  }
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss xmlns:excerpt="e" xmlns:content="c" xmlns:dc="d" xmlns:wp="w"><channel><title>Bench</title>\n',
  )
  for (let a = 0; a < 20; a++)
    await write(
      `<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login>writer${a}</wp:author_login><wp:author_display_name><![CDATA[Writer ${a}]]></wp:author_display_name></wp:author>\n`,
    )
  for (let c = 0; c < 12; c++)
    await write(
      `<wp:category><wp:term_id>${c}</wp:term_id><wp:category_nicename>desk-${c}</wp:category_nicename><wp:cat_name><![CDATA[Desk ${c}]]></wp:cat_name></wp:category>\n`,
    )
  const para =
    '<p>The council met on Tuesday &amp; voted on the budget for the river works, after a long debate about the cost of the bridge and who pays for it.</p>\n'
  const body = para.repeat(30)
  let n = 0
  const target = MB * 1024 * 1024
  while (out.bytesWritten + out.writableLength < target) {
    n++
    const d = new Date(Date.UTC(2010, 0, 1) + n * 3_600_000)
    const date = d.toISOString().slice(0, 19).replace('T', ' ')
    await write(`<item><title><![CDATA[Story number ${n}]]></title><link>https://old.example/?p=${n}</link>
<dc:creator><![CDATA[writer${n % 20}]]></dc:creator><content:encoded><![CDATA[${body}]]></content:encoded>
<excerpt:encoded><![CDATA[What happened in story ${n}.]]></excerpt:encoded><wp:post_id>${n}</wp:post_id>
<wp:post_date>${date}</wp:post_date><wp:post_date_gmt>${date}</wp:post_date_gmt><wp:post_name>story-${n}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="desk-${n % 12}"><![CDATA[Desk ${n % 12}]]></category>
<category domain="post_tag" nicename="tag-${n % 300}"><![CDATA[Tag ${n % 300}]]></category></item>\n`)
  }
  await write('</channel></rss>\n')
  out.end()
  await once(out, 'finish')
  return n
}

const g0 = performance.now()
const posts = await generate()
const bytes = fs.statSync(file).size
const generateS = (performance.now() - g0) / 1000

const url = `sqlite:${path.join(dir, 'bench.sqlite')}`
const storage = await connect(url)
await migrateToLatest(storage.db)
const config = loadConfig({
  DATABASE_URL: url,
  MEDIA_DIR: path.join(dir, 'media'),
  LOG_LEVEL: 'silent',
})
const app = await buildApp({ config: { ...config, PAGE_CACHE: false }, storage, logger: false })
let peak = process.memoryUsage().rss
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100)
const t0 = performance.now()
const report = await importWordpress(app.importEnv(), file, {
  onProgress: (r) => {
    if (r.items % 5000 < 50) process.stderr.write(`${r.items} items\r`)
  },
})
const seconds = (performance.now() - t0) / 1000
clearInterval(sampler)
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024)
await app.http.close()
await storage.close()
fs.rmSync(dir, { recursive: true, force: true })

const result = {
  at: new Date().toISOString(),
  fileMB: Math.round(bytes / 1024 / 1024),
  posts,
  items: report.items,
  seconds: Math.round(seconds * 10) / 10,
  itemsPerSecond: Math.round(report.items / seconds),
  peakRssMB: Math.round(peak / 1024 / 1024),
  targetPeakRssMB: 300,
  generateSeconds: Math.round(generateS * 10) / 10,
  cpus: os.cpus().length,
  nodeFlags: process.execArgv.filter((a) => a.startsWith('--max')).join(' '),
  loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  note: 'SQLite file; one process; peak RSS includes tsx and the whole app; CPU shared with other work (see loadAverage)',
}
console.log('\n| file MB | items | seconds | items/s | peak RSS MB (target <= 300) |')
console.log('| ------- | ----- | ------- | ------- | --------------------------- |')
console.log(
  `| ${result.fileMB} | ${result.items} | ${result.seconds} | ${result.itemsPerSecond} | ${result.peakRssMB} |`,
)
fs.mkdirSync(new URL('results/', import.meta.url), { recursive: true })
fs.writeFileSync(
  new URL('results/import-latest.json', import.meta.url),
  `${JSON.stringify(result, null, 2)}\n`,
)
