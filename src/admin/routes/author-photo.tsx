import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import { processUpload, removeStoredImage } from '../../files/index.js'
import { Id } from '../../http/schemas.js'
import { AppError, isAppError } from '../../lib/errors.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { page, problemsOf } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Anything, WholeForm, formBody, lenient } from '../schemas.js'
import type { AdminContext } from '../views/shell.js'
import { TAXONOMY_FIELDS, TaxonomyEdit } from '../views/taxonomy.js'

const text = lenient((v): string => (typeof v === 'string' ? v : ''))
/** A multipart form: the photo and its words (the caption is not shown on an author page). */
const PhotoBody = formBody({ file: Anything, alt: text, credit: text })
const Params = z.object({ id: Id })

/**
 * An author page's photo: uploaded into the media library (stripped of location and camera
 * data like any upload) and named as the author's, or taken off the page. The taxonomy edit
 * page shows both forms.
 */
export function authorPhotoRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  const { content, repo } = deps
  /** The author's edit page again, with problems: nothing has changed. */
  async function refused(
    reply: FastifyReply,
    ctx: AdminContext,
    id: number,
    problems: string[],
    status: number,
  ) {
    const row = await repo.findTaxonomy('author', id)
    if (!row) throw new AppError('NOT_FOUND', { status: 404, message: 'No such author' })
    const values = Object.fromEntries(
      TAXONOMY_FIELDS.author.map((f) => [
        f.name,
        f.fromStored ? f.fromStored(row[f.name]) : String(row[f.name] ?? ''),
      ]),
    )
    return page(
      reply,
      <TaxonomyEdit
        ctx={ctx}
        kind="author"
        id={id}
        values={values}
        problems={problems}
        photo={await repo.authorPhoto(id)}
      />,
      status,
    )
  }
  return [
    adminRoute({
      method: 'POST',
      url: '/admin/taxonomy/author/:id/photo',
      permission: 'taxonomy.manage',
      area: 'taxonomy',
      missing: 'No such author',
      upload: true,
      schema: { params: Params, body: PhotoBody },
      handler: async (req, reply, ctx) => {
        const { id } = req.params
        const { file, alt, credit } = req.body
        if (!(await repo.findTaxonomy('author', id)))
          throw new AppError('NOT_FOUND', { status: 404, message: 'No such author' })
        if (!Buffer.isBuffer(file) || file.length === 0)
          return refused(reply, ctx, id, ['Photo: choose a photo to upload'], 422)
        if (!alt.trim())
          return refused(
            reply,
            ctx,
            id,
            ['Alt text: describe what the photo shows, for readers who cannot see it'],
            422,
          )
        let stored: Awaited<ReturnType<typeof processUpload>>
        try {
          stored = await processUpload(deps.media, file)
        } catch (err) {
          if (isAppError(err) && err.status < 500)
            return refused(reply, ctx, id, [err.message], err.status)
          throw err
        }
        let imageId: number
        try {
          imageId = await content.createImage(stored, { alt, caption: '', credit })
        } catch (err) {
          // A refused form leaves no files behind.
          await removeStoredImage(deps.media, stored.storageKey)
          if (isAppError(err) && err.status < 500)
            return refused(reply, ctx, id, problemsOf(err), err.status)
          throw err
        }
        await content.setAuthorPhoto(id, imageId)
        await tools.audit(ctx, 'author.photo', `author:${id}`, `image:${imageId}`)
        return reply.redirect(`/admin/taxonomy/author/${id}`, 303)
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/taxonomy/author/:id/photo/remove',
      permission: 'taxonomy.manage',
      area: 'taxonomy',
      missing: 'No such author',
      schema: { params: Params, body: WholeForm },
      handler: async (req, reply, ctx) => {
        const { id } = req.params
        await content.setAuthorPhoto(id, null)
        await tools.audit(ctx, 'author.photo', `author:${id}`, 'removed')
        return reply.redirect(`/admin/taxonomy/author/${id}`, 303)
      },
    }),
  ]
}
