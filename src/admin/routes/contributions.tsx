import { z } from 'zod'
import { CSV_HEADER, csvRow } from '../../contributions/index.js'
import { AppError, isAppError } from '../../lib/errors.js'
import { appealFormValues, appealFromForm } from '../appeal-form.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { page, problemsOf } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { WholeForm, lenient } from '../schemas.js'
import { AppealForm, ContributionsDashboard } from '../views/contributions.js'

/** `?language=` of the appeal editor: a language tag, or '' for the first appeal's language. */
const AppealQuery = z.object({
  language: lenient((v) => {
    const asked = String(v ?? '')
    return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(asked) ? asked : ''
  }),
})

/** The revenue dashboard and its CSV, and the support appeal's editor. */
export function contributionRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  /** The contributions service, or a 404 where contributions are not wired in. */
  const contributionsOn = () => {
    if (!deps.contributions)
      throw new AppError('NOT_FOUND', { status: 404, message: 'Contributions are off' })
    return deps.contributions
  }

  return [
    adminRoute({
      method: 'GET',
      url: '/admin/contributions',
      permission: 'revenue.read',
      area: 'contributions',
      nav: { label: 'Contributions' },
      handler: async (_req, reply, ctx) => {
        const c = contributionsOn()
        return page(
          reply,
          <ContributionsDashboard
            ctx={ctx}
            dashboard={await c.dashboard()}
            testMode={c.testMode}
            canEditAppeal={ctx.can('appeal.manage')}
          />,
        )
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/contributions.csv',
      permission: 'revenue.read',
      area: 'contributions',
      handler: async (_req, reply, ctx) => {
        const c = contributionsOn()
        const lines = [CSV_HEADER]
        // In pages, so a large history is not one query holding every row.
        let before: number | undefined
        for (;;) {
          const batch = await c.listPage(1000, before)
          lines.push(...batch.map(csvRow))
          if (batch.length < 1000) break
          before = batch.at(-1)!.id
        }
        await tools.audit(ctx, 'contributions.export', 'contributions', `${lines.length - 1} rows`)
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="contributions.csv"')
          .send(`${lines.join('\r\n')}\r\n`)
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/appeal',
      permission: 'appeal.manage',
      area: 'contributions',
      // The dashboard links to the appeal; whoever may edit the appeal but not see revenue
      // goes there from the navigation.
      nav: { label: 'Appeal', unless: 'revenue.read' },
      schema: { querystring: AppealQuery },
      handler: async (req, reply, ctx) => {
        const c = contributionsOn()
        const all = await c.listAppeals()
        const language = req.query.language || (all[0]?.language ?? 'en')
        const current = all.find((a) => a.language === language) ?? c.draftAppeal(language)
        return page(
          reply,
          <AppealForm
            ctx={ctx}
            values={appealFormValues(current)}
            languages={all.map((a) => a.language)}
            siteLanguages={deps.languages ?? []}
          />,
        )
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/appeal',
      permission: 'appeal.manage',
      area: 'contributions',
      schema: { body: WholeForm },
      handler: async (req, reply, ctx) => {
        const c = contributionsOn()
        const body = req.body
        const { settings, problems } = appealFromForm(body)
        const languages = async () => (await c.listAppeals()).map((a) => a.language)
        const again = async (status: number, list: string[]) =>
          page(
            reply,
            <AppealForm
              ctx={ctx}
              values={Object.fromEntries(
                Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
              )}
              languages={await languages()}
              siteLanguages={deps.languages ?? []}
              problems={list}
            />,
            status,
          )
        if (problems.length) return again(422, problems)
        try {
          const saved = await c.saveAppeal(settings)
          await tools.audit(ctx, 'appeal.save', `appeal:${saved.language}`, saved.headline)
          deps.onAppealChanged?.()
          return page(
            reply,
            <AppealForm
              ctx={ctx}
              values={appealFormValues(saved)}
              languages={await languages()}
              siteLanguages={deps.languages ?? []}
              notice={`Saved. Reader pages in ${saved.language} show it now.`}
            />,
          )
        } catch (err) {
          if (isAppError(err) && err.status < 500) return again(err.status, problemsOf(err))
          throw err
        }
      },
    }),
  ]
}
