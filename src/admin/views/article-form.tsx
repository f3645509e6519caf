import { staffTime } from '../../lib/time-zone.js'
import {
  ARTICLE_STATUSES,
  type Agency,
  type Article,
  DRAFTING_STATUSES,
  type Author,
  type Image,
  type Section,
  type Revision,
  type Topic,
  articlePath,
} from '../../content/index.js'
import { statusLabel } from './articles.js'
import { type TranslationPanel, TranslationsPanel, languageName } from './translations.js'
import { BylineRows, LeadPhotoChoices, SaveButtons, TopicChoices } from './article-form-parts.js'
import { type AdminContext, AdminLayout, Problems } from './shell.js'

export interface ArticleFormValues {
  headline: string
  kicker: string
  standfirst: string
  slug: string
  sectionId: string
  body: string
  status: string
  publishedAt: string
  unpublishAt: string
  topicIds: string[]
  /** Names in byline order: staff, agencies and guests alike. */
  byline: string[]
  leadImageId: string
  /** An older photo chosen by its number without JavaScript (see leadImageChoice). */
  leadImageNumber: string
  version: string
  /** The story's language; '' for the site's (SITE_LANGUAGE). */
  language: string
}

export interface ArticleFormView {
  ctx: AdminContext
  article: Article | null
  values: ArticleFormValues
  sections: Section[]
  topics: Topic[]
  authors: Author[]
  agencies: Agency[]
  /** Guests credited before, suggested in the byline (the newest stories' first). */
  guests?: readonly string[]
  problems: string[]
  /** The refusal's stable code, when one names it (UNKNOWN_REFERENCE for a photo's number). */
  problemCode?: string | undefined
  notice?: string | undefined
  /** Set when someone else saved first: their version, to compare with ours (in `values`). */
  theirs?: Article | undefined
  revisions?: Revision[] | undefined
  /** Recent photos to choose the lead from. */
  images?: Image[]
  /** A newer automatic copy exists: when, and where to open it. */
  autosaved?: { at: Date; href: string } | undefined
  /** SITE_LANGUAGES: with several, the form asks for the story's language (ADR 026). */
  languages?: readonly string[]
  /** The translations panel of a saved story on a site with several languages. */
  translations?: TranslationPanel | undefined
}

export function ArticleForm(props: ArticleFormView) {
  const v = props.values
  const a = props.article
  const action = a ? `/admin/articles/${a.id}` : '/admin/articles'
  const canPublish = props.ctx.can('article.publish')
  return (
    <AdminLayout ctx={props.ctx} title={a ? `Edit: ${a.headline}` : 'New article'} editor>
      <h1>{a ? 'Edit article' : 'New article'}</h1>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {a && (
        <p>
          <a href={`/admin/articles/${a.id}/preview`}>Preview</a> ·{' '}
          <a href={`/admin/articles/${a.id}/preview/phone`}>at phone width</a>
        </p>
      )}
      {a && a.status === 'published' && a.publishedAt && (
        <p>
          Live at <a href={articlePath(a)}>{articlePath(a)}</a>
        </p>
      )}
      {props.theirs && (
        <section class="errors" aria-labelledby="conflict-title">
          <h2 id="conflict-title">Someone else saved this article while you were editing</h2>
          <p>
            Nothing of yours was lost and nothing of theirs was overwritten. Compare the two bodies,
            merge what you need into the form below, and save again to replace their version.
          </p>
          <div class="compare">
            <div>
              <h3>Theirs (saved {staffTime(props.theirs.updatedAt, props.ctx.timeZone)})</h3>
              <p>
                <strong>{props.theirs.headline}</strong>
              </p>
              <pre>{props.theirs.body}</pre>
            </div>
            <div>
              <h3>Yours (not saved)</h3>
              <p>
                <strong>{v.headline}</strong>
              </p>
              <pre>{v.body}</pre>
            </div>
          </div>
        </section>
      )}
      {props.autosaved && (
        <p class="notice" role="status">
          Text kept automatically at {staffTime(props.autosaved.at, props.ctx.timeZone)} is newer
          than this version. <a href={props.autosaved.href}>Open the kept text</a> (nothing changes
          until you save).
        </p>
      )}
      <Problems problems={props.problems} code={props.problemCode} />
      <form method="post" action={action} class="write" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <input type="hidden" name="version" value={v.version} />
        <div class="write-main">
          <label for="headline">Headline</label>
          <input
            id="headline"
            name="headline"
            type="text"
            required
            maxLength={300}
            value={v.headline}
          />
          <label for="standfirst">
            Standfirst <span class="hint">(one or two sentences under the headline)</span>
          </label>
          <input
            id="standfirst"
            name="standfirst"
            type="text"
            maxLength={600}
            value={v.standfirst}
          />
          <label for="body">
            Body{' '}
            <span class="hint">
              (with JavaScript, a rich editor; without it, HTML, cleaned to the allowed tags on
              save)
            </span>
          </label>
          <textarea id="body" name="body">
            {v.body}
          </textarea>
        </div>
        <div class="write-side">
          <fieldset>
            <legend>Publishing</legend>
            <label for="status">Status</label>
            <select id="status" name="status">
              {ARTICLE_STATUSES.filter((st) => canPublish || DRAFTING_STATUSES.includes(st)).map(
                (st) => (
                  <option value={st} selected={v.status === st}>
                    {statusLabel[st]}
                  </option>
                ),
              )}
            </select>
            {!canPublish && (
              <p class="small">
                Your role saves drafts and sends them for review; an editor publishes them.
              </p>
            )}
            <label for="publishedAt">
              Publication time, {props.ctx.timeZone}{' '}
              <span class="hint">(empty: now when published; required when scheduled)</span>
            </label>
            <input
              id="publishedAt"
              name="publishedAt"
              type="datetime-local"
              value={v.publishedAt}
            />
            <label for="unpublishAt">
              Take down at, {props.ctx.timeZone}{' '}
              <span class="hint">(optional: an embargo’s end or a planned takedown)</span>
            </label>
            <input
              id="unpublishAt"
              name="unpublishAt"
              type="datetime-local"
              value={v.unpublishAt}
            />
            <SaveButtons stored={a?.status ?? null} chosen={v.status} canPublish={canPublish} />
          </fieldset>
          <label for="sectionId">Section</label>
          <select id="sectionId" name="sectionId" required>
            <option value="">Choose a section</option>
            {props.sections.map((s) => (
              <option value={String(s.id)} selected={v.sectionId === String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
          {(props.languages?.length ?? 0) > 1 && (
            <>
              <label for="language">Language</label>
              <select id="language" name="language">
                {props.languages!.map((l) => (
                  <option value={l} selected={(v.language || props.languages![0]) === l}>
                    {languageName(l)}
                  </option>
                ))}
              </select>
            </>
          )}
          <BylineRows
            byline={v.byline}
            authors={props.authors}
            agencies={props.agencies}
            guests={props.guests ?? []}
          />
          <TopicChoices
            topics={props.topics}
            checked={v.topicIds}
            canCreate={props.ctx.can('taxonomy.manage')}
          />
          <LeadPhotoChoices
            images={props.images ?? []}
            chosen={v.leadImageId}
            number={v.leadImageNumber}
          />
          <label for="kicker">
            Kicker <span class="hint">(optional, e.g. Analysis)</span>
          </label>
          <input id="kicker" name="kicker" type="text" maxLength={60} value={v.kicker} />
          <label for="slug">
            Address <span class="hint">(made from the headline when empty)</span>
          </label>
          <input
            id="slug"
            name="slug"
            type="text"
            maxLength={80}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            value={v.slug}
          />
        </div>
      </form>
      {a && canPublish && (a.status === 'published' || a.corrections.length > 0) && (
        <section aria-labelledby="corrections-title">
          <h2 id="corrections-title">Corrections and updates</h2>
          {a.corrections.length > 0 && (
            <ul>
              {a.corrections.map((c) => (
                <li>
                  {c.kind === 'correction' ? 'Correction' : 'Update'},{' '}
                  {staffTime(c.at, props.ctx.timeZone)}: {c.text}
                </li>
              ))}
            </ul>
          )}
          <form method="post" action={`/admin/articles/${a.id}/corrections`}>
            <input type="hidden" name="_csrf" value={props.ctx.csrf} />
            <label for="kind">Kind</label>
            <select id="kind" name="kind">
              <option value="correction">Correction (something was wrong)</option>
              <option value="update">Update (news moved on)</option>
            </select>
            <label for="note">What readers should know</label>
            <textarea id="note" name="text" class="short" required maxLength={2000} />
            <p>
              <button type="submit">Add to the article</button>
            </p>
          </form>
        </section>
      )}
      {a && canPublish && props.translations && (
        <TranslationsPanel ctx={props.ctx} article={a} panel={props.translations} />
      )}
      {a && props.revisions && props.revisions.length > 0 && (
        <section aria-labelledby="revisions-title">
          <h2 id="revisions-title">Versions</h2>
          <ul>
            {props.revisions.map((r) => (
              <li>
                <a href={`/admin/articles/${a.id}/revisions/${r.id}`}>
                  {staffTime(r.savedAt, props.ctx.timeZone, { seconds: true })}
                </a>{' '}
                · {r.staffName ?? 'import or system'} · {r.snapshot.headline}
              </li>
            ))}
          </ul>
        </section>
      )}
    </AdminLayout>
  )
}
