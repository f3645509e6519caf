/**
 * Imports started in the admin (ADR 029): the upload is checked for its kind, kept in the
 * imports folder (inside MEDIA_DIR, under a name the media route never serves) until its run
 * ends, recorded in `import_run` and queued as an `import.run` job. The job's handler is
 * import-run.job.ts. A bad upload leaves no file and no row.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Clock } from '../lib/clock.js'
import type { JobQueue } from '../jobs/index.js'
import { ImportError } from './import-error.js'
import type { ImportRun, ImportRunRepository } from './import-run-repository.js'
import type { ImportReport } from './report.js'

export const IMPORT_SOURCES = ['wordpress', 'ghost', 'substack'] as const
export type ImportSourceName = (typeof IMPORT_SOURCES)[number]

/** A queued run not taken by a worker in this time is sent again. */
export const QUEUE_WAIT_MS = 5 * 60_000

const KINDS: Record<
  ImportSourceName,
  { ext: string; what: string; looks: (head: Buffer) => boolean }
> = {
  wordpress: {
    ext: '.xml',
    what: 'a WordPress export (.xml)',
    looks: (h) => /^(\uFEFF)?\s*<(\?xml|rss)\b/.test(h.toString('utf8')),
  },
  ghost: {
    ext: '.json',
    what: 'a Ghost export (.json)',
    looks: (h) => /^(\uFEFF)?\s*\{/.test(h.toString('utf8')),
  },
  substack: {
    ext: '.zip',
    what: 'a Substack export (.zip)',
    looks: (h) => h.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
  },
}

export interface UploadedExport {
  source: ImportSourceName
  /** The name the browser gave (shown only). */
  fileName: string
  /** Where the upload was written, inside `incoming()`. */
  tempPath: string
  /** The upload went past the size limit and was cut off. */
  truncated: boolean
  dryRun: boolean
  subscribers: boolean
  staffId: number | null
}

export interface ImportRunView extends Omit<ImportRun, 'report'> {
  report: ImportReport | null
}

export interface ImportRuns {
  /** The folder uploads are written to (made when first asked). */
  incoming(): string
  /** The most an upload may be, in bytes (IMPORT_UPLOAD_MAX_MB). */
  maxBytes: number
  /** Checks the upload and queues its run; an ImportError (and no file left) when refused. */
  start(u: UploadedExport): Promise<ImportRunView>
  list(): Promise<ImportRunView[]>
  find(id: number): Promise<ImportRunView | undefined>
  /** The kept file of a run. */
  fileOf(run: Pick<ImportRun, 'storedFile'>): string
}

export interface ImportRunsDeps {
  repo: ImportRunRepository
  jobs: Pick<JobQueue, 'send'>
  clock: Clock
  /** MEDIA_DIR: uploads are kept in its `imports` folder. */
  mediaDir: string
  maxBytes: number
}

const view = (r: ImportRun): ImportRunView => ({
  ...r,
  report: r.report ? (JSON.parse(r.report) as ImportReport) : null,
})

const remove = (file: string) => fs.promises.rm(file, { force: true })

export function createImportRuns(deps: ImportRunsDeps): ImportRuns {
  const folder = path.resolve(deps.mediaDir, 'imports')
  const fileOf = (r: Pick<ImportRun, 'storedFile'>) => path.join(folder, r.storedFile)
  return {
    maxBytes: deps.maxBytes,
    incoming() {
      fs.mkdirSync(folder, { recursive: true })
      return folder
    },
    fileOf,
    async start(u) {
      try {
        if (path.dirname(path.resolve(u.tempPath)) !== folder)
          throw new Error('An upload must be written to the imports folder')
        const kind = KINDS[u.source]
        if (u.truncated)
          throw new ImportError(
            'IMPORT_UPLOAD_TOO_LARGE',
            `The file is larger than ${Math.round(deps.maxBytes / 1024 / 1024)} MB, the most an upload may be. Import it with the command line (masthead import ${u.source} FILE) instead.`,
          )
        const size = (await fs.promises.stat(u.tempPath)).size
        if (size === 0)
          throw new ImportError('IMPORT_UPLOAD_MISSING', `Choose ${kind.what} to upload.`)
        const head = Buffer.alloc(Math.min(size, 4096))
        const fd = await fs.promises.open(u.tempPath, 'r')
        try {
          await fd.read(head, 0, head.length, 0)
        } finally {
          await fd.close()
        }
        if (!kind.looks(head))
          throw new ImportError(
            'IMPORT_WRONG_TYPE',
            `This file is not ${kind.what}. Check which system it came from, and choose that one.`,
          )
        const storedFile = `${crypto.randomBytes(12).toString('hex')}${kind.ext}`
        await fs.promises.rename(u.tempPath, fileOf({ storedFile }))
        const now = deps.clock.now()
        const id = await deps.repo
          .insert({
            source: u.source,
            fileName: u.fileName.slice(0, 200),
            storedFile,
            size,
            dryRun: u.dryRun,
            subscribers: u.subscribers,
            createdBy: u.staffId,
            at: now,
            leaseUntil: now.getTime() + QUEUE_WAIT_MS,
          })
          .catch(async (err: unknown) => {
            await remove(fileOf({ storedFile }))
            throw err
          })
        // Queued after the row is written: if the queue fails now, the worker's tick sends it.
        await deps.jobs.send('import.run', { run: id }).catch(() => {})
        return view((await deps.repo.find(id))!)
      } finally {
        await remove(u.tempPath)
      }
    },
    list: async () => (await deps.repo.list(100)).map(view),
    async find(id) {
      const r = await deps.repo.find(id)
      return r && view(r)
    },
  }
}
