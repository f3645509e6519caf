/**
 * The lines every email of the newsroom ends with: where to find it when its site is blocked.
 * Kept short (the main address, a few mirrors, the onion address, the whole list's page); the
 * transport wrapper adds them to each message on its way out, so no kind of mail is missed.
 */
import type { MailTransport, MessageBody } from '../email/index.js'
import { type ReachAddress, reachPageUrl } from './address.js'
import { translator } from '../i18n/index.js'
import { escapeHtml } from '../lib/text.js'

export interface EmailFooter {
  text: string
  html: string
}

/** Web addresses at most in a footer; the rest are on the /reach page it links. */
const MAX_IN_FOOTER = 4

/**
 * The few web addresses a short notice gives (an email's footer, the SOS line on reader pages):
 * the main address and one onion address always make it in (Tor gets through most blocks);
 * mirrors fill the places left.
 */
export function shortList(addresses: readonly ReachAddress[]): string[] {
  const of = (k: ReachAddress['kind']) => addresses.filter((a) => a.kind === k).map((a) => a.value)
  const main = of('primary').slice(0, 1)
  const onion = of('onion').slice(0, 1)
  const mirrors = of('mirror').slice(0, MAX_IN_FOOTER - main.length - onion.length)
  return [...main, ...mirrors, ...onion]
}

/**
 * The footer for a list, in the email's language, or null when the list has no web address to
 * give.
 */
export function emailFooter(
  addresses: readonly ReachAddress[],
  language = 'en',
): EmailFooter | null {
  const shown = shortList(addresses)
  if (shown.length === 0) return null
  const all = reachPageUrl(addresses)
  const t = translator(language)
  const text = [
    '-- ',
    t('email.footer.blocked', { list: shown.join(' · ') }),
    ...(all ? [t('email.footer.everyWay', { link: all })] : []),
  ].join('\n')
  const link = (u: string) => `<a href="${escapeHtml(u)}">${escapeHtml(u)}</a>`
  // The sentence is escaped whole, then each address put back as a link.
  const MARK = '\uE000'
  const html =
    '<p style="font-size:12px;line-height:1.5;color:#555555;margin:16px;font-family:sans-serif">' +
    escapeHtml(t('email.footer.blocked', { list: MARK })).replace(
      MARK,
      shown.map(link).join(' · '),
    ) +
    (all
      ? `<br>${escapeHtml(t('email.footer.everyWay', { link: MARK })).replace(MARK, link(all))}`
      : '') +
    '</p>'
  return { text, html }
}

/** The message with the footer at the end of its text and of its HTML body. */
export function withFooter<M extends MessageBody>(m: M, footer: EmailFooter | null): M {
  if (!footer) return m
  const text = `${m.text.replace(/\s+$/, '')}\n\n${footer.text}\n`
  if (m.html === undefined) return { ...m, text }
  const at = m.html.toLowerCase().lastIndexOf('</body>')
  const html =
    at < 0 ? `${m.html}${footer.html}` : `${m.html.slice(0, at)}${footer.html}${m.html.slice(at)}`
  return { ...m, text, html }
}

/** Adds what `footer()` gives now, in the message's language; if it cannot be had, none. */
export type FooterAdder = <B extends MessageBody>(m: B) => Promise<B>

export function footerAdder(
  footer: (language: string) => Promise<EmailFooter | null>,
): FooterAdder {
  return async (m) => withFooter(m, await footer(m.language ?? 'en').catch(() => null))
}

/**
 * A transport that adds the current footer to every message before `inner` sends it (the
 * service keeps the footer in memory until the list changes). The newsletter sender does not
 * send through it: it adds the footer once to an edition's template and sends every copy, raw
 * or whole, through the inner transport.
 */
export function footerTransport(inner: MailTransport, add: FooterAdder): MailTransport {
  return {
    name: inner.name,
    send: async (m) => inner.send(await add(m)),
    close: () => inner.close(),
  }
}
