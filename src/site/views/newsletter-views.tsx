import { expandBody } from './body.js'
import type { ArticleSummary } from '../../content/index.js'
import { articlePath, readingMinutes } from '../../content/index.js'
import { type Newsletter, consentText } from '../../newsletter/index.js'
import { useContext } from 'preact/hooks'
import { TimeZoneContext, formatDate } from './format.js'

/** The sign-up box: a plain form that works without JavaScript. */
import { LanguagesContext } from './locale.js'
export function NewsletterBox(props: {
  newsletter: Newsletter
  siteName: string
  headingLevel?: 2 | 3
}) {
  const n = props.newsletter
  const H = props.headingLevel === 3 ? 'h3' : 'h2'
  const id = `nl-${n.id}`
  return (
    <section class="newsletter-box" aria-labelledby={`${id}-title`}>
      <H id={`${id}-title`}>{n.name}</H>
      {n.description && <p>{n.description}</p>}
      {n.cadence && <p class="cadence">{n.cadence}</p>}
      <form method="post" action="/newsletters/subscribe">
        <input type="hidden" name="newsletter" value={String(n.id)} />
        <label for={`${id}-email`}>Your email address</label>
        <div class="newsletter-row">
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autocomplete="email"
            required
            maxLength={254}
          />
          <button type="submit">Sign up</button>
        </div>
      </form>
      <p class="small">
        {consentText(n.name, props.siteName)} <a href="/privacy">How we handle your address</a> ·{' '}
        <a href={`/newsletters/${n.slug}/preview`}>Preview an issue</a>
      </p>
    </section>
  )
}

export function NewsletterMessage(props: { title: string; message: string; back?: boolean }) {
  return (
    <section class="error-page">
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      {props.back !== false && (
        <p>
          <a href="/">Go to the front page</a>
        </p>
      )}
    </section>
  )
}

export function UnsubscribeConfirm(props: { newsletter: Newsletter; action: string }) {
  return (
    <section class="error-page">
      <h1>Unsubscribe from {props.newsletter.name}?</h1>
      <form method="post" action={props.action}>
        <button type="submit">Yes, unsubscribe me</button>
      </form>
    </section>
  )
}

export function NewslettersPage(props: { newsletters: Newsletter[]; siteName: string }) {
  return (
    <>
      <h1>Newsletters</h1>
      <p>Our reporting in your inbox, for when the website is out of reach.</p>
      {props.newsletters.map((n) => (
        <NewsletterBox newsletter={n} siteName={props.siteName} />
      ))}
      {props.newsletters.length === 0 && <p>No newsletters yet.</p>}
    </>
  )
}

/** A sample issue: what a subscriber would have received from the latest stories. */
export function NewsletterPreview(props: { newsletter: Newsletter; articles: ArticleSummary[] }) {
  const languages = useContext(LanguagesContext)
  return (
    <>
      <p class="kicker">Preview</p>
      <h1>{props.newsletter.name}</h1>
      <p>
        A sample of what arrives{' '}
        {props.newsletter.cadence ? props.newsletter.cadence.toLowerCase() : 'by email'}: the
        editors' pick of news, features and analysis.
      </p>
      <ol class="newsletter-preview">
        {props.articles.map((a) => (
          <li>
            <h2 class="card-title">
              <a href={articlePath(a, languages)}>{a.headline}</a>
            </h2>
            <p>{a.summary}</p>
            <p class="meta">{readingMinutes(a.wordCount)} min read</p>
          </li>
        ))}
      </ol>
      <p>
        <a href="/newsletters">Sign up</a> ·{' '}
        <a href={`/newsletters/${props.newsletter.slug}/archive`}>Past editions</a>
      </p>
    </>
  )
}

export function PrivacyPage(props: { siteName: string; html: string }) {
  return (
    <section class="story">
      <h1>How {props.siteName} handles your data</h1>
      {/* Sanitized on save (content/site-text.ts); through expandBody like every body. */}
      <div
        class="story-body"
        dangerouslySetInnerHTML={{ __html: expandBody(props.html, new Map()) }}
      />
    </section>
  )
}

/** Every sent edition of one newsletter, newest first. */
export function NewsletterArchive(props: {
  newsletter: Newsletter
  issues: { id: number; subject: string; sentAt: Date }[]
  page: number
  hasMore: boolean
  language: string
}) {
  const timeZone = useContext(TimeZoneContext)
  const n = props.newsletter
  return (
    <>
      <p class="kicker">Archive</p>
      <h1>{n.name}</h1>
      {n.description && <p>{n.description}</p>}
      {props.issues.length === 0 ? (
        <p>
          Nothing has been sent yet. <a href={`/newsletters/${n.slug}/preview`}>See a sample</a>.
        </p>
      ) : (
        <ol class="newsletter-archive">
          {props.issues.map((i) => (
            <li>
              <a href={`/newsletters/${n.slug}/issues/${i.id}`}>{i.subject}</a>{' '}
              <time class="meta" dateTime={i.sentAt.toISOString()}>
                {formatDate(i.sentAt, props.language, timeZone)}
              </time>
            </li>
          ))}
        </ol>
      )}
      <nav class="pager" aria-label="More editions">
        {props.page > 1 && (
          <a
            rel="prev"
            href={`/newsletters/${n.slug}/archive${props.page > 2 ? `?page=${props.page - 1}` : ''}`}
          >
            Newer
          </a>
        )}{' '}
        {props.hasMore && (
          <a rel="next" href={`/newsletters/${n.slug}/archive?page=${props.page + 1}`}>
            Older
          </a>
        )}
      </nav>
      <p>
        <a href="/newsletters">Sign up</a>
      </p>
    </>
  )
}

/** The web version of a sent edition: what subscribers received, as it was sent. */
export function EditionWebView(props: {
  newsletter: Newsletter
  subject: string
  intro: string
  sentAt: Date
  items: { headline: string; path: string; blurb: string }[]
  language: string
}) {
  const timeZone = useContext(TimeZoneContext)
  const n = props.newsletter
  return (
    <article class="story">
      <p class="kicker">
        <a href={`/newsletters/${n.slug}/archive`}>{n.name}</a>
      </p>
      <h1>{props.subject}</h1>
      <p class="meta">
        Sent{' '}
        <time dateTime={props.sentAt.toISOString()}>
          {formatDate(props.sentAt, props.language, timeZone)}
        </time>
      </p>
      {props.intro
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p>{p}</p>
        ))}
      <ol class="newsletter-preview">
        {props.items.map((it) => (
          <li>
            <h2 class="card-title">
              <a href={it.path}>{it.headline}</a>
            </h2>
            {it.blurb && <p>{it.blurb}</p>}
          </li>
        ))}
      </ol>
      <p>
        <a href="/newsletters">Sign up to get the next one</a>
      </p>
    </article>
  )
}
