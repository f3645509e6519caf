/**
 * What every source's body conversion ends with (ADR 025, 028): each image (in a figure with
 * its caption, alone, or in a link) becomes a slot the import fills with an image of ours, or
 * drops, reported, when the file cannot be had. The sanitizer (content/body.ts) does the rest
 * on save.
 */
import { bodyText } from '../content/body.js'
import { escapeHtml } from '../lib/text.js'

export interface BodyImage {
  src: string
  alt: string
  caption: string
}

export interface ConvertedBody {
  /** HTML with `<figure data-image-id="@@N@@"></figure>` for images[N]. */
  html: string
  images: BodyImage[]
  /** Names of what was dropped from the body (shortcodes, cards, buttons), once each. */
  shortcodes: string[]
}

/** An attribute's value as written in a tag (entities left as they are). */
export const attrOf = (attrs: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i')
    .exec(` ${attrs}`)
    ?.slice(1)
    .find((v) => v !== undefined) ?? ''

/** A paragraph linking to `url`, or nothing for an address that is not http(s). */
export function link(url: string, words = ''): string {
  const u = url.trim()
  if (!/^https?:\/\//i.test(u)) return ''
  return `<p><a href="${escapeHtml(u)}">${escapeHtml(words.trim() || u)}</a></p>`
}

/** Entities in an attribute value read as characters (`&amp;` in an image's URL). */
export function attrText(v: string): string {
  return v
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/**
 * Every image of `html` made a slot, in order. `srcOf` may name the file another way than
 * the tag's `src` (Substack's CDN wraps the original's address).
 */
export function imageSlots(
  html: string,
  srcOf: (img: string) => string = (img) => attrText(attrOf(img, 'src')),
): { html: string; images: BodyImage[] } {
  const images: BodyImage[] = []
  const slot = (img: string, caption: string) => {
    const src = srcOf(img)
    if (!src) return ''
    images.push({ src, alt: attrText(attrOf(img, 'alt')), caption })
    return `<figure data-image-id="@@${images.length - 1}@@"></figure>`
  }
  let out = html.replace(/<figure\b[^>]*>([\s\S]*?)<\/figure>/gi, (m, inner: string) => {
    const imgs = inner.match(/<img\b[^>]*>/gi)
    if (!imgs) return m
    const caption = bodyText(/<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i.exec(inner)?.[1] ?? '')
    return imgs.map((img) => slot(img, imgs.length === 1 ? caption : '')).join('')
  })
  out = out.replace(/(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?/gi, (m) =>
    slot(/<img\b[^>]*>/i.exec(m)![0], ''),
  )
  return { html: out, images }
}

/** An `<iframe>` (a video, a map) as a link to what it showed: the sanitizer drops iframes. */
export function iframesAsLinks(html: string): string {
  return html.replace(/<iframe\b([^>]*)>[\s\S]*?<\/iframe>|<iframe\b([^>]*)\/?>/gi, (_m, a, b) =>
    link(attrText(attrOf(String(a ?? b ?? ''), 'src')).replace(/^\/\//, 'https://')),
  )
}
