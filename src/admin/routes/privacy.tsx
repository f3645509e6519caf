import { MAX_SITE_TEXT } from '../../content/index.js'
import { AppError, isAppError } from '../../lib/errors.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { page } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Field, formBody } from '../schemas.js'
import { type AdminContext, AdminLayout, Problems } from '../views/shell.js'

const PrivacyBody = formBody({ text: Field })

function PrivacyForm(props: {
  ctx: AdminContext
  html: string
  custom: boolean
  notice?: string | undefined
  problems?: readonly string[]
}) {
  return (
    <AdminLayout ctx={props.ctx} title="Privacy page">
      <h1>Privacy page</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice} <a href="/privacy">See the page</a>
        </p>
      )}
      <Problems problems={props.problems ?? []} />
      <p>
        What readers read at <a href="/privacy">/privacy</a>, linked beside every newsletter
        sign-up. {props.custom ? 'This is your own text.' : 'This is the built-in text.'} Write in
        HTML: paragraphs, headings, lists and links are kept, anything else is removed when you
        save. Save an empty text to bring the built-in one back.
      </p>
      <form method="post" action="/admin/privacy">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <label for="privacy-text">Text</label>
        <textarea id="privacy-text" name="text" rows={18} maxLength={MAX_SITE_TEXT}>
          {props.html}
        </textarea>
        <button class="button" type="submit">
          Save
        </button>
      </form>
    </AdminLayout>
  )
}

/** The privacy page's editor: owners and admins (settings.manage). */
export function privacyRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  const { siteText } = deps
  const service = () => {
    if (!siteText) throw new AppError('NOT_FOUND', { status: 404, message: 'Not available' })
    return siteText
  }
  return [
    adminRoute({
      method: 'GET',
      url: '/admin/privacy',
      permission: 'settings.manage',
      area: 'privacy',
      nav: { label: 'Privacy page' },
      handler: async (_req, reply, ctx) => {
        const { html, custom } = await service().privacyHtml()
        return page(reply, <PrivacyForm ctx={ctx} html={html} custom={custom} />)
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/privacy',
      permission: 'settings.manage',
      area: 'privacy',
      schema: { body: PrivacyBody },
      handler: async (req, reply, ctx) => {
        const { text } = req.body
        try {
          await service().savePrivacy(text)
        } catch (err) {
          if (isAppError(err) && err.status < 500)
            return page(
              reply,
              <PrivacyForm ctx={ctx} html={text} custom problems={[...err.details]} />,
              err.status,
            )
          throw err
        }
        await tools.audit(ctx, 'privacy.update', 'page:privacy')
        const { html, custom } = await service().privacyHtml()
        return page(
          reply,
          <PrivacyForm
            ctx={ctx}
            html={html}
            custom={custom}
            notice={custom ? 'Saved. Readers see the new text now.' : 'The built-in text is back.'}
          />,
        )
      },
    }),
  ]
}
