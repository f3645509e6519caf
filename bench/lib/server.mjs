// The compiled app served as a child process, as `npm start` runs it, against a bench database.
import { childEnv } from './databases.mjs'
import { sampleMemory } from './measure.mjs'
import { freePort, pollUntil200 } from './network.mjs'
import { startChild, stopChild } from './processes.mjs'
import { MAIN, ROOT, START_FLAGS, round } from './setup.mjs'

/**
 * Spawns `serve` and polls `readyPath` every `everyMs`: the time from spawn to the first 200 is
 * `readyMs` (the cold start). Memory is sampled from spawn on. Log lines at warn or above (or
 * not JSON at all) are counted in `logs.problemCount`, the first ten kept in `logs.problems`.
 */
export async function startServer(db, { env = {}, readyPath = '/', everyMs = 10 } = {}) {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const logs = { lines: [], problems: [], problemCount: 0 }
  const spawnNs = process.hrtime.bigint()
  const handle = startChild(process.execPath, [...START_FLAGS, MAIN, 'serve', '--no-seed'], {
    cwd: ROOT,
    env: childEnv(db, { PORT: String(port), ...env }),
    onLine: (line) => {
      if (!line.trim()) return
      if (logs.lines.length < 200) logs.lines.push(line)
      if (/Masthead is serving/.test(line)) return
      // pino JSON at warn (40) or above, or anything that is not JSON (stderr, crashes).
      let level = 50
      let msg = line
      try {
        const j = JSON.parse(line)
        level = j.level ?? 50
        msg = `${j.msg ?? ''}${j.err?.message ? `: ${j.err.message}` : ''}`
      } catch {
        /* not JSON */
      }
      if (level >= 40) {
        logs.problemCount++
        if (logs.problems.length < 10) logs.problems.push(msg.slice(0, 300))
      }
    },
  })
  const mem = sampleMemory(handle.child.pid, 200)
  let dead = false
  handle.exited.then(() => (dead = true))
  let readyMs
  try {
    readyMs = await pollUntil200(`${base}${readyPath}`, {
      sinceNs: spawnNs,
      everyMs,
      isDead: () => dead,
    })
  } catch (e) {
    mem.stop()
    await stopChild(handle)
    throw new Error(`${e.message}\nserver output:\n${logs.lines.slice(-20).join('\n')}`)
  }
  return {
    base,
    port,
    pid: handle.child.pid,
    readyMs: round(readyMs),
    logs,
    isDead: () => dead,
    memoryPhase: () => mem.phase(),
    async stop() {
      const memory = dead ? { peakRssMb: null, note: 'the server had exited' } : mem.stop()
      const exit = await stopChild(handle)
      return { memory, exit }
    },
    /** Stops the server: its memory, exit and log problems, as the results file keeps them. */
    async finish() {
      const s = await this.stop()
      return { ...s, logProblems: logs.problemCount, logSample: logs.problems }
    },
  }
}
