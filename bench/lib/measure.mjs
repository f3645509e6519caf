// Measuring: memory of a process, wrk runs, percentiles, tables and the machine's description.
import { execFileSync } from 'node:child_process'
import { startChild } from './processes.mjs'
import fs from 'node:fs'
import os from 'node:os'

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
