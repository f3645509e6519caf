import { renderToString } from 'preact-render-to-string'
import type { Image } from '../../content/index.js'
import { Figure } from './parts.js'
import { TextFirst } from './text-first.js'

export const BODY_IMAGE_SIZES = '(min-width: 760px) 680px, 100vw'

/**
 * The stored body (sanitized on save by content/body.ts) with each image placeholder
 * expanded into a full figure. The only raw HTML on reader pages goes through here.
 * `textFirst` (SOS mode): each figure keeps its caption and credit, without the picture.
 */
export function expandBody(
  body: string,
  images: ReadonlyMap<number, Image>,
  textFirst = false,
): string {
  return body.replace(/<figure data-image-id="([0-9]+)">[\s\S]*?<\/figure>/g, (_m, id: string) => {
    const img = images.get(Number(id))
    return img
      ? renderToString(
          <TextFirst.Provider value={textFirst}>
            <Figure image={img} sizes={BODY_IMAGE_SIZES} class="figure inline" />
          </TextFirst.Provider>,
        )
      : ''
  })
}

/** Makes root-relative src, srcset and href values absolute, for HTML read off-site (feeds). */
export function absolutizeUrls(html: string, origin: string): string {
  return html.replace(/\b(src|srcset|href)="([^"]*)"/g, (_m, attr: string, v: string) => {
    const fixed = v
      .split(', ')
      .map((part) => (part.startsWith('/') && !part.startsWith('//') ? origin + part : part))
      .join(', ')
    return `${attr}="${fixed}"`
  })
}
