import { expandBody } from './body.js'
import type { ArticleSummary } from '../../content/index.js'
import { articlePath, readingMinutes } from '../../content/index.js'
import { type Newsletter, consentText, inSentence } from '../../newsletter/index.js'
import { useContext } from 'preact/hooks'
import { TimeZoneContext, formatDate } from './format.js'
import { useLocale } from './locale.js'
import { Msg } from './msg.js'
import { Kept, keptParts } from './remembered.js'
import { keyText } from './kept-keys.js'

interface BoxProps {
  newsletter: Newsletter
  siteName: string
  headingLevel?: 2 | 3
  /** What the reader typed, given back after a refusal. */
  email?: string | undefined
}

/**
 * The box beside every article is the same for a newsletter, site name and edition: rendered
 * once and kept (ADR 045), keyed by every value it shows. One that gives a reader's address back
 * is drawn each time.
 */
const boxes = keptParts(16)

/** What a sign-up box shows of its newsletter and site; the key it is kept under. */
export function newsletterBoxKey(p: Pick<BoxProps, 'newsletter' | 'siteName' | 'headingLevel'>) {
  const n = p.newsletter
  return `${p.headingLevel ?? 2} ${n.id} ${n.slug} ${n.language} ${keyText(n.name)}${keyText(n.description)}${keyText(n.cadence)}${keyText(p.siteName)}`
}

/** The sign-up box: a plain form that works without JavaScript. */
export function NewsletterBox(props: BoxProps) {
  const attrs = { class: 'newsletter-box', 'aria-labelledby': `nl-${props.newsletter.id}-title` }
  if (props.email !== undefined) {
    return (
      <section {...attrs}>
        <NewsletterBoxInside {...props} />
      </section>
    )
  }
  return (
    <Kept
      parts={boxes}
      id={newsletterBoxKey(props)}
      tag="section"
      attrs={attrs}
      render={() => <NewsletterBoxInside {...props} />}
    />
  )
}

/** The box's inside; exported for the test that keeps it honest. */
export function NewsletterBoxInside(props: BoxProps) {
  const n = props.newsletter
  const H = props.headingLevel === 3 ? 'h3' : 'h2'
  const id = `nl-${n.id}`
  const { t, path } = useLocale()
  return (
    <>
      <H id={`${id}-title`}>{n.name}</H>
      {n.description && <p>{n.description}</p>}
      {n.cadence && <p class="cadence">{n.cadence}</p>}
      <form method="post" action={path('/newsletters/subscribe')}>
        <input type="hidden" name="newsletter" value={String(n.id)} />
        <label for={`${id}-email`}>{t('common.emailAddress')}</label>
        <div class="newsletter-row">
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            autocomplete="email"
            required
            maxLength={254}
            value={props.email}
          />
          <button type="submit">{t('newsletter.signUp')}</button>
        </div>
      </form>
      <p class="small">
        {consentText(n.name, props.siteName, n.language)}{' '}
        <a href={path('/privacy')}>{t('common.howWeHandle')}</a> ·{' '}
        <a href={path(`/newsletters/${n.slug}/preview`)}>{t('newsletter.previewIssue')}</a>
      </p>
    </>
  )
}

export function NewsletterMessage(props: {
  title: string
  message: string
  back?: boolean
  /** The reader's preferences page, linked after they subscribe. */
  manage?: string | undefined
}) {
  const { t, path } = useLocale()
  return (
    <section class="error-page">
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      {props.manage && (
        <p>
          <a href={props.manage}>{t('newsletter.managePrefs')}</a>
        </p>
      )}
      {props.back !== false && (
        <p>
          <a href={path('/')}>{t('common.frontPage')}</a>
        </p>
      )}
    </section>
  )
}

/** A refused sign-up: why, then the same form with what the reader typed. */
export function NewsletterSignUpProblem(props: {
  problem: string
  newsletters: Newsletter[]
  email: string
  siteName: string
}) {
  const { t } = useLocale()
  return (
    <>
      <h1>{t('common.checkAddress')}</h1>
      <p class="chooser-problem" role="alert">
        {props.problem}
      </p>
      {props.newsletters.map((n) => (
        <NewsletterBox newsletter={n} siteName={props.siteName} email={props.email.slice(0, 254)} />
      ))}
    </>
  )
}

export function UnsubscribeConfirm(props: { newsletter: Newsletter; action: string }) {
  const { t } = useLocale()
  return (
    <section class="error-page">
      <h1>{t('newsletter.unsubscribeQuestion', { name: props.newsletter.name })}</h1>
      <form method="post" action={props.action}>
        <button type="submit">{t('newsletter.unsubscribeYes')}</button>
      </form>
    </section>
  )
}

export function NewslettersPage(props: { newsletters: Newsletter[]; siteName: string }) {
  const { t } = useLocale()
  return (
    <>
      <h1>{t('newsletter.listTitle')}</h1>
      <p>{t('newsletter.listIntro')}</p>
      {props.newsletters.map((n) => (
        <NewsletterBox newsletter={n} siteName={props.siteName} />
      ))}
      {props.newsletters.length === 0 && <p>{t('newsletter.none')}</p>}
    </>
  )
}

/** A sample issue: what a subscriber would have received from the latest stories. */
export function NewsletterPreview(props: { newsletter: Newsletter; articles: ArticleSummary[] }) {
  const { languages } = useLocale()
  const { t, path } = useLocale()
  const when = props.newsletter.cadence
    ? inSentence(props.newsletter.cadence, props.newsletter.language)
    : t('newsletter.byEmail')
  return (
    <>
      <p class="kicker">{t('newsletter.previewKicker')}</p>
      <h1>{props.newsletter.name}</h1>
      <p>{t('newsletter.previewIntro', { when })}</p>
      <ol class="newsletter-preview">
        {props.articles.map((a) => (
          <li>
            <h2 class="card-title">
              <a href={articlePath(a, languages)}>{a.headline}</a>
            </h2>
            <p>{a.summary}</p>
            <p class="meta">{t('card.readingTime', { minutes: readingMinutes(a.wordCount) })}</p>
          </li>
        ))}
      </ol>
      <p>
        <a href={path('/newsletters')}>{t('newsletter.signUp')}</a> ·{' '}
        <a href={path(`/newsletters/${props.newsletter.slug}/archive`)}>
          {t('newsletter.pastEditions')}
        </a>
      </p>
    </>
  )
}

export function PrivacyPage(props: { siteName: string; html: string }) {
  const { t } = useLocale()
  return (
    <section class="story">
      <h1>{t('privacy.heading', { site: props.siteName })}</h1>
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
}) {
  const timeZone = useContext(TimeZoneContext)
  const { t, path, language } = useLocale()
  const n = props.newsletter
  const archive = path(`/newsletters/${n.slug}/archive`)
  return (
    <>
      <p class="kicker">{t('newsletter.archiveKicker')}</p>
      <h1>{n.name}</h1>
      {n.description && <p>{n.description}</p>}
      {props.issues.length === 0 ? (
        <p>
          <Msg
            k="newsletter.nothingSent"
            parts={{
              link: (
                <a href={path(`/newsletters/${n.slug}/preview`)}>{t('newsletter.seeSample')}</a>
              ),
            }}
          />
        </p>
      ) : (
        <ol class="newsletter-archive">
          {props.issues.map((i) => (
            <li>
              <a href={path(`/newsletters/${n.slug}/issues/${i.id}`)}>{i.subject}</a>{' '}
              <time class="meta" dateTime={i.sentAt.toISOString()}>
                {formatDate(i.sentAt, language, timeZone)}
              </time>
            </li>
          ))}
        </ol>
      )}
      <nav class="pager" aria-label={t('newsletter.moreEditions')}>
        {props.page > 1 && (
          <a rel="prev" href={`${archive}${props.page > 2 ? `?page=${props.page - 1}` : ''}`}>
            {t('newsletter.newer')}
          </a>
        )}{' '}
        {props.hasMore && (
          <a rel="next" href={`${archive}?page=${props.page + 1}`}>
            {t('newsletter.older')}
          </a>
        )}
      </nav>
      <p>
        <a href={path('/newsletters')}>{t('newsletter.signUp')}</a>
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
}) {
  const timeZone = useContext(TimeZoneContext)
  const { t, path, language } = useLocale()
  const n = props.newsletter
  return (
    <article class="story">
      <p class="kicker">
        <a href={path(`/newsletters/${n.slug}/archive`)}>{n.name}</a>
      </p>
      <h1>{props.subject}</h1>
      <p class="meta">
        <Msg
          k="newsletter.sent"
          parts={{
            date: (
              <time dateTime={props.sentAt.toISOString()}>
                {formatDate(props.sentAt, language, timeZone)}
              </time>
            ),
          }}
        />
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
        <a href={path('/newsletters')}>{t('newsletter.signUpNext')}</a>
      </p>
    </article>
  )
}
