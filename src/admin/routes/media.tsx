import { z } from 'zod'
import { imagePath } from '../../content/index.js'
import { processUpload, removeStoredImage } from '../../files/index.js'
import { isAppError } from '../../lib/errors.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { page, problemsOf } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Anything, formBody, lenient } from '../schemas.js'
import { MediaView } from '../views/media.js'

const SearchQuery = z.object({ q: lenient((v) => String(v ?? '').slice(0, 200)) })
const text = lenient((v): string => (typeof v === 'string' ? v : ''))
/** A multipart form: the photo, and the words that go with it. */
const UploadBody = formBody({ file: Anything, alt: text, caption: text, credit: text })

/** The photo library: search and upload. */
export function mediaRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  return [
    adminRoute({
      method: 'GET',
      url: '/admin/media',
      permission: 'article.draft',
      area: 'media',
      nav: { label: 'Media', everyone: true },
      schema: { querystring: SearchQuery },
      handler: async (req, reply, ctx) => {
        const { q } = req.query
        return page(
          reply,
          <MediaView ctx={ctx} images={await deps.repo.searchImages(q, 60)} q={q} />,
        )
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/media.json',
      permission: 'article.draft',
      area: 'media',
      schema: { querystring: SearchQuery },
      // The editor's photo picker: the whole library searched, each photo with a small copy.
      handler: async (req, reply) => {
        const images = await deps.repo.searchImages(req.query.q, 24)
        return reply.header('cache-control', 'no-store').send({
          images: images.map((i) => ({
            id: i.id,
            alt: i.alt,
            caption: i.caption,
            thumb: imagePath(i, i.widths[0] ?? i.width),
          })),
        })
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/media',
      permission: 'article.draft',
      area: 'media',
      upload: true,
      schema: { body: UploadBody },
      handler: async (req, reply, ctx) => {
        const { file, ...values } = req.body
        const show = async (problems: string[], status: number, notice?: string) =>
          page(
            reply,
            <MediaView
              ctx={ctx}
              images={await deps.repo.searchImages('', 60)}
              q=""
              problems={problems}
              notice={notice}
              values={problems.length ? values : undefined}
            />,
            status,
          )
        if (!Buffer.isBuffer(file) || file.length === 0)
          return show(['File: choose a photo to upload'], 422)
        // Words first: a refused form must leave no files behind.
        if (!values.alt.trim())
          return show(
            ['Alt text: describe what the picture shows, for readers who cannot see it'],
            422,
          )
        let stored: Awaited<ReturnType<typeof processUpload>>
        try {
          stored = await processUpload(deps.media, file)
        } catch (err) {
          if (isAppError(err) && err.status < 500) return show([err.message], err.status)
          throw err
        }
        try {
          const id = await deps.content.createImage(stored, values)
          await tools.audit(
            ctx,
            'image.upload',
            `image:${id}`,
            `${stored.sourceType} ${stored.width}x${stored.height}`,
          )
          return show(
            [],
            201,
            `Uploaded as image ${id}${stored.animated ? ' (first frame of an animation)' : ''}. Location and camera data were removed.`,
          )
        } catch (err) {
          await removeStoredImage(deps.media, stored.storageKey)
          if (isAppError(err) && err.status < 500) return show(problemsOf(err), err.status)
          throw err
        }
      },
    }),
  ]
}
