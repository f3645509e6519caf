/**
 * A WordPress body made ready for our sanitizer (content/body.ts does the rest on save):
 * `[caption]` shortcodes become figures, Gutenberg embeds become links, other shortcodes are
 * dropped and named, classic bodies get their paragraphs, and every image becomes a slot the
 * import fills with an image of ours (or drops, reported, when the file cannot be had).
 */
import { bodyText } from '../../content/body.js'
import { escapeHtml } from '../../lib/text.js'
import { type ConvertedBody, attrOf, imageSlots, link } from '../body-images.js'

export type { BodyImage, ConvertedBody } from '../body-images.js'

/** Shortcodes WordPress and common plugins register; any other `[name key=value]` counts too. */
const KNOWN = new Set(
  'gallery audio video playlist embed wp_caption caption contact-form contact-form-7 gravityform soundcloud youtube vimeo instagram twitter tweet googlemaps code sourcecode su_button button column row'.split(
    ' ',
  ),
)
const SHORTCODE = /\[(\/?)([a-zA-Z][\w-]*)((?:\s[^\]]*)?)\/?\]/g
const BLOCK_TAG = /<(?:p|div|h[1-6]|ul|ol|blockquote|figure|table|pre)[\s>]/i

// Captions are made text (entities decoded) and escaped once: "&amp;" stays one ampersand.
const stripTags = bodyText

/** WordPress's wpautop, enough of it: blank lines part paragraphs, single breaks stay. */
function paragraphs(html: string): string {
  return html
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (BLOCK_TAG.test(p.slice(0, 12)) ? p : `<p>${p.replace(/\n/g, '<br>')}</p>`))
    .join('\n')
}

export function convertBody(source: string): ConvertedBody {
  const dropped = new Set<string>()
  let html = source.replace(/\r\n?/g, '\n')

  // Gutenberg embeds (and the older core-embed/*) carry their URL in the block comment.
  html = html.replace(
    /<!--\s*wp:(?:core-)?embed(?:\/[\w-]+)?\s+(\{.*?\})\s*\/?-->([\s\S]*?)<!--\s*\/wp:(?:core-)?embed(?:\/[\w-]+)?\s*-->/g,
    (_m, json: string) => {
      try {
        return link(String((JSON.parse(json) as { url?: unknown }).url ?? ''))
      } catch {
        return ''
      }
    },
  )
  // [embed]URL[/embed] and a bare URL on its own line (WordPress's auto-embed): links.
  html = html.replace(/\[embed[^\]]*\]([\s\S]*?)\[\/embed\]/g, (_m, url: string) => link(url))
  html = html.replace(/^(https?:\/\/\S+)$/gm, (_m, url: string) => link(url))

  // [caption id=".." align=".." width=".."]<a><img></a> The words[/caption]
  html = html.replace(
    /\[(?:wp_)?caption([^\]]*)\]([\s\S]*?)\[\/(?:wp_)?caption\]/g,
    (_m, attrs: string, inner: string) => {
      const img = /<img\b[^>]*>/i.exec(inner)?.[0] ?? ''
      const words =
        stripTags(inner.replace(/<a\b[^>]*>[\s\S]*?<\/a>|<img\b[^>]*>/gi, '')) ||
        attrOf(attrs, 'caption')
      return img ? `<figure>${img}<figcaption>${escapeHtml(words)}</figcaption></figure>` : ''
    },
  )

  html = html.replace(SHORTCODE, (m, _close: string, name: string, attrs: string) => {
    if (!KNOWN.has(name.toLowerCase()) && !attrs.includes('=')) return m
    dropped.add(name.toLowerCase())
    return ''
  })

  // A classic body (no blocks, no paragraphs of its own) is text parted by blank lines.
  if (!/<!--\s*wp:|<p[\s>]/i.test(html)) html = paragraphs(html)

  const slotted = imageSlots(html, (img) => attrOf(img, 'src'))
  return { html: slotted.html, images: slotted.images, shortcodes: [...dropped] }
}
