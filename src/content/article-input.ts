import { z } from 'zod'
import { isSlug } from '../lib/slug.js'
import { optionalText, text } from './validation.js'

const CreditInput = z.union([
  z.object({ authorId: z.number().int().positive() }).strict(),
  z.object({ agencyId: z.number().int().positive() }).strict(),
  z.object({ guest: text(120) }).strict(),
])

/** An article as the admin form (or an import) sends it, before the service derives the rest. */
export const ArticleInput = z.object({
  slug: z
    .string()
    .optional()
    .refine((s) => s === undefined || isSlug(s), 'use lowercase letters, digits and hyphens'),
  sectionId: z.number().int().positive(),
  kicker: optionalText(60),
  headline: text(300),
  standfirst: optionalText(600),
  body: z.string().max(1_000_000),
  status: z.enum(['draft', 'review', 'scheduled', 'published', 'unpublished']),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or ru')
    .optional(),
  leadImageId: z.number().int().positive().nullish(),
  publishedAt: z.date().nullish(),
  /** When a published article comes down by itself; must be in the future. */
  unpublishAt: z.date().nullish(),
  credits: z.array(CreditInput).max(12).default([]),
  topicIds: z.array(z.number().int().positive()).max(12).default([]),
})
export type ArticleInput = z.input<typeof ArticleInput>

/** A correction or update note under an article. */
export const CorrectionText = z
  .string()
  .trim()
  .min(1, 'write what was wrong and what is right')
  .max(2000)
