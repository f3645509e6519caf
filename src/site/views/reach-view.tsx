import { REACH_KINDS, type ReachAddress, type ReachKind } from '../../reach/index.js'
import { useContext } from 'preact/hooks'
import { TimeZoneContext, formatDate } from './format.js'

/** Headings of the page's groups, in the order of REACH_KINDS. */
const GROUPS: Readonly<Record<ReachKind, string>> = {
  primary: 'Our main address',
  mirror: 'Mirrors: the same site at other addresses',
  onion: 'Tor Browser',
  feed: 'Feeds',
  newsletter: 'By email',
  other: 'Other ways',
}

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

/** 1234567 bytes: "1.2 MB"; 45678: "45 KB". */
export function sizeText(bytes: number): string {
  return bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1000))} KB`
}

/** GET /reach: every address of the newsroom, and how to check a copy of the list. */
export function ReachPage(props: {
  siteName: string
  addresses: readonly ReachAddress[]
  updatedAt: Date | null
  /** Base64 Ed25519 public key; null when the list is served unsigned. */
  publicKey: string | null
  language: string
  /** The offline edition's size and story count, for its download link; null: no link. */
  edition?: { bytes: number; stories: number } | null
}) {
  const timeZone = useContext(TimeZoneContext)
  const { addresses, publicKey } = props
  const groups = REACH_KINDS.map((k) => ({ kind: k, list: addresses.filter((a) => a.kind === k) }))
  return (
    <section class="story reach">
      <h1>How to reach us</h1>
      <p class="standfirst">
        If {props.siteName} is blocked where you are, these addresses lead to the same newsroom.
        Write them down or keep this page: when one address stops working, try the next.
      </p>
      {addresses.length === 0 ? (
        <p>
          The newsroom has not listed other addresses yet. Feeds keep working wherever this page
          opens: <a href="/feed.xml">RSS</a>, <a href="/feed.atom">Atom</a>,{' '}
          <a href="/feed.json">JSON Feed</a>.
        </p>
      ) : (
        groups
          .filter((g) => g.list.length > 0)
          .map((g) => (
            <section class="reach-group" aria-labelledby={`reach-${g.kind}`}>
              <h2 id={`reach-${g.kind}`}>{GROUPS[g.kind]}</h2>
              {g.kind === 'onion' && (
                <p class="small">Open these in Tor Browser; other browsers cannot.</p>
              )}
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
          List last changed{' '}
          <time datetime={props.updatedAt.toISOString()}>
            {formatDate(props.updatedAt, props.language, timeZone)}
          </time>
          .
        </p>
      )}
      <section class="reach-group" aria-labelledby="reach-check">
        <h2 id="reach-check">Is this list genuine?</h2>
        {publicKey ? (
          <>
            <p>
              A copy of this page on an address we do not control could list addresses of someone
              else's. The same list is at <a href="/reach.json">/reach.json</a>, signed with the
              newsroom's key (Ed25519). A signed list that does not match this public key was not
              written by us:
            </p>
            <p class="reach-key">
              <code>{publicKey}</code>
            </p>
            <p class="small">
              Compare the key with one you got from us some other way (our newsletter, a printed
              card, an earlier visit). Anyone can check a copy with{' '}
              <code>masthead reach verify https://…/reach.json --key {publicKey}</code>.
            </p>
          </>
        ) : (
          <p>
            This list is not signed yet: trust it as much as the address you are reading it on. The
            same list is at <a href="/reach.json">/reach.json</a>.
          </p>
        )}
      </section>
      {props.edition && props.edition.stories > 0 && (
        <section class="reach-group" aria-labelledby="reach-edition">
          <h2 id="reach-edition">Take the news with you</h2>
          <p>
            <a href="/reach/edition.html" download>
              Download the latest {props.edition.stories}{' '}
              {props.edition.stories === 1 ? 'story' : 'stories'} as one file
            </a>{' '}
            (HTML, {sizeText(props.edition.bytes)}). It opens in any browser without a connection,
            holds these addresses, and may be passed on.
          </p>
        </section>
      )}
    </section>
  )
}
