/**
 * Uploads written to disk as they arrive (an export to import, up to IMPORT_UPLOAD_MAX_MB):
 * never held in memory. The file goes to the imports folder under a temporary name; the body
 * gets `{ tempPath, fileName, truncated }` in its place. The session, CSRF and permission are
 * checked after the body is read (the gate needs the form's fields), so whatever the route
 * does not keep (a refused or failed request) is deleted before the response is sent.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { FastifyInstance } from 'fastify'
import type multipartPlugin from '@fastify/multipart'
import type { MultipartFile } from '@fastify/multipart'

export async function registerStreamedUploads(
  parent: FastifyInstance,
  multipart: typeof multipartPlugin,
  target: { incoming(): string; maxBytes: number },
  routes: (scope: FastifyInstance) => void,
): Promise<void> {
  await parent.register(async (scope) => {
    const written = new WeakMap<object, string>()
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      // A file over the limit is cut off and marked; the route refuses it with its code.
      throwFileSizeLimit: false,
      limits: { fileSize: target.maxBytes, files: 1, fields: 8, parts: 10, fieldSize: 100_000 },
      async onFile(this: object, part: MultipartFile) {
        const tempPath = path.join(
          target.incoming(),
          `upload-${crypto.randomBytes(12).toString('hex')}.part`,
        )
        written.set(this, tempPath)
        await pipeline(part.file, fs.createWriteStream(tempPath))
        ;(part as unknown as { value: unknown }).value = {
          tempPath,
          fileName: part.filename,
          truncated: part.file.truncated,
        }
      },
    })
    const forget = async (req: object) => {
      const file = written.get(req)
      if (file) await fs.promises.rm(file, { force: true })
    }
    // Before the answer goes out: a refused upload is gone by the time its page is read.
    scope.addHook('onSend', async (req, _reply, payload) => {
      await forget(req)
      return payload
    })
    scope.addHook('onRequestAbort', forget)
    routes(scope)
  })
}
