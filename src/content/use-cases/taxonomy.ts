import { AppError } from '../../lib/errors.js'
import type { Clock } from '../../lib/clock.js'
import type { Section } from '../article.js'
import type { ContentKey } from '../content-keys.js'
import type { TaxonomyKind, TaxonomyRepository } from '../repositories/taxonomy.js'
import type {
  TaxonomyName,
  TaxonomyNames,
  TranslationRepository,
} from '../repositories/translations.js'
import {
  AgencyInput,
  AuthorInput,
  SectionInput,
  TAXONOMY_SCHEMAS,
  TopicInput,
} from '../taxonomy-input.js'
import { parseOrThrow, uniquely } from '../validation.js'

/** Sections, topics, authors and agencies: validated, unique by slug. */
export interface TaxonomyService {
  /** The sections, remembered until one changes here or another instance says so (`forget`). */
  listSections(): Promise<Section[]>
  createSection(input: SectionInput): Promise<number>
  /** Staff author with a profile page. New names can appear anywhere, so everything purges. */
  createAuthor(input: AuthorInput): Promise<number>
  createAgency(input: AgencyInput): Promise<number>
  createTopic(input: TopicInput): Promise<number>
  /**
   * Changes a section, topic, author or agency. Names show on many pages (navigation, bylines,
   * topic links), so every cached page goes. NOT_FOUND when there is no such row.
   */
  updateTaxonomy(kind: TaxonomyKind, id: number, input: Record<string, unknown>): Promise<void>
  /** Sets or clears an author page's photo (an image already in the library). NOT_FOUND if none. */
  setAuthorPhoto(authorId: number, imageId: number | null): Promise<void>
  /**
   * Section and topic names in `language` (ADR 026), remembered as the sections are: every page
   * of another edition reads them.
   */
  namesIn(language: string): Promise<TaxonomyNames>
  /** A section's or topic's name in `language`; null or an empty name removes it. */
  nameInLanguage(
    kind: 'section' | 'topic',
    itemId: number,
    language: string,
    name: TaxonomyName | null,
  ): Promise<void>
  /** Another instance changed content: forget what this one remembers about it. */
  forget(keys: readonly string[]): void
}

export interface TaxonomyServiceDeps {
  repo: TaxonomyRepository & Pick<TranslationRepository, 'taxonomyNames' | 'saveTaxonomyName'>
  clock: Clock
  /** Told which content keys changed, after the change is committed. */
  changed: (keys: ContentKey[]) => void
}

export function createTaxonomyService(deps: TaxonomyServiceDeps): TaxonomyService {
  const { repo, clock, changed } = deps
  let sectionsMemo: Promise<Section[]> | null = null
  const namesMemo = new Map<string, Promise<TaxonomyNames>>()

  return {
    listSections() {
      sectionsMemo ??= repo.listSections().catch((e: unknown) => {
        sectionsMemo = null
        throw e
      })
      return sectionsMemo
    },

    async createSection(input) {
      const s = parseOrThrow(SectionInput, input, 'The section has problems')
      const id = await uniquely(
        () =>
          repo.insertSection({ ...s, description: s.description ?? '', position: s.position ?? 0 }),
        'section',
      )
      sectionsMemo = null
      changed(['all'])
      return id
    },

    async createAuthor(input) {
      const a = parseOrThrow(AuthorInput, input, 'The author has problems')
      const id = await uniquely(
        () =>
          repo.insertAuthor(
            { ...a, role: a.role ?? '', bio: a.bio ?? '', links: a.links ?? '[]' },
            clock.now(),
          ),
        'author',
      )
      changed(['all'])
      return id
    },

    async createAgency(input) {
      const a = parseOrThrow(AgencyInput, input, 'The agency has problems')
      const id = await uniquely(() => repo.insertAgency({ ...a, url: a.url ?? null }), 'agency')
      changed(['all'])
      return id
    },

    async createTopic(input) {
      const t = parseOrThrow(TopicInput, input, 'The topic has problems')
      const id = await uniquely(
        () => repo.insertTopic({ ...t, description: t.description ?? '' }),
        'topic',
      )
      changed(['all'])
      return id
    },

    async updateTaxonomy(kind, id, input) {
      const schema = TAXONOMY_SCHEMAS[kind]
      const v = parseOrThrow(schema, input, `The ${kind} has problems`) as Record<
        string,
        string | number | null
      >
      const ok = await uniquely(() => repo.updateTaxonomy(kind, id, v, clock.now()), kind)
      if (!ok) throw new AppError('NOT_FOUND', { status: 404, message: `No ${kind} ${id}` })
      if (kind === 'section') sectionsMemo = null
      changed(['all'])
    },

    async setAuthorPhoto(authorId, imageId) {
      if (!(await repo.setAuthorImage(authorId, imageId, clock.now())))
        throw new AppError('NOT_FOUND', { status: 404, message: `No author ${authorId}` })
      // Only the author's own pages show the photo.
      changed([`author:${authorId}`])
    },

    namesIn(language) {
      let names = namesMemo.get(language)
      if (!names) {
        names = repo.taxonomyNames(language).catch((e: unknown) => {
          namesMemo.delete(language)
          throw e
        })
        namesMemo.set(language, names)
      }
      return names
    },

    async nameInLanguage(kind, itemId, language, name) {
      await repo.saveTaxonomyName(kind, itemId, language, name)
      namesMemo.delete(language)
      // Names show in every page's navigation and in lists: everything may hold one.
      changed(['all'])
    },

    forget(keys) {
      if (keys.includes('all')) {
        sectionsMemo = null
        namesMemo.clear()
      }
    },
  }
}
