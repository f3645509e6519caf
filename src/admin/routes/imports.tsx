import { z } from 'zod'
import { IdParams } from '../../http/schemas.js'
import { ImportError } from '../../imports/import-error.js'
import { IMPORT_SOURCES, type ImportSourceName } from '../../imports/import-runs.js'
import { AppError } from '../../lib/errors.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { page } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Anything, Field, formBody } from '../schemas.js'
import { ImportRunPage, ImportsAdmin } from '../views/imports.js'
import type { AdminContext } from '../views/shell.js'

/** What the upload scope (plugin.ts) puts in the body for the file: where it was written. */
export const StreamedFile = z.object({
  tempPath: z.string(),
  fileName: z.string(),
  truncated: z.boolean(),
})

const UploadBody = formBody({
  source: Field,
  dryRun: Field,
  subscribers: Field,
  file: Anything,
})

/** Imports from WordPress, Ghost and Substack (ADR 029): owners and admins. */
export function importRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  const service = () => {
    if (!deps.imports) throw new AppError('NOT_FOUND', { status: 404, message: 'Not available' })
    return deps.imports
  }
  const listed = async (ctx: AdminContext, more: { problems?: string[]; source?: string } = {}) => (
    <ImportsAdmin ctx={ctx} runs={await service().list()} maxBytes={service().maxBytes} {...more} />
  )
  return [
    adminRoute({
      method: 'GET',
      url: '/admin/imports',
      permission: 'settings.manage',
      area: 'imports',
      nav: { label: 'Imports' },
      handler: async (_req, reply, ctx) => page(reply, await listed(ctx)),
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/imports',
      permission: 'settings.manage',
      area: 'imports',
      upload: 'stream',
      schema: { body: UploadBody },
      handler: async (req, reply, ctx) => {
        const { source, dryRun, subscribers } = req.body
        const file = StreamedFile.safeParse(req.body.file)
        const refuse = (status: number, code: string, message: string) =>
          listed(ctx, { problems: [`${message} [${code}]`], source }).then((p) =>
            page(reply, p, status),
          )
        if (!IMPORT_SOURCES.includes(source as ImportSourceName))
          return refuse(422, 'VALIDATION_FAILED', 'Choose where the export comes from.')
        if (!file.success)
          return refuse(422, 'IMPORT_UPLOAD_MISSING', 'Choose the export file to upload.')
        try {
          const run = await service().start({
            source: source as ImportSourceName,
            ...file.data,
            dryRun: dryRun === 'on',
            subscribers: subscribers === 'on',
            staffId: ctx.staff?.id ?? null,
          })
          await tools.audit(
            ctx,
            'import.start',
            `import:${run.id}`,
            `${run.source} ${run.fileName} (${run.size} bytes)${run.dryRun ? ', dry run' : ''}${run.subscribers ? ', subscribers' : ''}`,
          )
          return reply.redirect(`/admin/imports/${run.id}`, 303)
        } catch (err) {
          if (!(err instanceof ImportError)) throw err
          const status =
            err.code === 'IMPORT_UPLOAD_TOO_LARGE'
              ? 413
              : err.code === 'IMPORT_WRONG_TYPE'
                ? 415
                : 422
          return refuse(status, err.code, err.message)
        }
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/imports/:id',
      permission: 'settings.manage',
      area: 'imports',
      schema: { params: IdParams },
      missing: 'No such import',
      handler: async (req, reply, ctx) => {
        const run = await service().find(req.params.id)
        if (!run) throw new AppError('NOT_FOUND', { message: 'No such import' })
        return page(reply, <ImportRunPage ctx={ctx} run={run} />)
      },
    }),
  ]
}
