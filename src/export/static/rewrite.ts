import { absoluteLink, relativeLink } from './paths.js'

/** Where a path of the live site goes in the mirror. */
export type Resolved =
  /** A file the mirror holds. */
  | { kind: 'file'; file: string }
  /** Not in the mirror (a form's target, the newsletter pages): this URL on the live site. */
  | { kind: 'live'; url: string }
  /** Not in the mirror and no live address is known. */
  | { kind: 'none' }

export interface RewriteContext {
  /** The origin the pages were rendered on (`http://export.masthead.invalid`). */
  origin: string
  /** `--url`, ending in `/`, or null: links that were absolute become relative too. */
  base: string | null
  /** A path of the live site (`/world?page=2`), already decoded from HTML. */
  resolve(sitePath: string): Resolved
  /** Where a link goes when its page is neither in the mirror nor on a known live address. */
  fallbackFile: string
  /** What a form that needs the live site becomes when no live address is known (HTML). */
  formNote: string
}

export interface Rewritten {
  body: string
  /** Site paths the document links to that the mirror holds (for assets and fingerprints). */
  refs: Set<string>
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const decode = (s: string) => s.replace(/&amp;/g, '&')
const encode = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

/**
 * Rewrites every link of one document of the mirror, at `from` (its mirror-relative file):
 * root-relative links become relative; links that were absolute on the render origin become
 * absolute on `--url` (or relative without it); links to pages the mirror lacks go to the live
 * site. HTML forms whose target is not on the live site become `formNote`. Other text (feeds,
 * sitemaps, JSON-LD) has its absolute links rewritten the same way.
 */
export function rewriteDocument(
  body: string,
  from: string,
  type: 'html' | 'text',
  ctx: RewriteContext,
): Rewritten {
  const refs = new Set<string>()
  const origin = ctx.origin

  /** One link; `absolute` when it was written with the origin. */
  function link(value: string, absolute: boolean): string {
    const m = /^([^#]*)(#.*)?$/.exec(value)
    const sitePath = m?.[1] || '/'
    const hash = m?.[2] ?? ''
    const r = ctx.resolve(sitePath)
    if (r.kind === 'live') return r.url + hash
    const file = r.kind === 'file' ? r.file : ctx.fallbackFile
    if (r.kind === 'file') refs.add(sitePath)
    return absolute && ctx.base
      ? absoluteLink(ctx.base, file, hash)
      : relativeLink(from, file, hash)
  }

  /** A value written in a document: root-relative, absolute on the origin, or left alone. */
  function value(v: string, rootRelativeToo: boolean): string {
    if (v.startsWith(origin) && (v.length === origin.length || /[/?#]/.test(v[origin.length]!)))
      return link(v.slice(origin.length) || '/', true)
    if (rootRelativeToo && v.startsWith('/') && !v.startsWith('//')) return link(v, false)
    return v
  }

  let out = body
  if (type === 'html') {
    out = out.replace(/<form\b([^>]*)>[\s\S]*?<\/form>/g, (form, attrs: string) => {
      const action = /\saction="([^"]*)"/.exec(attrs)?.[1]
      if (action === undefined) return form
      const target = decode(action)
      const local = target.startsWith(origin) ? target.slice(origin.length) || '/' : target
      if (!local.startsWith('/') || local.startsWith('//')) return form
      const r = ctx.resolve(local.split('#')[0]!)
      return r.kind === 'none' ? ctx.formNote : form
    })
    // Forms side by side (the appeal's checkout and "later") leave one note, not two.
    out = out.replace(new RegExp(`(?:${esc(ctx.formNote)}\\s*){2,}`, 'g'), ctx.formNote)
    out = out.replace(
      /(\s(?:href|src|action|content|srcset)=")([^"]*)(")/g,
      (_all, pre: string, raw: string, post: string) => {
        const v = decode(raw)
        if (pre.includes('srcset')) {
          const parts = v.split(',').map((item) => {
            const [u = '', ...rest] = item.trim().split(/\s+/)
            return [value(u, true), ...rest].join(' ')
          })
          return pre + encode(parts.join(', ')) + post
        }
        const rootRelativeToo = !pre.includes('content')
        return pre + encode(value(v, rootRelativeToo)) + post
      },
    )
  }
  // What is left: absolute links in text (JSON-LD, feeds, sitemaps, robots.txt).
  out = out.replace(
    new RegExp(`${esc(origin)}(/(?:[^\\s"'<>\\\\&]|&amp;)*)?`, 'g'),
    (_all, rest: string | undefined) => {
      const amp = rest?.includes('&amp;') ?? false
      const v = link(decode(rest ?? '/'), true)
      return amp ? v.replace(/&/g, '&amp;') : v
    },
  )
  return { body: out, refs }
}
