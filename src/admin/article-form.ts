import { ARTICLE_STATUSES, type Article, type ArticleInput } from '../content/index.js'
import { type FormBody, field, fields } from './http-forms.js'
import type { ArticleFormValues } from './views/admin-views.js'

/** What the form shows for an article (or an empty one). */
export function formValuesOf(
  a: Article | null,
  defaultSectionId: number | undefined,
): ArticleFormValues {
  return {
    headline: a?.headline ?? '',
    kicker: a?.kicker ?? '',
    standfirst: a?.standfirst ?? '',
    slug: a?.slug ?? '',
    sectionId: String(a?.section.id ?? defaultSectionId ?? ''),
    body: a?.body ?? '',
    status: a?.status ?? 'draft',
    publishedAt: a?.publishedAt ? a.publishedAt.toISOString().slice(0, 16) : '',
    unpublishAt: a?.unpublishAt ? a.unpublishAt.toISOString().slice(0, 16) : '',
    topicIds: (a?.topics ?? []).map((t) => String(t.id)),
    authorIds: (a?.credits ?? []).flatMap((c) =>
      c.kind === 'author' ? [String(c.author.id)] : [],
    ),
    agencyIds: (a?.credits ?? []).flatMap((c) =>
      c.kind === 'agency' ? [String(c.agency.id)] : [],
    ),
    guests: (a?.credits ?? []).flatMap((c) => (c.kind === 'guest' ? [c.name] : [])).join('\n'),
    leadImageId: a?.leadImage ? String(a.leadImage.id) : '',
    version: a ? String(a.updatedAt.getTime()) : '',
  }
}

/** What the person typed, to show again if the save is refused. */
export function formValuesFrom(body: FormBody): ArticleFormValues {
  return {
    headline: field(body, 'headline'),
    kicker: field(body, 'kicker'),
    standfirst: field(body, 'standfirst'),
    slug: field(body, 'slug'),
    sectionId: field(body, 'sectionId'),
    body: field(body, 'body'),
    status: field(body, 'status'),
    publishedAt: field(body, 'publishedAt'),
    unpublishAt: field(body, 'unpublishAt'),
    topicIds: fields(body, 'topicIds'),
    authorIds: fields(body, 'authorIds'),
    agencyIds: fields(body, 'agencyIds'),
    guests: field(body, 'guests'),
    leadImageId: field(body, 'leadImageId'),
    version: field(body, 'version'),
  }
}

const ids = (values: string[]) => values.filter((v) => /^[1-9][0-9]{0,11}$/.test(v)).map(Number)

/**
 * The form as the content service's input, or the problems that stop it. The byline lists
 * staff first, then agencies, then guests; ordering within the byline comes with the editor.
 */
export function articleInputFrom(
  v: ArticleFormValues,
): { input: ArticleInput } | { problems: string[] } {
  const problems: string[] = []
  const utc = (label: string, raw: string): Date | null => {
    if (!raw.trim()) return null
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(raw.trim())
    const d = m ? new Date(`${m[1]}T${m[2]}${m[3] ?? ':00'}Z`) : null
    if (!d || Number.isNaN(d.getTime())) {
      problems.push(`${label}: use the date picker (YYYY-MM-DD HH:MM, UTC)`)
      return null
    }
    return d
  }
  const publishedAt = utc('Publication time', v.publishedAt)
  const unpublishAt = utc('Take down at', v.unpublishAt)
  if (!(ARTICLE_STATUSES as readonly string[]).includes(v.status))
    problems.push('Status: choose one of the listed statuses')
  if (!/^[1-9][0-9]{0,11}$/.test(v.sectionId)) problems.push('Section: choose one')
  if (v.leadImageId.trim() && !/^[1-9][0-9]{0,11}$/.test(v.leadImageId.trim()))
    problems.push('Lead image id: a number, or empty')
  if (problems.length) return { problems }
  const guests = v.guests
    .split(/\r?\n/)
    .map((g) => g.trim())
    .filter(Boolean)
  return {
    input: {
      ...(v.slug.trim() ? { slug: v.slug.trim() } : {}),
      sectionId: Number(v.sectionId),
      kicker: v.kicker,
      headline: v.headline,
      standfirst: v.standfirst,
      body: v.body,
      status: v.status as ArticleInput['status'],
      publishedAt,
      unpublishAt,
      leadImageId: v.leadImageId.trim() ? Number(v.leadImageId.trim()) : null,
      credits: [
        ...ids(v.authorIds).map((authorId) => ({ authorId })),
        ...ids(v.agencyIds).map((agencyId) => ({ agencyId })),
        ...guests.map((guest) => ({ guest })),
      ],
      topicIds: ids(v.topicIds),
    },
  }
}
