import type { DemoArticle } from './demo-content.js'
import {
  ruAppeal,
  ruArticles,
  ruNewsletter,
  ruNewsletterDraft,
  ruSectionNames,
  ruTopicNames,
} from './demo-content-ru.js'
import { type SeedDeps, seedWeeklyDraft } from './seed-deps.js'

/**
 * The demo's Russian edition (ADR 026), seeded when `ru` is among SITE_LANGUAGES: section and
 * topic names in Russian, the Russian stories (those that translate an English one linked to
 * it), the Russian weekly with a first draft, and the Russian appeal.
 */
export async function seedRussianEdition(
  deps: SeedDeps,
  made: {
    sectionIds: ReadonlyMap<string, number>
    topicIds: ReadonlyMap<string, number>
    /** The English stories by slug. */
    articleIds: ReadonlyMap<string, number>
    write(base: DemoArticle): Promise<number>
  },
): Promise<number> {
  for (const [slug, name] of Object.entries(ruSectionNames)) {
    const id = made.sectionIds.get(slug)
    if (id !== undefined) await deps.content.nameInLanguage('section', id, 'ru', name)
  }
  for (const [slug, name] of Object.entries(ruTopicNames)) {
    const id = made.topicIds.get(slug)
    if (id !== undefined) await deps.content.nameInLanguage('topic', id, 'ru', name)
  }
  for (const base of ruArticles) {
    const id = await made.write({ ...base, language: 'ru' })
    const original = base.translationOf && made.articleIds.get(base.translationOf)
    if (original) await deps.content.linkTranslation(original, id)
  }
  if (deps.contributions) await deps.contributions.saveAppeal(ruAppeal)
  const weekly = await deps.newsletters?.createNewsletter(ruNewsletter)
  if (weekly) await seedWeeklyDraft(deps, weekly, ruNewsletterDraft)
  return ruArticles.length
}
