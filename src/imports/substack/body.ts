/**
 * A Substack post's HTML made ready for our sanitizer (ADR 028): its buttons (subscribe,
 * share, leave a comment) point at the old site's features and are dropped, counted; videos
 * become links; images become slots, named by the original file the CDN address wraps.
 */
import {
  type ConvertedBody,
  attrOf,
  attrText,
  iframesAsLinks,
  imageSlots,
  link,
} from '../body-images.js'

/**
 * Substack serves images through its CDN as `…/image/fetch/OPTIONS/https%3A%2F%2F…`: the
 * original's address is the last part, encoded. Any other address is kept as it is.
 */
export function originalImageUrl(src: string): string {
  const m = /\/image\/fetch\/[^/]*\/(https?%3A%2F%2F[^?#/]+)$/i.exec(src)
  if (!m) return src
  try {
    return decodeURIComponent(m[1]!)
  } catch {
    return src
  }
}

export function convertSubstackBody(source: string): ConvertedBody {
  const dropped = new Set<string>()
  let html = source.replace(
    /<p\b[^>]*class=["'][^"']*\bbutton-wrapper\b[^>]*>[\s\S]*?<\/p>/gi,
    () => {
      dropped.add('substack button')
      return ''
    },
  )
  html = html.replace(
    /<div\b([^>]*class=["'][^"']*\byoutube-wrap\b[^>]*)>/gi,
    (m, attrs: string) => {
      const id = /"videoId"\s*:\s*"([\w-]{1,40})"/.exec(attrText(attrOf(attrs, 'data-attrs')))?.[1]
      return id ? `${link(`https://www.youtube.com/watch?v=${id}`)}${m}` : m
    },
  )
  html = iframesAsLinks(html)
  const slotted = imageSlots(html, (img) => originalImageUrl(attrText(attrOf(img, 'src'))))
  return { html: slotted.html, images: slotted.images, shortcodes: [...dropped] }
}
