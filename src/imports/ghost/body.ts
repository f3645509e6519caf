/**
 * A Ghost body made ready for our sanitizer (ADR 028): Ghost's cards (`kg-card`) come as
 * figures and divs; bookmarks and embeds become links, images (alone, in a figure with its
 * caption, or in a gallery) become slots the import fills, and the rest is the sanitizer's.
 */
import { bodyText } from '../../content/body.js'
import {
  type ConvertedBody,
  attrOf,
  attrText,
  iframesAsLinks,
  imageSlots,
  link,
} from '../body-images.js'

/** Ghost writes its own address as this placeholder in exports. */
export const GHOST_URL = '__GHOST_URL__'

export function convertGhostBody(source: string): ConvertedBody {
  let html = source
  // A bookmark card: the address and its title, nothing else worth keeping.
  html = html.replace(
    /<figure\b[^>]*kg-bookmark-card[^>]*>[\s\S]*?<a\b([^>]*)>[\s\S]*?<\/figure>/gi,
    (m, attrs: string) => {
      const title = /kg-bookmark-title[^>]*>([\s\S]*?)<\/div>/i.exec(m)?.[1] ?? ''
      return link(attrText(attrOf(attrs, 'href')), bodyText(title))
    },
  )
  html = iframesAsLinks(html)
  const slotted = imageSlots(html)
  return { html: slotted.html, images: slotted.images, shortcodes: [] }
}
