import { escapeXml } from '../../lib/text.js'
import { DEFAULT_LOGO } from '../pages/page-deps.js'

/**
 * The logo a newsroom gets until it sets SITE_LOGO_URL: its name in the site's serif, in the
 * accent red on white, in the 600×60 box search engines ask publisher logos to fit. Text, not
 * pixels: any name, in any script, with no font to ship.
 */
export function defaultLogoSvg(siteName: string): string {
  const { width, height } = DEFAULT_LOGO
  // Roughly 0.55 em a letter at 32px: longer names are squeezed to fit the box.
  const fit =
    siteName.length * 32 * 0.55 > width - 32
      ? ` textLength="${width - 32}" lengthAdjust="spacingAndGlyphs"`
      : ''
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(siteName)}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="41" font-family="Charter, 'Bitstream Charter', Cambria, Georgia, serif" font-size="32" font-weight="700" fill="#a3261b"${fit}>${escapeXml(siteName)}</text>`,
    '</svg>',
    '',
  ].join('\n')
}
