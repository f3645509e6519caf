import { z } from 'zod'
import type { TaxonomyKind } from './repositories/taxonomy.js'
import { parseAuthorLinks } from './author-profile.js'
import { slugField, text } from './validation.js'

/** The admin's textarea of links, one per line, to the stored JSON; absent leaves them as they are. */
const authorLinks = z
  .string()
  .max(4000)
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined
    const r = parseAuthorLinks(v)
    if (r.ok) return JSON.stringify(r.links)
    ctx.addIssue({ code: 'custom', message: r.problem })
    return z.NEVER
  })

export const SectionInput = z.object({
  slug: slugField,
  name: text(80),
  description: z.string().trim().max(600).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
})
export type SectionInput = z.input<typeof SectionInput>

export const AuthorInput = z.object({
  slug: slugField,
  name: text(120),
  role: z.string().trim().max(120).optional(),
  bio: z.string().trim().max(2000).optional(),
  links: authorLinks,
})
export type AuthorInput = z.input<typeof AuthorInput>

export const AgencyInput = z.object({
  slug: slugField,
  name: text(120),
  url: z
    .string()
    .url()
    .refine((u) => /^https?:/.test(u), 'must be an http(s) address')
    .nullish(),
})
export type AgencyInput = z.input<typeof AgencyInput>

export const TopicInput = z.object({
  slug: slugField,
  name: text(120),
  description: z.string().trim().max(600).optional(),
})
export type TopicInput = z.input<typeof TopicInput>

export const TAXONOMY_SCHEMAS: Record<TaxonomyKind, z.ZodType> = {
  section: SectionInput,
  topic: TopicInput,
  author: AuthorInput,
  agency: AgencyInput,
}

/** An image's words: alt text is required, a blind reader has nothing else. */
export const ImageWords = z.object({
  alt: z
    .string()
    .trim()
    .min(1, 'describe what the picture shows, for readers who cannot see it')
    .max(500),
  caption: z.string().trim().max(1000),
  credit: z.string().trim().max(200),
})
