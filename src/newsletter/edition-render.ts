import crypto from 'node:crypto'
import { type Template, compileTemplate } from './edition.js'
import { translator } from '../i18n/index.js'
import { escapeHtml } from '../lib/text.js'

/** One article as an edition shows it. */
export interface RenderItem {
  kicker: string | null
  headline: string
  /** The editor's blurb, or the article's summary when there is none. */
  blurb: string
  /** Absolute URL. */
  url: string
}

export interface RenderInput {
  siteName: string
  newsletterName: string
  subject: string
  intro: string
  items: readonly RenderItem[]
  /** Absolute URL of the web version. */
  webUrl: string
  /** Absolute URL of the privacy page. */
  privacyUrl: string
  language: string
}

/** An edition ready to send: HTML and text with per-recipient fields as placeholders. */
export interface RenderedEdition {
  html: Template
  text: Template
  /** The same, as stored on the edition for the record (placeholders kept). */
  htmlSource: string
  textSource: string
  marker: string
}

/** Per-recipient fields; the renderer leaves a placeholder for each. */
export const RECIPIENT_FIELDS = ['unsubscribe_url', 'email'] as const
export type RecipientFields = Record<(typeof RECIPIENT_FIELDS)[number], string>

const paragraphs = (s: string) =>
  s
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')

/**
 * Renders an edition once: mjml for the HTML (tables that hold up in old mail clients) and a
 * plain-text part. No images and no tracking pixel: nothing in it calls home when opened.
 */
export async function renderEdition(input: RenderInput): Promise<RenderedEdition> {
  const marker = crypto.randomBytes(6).toString('hex')
  const field = (name: (typeof RECIPIENT_FIELDS)[number]) => `{{${marker}:${name}}}`
  // The newsletter's language: its own words around the newsroom's (ADR 027).
  const t = translator(input.language)
  // The reader's address goes in as a slot after escaping: the sentence is escaped whole.
  const why = (html: boolean) => {
    const s = t('email.edition.why', { name: input.newsletterName, email: '\uE000' })
    return (html ? escapeHtml(s) : s).replace('\uE000', field('email'))
  }
  // Single quotes inside: mjml copies this into style="…" attributes as it is.
  const font = "Georgia, 'Times New Roman', serif"
  const items = input.items
    .map(
      (it) => `
      <mj-section padding="8px 0">
        <mj-column>
          ${it.kicker ? `<mj-text padding="0 24px" font-size="13px" color="#8a1c1c" font-weight="bold">${escapeHtml(it.kicker)}</mj-text>` : ''}
          <mj-text padding="4px 24px" font-size="20px" line-height="1.3" font-weight="bold"><a href="${escapeHtml(it.url)}" style="color:#111111;text-decoration:none">${escapeHtml(it.headline)}</a></mj-text>
          ${it.blurb ? `<mj-text padding="4px 24px 8px" font-size="16px" line-height="1.5" color="#333333">${escapeHtml(it.blurb)}</mj-text>` : ''}
          <mj-text padding="0 24px 8px" font-size="15px"><a href="${escapeHtml(it.url)}" style="color:#8a1c1c">${escapeHtml(t('email.edition.story'))}</a></mj-text>
        </mj-column>
      </mj-section>`,
    )
    .join('')
  const source = `<mjml lang="${escapeHtml(input.language)}">
  <mj-head>
    <mj-title>${escapeHtml(input.subject)}</mj-title>
    <mj-preview>${escapeHtml(paragraphs(input.intro)[0] ?? input.subject)}</mj-preview>
    <mj-attributes><mj-all font-family="${font}" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f1ea" width="600px">
    <mj-section padding="16px 0 0">
      <mj-column>
        <mj-text padding="8px 24px" font-size="14px" color="#555555"><a href="${escapeHtml(input.webUrl)}" style="color:#555555">${escapeHtml(t('email.edition.browser'))}</a></mj-text>
        <mj-text padding="8px 24px" font-size="28px" font-weight="bold" color="#111111">${escapeHtml(input.newsletterName)}</mj-text>
        <mj-text padding="0 24px 8px" font-size="14px" color="#555555">${escapeHtml(input.siteName)}</mj-text>
        <mj-divider border-width="2px" border-color="#111111" padding="8px 24px" />
      </mj-column>
    </mj-section>
    ${
      input.intro.trim()
        ? `<mj-section padding="0"><mj-column>${paragraphs(input.intro)
            .map(
              (p) =>
                `<mj-text padding="8px 24px" font-size="17px" line-height="1.55" color="#222222">${escapeHtml(p)}</mj-text>`,
            )
            .join('')}</mj-column></mj-section>`
        : ''
    }
    ${items}
    <mj-section padding="16px 0 24px">
      <mj-column>
        <mj-divider border-width="1px" border-color="#bbbbbb" padding="8px 24px" />
        <mj-text padding="8px 24px" font-size="13px" line-height="1.5" color="#555555">${why(true)} <a href="${field('unsubscribe_url')}" style="color:#555555">${escapeHtml(t('email.edition.unsubscribe'))}</a> · <a href="${escapeHtml(input.privacyUrl)}" style="color:#555555">${escapeHtml(t('email.edition.privacy'))}</a></mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`
  // mjml takes 0.4 s to load: only a worker that renders an edition pays for it.
  const { default: mjml2html } = await import('mjml')
  const r = await mjml2html(source, { validationLevel: 'strict' })
  if (r.errors.length > 0)
    throw new Error(`mjml: ${r.errors.map((e) => e.formattedMessage).join('; ')}`)

  const text = [
    input.newsletterName,
    input.siteName,
    '',
    ...paragraphs(input.intro).flatMap((p) => [p, '']),
    ...input.items.flatMap((it) => [
      ...(it.kicker ? [it.kicker.toUpperCase()] : []),
      it.headline,
      ...(it.blurb ? [it.blurb] : []),
      it.url,
      '',
    ]),
    '--',
    `${t('email.edition.browser')}: ${input.webUrl}`,
    why(false),
    `${t('email.edition.unsubscribe')}: ${field('unsubscribe_url')}`,
    `${t('email.edition.privacy')}: ${input.privacyUrl}`,
    '',
  ].join('\n')
  // mjml indents its tables deeply; the indentation is a third of the bytes, and every byte is
  // encoded and sent once per recipient. Email HTML has no <pre>, so leading space is noise.
  const html = r.html.replace(/^[ \t]+/gm, '')
  return {
    html: compileTemplate(html, marker),
    text: compileTemplate(text, marker),
    htmlSource: html,
    textSource: text,
    marker,
  }
}
