import type { FastifyReply, FastifyRequest } from 'fastify'
import {
  ARTICLE_STATUSES,
  type Article,
  type ArticleStatus,
  isDraftingStatus,
} from '../../content/index.js'
import { processUpload, removeStoredImage } from '../../files/index.js'
import { AppError, isAppError } from '../../lib/errors.js'
import { mayEditStory } from '../../staff/policy.js'
import type { StaffMember } from '../../staff/staff-repository.js'
import { articleInputFrom, formValuesFrom, leadImageChoice } from '../article-form.js'
import type { AdminDeps, AdminTools } from '../deps.js'
import { type FormBody, field } from '../http-forms.js'
import { page, problemsOf } from '../pipeline/page.js'
import { readKeptForm } from '../pipeline/resume.js'
import { sessionCookies, startSession } from '../pipeline/session.js'
import { type AdminContext } from '../views/shell.js'
import { ArticleForm } from '../views/article-form.js'

/** Recent photos offered as the lead image in the article form (others by number or search). */
const LEAD_CHOICES = 12
/** Guests the byline suggests: the newest stories' (the picker is a datalist, sent whole). */
const GUEST_SUGGESTIONS = 500

const isArticleStatus = (s: string): s is ArticleStatus =>
  (ARTICLE_STATUSES as readonly string[]).includes(s)

/**
 * The lists the article form chooses from. `leadImageId`, the photo the form has chosen, is
 * offered with its thumbnail even when it is older than the latest few.
 */
export async function formLists(deps: AdminDeps, leadImageId = '') {
  const chosen = /^[1-9][0-9]{0,11}$/.test(leadImageId) ? [Number(leadImageId)] : []
  const [sections, topics, authors, agencies, latest, older, guests] = await Promise.all([
    deps.content.listSections(),
    deps.repo.listTopics(),
    deps.repo.listAuthors(),
    deps.repo.listAgencies(),
    deps.repo.searchImages('', LEAD_CHOICES),
    deps.repo.imagesById(chosen),
    deps.repo.recentGuestNames(GUEST_SUGGESTIONS),
  ])
  const images = [...older.values()].filter((o) => !latest.some((i) => i.id === o.id))
  images.push(...latest)
  return { sections, topics, authors, agencies, images, guests, languages: deps.languages ?? [] }
}

/** Whether the signed-in person may edit `a` (staff/policy.ts). */
function mayEdit(staff: StaffMember, a: Article) {
  return mayEditStory(staff, {
    createdBy: a.createdBy,
    authorIds: a.credits.flatMap((c) => (c.kind === 'author' ? [c.author.id] : [])),
    drafting: isDraftingStatus(a.status),
  })
}

/** The article the path names, when this person may edit it; else a not found or not allowed page. */
export async function loadOwned(deps: AdminDeps, id: number, ctx: AdminContext): Promise<Article> {
  const a = await deps.repo.findArticleById(id)
  if (!a) throw new AppError('NOT_FOUND', { status: 404, message: 'No such article' })
  const may = mayEdit(ctx.staff!, a)
  if (may !== true)
    throw new AppError('FORBIDDEN', {
      status: 403,
      message:
        may.refused === 'someone-elses'
          ? 'This article belongs to someone else; an editor can change it.'
          : 'This article is scheduled or live; an editor changes it now.',
    })
  return a
}

/** Saves the article form, new (`existing` null) or not; a refused save shows the form again. */
export async function saveArticle(
  deps: AdminDeps,
  tools: AdminTools,
  body: FormBody,
  reply: FastifyReply,
  ctx: AdminContext,
  existing: Article | null,
  /** A new lead photo chosen in the form, stored only if the story saves. */
  photo: Buffer | null = null,
) {
  const values = formValuesFrom(body)
  const lead = leadImageChoice(values)
  // A typed number that is good becomes the chosen photo, shown with its thumbnail if refused.
  if ('id' in lead && lead.typed)
    Object.assign(values, { leadImageId: String(lead.id), leadImageNumber: '' })
  const lists = await formLists(deps, values.leadImageId)
  const show = (problems: string[], status: number, theirs?: Article, code?: string) =>
    page(
      reply,
      <ArticleForm
        ctx={ctx}
        article={existing}
        values={values}
        problems={problems}
        problemCode={code}
        theirs={theirs}
        {...lists}
      />,
      status,
    )
  if ('id' in lead && lead.typed && !lists.images.some((i) => i.id === lead.id)) {
    values.leadImageId = existing?.leadImage ? String(existing.leadImage.id) : ''
    values.leadImageNumber = String(lead.id)
    return show(
      [`Lead photo number: there is no photo ${lead.id} in the library (Media shows each number)`],
      422,
      undefined,
      'UNKNOWN_REFERENCE',
    )
  }
  if (
    !ctx.can('article.publish') &&
    isArticleStatus(values.status) &&
    !isDraftingStatus(values.status)
  ) {
    return show(
      ['Status: your role saves drafts and sends them for review; an editor publishes them.'],
      403,
    )
  }
  const parsed = articleInputFrom(values, lists, ctx.timeZone, deps.languages)
  if ('problems' in parsed) return show(parsed.problems, 422)
  // Topics named in the form that do not exist yet are made now (content's topicsForSave).
  const newTopics = field(body, 'newTopics').split(',')
  if (newTopics.some((t) => t.trim()) && !ctx.can('taxonomy.manage')) {
    return show(
      ['New topics: your role picks from the existing topics; an editor can add new ones.'],
      403,
    )
  }
  const made = await deps.content.topicsForSave(newTopics)
  if ('refused' in made)
    return show(
      [
        made.refused === 'too-many'
          ? 'New topics: at most five at a time'
          : 'New topics: each name at most 120 characters',
      ],
      422,
    )
  if (made.length) parsed.input.topicIds = [...new Set([...(parsed.input.topicIds ?? []), ...made])]
  // The new photo goes into the library last, once everything else is known to be good.
  const uploaded = photo ? await uploadLeadPhoto(deps, body, photo) : null
  if (uploaded && 'problems' in uploaded) return show(uploaded.problems, uploaded.status)
  if (uploaded) {
    parsed.input.leadImageId = uploaded.id
    values.leadImageId = String(uploaded.id)
  }
  try {
    const saved = existing
      ? await deps.content.updateArticle(
          existing.id,
          parsed.input,
          values.version ? Number(values.version) : undefined,
          { staffId: ctx.staff!.id },
        )
      : await deps.content.createArticle(parsed.input, { createdBy: ctx.staff!.id })
    await tools.audit(
      ctx,
      existing ? 'article.update' : 'article.create',
      `article:${saved.id}`,
      existing && existing.status !== saved.status
        ? `${existing.status} -> ${saved.status}`
        : saved.status,
    )
    return reply.redirect(`/admin/articles/${saved.id}?saved=1`, 303)
  } catch (err) {
    // A refused save leaves no photo behind: the form shows the choice to make again.
    if (uploaded) {
      await deps.repo.deleteImage(uploaded.id)
      await removeStoredImage(deps.media, uploaded.storageKey)
      values.leadImageId = existing?.leadImage ? String(existing.leadImage.id) : ''
    }
    if (isAppError(err) && err.code === 'EDIT_CONFLICT' && existing) {
      const theirs = await deps.repo.findArticleById(existing.id)
      values.version = theirs ? String(theirs.updatedAt.getTime()) : values.version
      return show([], 409, theirs)
    }
    if (isAppError(err) && err.status < 500) return show(problemsOf(err), err.status)
    throw err
  }
}

/**
 * Stores a lead photo sent with the story form (its words in leadPhotoAlt, -Caption, -Credit),
 * stripped of location and camera data like any upload; problems name the field.
 */
async function uploadLeadPhoto(
  deps: AdminDeps,
  body: FormBody,
  photo: Buffer,
): Promise<{ id: number; storageKey: string } | { problems: string[]; status: number }> {
  const words = {
    alt: field(body, 'leadPhotoAlt'),
    caption: field(body, 'leadPhotoCaption'),
    credit: field(body, 'leadPhotoCredit'),
  }
  if (!words.alt.trim())
    return {
      problems: [
        'New lead photo: describe what it shows (alt text), for readers who cannot see it',
      ],
      status: 422,
    }
  let stored: Awaited<ReturnType<typeof processUpload>>
  try {
    stored = await processUpload(deps.media, photo)
  } catch (err) {
    if (isAppError(err) && err.status < 500)
      return { problems: [`New lead photo: ${err.message}`], status: err.status }
    throw err
  }
  try {
    return { id: await deps.content.createImage(stored, words), storageKey: stored.storageKey }
  } catch (err) {
    await removeStoredImage(deps.media, stored.storageKey)
    if (isAppError(err) && err.status < 500)
      return { problems: problemsOf(err), status: err.status }
    throw err
  }
}

/**
 * Signed in again with a form that outlived its session (pipeline/resume.ts): show it filled
 * in, ready to save. Anything else the token holds just starts the session.
 */
export async function resumeArticleForm(
  deps: AdminDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  signedIn: { staff: StaffMember; token: string },
  resume: string,
) {
  const { staff, token } = signedIn
  const kept = readKeptForm(resume)
  if (!kept) return startSession(req, reply, token, '/admin/articles')
  reply.header('set-cookie', sessionCookies(req, token))
  const ctx = req.admin!.contextFor(staff, deps.staff.sessionIdOf(token))
  const existing = kept.articleId
    ? ((await deps.repo.findArticleById(kept.articleId)) ?? null)
    : null
  if (existing) {
    const may = mayEdit(staff, existing)
    if (may !== true && may.refused === 'someone-elses')
      return startSession(req, reply, token, '/admin/articles')
  }
  const values = formValuesFrom(kept.form)
  const lists = await formLists(deps, values.leadImageId)
  return page(
    reply,
    <ArticleForm
      ctx={ctx}
      article={existing}
      values={values}
      problems={[]}
      notice="You are signed in again and your text is back. Check it and press Save."
      {...lists}
    />,
  )
}
