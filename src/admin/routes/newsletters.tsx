import { AppError, isAppError } from '../../lib/errors.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { page, problemsOf } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Field, formBody } from '../schemas.js'
import { NewslettersAdmin } from '../views/newsletters.js'

const NewsletterBody = formBody({
  name: Field,
  slug: Field,
  description: Field,
  cadence: Field,
  language: Field,
})

/** The newsletters with their subscriber counts, and adding one. */
export function newsletterRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  async function newsletterRows() {
    const service = deps.newsletters
    const list = service ? await service.listNewsletters() : []
    return Promise.all(
      list.map(async (n) => ({ ...n, counts: await service!.countByStatus(n.id) })),
    )
  }

  return [
    adminRoute({
      method: 'GET',
      url: '/admin/newsletters',
      permission: 'newsletter.manage',
      area: 'newsletters',
      nav: { label: 'Newsletters' },
      handler: async (_req, reply, ctx) =>
        page(reply, <NewslettersAdmin ctx={ctx} newsletters={await newsletterRows()} />),
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/newsletters',
      permission: 'newsletter.manage',
      area: 'newsletters',
      schema: { body: NewsletterBody },
      handler: async (req, reply, ctx) => {
        const values = req.body
        if (!deps.newsletters)
          throw new AppError('NOT_FOUND', { status: 404, message: 'Newsletters are off' })
        const show = async (status: number, problems: string[], notice?: string) =>
          page(
            reply,
            <NewslettersAdmin
              ctx={ctx}
              newsletters={await newsletterRows()}
              problems={problems}
              notice={notice}
              values={problems.length ? values : undefined}
            />,
            status,
          )
        try {
          const id = await deps.newsletters.createNewsletter(values)
          await tools.audit(ctx, 'newsletter.create', `newsletter:${id}`, values.name)
          deps.onNewslettersChanged?.()
        } catch (err) {
          if (isAppError(err) && err.status < 500) return show(err.status, problemsOf(err))
          throw err
        }
        return show(201, [], `Added ${values.name}. Its sign-up box now shows under articles.`)
      },
    }),
  ]
}
