// Child processes for the benchmarks: started, tracked and ended together.
import { spawn } from 'node:child_process'

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
