import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp, type App } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import {
  connect,
  migrateToLatest,
  type DialectName,
  type Storage,
} from '../../src/storage/index.js'
import { openTestStorage, TEST_DATABASE_URL } from './dialects.js'
import { draftEditionOfOneStory } from './newsletter.js'
import { startSmtpSink, type SmtpSink } from './smtp-sink.js'
import { exited } from './worker-process.js'

/**
 * A database a `masthead worker` process can open by URL (a file for SQLite, this suite's
 * schema for PostgreSQL), an app on it in this process to set the scene, and an SMTP sink.
 */
export interface WorkerFixture {
  storage: Storage
  app: App
  /** DATABASE_URL for the worker process. */
  url: string
  sink: SmtpSink
  /** Worker processes to kill when the suite ends. */
  children: ChildProcess[]
  /** One confirmed subscriber per address, an edition with one story, approved: its id. */
  approvedEdition(o: { emails: string[]; subject: string; intro: string }): Promise<number>
  close(): Promise<void>
}

export async function openWorkerFixture(
  dialect: DialectName,
  sinkOptions: Parameters<typeof startSmtpSink>[0] = {},
): Promise<WorkerFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-worker-'))
  let storage: Storage
  let url: string
  if (dialect === 'sqlite') {
    url = `sqlite:${path.join(dir, 'masthead.db')}`
    storage = await connect(url)
    await migrateToLatest(storage.db)
  } else {
    storage = await openTestStorage('postgres')
    const u = new URL(TEST_DATABASE_URL)
    u.searchParams.set('schema', storage.schema!)
    url = u.toString()
  }
  const sink = await startSmtpSink(sinkOptions)
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', MEDIA_DIR: dir, MAIL_FROM: 'news@example.org' }),
    storage,
    logger: false,
  })
  const children: ChildProcess[] = []
  return {
    storage,
    app,
    url,
    sink,
    children,
    async approvedEdition(o) {
      const { editionId } = await draftEditionOfOneStory(app, storage, o)
      await app.editions.approve(editionId, null)
      return editionId
    },
    async close() {
      for (const c of children) c.kill('SIGKILL')
      await Promise.all(children.map(exited))
      await app.http.close()
      await storage.close()
      await sink.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
