import { type ChildProcess, spawn } from 'node:child_process'
import assert from 'node:assert/strict'
import { type SmtpSink, until } from './smtp-sink.js'

export interface WorkerProcess {
  child: ChildProcess
  /** Everything the worker printed so far (pino lines on stdout, anything on stderr). */
  output(): string
}

/** `masthead worker` in a process of its own, as production runs it. */
export function startWorkerProcess(
  databaseUrl: string,
  sink: SmtpSink,
  env: Record<string, string> = {},
): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'worker'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SMTP_URL: sink.url,
      SMTP_MAX_CONNECTIONS: '2',
      PUBLIC_URL: 'https://news.example.org',
      MAIL_FROM: 'news@example.org',
      SEND_LEASE_SECONDS: '2',
      // Info: the few lines a worker logs about a send are what to read when a test fails.
      LOG_LEVEL: process.env.KILL_TEST_LOG_LEVEL ?? 'info',
      SEED_DEMO_WHEN_EMPTY: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  for (const s of [child.stdout, child.stderr])
    s?.on('data', (d: Buffer) => {
      out += d.toString()
      if (process.env.KILL_TEST_LOG_LEVEL) process.stderr.write(`# worker: ${d.toString()}`)
    })
  return { child, output: () => out }
}

/** Resolves when the process has exited (at once if it already has). */
export const exited = (c: ChildProcess) =>
  c.exitCode !== null || c.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => c.once('exit', () => r()))

/** pino lines at error level or worse, and anything that looks like a crash. */
export function errorLines(output: string): string[] {
  return output
    .split('\n')
    .filter((l) => /"level":(50|60)/.test(l) || /Unhandled|Cannot use a pool|^\s+at /.test(l))
}

/**
 * The worker started after a crash: waits for it to start and for `done` (the send finished),
 * then stops it as production would and checks it went cleanly: exit 0, no error lines.
 */
export async function finishWithWorker(
  worker: WorkerProcess,
  done: () => Promise<boolean>,
): Promise<void> {
  const { child } = worker
  await until(
    () => /"msg":"worker started"/.test(worker.output()) || child.exitCode !== null,
    'the second worker to start',
    180_000,
  )
  await until(done, 'the restarted worker to finish', 120_000).catch((e: Error) => {
    throw new Error(`${e.message}\n${worker.output()}`)
  })
  // Stopped right after a send, it drains and exits cleanly (no pool used after its end).
  child.kill('SIGTERM')
  await exited(child)
  assert.equal(child.exitCode, 0, worker.output())
  assert.deepEqual(errorLines(worker.output()), [])
}

/** The Message-IDs each address received, in order of arrival. */
export function messageIdsByAddress(sink: SmtpSink): Map<string, string[]> {
  const ids = new Map<string, string[]>()
  for (const m of sink.received)
    for (const t of m.to) ids.set(t, [...(ids.get(t) ?? []), m.messageId])
  return ids
}
