import { z } from 'zod'
import { type FrontPlace } from '../../content/index.js'
import { parseId } from '../../http/schemas.js'
import { AppError, isAppError } from '../../lib/errors.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { page, problemsOf } from '../pipeline/page.js'
import { type AdminRoute, adminRoute } from '../route.js'
import { Field, lenient, WholeForm } from '../schemas.js'
import { type FrontCandidate, FrontEdit, type FrontSummary, FrontsPage } from '../views/fronts.js'

/** Stories offered for each place: the newest published ones, and those scheduled. */
const PUBLISHED_OFFERED = 100
const SCHEDULED_OFFERED = 30

const FrontQuery = z.object({ section: lenient(parseId), language: Field, saved: Field })

/** The home page's and the sections' fronts, per edition: what editors place on them. */
export function frontRoutes(deps: AdminDeps, tools: AdminTools): AdminRoute[] {
  const { content, repo } = deps
  // SITE_LANGUAGES is always given by the app; a test wiring without it has English alone.
  const languages = deps.languages?.length ? deps.languages : ['en']

  /** The front named by a query or a form; NOT_FOUND for a section or language there is not. */
  async function frontOf(sectionId: number | undefined, language: string): Promise<FrontSummary> {
    if (!languages.includes(language))
      throw new AppError('NOT_FOUND', { status: 404, message: 'No such edition' })
    const sections = await content.listSections()
    const section = sectionId ? sections.find((s) => s.id === sectionId) : undefined
    if (sectionId && !section)
      throw new AppError('NOT_FOUND', { status: 404, message: 'No such section' })
    const place: FrontPlace = { sectionId, language }
    const ids = await content.placedOnFront(place)
    const placed = []
    for (const id of ids) {
      const a = await repo.findArticleById(id)
      if (a) placed.push({ id, headline: a.headline, status: a.status })
    }
    return { sectionId: section?.id ?? null, name: section?.name ?? 'Home page', language, placed }
  }

  async function candidatesFor(front: FrontSummary) {
    const filter = {
      language: front.language,
      ...(front.sectionId ? { sectionId: front.sectionId } : {}),
    }
    const [published, scheduled] = await Promise.all([
      repo.listForAdmin(
        { ...filter, status: 'published' },
        { limit: PUBLISHED_OFFERED, offset: 0 },
      ),
      repo.listForAdmin(
        { ...filter, status: 'scheduled' },
        { limit: SCHEDULED_OFFERED, offset: 0 },
      ),
    ])
    const offered: FrontCandidate[] = [...scheduled.items, ...published.items].map((a) => ({
      id: a.id,
      headline: a.headline,
      status: a.status,
    }))
    // What is placed stays choosable even when it has fallen out of the newest.
    for (const p of front.placed) if (!offered.some((o) => o.id === p.id)) offered.push(p)
    return offered
  }

  return [
    adminRoute({
      method: 'GET',
      url: '/admin/fronts',
      permission: 'article.edit-any',
      area: 'fronts',
      nav: { label: 'Front pages' },
      handler: async (_req, reply, ctx) => {
        const sections = await content.listSections()
        const fronts: FrontSummary[] = []
        for (const language of languages) {
          fronts.push(await frontOf(undefined, language))
          for (const s of sections) fronts.push(await frontOf(s.id, language))
        }
        return page(
          reply,
          <FrontsPage ctx={ctx} fronts={fronts} multilingual={languages.length > 1} />,
        )
      },
    }),
    adminRoute({
      method: 'GET',
      url: '/admin/fronts/edit',
      permission: 'article.edit-any',
      area: 'fronts',
      missing: 'No such front',
      schema: { querystring: FrontQuery },
      handler: async (req, reply, ctx) => {
        const front = await frontOf(req.query.section, req.query.language || languages[0]!)
        return page(
          reply,
          <FrontEdit
            ctx={ctx}
            front={front}
            candidates={await candidatesFor(front)}
            chosen={front.placed.map((p) => p.id)}
            problems={[]}
            notice={req.query.saved ? 'Saved. The front shows it now.' : undefined}
          />,
        )
      },
    }),
    adminRoute({
      method: 'POST',
      url: '/admin/fronts/edit',
      permission: 'article.edit-any',
      area: 'fronts',
      missing: 'No such front',
      schema: { body: WholeForm },
      handler: async (req, reply, ctx) => {
        const body = req.body
        const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? ''
        // A section that is not an id names no front: never read it as the home page's.
        const rawSection = one(body['section']).trim()
        const sectionId = parseId(rawSection)
        if (rawSection && !sectionId)
          throw new AppError('NOT_FOUND', { status: 404, message: 'No such section' })
        const language = one(body['language'])
        const raw = [body['slot'] ?? []].flat()
        const slots = raw.map((v) => parseId(v) ?? null)
        const front = await frontOf(sectionId, language)
        try {
          // A place is a story's id or empty; anything else is refused, not read as empty.
          const junk = raw.findIndex((v, i) => v.trim() !== '' && slots[i] === null)
          if (junk >= 0)
            throw new AppError('FRONT_STORY_INVALID', {
              message: 'These stories cannot go on this front',
              details: [
                `${junk === 0 ? 'The lead' : `Story ${junk + 1}`}: choose a story from the list`,
              ],
            })
          await content.placeOnFront({ sectionId, language }, slots)
        } catch (err) {
          if (isAppError(err) && err.status < 500)
            return page(
              reply,
              <FrontEdit
                ctx={ctx}
                front={front}
                candidates={await candidatesFor(front)}
                chosen={slots}
                problems={problemsOf(err)}
              />,
              err.status,
            )
          throw err
        }
        await tools.audit(
          ctx,
          'front.place',
          sectionId ? `section:${sectionId}` : 'home',
          `${language}: ${slots.filter(Boolean).join(', ') || 'newest'}`,
        )
        const q = new URLSearchParams({
          ...(sectionId ? { section: String(sectionId) } : {}),
          language,
          saved: '1',
        })
        return reply.redirect(`/admin/fronts/edit?${q.toString()}`, 303)
      },
    }),
  ]
}
