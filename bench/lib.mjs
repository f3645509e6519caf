// Helpers for bench/run.mjs: child processes, plain HTTP, memory sampling, wrk, page weight.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'

// ---------------------------------------------------------------- child processes

/** Every child still running, so one handler can end them all (by pid) on exit or error. */
const children = new Set()

/**
 * Spawns a child with piped output. `onLine(line, stream)` sees every output line.
 * Returns { child, exited } where `exited` resolves to { code, signal }.
 */
export function startChild(cmd, args, { env, cwd, onLine } = {}) {
  const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
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
