import type { DeliveryCounts, Edition, Newsletter } from '../../newsletter/index.js'
import { STATUS_WORDS, when } from './editions.js'
import { counted, formatCount } from './format.js'
import { type AdminContext, AdminLayout, Problems } from './shell.js'

export interface EditionFormValues {
  subject: string
  intro: string
  items: { articleId: number; blurb: string }[]
  sendAt: string
}

export interface ArticleChoice {
  id: number
  headline: string
  path: string
  publishedAt: Date
}

function Breadcrumb(props: { newsletter: Newsletter }) {
  return (
    <p class="small">
      <a href="/admin/newsletters">Newsletters</a> ›{' '}
      <a href={`/admin/newsletters/${props.newsletter.id}`}>{props.newsletter.name}</a> ›
    </p>
  )
}

/** One edition: the editor while it can change, then its report; the email as readers get it. */
export function EditionPage(props: {
  ctx: AdminContext
  newsletter: Newsletter
  edition: Edition
  counts: DeliveryCounts
  /** Published articles by id: those in the edition and the recent ones offered. */
  articles: Map<number, ArticleChoice>
  recent: ArticleChoice[]
  values: EditionFormValues
  /** The email's plain text as readers get it (the HTML is framed from the email route). */
  emailText: string | undefined
  problems?: string[]
  notice?: string | undefined
  /** Why editions cannot go out now (no https PUBLIC_URL in production). */
  blocked?: string | null
}) {
  const { edition: e, newsletter: n } = props
  const editable = e.status === 'draft' || e.status === 'approved'
  const done =
    props.counts.sent + props.counts.failed + props.counts.skipped + props.counts.suppressed
  return (
    <AdminLayout
      ctx={props.ctx}
      title={e.subject}
      refreshSeconds={e.status === 'sending' ? 5 : undefined}
      editionScript={editable}
    >
      <Breadcrumb newsletter={n} />
      <h1>{e.subject}</h1>
      <p>
        <strong>{STATUS_WORDS[e.status]}</strong>
        {e.status === 'approved' && e.sendAt && (
          <> · goes out at {when(e.sendAt, props.ctx.timeZone)}</>
        )}
        {e.startedAt && <> · started {when(e.startedAt, props.ctx.timeZone)}</>}
        {e.finishedAt && <> · finished {when(e.finishedAt, props.ctx.timeZone)}</>}
      </p>
      {props.blocked && (
        <div class="errors" role="alert">
          <p>{props.blocked}</p>
        </div>
      )}
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      {(e.status === 'sending' || e.status === 'sent') && (
        <section aria-labelledby="progress">
          <h2 id="progress">Delivery</h2>
          <p>
            <label for="send-progress">
              {formatCount(done)} of {formatCount(e.recipients)} handled
            </label>{' '}
            <progress id="send-progress" max={Math.max(1, e.recipients)} value={done} />
          </p>
          <dl class="counts">
            <dt>Delivered to the mail server</dt>
            <dd>{formatCount(props.counts.sent)}</dd>
            <dt>Failed (address refused)</dt>
            <dd>{formatCount(props.counts.failed)}</dd>
            <dt>Skipped (unsubscribed during the send)</dt>
            <dd>{formatCount(props.counts.skipped)}</dd>
            <dt>Suppressed (bounced or complained before)</dt>
            <dd>{formatCount(props.counts.suppressed)}</dd>
            <dt>Waiting</dt>
            <dd>{formatCount(props.counts.queued + props.counts.sending)}</dd>
          </dl>
          {e.status === 'sending' && <p class="small">This page reloads every 5 seconds.</p>}
          <p>
            <a href={`/newsletters/${n.slug}/issues/${e.id}`}>Web version in the archive</a>
          </p>
        </section>
      )}
      <Problems problems={props.problems ?? []} />
      {editable ? (
        <EditionForm {...props} />
      ) : (
        e.status !== 'cancelled' && (
          <section aria-labelledby="contents">
            <h2 id="contents">What it contains</h2>
            <ol>
              {props.values.items.map((it) => (
                <li>{props.articles.get(it.articleId)?.headline ?? `Article ${it.articleId}`}</li>
              ))}
            </ol>
          </section>
        )
      )}
      {props.emailText !== undefined && (
        <EmailPreview edition={e} text={props.emailText} editable={editable} />
      )}
    </AdminLayout>
  )
}

/**
 * The email inline: the HTML framed from its own admin route (sandboxed, no scripts, its own
 * policy), the text part beside it.
 */
function EmailPreview(props: { edition: Edition; text: string; editable: boolean }) {
  return (
    <section aria-labelledby="email-title" class="email-preview">
      <h2 id="email-title">The email</h2>
      <p class="small">
        {props.editable
          ? 'As last saved, as a reader will see it; save to see changes.'
          : 'As it was sent.'}
      </p>
      <div class="email-parts">
        <iframe
          src={`/admin/editions/${props.edition.id}/email`}
          sandbox=""
          title="The email’s HTML, as readers see it"
          width={600}
          height={720}
        />
        <div>
          <h3>Plain text</h3>
          <pre class="email-text">{props.text}</pre>
        </div>
      </div>
    </section>
  )
}

function EditionForm(props: Parameters<typeof EditionPage>[0]) {
  const { edition: e, newsletter: n, values: v } = props
  const inList = new Set(v.items.map((i) => i.articleId))
  return (
    <form method="post" action={`/admin/editions/${e.id}`}>
      <input type="hidden" name="_csrf" value={props.ctx.csrf} />
      {/* Enter in a field submits with the form's first button: this one saves, not a move. */}
      <button type="submit" name="action" value="save" hidden>
        Save
      </button>
      <label for="ed-subject">Subject line</label>
      <input
        id="ed-subject"
        name="subject"
        type="text"
        required
        maxLength={200}
        value={v.subject}
      />
      <label for="ed-intro">
        Introduction <span class="hint">(plain text; a blank line starts a new paragraph)</span>
      </label>
      <textarea id="ed-intro" class="short" name="intro" rows={6} maxLength={5000}>
        {v.intro}
      </textarea>
      <h2>Stories</h2>
      {v.items.length === 0 ? (
        <p>No stories yet: add some below.</p>
      ) : (
        <ol class="edition-items">
          {v.items.map((it, i) => {
            const a = props.articles.get(it.articleId)
            const name = a ? a.headline : `Article ${it.articleId} (no longer published)`
            return (
              <li id={`story-${it.articleId}`}>
                <input type="hidden" name="item_id" value={String(it.articleId)} />
                <div class="item-head">
                  <p>{a ? <a href={a.path}>{a.headline}</a> : name}</p>
                  <span class="moves">
                    <button
                      class="secondary"
                      type="submit"
                      name="move"
                      value={`up:${it.articleId}`}
                      disabled={i === 0}
                    >
                      ↑ Up<span class="visually-hidden">: {name}</span>
                    </button>
                    <button
                      class="secondary"
                      type="submit"
                      name="move"
                      value={`down:${it.articleId}`}
                      disabled={i === v.items.length - 1}
                    >
                      ↓ Down<span class="visually-hidden">: {name}</span>
                    </button>
                  </span>
                </div>
                <label for={`ed-blurb-${i}`}>
                  Blurb <span class="hint">(empty: the article’s own summary)</span>
                </label>
                <textarea
                  id={`ed-blurb-${i}`}
                  class="short"
                  name="item_blurb"
                  rows={2}
                  maxLength={600}
                >
                  {it.blurb}
                </textarea>
                <label class="choice">
                  <input type="checkbox" name="item_remove" value={String(it.articleId)} /> Take out
                </label>
              </li>
            )
          })}
        </ol>
      )}
      <label for="ed-add">Add a story</label>
      <select id="ed-add" name="add">
        <option value="">—</option>
        {props.recent
          .filter((a) => !inList.has(a.id))
          .map((a) => (
            <option value={String(a.id)}>
              {a.publishedAt.toISOString().slice(0, 10)} · {a.headline}
            </option>
          ))}
      </select>
      <p>
        <button type="submit" name="action" value="save">
          Save
        </button>{' '}
        <button class="secondary" type="submit" name="action" value="test">
          Save and send a test to me
        </button>
      </p>
      <h2>Send</h2>
      <p class="small">Both save first, then ask you to confirm, naming how many readers.</p>
      <p>
        <button type="submit" name="action" value="send">
          Approve and send now…
        </button>
      </p>
      <label for="ed-send-at">
        Or send at <span class="hint">(in {n.scheduleTz})</span>
      </label>
      <input id="ed-send-at" name="sendAt" type="datetime-local" value={v.sendAt} />
      <p>
        <button class="secondary" type="submit" name="action" value="schedule">
          Approve for that time…
        </button>{' '}
        {e.status === 'approved' && (
          <button class="secondary" type="submit" name="action" value="withdraw">
            Back to draft
          </button>
        )}{' '}
        <button class="secondary" type="submit" name="action" value="cancel">
          Cancel this edition
        </button>
      </p>
    </form>
  )
}

/**
 * The step between "Approve and send" and the send: the edition is saved, and nothing goes out
 * until this form is sent. The count is the one a snapshot taken now would hold.
 */
export function EditionSendConfirm(props: {
  ctx: AdminContext
  newsletter: Newsletter
  edition: Edition
  readers: number
  suppressed: number
  /** The time asked for, as typed ("" for now), and as the newsroom reads it. */
  sendAt: string
  sendAtText: string | null
}) {
  const { edition: e, newsletter: n, readers } = props
  const title = props.sendAtText ? 'Approve this edition?' : 'Send this edition now?'
  const to = counted(readers, 'reader', 'readers')
  return (
    <AdminLayout ctx={props.ctx} title={title}>
      <Breadcrumb newsletter={n} />
      <h1>{title}</h1>
      <p>
        “{e.subject}” {props.sendAtText ? `goes out at ${props.sendAtText} to` : 'goes to'}{' '}
        <strong>{to}</strong> of {n.name}
        {props.sendAtText ? ' (as subscribed now; counted again when it goes out).' : '.'}
      </p>
      {props.suppressed > 0 && (
        <p>
          {counted(
            props.suppressed,
            'address that bounced or complained is',
            'addresses that bounced or complained are',
          )}{' '}
          skipped.
        </p>
      )}
      {readers === 0 && (
        <p>Nobody is subscribed yet: it would reach no one, and appear in the web archive only.</p>
      )}
      <form method="post" action={`/admin/editions/${e.id}/send`}>
        <input type="hidden" name="_csrf" value={props.ctx.csrf} />
        <input type="hidden" name="sendAt" value={props.sendAt} />
        <p>
          <button type="submit">
            {props.sendAtText ? `Approve for ${props.sendAtText}` : `Send to ${to}`}
          </button>{' '}
          <a href={`/admin/editions/${e.id}`}>Back to the edition</a>
        </p>
      </form>
    </AdminLayout>
  )
}
