import { REACH_KINDS, type ReachAddress, type ReachKind } from '../../reach/index.js'
import { useContext } from 'preact/hooks'
import { TimeZoneContext, formatDate } from './format.js'
import { formatNumber } from '../../i18n/index.js'
import { type Locale, createLocale, useLocale } from './locale.js'
import { Msg } from './msg.js'

/** The message key of each group's heading. */
const groupTitle = (kind: ReachKind) => `reach.group.${kind}`

/**
 * The label stands on its own line by CSS; a text browser has no CSS, so a colon (hidden where
 * the stylesheet applies) keeps "Mirror in Europe" and its address apart there.
 */
function Label(props: { text: string }) {
  return (
    <span class="reach-label">
      {props.text}
      <span class="sep">: </span>
    </span>
  )
}

function AddressItem(props: { a: ReachAddress }) {
  const { a } = props
  if (a.kind === 'other')
    return (
      <li>
        {a.label && <Label text={a.label} />}
        <span class="reach-text">{a.value}</span>
      </li>
    )
  return (
    <li>
      {a.label && <Label text={a.label} />}
      <a href={a.value} rel="nofollow">
        <code>{a.value}</code>
      </a>
    </li>
  )
}

/** 1234567 bytes: "1.2 MB" ("1,2 МБ" in Russian); 45678: "45 KB". */
export function sizeText(bytes: number, l: Locale = createLocale('en', '')): string {
  return bytes >= 1_000_000
    ? l.t('reach.megabytes', { size: formatNumber(bytes / 1_000_000, l.language, 1) })
    : l.t('reach.kilobytes', {
        size: formatNumber(Math.max(1, Math.round(bytes / 1000)), l.language),
      })
}

/** GET /reach: every address of the newsroom, and how to check a copy of the list. */
export function ReachPage(props: {
  siteName: string
  addresses: readonly ReachAddress[]
  updatedAt: Date | null
  /** Base64 Ed25519 public key; null when the list is served unsigned. */
  publicKey: string | null
  /** The offline edition's size and story count, for its download link; null: no link. */
  edition?: { bytes: number; stories: number } | null
}) {
  const timeZone = useContext(TimeZoneContext)
  const l = useLocale()
  const { t, path } = l
  const { addresses, publicKey } = props
  const feeds = {
    rss: <a href={path('/feed.xml')}>RSS</a>,
    atom: <a href={path('/feed.atom')}>Atom</a>,
    json: <a href={path('/feed.json')}>JSON Feed</a>,
  }
  const groups = REACH_KINDS.map((k) => ({ kind: k, list: addresses.filter((a) => a.kind === k) }))
  return (
    <section class="story reach">
      <h1>{t('reach.title')}</h1>
      <p class="standfirst">{t('reach.standfirst', { site: props.siteName })}</p>
      {addresses.length === 0 ? (
        <p>
          <Msg k="reach.none" parts={feeds} />
        </p>
      ) : (
        groups
          .filter((g) => g.list.length > 0)
          .map((g) => (
            <section class="reach-group" aria-labelledby={`reach-${g.kind}`}>
              <h2 id={`reach-${g.kind}`}>{t(groupTitle(g.kind))}</h2>
              {g.kind === 'onion' && <p class="small">{t('reach.torOnly')}</p>}
              <ul class="reach-list">
                {g.list.map((a) => (
                  <AddressItem a={a} />
                ))}
              </ul>
            </section>
          ))
      )}
      {props.updatedAt && (
        <p class="small">
          <Msg
            k="reach.changed"
            parts={{
              date: (
                <time datetime={props.updatedAt.toISOString()}>
                  {formatDate(props.updatedAt, l.language, timeZone)}
                </time>
              ),
            }}
          />
        </p>
      )}
      <section class="reach-group" aria-labelledby="reach-check">
        <h2 id="reach-check">{t('reach.genuine')}</h2>
        {publicKey ? (
          <>
            <p>
              <Msg k="reach.signed" parts={{ link: <a href="/reach.json">/reach.json</a> }} />
            </p>
            <p class="reach-key">
              <code>{publicKey}</code>
            </p>
            <p class="small">
              <Msg
                k="reach.compare"
                parts={{
                  command: (
                    <code>masthead reach verify https://…/reach.json --key {publicKey}</code>
                  ),
                }}
              />
            </p>
          </>
        ) : (
          <p>
            <Msg k="reach.unsigned" parts={{ link: <a href="/reach.json">/reach.json</a> }} />
          </p>
        )}
      </section>
      {props.edition && props.edition.stories > 0 && (
        <section class="reach-group" aria-labelledby="reach-edition">
          <h2 id="reach-edition">{t('reach.takeAway')}</h2>
          <p>
            <a href={l.path('/reach/edition.html')} download>
              {t('reach.download', { stories: props.edition.stories })}
            </a>{' '}
            {t('reach.fileNote', { size: sizeText(props.edition.bytes, l) })}
          </p>
        </section>
      )}
    </section>
  )
}
