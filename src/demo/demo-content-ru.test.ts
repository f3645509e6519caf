import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { AppealSettingsSchema, defaultAppeal } from '../contributions/index.js'
import { isSlug } from '../lib/slug.js'
import { agencies, articles, authors, type DemoBlock, sections, topics } from './demo-content.js'
import {
  ruAppeal,
  ruArticles,
  ruNewsletter,
  ruNewsletterDraft,
  ruSectionNames,
  ruTopicNames,
} from './demo-content-ru.js'

const CYRILLIC = /[\u0400-\u04FF]/
const english = articles.filter((a) => (a.language ?? 'en') === 'en')
const englishBySlug = new Map(english.map((a) => [a.slug, a]))

/** Every piece of reader text in a body, in order: paragraphs, headings, quotes, captions. */
function bodyTexts(body: DemoBlock[]): string[] {
  return body.flatMap((b) =>
    typeof b === 'string'
      ? [b]
      : 'h2' in b
        ? [b.h2]
        : 'quote' in b
          ? [b.quote, ...(b.cite ? [b.cite] : [])]
          : [b.image.alt, b.image.caption],
  )
}

const words = (t: string) => t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length

describe('Russian demo content', () => {
  it('has at least 20 Russian articles, every one marked ru', () => {
    assert.ok(ruArticles.length >= 20, `only ${ruArticles.length} Russian articles`)
    for (const a of ruArticles) assert.equal(a.language, 'ru', a.slug)
  })

  it('translates at least 10 distinct English stories, each named by an existing English slug', () => {
    const translations = ruArticles.filter((a) => a.translationOf)
    assert.ok(translations.length >= 10, `only ${translations.length} translations`)
    const seen = new Set<string>()
    for (const a of translations) {
      const original = englishBySlug.get(a.translationOf!)
      assert.ok(original, `${a.slug} translates unknown English slug ${a.translationOf}`)
      assert.ok(!seen.has(a.translationOf!), `${a.translationOf} is translated twice`)
      seen.add(a.translationOf!)
      // Same story: same section, and published with or a little after the original.
      assert.equal(a.section, original.section, a.slug)
      assert.ok(
        a.hoursAgo <= original.hoursAgo && a.hoursAgo >= original.hoursAgo - 12,
        `${a.slug} is not published with its original`,
      )
    }
  })

  it('gives every article a valid slug, unique across both languages', () => {
    const all = [...articles, ...ruArticles].map((a) => a.slug)
    assert.equal(new Set(all).size, all.length, 'a slug is used twice')
    for (const a of ruArticles) {
      assert.ok(isSlug(a.slug) && a.slug.length <= 70, `bad slug ${a.slug}`)
    }
  })

  it('uses only existing sections, topics, authors and agencies', () => {
    const sectionSlugs = new Set(sections.map((s) => s.slug))
    const topicSlugs = new Set(topics.map((t) => t.slug))
    const authorSlugs = new Set(authors.map((a) => a.slug))
    const agencySlugs = new Set(agencies.map((a) => a.slug))
    for (const a of ruArticles) {
      assert.ok(sectionSlugs.has(a.section), `${a.slug}: section ${a.section}`)
      assert.ok(a.topics.length >= 1 && a.topics.length <= 3, `${a.slug}: one to three topics`)
      for (const t of a.topics) assert.ok(topicSlugs.has(t), `${a.slug}: topic ${t}`)
      assert.ok(a.credits.length > 0, `${a.slug}: no byline`)
      for (const c of a.credits) {
        if ('author' in c) assert.ok(authorSlugs.has(c.author), `${a.slug}: author ${c.author}`)
        else if ('agency' in c) assert.ok(agencySlugs.has(c.agency), `${a.slug}: ${c.agency}`)
        else assert.match(c.guest, CYRILLIC, `${a.slug}: guest names are in Russian`)
      }
    }
  })

  it('spreads publication over the span of the English stories', () => {
    const max = Math.max(...english.map((a) => a.hoursAgo))
    for (const a of ruArticles) {
      assert.ok(a.hoursAgo > 0 && a.hoursAgo <= max, `${a.slug}: hoursAgo ${a.hoursAgo}`)
      if (a.updatedHoursAfter !== undefined)
        assert.ok(a.updatedHoursAfter < a.hoursAgo, `${a.slug}: updated in the future`)
    }
    const hours = ruArticles.map((a) => a.hoursAgo)
    assert.ok(Math.min(...hours) <= 24, 'nothing from the last day')
    assert.ok(Math.max(...hours) >= max * 0.8, 'nothing from the oldest weeks')
  })

  it('names every section and topic in Russian, and nothing else', () => {
    assert.deepEqual(Object.keys(ruSectionNames).sort(), sections.map((s) => s.slug).sort())
    assert.deepEqual(Object.keys(ruTopicNames).sort(), topics.map((t) => t.slug).sort())
    for (const n of [...Object.values(ruSectionNames), ...Object.values(ruTopicNames)]) {
      assert.match(n.name, CYRILLIC)
      assert.match(n.description, CYRILLIC)
    }
  })

  it('writes every headline, standfirst, photo text and body block in Russian', () => {
    for (const a of ruArticles) {
      for (const t of [a.headline, a.standfirst ?? 'есть', a.lead.alt, a.lead.caption])
        assert.match(t, CYRILLIC, `${a.slug}: ${t}`)
      for (const t of bodyTexts(a.body)) assert.match(t, CYRILLIC, `${a.slug}: ${t}`)
    }
  })

  it('gives each body at least 150 words', () => {
    for (const a of ruArticles) {
      const n = words(bodyTexts(a.body).join(' '))
      assert.ok(n >= 150, `${a.slug}: ${n} words`)
    }
  })

  it('uses Russian typography: «ёлочки», not straight quotes, and dashes, not hyphens', () => {
    for (const a of ruArticles) {
      for (const t of [a.headline, a.standfirst ?? '', ...bodyTexts(a.body)]) {
        assert.doesNotMatch(t, /"/, `${a.slug}: straight quote in ${t}`)
        assert.doesNotMatch(t, / - /, `${a.slug}: hyphen used as a dash in ${t}`)
      }
    }
  })

  it('inflects «выборы» in several cases, for the search stemming tests', () => {
    const text = ruArticles.map((a) => bodyTexts(a.body).join(' ')).join(' ')
    for (const form of ['выборы', 'выборов', 'выборах', 'выборам']) {
      assert.match(text, new RegExp(`(^|[^\\p{L}])${form}([^\\p{L}]|$)`, 'u'), form)
    }
  })

  it('has a Russian weekly and a valid Russian appeal in the shape of the English ones', () => {
    assert.ok(isSlug(ruNewsletter.slug) && ruNewsletter.slug !== 'weekly')
    assert.equal(ruNewsletter.language, 'ru')
    for (const t of [ruNewsletter.name, ruNewsletter.description, ruNewsletter.cadence])
      assert.match(t, CYRILLIC)
    assert.match(ruNewsletterDraft.subject, CYRILLIC)
    assert.match(ruNewsletterDraft.intro, CYRILLIC)

    const parsed = AppealSettingsSchema.safeParse(ruAppeal)
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues))
    assert.equal(ruAppeal.language, 'ru')
    assert.deepEqual(
      Object.keys(ruAppeal).sort(),
      Object.keys(defaultAppeal('en', 'The Lantern')).sort(),
    )
    for (const t of [ruAppeal.bannerText, ruAppeal.headline, ruAppeal.letter, ruAppeal.safetyNote])
      assert.match(t, CYRILLIC)
  })
})
