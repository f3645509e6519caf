import type { Article, TranslationLink } from '../../content/index.js'
import type { AdminContext } from './shell.js'

/** "Russian (ru)": a language's English name, for staff who may not read its script. */
export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag)
    return name && name !== tag ? `${name} (${tag})` : tag
  } catch {
    return tag
  }
}

/** What the story form's translations panel shows (ADR 026). */
export interface TranslationPanel {
  /** The story's translations, any status. */
  linked: TranslationLink[]
  /** Recent stories in the site's other languages, to link as a translation. */
  candidates: { id: number; headline: string; language: string }[]
}

/**
 * The story's translations: each links to its own form, with a way to unlink this story from
 * them; a list of recent stories in the other languages to link, a plain select and a button.
 */
export function TranslationsPanel(props: {
  ctx: AdminContext
  article: Article
  panel: TranslationPanel
}) {
  const { article: a, panel } = props
  return (
    <section aria-labelledby="translations-title">
      <h2 id="translations-title">Translations</h2>
      {panel.linked.length > 0 ? (
        <>
          <ul>
            {panel.linked.map((t) => (
              <li>
                <span lang={t.language}>{t.language}</span>:{' '}
                <a href={`/admin/articles/${t.id}`} lang={t.language}>
                  {t.headline}
                </a>{' '}
                ({t.status})
              </li>
            ))}
          </ul>
          <form method="post" action={`/admin/articles/${a.id}/translations/unlink`}>
            <input type="hidden" name="_csrf" value={props.ctx.csrf} />
            <button type="submit">Unlink this story from its translations</button>
          </form>
        </>
      ) : (
        <p>This story has no translation linked yet.</p>
      )}
      {panel.candidates.length > 0 ? (
        <form method="post" action={`/admin/articles/${a.id}/translations`}>
          <input type="hidden" name="_csrf" value={props.ctx.csrf} />
          <label for="translation">Link a translation (recent stories in other languages)</label>
          <select id="translation" name="otherId" required>
            <option value="">Choose a story</option>
            {panel.candidates.map((c) => (
              <option value={String(c.id)}>
                {c.language}: {c.headline}
              </option>
            ))}
          </select>
          <p>
            <button type="submit">Link as a translation</button>
          </p>
        </form>
      ) : (
        <p class="small">No story in another language to link yet.</p>
      )}
    </section>
  )
}
