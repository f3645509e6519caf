// Helpers for bench/run.mjs and bench/admin.mjs: child processes, plain HTTP, memory sampling, wrk, page weight, forms.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'

// ---------------------------------------------------------------- child processes

/** Every child still running, so one handler can end them all (by pid) on exit or error. */
const children = new Set()

/**
 * Spawns a child with piped output. `onLine(line, stream)` sees every output line.
 * Returns { child, exited } where `exited` resolves to { code, signal }.
 */
export function startChild(cmd, args, { env, cwd, onLine, stdin = 'ignore' } = {}) {
  const child = spawn(cmd, args, { env, cwd, stdio: [stdin, 'pipe', 'pipe'] })
  children.add(child)
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child)
      resolve({ code, signal })
    })
    child.once('error', (err) => {
      children.delete(child)
      resolve({ code: null, signal: null, error: err })
    })
  })
  for (const [name, stream] of [
    ['stdout', child.stdout],
    ['stderr', child.stderr],
  ]) {
    let buf = ''
    stream.setEncoding('utf8')
    stream.on('data', (d) => {
      buf += d
      let i
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i)
        buf = buf.slice(i + 1)
        onLine?.(line, name)
      }
    })
    stream.on('end', () => {
      if (buf) onLine?.(buf, name)
      buf = ''
    })
  }
  return { child, exited }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export async function stopChild(handle, graceMs = 5000) {
  const { child, exited } = handle
  if (child.exitCode !== null || child.signalCode !== null) return exited
  try {
    child.kill('SIGTERM')
  } catch {
    /* already gone */
  }
  const timer = setTimeout(() => {
    try {
      child.kill('SIGKILL')
    } catch {
      /* already gone */
    }
  }, graceMs)
  const r = await exited
  clearTimeout(timer)
  return r
}

/** Synchronous last resort (process 'exit' handler): SIGKILL whatever is left. */
export function killAllChildrenSync() {
  for (const c of children) {
    try {
      c.kill('SIGKILL')
    } catch {
      /* already gone */
    }
  }
  children.clear()
}

export async function stopAllChildren() {
  await Promise.all(
    [...children].map((child) =>
      stopChild({ child, exited: new Promise((r) => child.once('exit', r)) }, 3000),
    ),
  )
}

// ---------------------------------------------------------------- network

/** A TCP port free right now on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

/**
 * One GET without keep-alive. Resolves { status, headers, body (Buffer, bytes as sent on the
 * wire, so still compressed if the server compressed), ms }. Rejects on network errors.
 */
export function get(url, headers = {}, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const req = http.get(url, { headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks),
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        }),
      )
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)))
    req.on('error', reject)
  })
}

/**
 * Polls GET url every `everyMs` until it answers 200; resolves the ms from `sinceNs`
 * (a process.hrtime.bigint() value) to that 200. Gives up after `limitMs` or when `isDead()`.
 */
export async function pollUntil200(
  url,
  { sinceNs, everyMs = 10, limitMs = 60_000, isDead = () => false },
) {
  const deadline = Date.now() + limitMs
  let last = ''
  for (;;) {
    if (isDead())
      throw new Error(`the server exited before answering 200 (last: ${last || 'no answer'})`)
    try {
      const r = await get(url, {}, 2000)
      if (r.status === 200) return Number(process.hrtime.bigint() - sinceNs) / 1e6
      last = `HTTP ${r.status}`
    } catch (e) {
      last = e.code ?? e.message
    }
    if (Date.now() > deadline)
      throw new Error(`no 200 from ${url} within ${limitMs / 1000} s (last: ${last})`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

// ---------------------------------------------------------------- memory

function readStatusKb(pid, field) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(s)
    return m ? Number(m[1]) : null
  } catch {
    return null
  }
}

/**
 * Samples VmRSS of `pid` every `everyMs`. `stop()` reads VmHWM (the kernel's own peak) one last
 * time and returns { peakRssMb, vmHwmMb, lastRssMb, samples } — call it while the process lives.
 */
export function sampleMemory(pid, everyMs = 200) {
  let peakKb = 0
  let phaseKb = 0
  let lastKb = null
  let samples = 0
  const tick = () => {
    const kb = readStatusKb(pid, 'VmRSS')
    if (kb !== null) {
      samples++
      lastKb = kb
      if (kb > peakKb) peakKb = kb
      if (kb > phaseKb) phaseKb = kb
    }
  }
  tick()
  const timer = setInterval(tick, everyMs)
  timer.unref()
  return {
    /** Peak VmRSS (MB) since the last call, sampled; starts a new phase. */
    phase() {
      tick()
      const mb = Math.round((phaseKb / 1024) * 10) / 10
      phaseKb = 0
      return mb
    },
    stop() {
      clearInterval(timer)
      tick()
      const hwm = readStatusKb(pid, 'VmHWM')
      const mb = (kb) => (kb === null ? null : Math.round((kb / 1024) * 10) / 10)
      return {
        peakRssMb: mb(Math.max(peakKb, hwm ?? 0)),
        vmHwmMb: mb(hwm),
        sampledPeakMb: mb(peakKb),
        lastRssMb: mb(lastKb),
        samples,
      }
    },
  }
}

// ---------------------------------------------------------------- wrk

function toMs(value, unit) {
  const v = Number(value)
  switch (unit) {
    case 'us':
      return v / 1000
    case 'ms':
      return v
    case 's':
      return v * 1000
    case 'm':
      return v * 60_000
    default:
      return NaN
  }
}

/** Parses `wrk --latency` output. */
export function parseWrk(out) {
  const num = (re) => {
    const m = re.exec(out)
    return m ? Number(m[1]) : null
  }
  const lat = (p) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(out)
    return m ? toMs(m[1], m[2]) : null
  }
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  const errors = sock ? sock.slice(1).reduce((a, b) => a + Number(b), 0) : 0
  return {
    reqPerSec: num(/^Requests\/sec:\s+([\d.]+)/m),
    p50Ms: lat('50'),
    p99Ms: lat('99'),
    requests: num(/^\s*(\d+) requests in/m),
    non2xx: num(/Non-2xx or 3xx responses:\s+(\d+)/) ?? 0,
    errors,
    socketErrors: sock
      ? { connect: +sock[1], read: +sock[2], write: +sock[3], timeout: +sock[4] }
      : null,
  }
}

export function runWrk(url, { threads = 1, connections, durationS }) {
  return new Promise((resolve, reject) => {
    let out = ''
    const h = startChild(
      'wrk',
      [`-t${threads}`, `-c${connections}`, `-d${durationS}s`, '--latency', url],
      {
        onLine: (l) => (out += `${l}\n`),
      },
    )
    h.exited.then(({ code, error }) => {
      if (error) return reject(error)
      if (code !== 0) return reject(new Error(`wrk exited with code ${code}:\n${out}`))
      resolve({ ...parseWrk(out), raw: out })
    })
  })
}

export function haveCommand(cmd) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && fs.existsSync(`${dir}/${cmd}`)) return `${dir}/${cmd}`
  }
  return null
}

// ---------------------------------------------------------------- page weight

const attr = (tag, name) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return m ? (m[1] ?? m[2] ?? m[3]).replace(/&amp;/g, '&') : null
}

const IMAGE_EXT = /\.(webp|avif|png|jpe?g|gif|svg)(\?|#|$)/i

/**
 * Subresources a browser fetches before images: stylesheets, scripts, non-image preloads,
 * module preloads, icons and manifests with real (non-data:) URLs.
 */
export function subresources(html) {
  const found = []
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/)
    const href = attr(tag, 'href')
    if (!href || href.startsWith('data:')) continue
    if (rel.includes('stylesheet')) found.push({ kind: 'css', url: href })
    else if (rel.includes('modulepreload')) found.push({ kind: 'js', url: href })
    else if (rel.includes('preload')) {
      const as = (attr(tag, 'as') ?? '').toLowerCase()
      if (as === 'image') continue
      found.push({
        kind: as === 'script' ? 'js' : as === 'style' ? 'css' : `preload:${as || '?'}`,
        url: href,
      })
    } else if (
      rel.includes('icon') ||
      rel.includes('apple-touch-icon') ||
      rel.includes('manifest')
    ) {
      found.push({ kind: rel.includes('manifest') ? 'manifest' : 'icon', url: href })
    }
  }
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src')
    if (src && !src.startsWith('data:')) found.push({ kind: 'js', url: src })
  }
  // Drop duplicates (a preload and its stylesheet are one request).
  const seen = new Set()
  return found.filter((r) => (seen.has(r.url) ? false : (seen.add(r.url), true)))
}

/** url(...) references in a stylesheet that are not images nor data: URLs (fonts, @import). */
export function cssSubresources(css) {
  const out = []
  for (const m of css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/gi))
    out.push({ kind: 'css-import', url: m[1] })
  for (const m of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi)) {
    const u = m[1].trim()
    if (u.startsWith('data:') || u.startsWith('#') || IMAGE_EXT.test(u)) continue
    out.push({ kind: 'css-url', url: u })
  }
  return out
}

/**
 * The article page's weight: gzipped HTML + CSS + JS as sent with `accept-encoding: gzip`,
 * and the number of requests before images.
 */
export async function pageWeight(pageUrl) {
  const gz = { 'accept-encoding': 'gzip' }
  const page = await get(pageUrl, gz)
  if (page.status !== 200) throw new Error(`page weight: ${pageUrl} answered ${page.status}`)
  const zlib = await import('node:zlib')
  const htmlGzip = page.headers['content-encoding'] === 'gzip'
  const html = (htmlGzip ? zlib.gunzipSync(page.body) : page.body).toString('utf8')
  const parts = [
    {
      kind: 'html',
      url: new URL(pageUrl).pathname,
      bytes: page.body.length,
      gzip: htmlGzip,
      status: 200,
    },
  ]
  const queue = subresources(html)
  const notes = []
  for (let i = 0; i < queue.length; i++) {
    const r = queue[i]
    const abs = new URL(r.url, pageUrl)
    if (abs.origin !== new URL(pageUrl).origin) {
      parts.push({ ...r, bytes: null, gzip: null, status: null, note: 'third-party: not fetched' })
      notes.push(`third-party subresource ${abs.href}`)
      continue
    }
    const res = await get(abs.href, gz)
    const isGzip = res.headers['content-encoding'] === 'gzip'
    parts.push({
      ...r,
      url: abs.pathname + abs.search,
      bytes: res.body.length,
      gzip: isGzip,
      status: res.status,
    })
    if (res.status !== 200) notes.push(`${abs.pathname} answered ${res.status}`)
    if (!isGzip && (r.kind === 'css' || r.kind === 'js'))
      notes.push(`${abs.pathname} was not gzipped`)
    if (r.kind === 'css' && res.status === 200) {
      const text = (isGzip ? zlib.gunzipSync(res.body) : res.body).toString('utf8')
      for (const sub of cssSubresources(text)) {
        const u = new URL(sub.url, abs).href
        if (!queue.some((q) => new URL(q.url, pageUrl).href === u)) queue.push({ ...sub, url: u })
      }
    }
  }
  if (!htmlGzip) notes.push('the HTML was not gzipped')
  const sum = (kinds) =>
    parts.filter((p) => kinds.includes(p.kind) && p.bytes).reduce((a, p) => a + p.bytes, 0)
  const htmlBytes = sum(['html'])
  const cssBytes = sum(['css', 'css-import'])
  const jsBytes = sum(['js'])
  return {
    url: new URL(pageUrl).pathname,
    htmlBytes,
    cssBytes,
    jsBytes,
    totalBytes: htmlBytes + cssBytes + jsBytes,
    otherBytes: parts
      .filter((p) => !['html', 'css', 'css-import', 'js'].includes(p.kind))
      .reduce((a, p) => a + (p.bytes ?? 0), 0),
    requestsBeforeImages: parts.length,
    uncompressedHtmlBytes: Buffer.byteLength(html),
    parts,
    notes,
  }
}

// ---------------------------------------------------------------- helpers for bench/admin.mjs

/**
 * Runs a child to completion with `input` written to its stdin (e.g. a password for
 * `masthead user add`). Tracked like startChild's children, so the exit handlers end it too.
 * Resolves { code, signal, error, stdout, stderr }.
 */
export function runChild(cmd, args, { env, cwd, input = '' } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] })
    children.add(child)
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d))
    child.stdin.on('error', () => {}) // the child may exit before reading
    child.stdin.end(input)
    child.once('error', (error) => {
      children.delete(child)
      resolve({ code: null, signal: null, error, stdout, stderr })
    })
    child.once('close', (code, signal) => {
      children.delete(child)
      resolve({ code, signal, stdout, stderr })
    })
  })
}

/**
 * One HTTP request. `body` is a string or Buffer; `agent` an http.Agent (keep-alive, like a
 * browser) or false. Resolves { status, headers, body (utf8 string), ms } where `ms` runs from
 * just before the request is written to the end of the response body (process.hrtime.bigint).
 * Redirects are not followed.
 */
export function request(
  url,
  { method = 'GET', headers = {}, body, agent = false, timeoutMs = 30_000 } = {},
) {
  return new Promise((resolve, reject) => {
    const h = { ...headers }
    if (body !== undefined) h['content-length'] = Buffer.byteLength(body)
    const started = process.hrtime.bigint()
    const req = http.request(url, { method, headers: h, agent, timeout: timeoutMs }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        }),
      )
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)))
    req.on('error', reject)
    req.end(body)
  })
}

/** A tiny cookie jar for one origin: keeps name=value pairs, drops expired (Max-Age=0) ones. */
export class CookieJar {
  #cookies = new Map()

  /** Stores the Set-Cookie headers of a response (`res.headers['set-cookie']`). */
  store(setCookie) {
    for (const line of [setCookie ?? []].flat()) {
      const [pair, ...attrs] = line.split(';')
      const eq = pair.indexOf('=')
      if (eq < 1) continue
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      const expired = attrs.some((a) => {
        const [k, v] = a.split('=').map((s) => s.trim().toLowerCase())
        return (
          (k === 'max-age' && Number(v) <= 0) || (k === 'expires' && Date.parse(v) < Date.now())
        )
      })
      if (expired || value === '') this.#cookies.delete(name)
      else this.#cookies.set(name, value)
    }
  }

  get(name) {
    return this.#cookies.get(name)
  }

  /** The Cookie request header, or undefined when the jar is empty. */
  header() {
    if (!this.#cookies.size) return undefined
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
}

/** An attribute's raw value (character references still encoded). */
const rawAttr = (tag, name) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return m ? (m[1] ?? m[2] ?? m[3]) : null
}

/** Decodes the HTML character references a server-side renderer emits. */
export function decodeHtml(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/gi, (m, e) => {
    const k = e.toLowerCase()
    if (k[0] === '#')
      return String.fromCodePoint(k[1] === 'x' ? parseInt(k.slice(2), 16) : Number(k.slice(1)))
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[k] ?? m
  })
}

/**
 * The fields a browser would submit for the first <form method="post"> in `html` (or the form
 * whose action is `action`): inputs (checkboxes and radios when checked), selects (the selected
 * option, else the first), textareas. Returns [name, value] pairs, in document order.
 */
export function formFields(html, action) {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)]
  const form = forms.find(
    (f) =>
      /\smethod\s*=\s*["']?post/i.test(f[1]) &&
      (action === undefined || rawAttr(f[1], 'action') === action),
  )
  if (!form) return null
  const inner = form[2]
  const pairs = []
  const re =
    /<input\b([^>]*)>|<select\b([^>]*)>([\s\S]*?)<\/select>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi
  for (const m of inner.matchAll(re)) {
    if (m[1] !== undefined) {
      const tag = m[1]
      const name = rawAttr(tag, 'name')
      if (!name || /\sdisabled\b/i.test(tag)) continue
      const type = (rawAttr(tag, 'type') ?? 'text').toLowerCase()
      if (['submit', 'button', 'reset', 'image', 'file'].includes(type)) continue
      if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/i.test(tag)) continue
      pairs.push([name, decodeHtml(rawAttr(tag, 'value') ?? (type === 'checkbox' ? 'on' : ''))])
    } else if (m[2] !== undefined) {
      const name = rawAttr(m[2], 'name')
      if (!name || /\sdisabled\b/i.test(m[2])) continue
      const options = [...m[3].matchAll(/<option\b([^>]*)>([\s\S]*?)(?=<\/option>|<option\b|$)/gi)]
      const chosen = options.find((o) => /\sselected\b/i.test(o[1])) ?? options[0]
      if (chosen) pairs.push([name, decodeHtml(rawAttr(chosen[1], 'value') ?? chosen[2].trim())])
    } else {
      const name = rawAttr(m[4], 'name')
      if (!name || /\sdisabled\b/i.test(m[4])) continue
      // A browser drops one newline right after <textarea>.
      pairs.push([name, decodeHtml(m[5]).replace(/^\r?\n/, '')])
    }
  }
  return pairs
}

/** The options of <select id="…"> as [{ value, label }], without the empty "any" option. */
export function selectOptions(html, id) {
  const m = new RegExp(`<select\\b[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</select>`, 'i').exec(html)
  if (!m) return []
  return [...m[1].matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)]
    .map((o) => ({
      value: decodeHtml(rawAttr(o[1], 'value') ?? ''),
      label: decodeHtml(o[2].trim()),
    }))
    .filter((o) => o.value !== '')
}

/**
 * Latency percentiles (nearest rank) of a list of milliseconds, rounded to 0.001 ms:
 * { n, p50, p95, p99, max, mean }.
 */
export function percentiles(samples) {
  const s = [...samples].sort((a, b) => a - b)
  const r3 = (x) => (x === undefined ? null : Math.round(x * 1000) / 1000)
  const at = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
  return {
    n: s.length,
    p50: r3(at(50)),
    p95: r3(at(95)),
    p99: r3(at(99)),
    max: r3(s.at(-1)),
    mean: r3(s.length ? s.reduce((a, b) => a + b, 0) / s.length : undefined),
  }
}

/** A plain-text table: `align` holds 'l' or 'r' per column. */
export function textTable(rows, headers, align) {
  const w = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)))
  const line = (cells) =>
    cells
      .map((c, i) =>
        align[i] === 'r' ? String(c ?? '').padStart(w[i]) : String(c ?? '').padEnd(w[i]),
      )
      .join('  ')
      .trimEnd()
  return [line(headers), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n')
}

/** Node, CPU, memory, date and the git commit (and whether the tree has uncommitted changes). */
export function machineInfo(root) {
  const git = (...args) => {
    try {
      return execFileSync('git', args, {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim()
    } catch {
      return null
    }
  }
  const cpus = os.cpus()
  const status = git('status', '--porcelain')
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model ?? null,
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    gitCommit: git('rev-parse', 'HEAD'),
    gitDirty: status === null ? null : status.length > 0,
  }
}
