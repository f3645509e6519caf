import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp, type App } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import type { DialectName, Storage } from '../../src/storage/index.js'
import type { Clock } from '../../src/lib/clock.js'
import { type MailTransport, createMemoryTransport } from '../../src/email/index.js'
import { openTestStorage } from './dialects.js'

export interface TestApp extends App {
  storage: Storage
  /** MEDIA_DIR: a temporary folder of this app's own, removed on close. */
  mediaDir: string
  close(): Promise<void>
}

/** The real app over a fresh database, for `inject()` tests: no socket, no mocks. */
export async function buildTestApp(
  dialect: DialectName,
  opts: {
    env?: Record<string, string>
    clock?: Clock
    sitemapPerFile?: number
    mail?: MailTransport
    jobPollMs?: number
    sendLeaseMs?: number
  } = {},
): Promise<TestApp> {
  const storage = await openTestStorage(dialect)
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-media-'))
  const config = loadConfig({ MEDIA_DIR: mediaDir, LOG_LEVEL: 'silent', ...opts.env })
  const app = await buildApp({
    config,
    storage,
    logger: false,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.sitemapPerFile ? { sitemapPerFile: opts.sitemapPerFile } : {}),
    mail: opts.mail ?? createMemoryTransport(),
    ...(opts.jobPollMs ? { jobPollMs: opts.jobPollMs } : {}),
    ...(opts.sendLeaseMs ? { sendLeaseMs: opts.sendLeaseMs } : {}),
  })
  await app.http.ready()
  return {
    ...app,
    storage,
    mediaDir,
    async close() {
      await app.http.close()
      await storage.close()
      fs.rmSync(mediaDir, { recursive: true, force: true })
    },
  }
}
