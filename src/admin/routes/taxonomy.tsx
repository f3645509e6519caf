import { z } from 'zod'
import { Id } from '../../http/schemas.js'
import { AppError, isAppError } from '../../lib/errors.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import type { FormBody } from '../http-forms.js'
import { field } from '../http-forms.js'
import { page, problemsOf } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Field, WholeForm, formBody } from '../schemas.js'
import {
  TAXONOMY_FIELDS,
  type TaxonomyKind,
  TaxonomyEdit,
  TaxonomyPage,
} from '../views/taxonomy.js'

const Kind = z.enum(['section', 'topic', 'author', 'agency'])
const KindParams = z.object({ kind: Kind })
const ItemParams = z.object({ kind: Kind, id: Id })

function taxonomyValues(kind: TaxonomyKind, body: FormBody): Record<string, string> {
  return Object.fromEntries(TAXONOMY_FIELDS[kind].map((f) => [f.name, field(body, f.name)]))
}

/** Form strings as the content service's input: numbers as numbers, empty optional URL as null. */
function taxonomyInput(kind: TaxonomyKind, v: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...v }
  if (kind === 'section') out['position'] = v['position']?.trim() ? Number(v['position']) : 0
  if (kind === 'agency') out['url'] = v['url']?.trim() ? v['url'].trim() : null
  return out
}

/** Sections, topics, authors and agencies: the lists, adding one, changing one. */
export function taxonomyRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  const { content, repo } = deps
  /** A section's or topic's names in the other editions' languages (none for the first). */
  const others = (deps.languages ?? []).slice(1)
  async function namesOf(kind: TaxonomyKind, id: number) {
    if (kind !== 'section' && kind !== 'topic') return undefined
    return Promise.all(
      others.map(async (language) => {
        const n = (await content.namesIn(language))[kind].get(id)
        return { language, name: n?.name ?? '', description: n?.description ?? '' }
      }),
    )
  }
  /** An author's page photo (null: none); undefined for the other kinds, which have none. */
  async function photoOf(kind: TaxonomyKind, id: number) {
    return kind === 'author' ? ((await repo.authorPhoto(id)) ?? null) : undefined
  }
  async function taxonomyLists() {
    const [sections, topics, authors, agencies] = await Promise.all([
      content.listSections(),
      repo.listTopics(),
      repo.listAuthors(),
      repo.listAgencies(),
    ])
    return { sections, topics, authors, agencies }
  }
  const create = (kind: TaxonomyKind, input: Record<string, unknown>) =>
    kind === 'section'
      ? content.createSection(input as never)
      : kind === 'topic'
        ? content.createTopic(input as never)
        : kind === 'author'
          ? content.createAuthor(input as never)
          : content.createAgency(input as never)

  return [
    adminRoute({
      method: 'GET',
      url: '/admin/taxonomy',
      permission: 'taxonomy.manage',
      area: 'taxonomy',
      nav: { label: 'Sections & topics' },
      handler: async (_req, reply, ctx) =>
        page(reply, <TaxonomyPage ctx={ctx} {...await taxonomyLists()} />),
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/taxonomy/:kind',
      permission: 'taxonomy.manage',
      area: 'taxonomy',
      missing: 'No such list',
      schema: { params: KindParams, body: WholeForm },
      handler: async (req, reply, ctx) => {
        const { kind } = req.params
        const values = taxonomyValues(kind, req.body)
        try {
          const id = await create(kind, taxonomyInput(kind, values))
          await tools.audit(ctx, `${kind}.create`, `${kind}:${id}`, values['name'] ?? '')
          return page(
            reply,
            <TaxonomyPage
              ctx={ctx}
              {...await taxonomyLists()}
              notice={`Added ${values['name']}.`}
            />,
            201,
          )
        } catch (err) {
          if (isAppError(err) && err.status < 500) {
            const list = problemsOf(err)
            return page(
              reply,
              <TaxonomyPage
                ctx={ctx}
                {...await taxonomyLists()}
                problems={{ kind, list, values }}
              />,
              err.status,
            )
          }
          throw err
        }
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/taxonomy/:kind/:id',
      permission: 'taxonomy.manage',
      area: 'taxonomy',
      missing: 'No such item',
      schema: { params: ItemParams },
      handler: async (req, reply, ctx) => {
        const { kind, id } = req.params
        const row = await repo.findTaxonomy(kind, id)
        if (!row) throw new AppError('NOT_FOUND', { status: 404, message: `No such ${kind}` })
        const values = Object.fromEntries(
          TAXONOMY_FIELDS[kind].map((f) => [
            f.name,
            f.fromStored
              ? f.fromStored(row[f.name])
              : row[f.name] === null || row[f.name] === undefined
                ? ''
                : String(row[f.name]),
          ]),
        )
        return page(
          reply,
          <TaxonomyEdit
            ctx={ctx}
            kind={kind}
            id={id}
            values={values}
            problems={[]}
            names={await namesOf(kind, id)}
            photo={await photoOf(kind, id)}
          />,
        )
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/taxonomy/:kind/:id',
      permission: 'taxonomy.manage',
      area: 'taxonomy',
      missing: 'No such item',
      schema: { params: ItemParams, body: WholeForm },
      handler: async (req, reply, ctx) => {
        const { kind, id } = req.params
        const values = taxonomyValues(kind, req.body)
        const names = await namesOf(kind, id)
        const photo = await photoOf(kind, id)
        const edit = (problems: string[], status = 200, notice?: string) =>
          page(
            reply,
            <TaxonomyEdit
              ctx={ctx}
              kind={kind}
              id={id}
              values={values}
              problems={problems}
              notice={notice}
              names={names}
              photo={photo}
            />,
            status,
          )
        try {
          await content.updateTaxonomy(kind, id, taxonomyInput(kind, values))
        } catch (err) {
          if (isAppError(err) && err.status < 500 && err.status !== 404)
            return edit(problemsOf(err), err.status)
          throw err
        }
        await tools.audit(ctx, `${kind}.update`, `${kind}:${id}`, values['name'] ?? '')
        return edit([], 200, 'Saved. Pages showing it are refreshed.')
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/taxonomy/:kind/:id/names/:language',
      permission: 'taxonomy.manage',
      area: 'taxonomy',
      missing: 'No such item',
      schema: {
        params: z.object({ kind: z.enum(['section', 'topic']), id: Id, language: z.string() }),
        body: formBody({ name: Field, description: Field }),
      },
      handler: async (req, reply, ctx) => {
        const { kind, id, language } = req.params
        if (!(await repo.findTaxonomy(kind, id)) || !others.includes(language))
          throw new AppError('NOT_FOUND', { status: 404, message: `No such ${kind} or language` })
        const name = req.body.name.trim().slice(0, 80)
        const description = req.body.description.trim().slice(0, 500)
        await content.nameInLanguage(kind, id, language, name ? { name, description } : null)
        await tools.audit(ctx, `${kind}.name`, `${kind}:${id}`, `${language}: ${name}`)
        return reply.redirect(`/admin/taxonomy/${kind}/${id}`, 303)
      },
    }),
  ]
}
