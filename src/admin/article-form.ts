import { parseWallClock, wallClockInput } from '../lib/time-zone.js'
import { ARTICLE_STATUSES, type Article, type ArticleInput, creditName } from '../content/index.js'
import { type FormBody, field, fields } from './http-forms.js'
import type { ArticleFormValues } from './views/article-form.js'

/** What the form shows for an article (or an empty one). */
export function formValuesOf(
  a: Article | null,
  defaultSectionId: number | undefined,
  /** TIME_ZONE: the times show as a clock there reads them. */
  timeZone: string,
): ArticleFormValues {
  return {
    headline: a?.headline ?? '',
    kicker: a?.kicker ?? '',
    standfirst: a?.standfirst ?? '',
    slug: a?.slug ?? '',
    sectionId: String(a?.section.id ?? defaultSectionId ?? ''),
    body: a?.body ?? '',
    status: a?.status ?? 'draft',
    publishedAt: a?.publishedAt ? wallClockInput(a.publishedAt, timeZone) : '',
    unpublishAt: a?.unpublishAt ? wallClockInput(a.unpublishAt, timeZone) : '',
    topicIds: (a?.topics ?? []).map((t) => String(t.id)),
    byline: (a?.credits ?? []).map(creditName),
    leadImageId: a?.leadImage ? String(a.leadImage.id) : '',
    leadImageNumber: '',
    version: a ? String(a.updatedAt.getTime()) : '',
    language: a?.language ?? '',
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
    status: statusFromForm(field(body, 'intent'), field(body, 'status')),
    publishedAt: field(body, 'publishedAt'),
    unpublishAt: field(body, 'unpublishAt'),
    topicIds: fields(body, 'topicIds'),
    byline: fields(body, 'byline'),
    leadImageId: field(body, 'leadImageId'),
    leadImageNumber: field(body, 'leadImageNumber'),
    version: field(body, 'version'),
    language: field(body, 'language'),
  }
}

const ids = (values: string[]) => values.filter((v) => /^[1-9][0-9]{0,11}$/.test(v)).map(Number)

/**
 * The byline as typed, in order: a name that is a staff author's (or else an agency's), in any
 * case, links to them; any other name is a guest. So the byline builder needs no JavaScript.
 */
export function creditsFromNames(
  names: readonly string[],
  people: {
    authors: readonly { id: number; name: string }[]
    agencies: readonly { id: number; name: string }[]
  },
): NonNullable<ArticleInput['credits']> {
  const key = (n: string) => n.trim().replace(/\s+/g, ' ').toLowerCase()
  const authors = new Map(people.authors.map((a) => [key(a.name), a.id]))
  const agencies = new Map(people.agencies.map((a) => [key(a.name), a.id]))
  const seen = new Set<string>()
  return names
    .map((n) => n.trim().replace(/\s+/g, ' '))
    .filter((n) => n && !seen.has(key(n)) && (seen.add(key(n)), true))
    .map((n) => {
      const authorId = authors.get(key(n))
      if (authorId) return { authorId }
      const agencyId = agencies.get(key(n))
      return agencyId ? { agencyId } : { guest: n }
    })
}

/** The form as the content service's input, or the problems that stop it. */
export function articleInputFrom(
  v: ArticleFormValues,
  people: {
    authors: readonly { id: number; name: string }[]
    agencies: readonly { id: number; name: string }[]
  },
  /** TIME_ZONE: typed times are read as a clock there shows them (DST-safe). */
  timeZone: string,
  /** SITE_LANGUAGES: a chosen language must be one of them. */
  languages: readonly string[] = [],
): { input: ArticleInput } | { problems: string[] } {
  const problems: string[] = []
  const at = (label: string, raw: string): Date | null => {
    if (!raw.trim()) return null
    const d = parseWallClock(raw, timeZone)
    if (!d) problems.push(`${label}: use the date picker (YYYY-MM-DD HH:MM, ${timeZone})`)
    return d
  }
  const publishedAt = at('Publication time', v.publishedAt)
  const unpublishAt = at('Take down at', v.unpublishAt)
  if (!(ARTICLE_STATUSES as readonly string[]).includes(v.status))
    problems.push('Status: choose one of the listed statuses')
  if (!/^[1-9][0-9]{0,11}$/.test(v.sectionId)) problems.push('Section: choose one')
  const lead = leadImageChoice(v)
  if ('problem' in lead) problems.push(lead.problem)
  if (v.language && languages.length > 0 && !languages.includes(v.language))
    problems.push(`Language: choose one of the site's languages (${languages.join(', ')})`)
  if (v.byline.some((n) => n.length > 120))
    problems.push('Byline: each name at most 120 characters')
  if (problems.length) return { problems }
  return {
    input: {
      ...(v.slug.trim() ? { slug: v.slug.trim() } : {}),
      ...(v.language ? { language: v.language } : {}),
      sectionId: Number(v.sectionId),
      kicker: v.kicker,
      headline: v.headline,
      standfirst: v.standfirst,
      body: v.body,
      status: v.status as ArticleInput['status'],
      publishedAt,
      unpublishAt,
      leadImageId: 'id' in lead ? lead.id : null,
      credits: creditsFromNames(v.byline, people),
      topicIds: ids(v.topicIds),
    },
  }
}

/**
 * The lead photo the form asks for. Without JavaScript an older photo than the latest offered
 * is chosen by its number, as the Media page shows it (`leadImageNumber`): a typed number wins
 * over the radios, since typing it is the more deliberate act. A number that names no photo is
 * refused later, when the library is asked (UNKNOWN_REFERENCE).
 */
export function leadImageChoice(
  v: Pick<ArticleFormValues, 'leadImageId' | 'leadImageNumber'>,
): { id: number | null; typed: boolean } | { problem: string } {
  const typed = v.leadImageNumber.trim().replace(/^#/, '')
  if (typed) {
    return /^[1-9][0-9]{0,11}$/.test(typed)
      ? { id: Number(typed), typed: true }
      : { problem: 'Lead photo number: the number Media shows beside the photo, e.g. 42' }
  }
  const chosen = v.leadImageId.trim()
  if (!chosen) return { id: null, typed: false }
  return /^[1-9][0-9]{0,11}$/.test(chosen)
    ? { id: Number(chosen), typed: false }
    : { problem: 'Lead photo: choose one of the photos shown, or None' }
}

/**
 * The status a save asks for: "Publish now" publishes and "Unpublish" takes a live story down,
 * whatever the select says; the main button (or Enter in a field) takes the select's.
 */
export function statusFromForm(intent: string, chosen: string): string {
  if (intent === 'publish') return 'published'
  if (intent === 'unpublish') return 'unpublished'
  return chosen
}
