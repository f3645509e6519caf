import { serverContext } from './server-context.js'
import { useContext } from 'preact/hooks'
import type { AppealSettings } from '../../contributions/index.js'
import { RememberedChooser } from './remembered-chooser.js'
import { RemindLater, paragraphs } from './support-parts.js'
import { useLocale } from './locale.js'

/**
 * The support slots on reader pages: the banner and the end-of-article appeal. What they show
 * comes per request through SupportContext (set by the site's shell), so views stay pure.
 */

/** What the support slots of a page show; absent: nothing (no appeal, or this reader said "later"). */
export interface SupportSlots {
  appeal: AppealSettings
  /** The reader's country (their choice or the CDN's header), for safety rules. */
  country?: string | undefined
  currency: string
  siteName: string
  /** The page's own path, to come back to after "Remind me later". */
  back: string
}

export const SupportContext = serverContext<SupportSlots | null>(null)

export function SupportBannerSlot() {
  const s = useContext(SupportContext)
  return s ? <SupportBanner {...s} /> : null
}

export function AppealSlot() {
  const s = useContext(SupportContext)
  return s ? <Appeal {...s} /> : null
}

export function SupportBanner(props: SupportSlots) {
  const { t, path } = useLocale()
  return (
    <aside class="support-banner" aria-label={t('support.banner')}>
      <p>
        {props.appeal.bannerText} <a href={path('/support')}>{t('support.contribute')}</a>
      </p>
    </aside>
  )
}

/** The end-of-article letter with its chooser. */
export function Appeal(props: SupportSlots & { headingLevel?: 1 | 2 }) {
  const H = props.headingLevel === 1 ? 'h1' : 'h2'
  return (
    <section class="appeal" id="support" aria-labelledby="appeal-title">
      <H id="appeal-title">{props.appeal.headline}</H>
      <div class="appeal-letter">{paragraphs(props.appeal.letter)}</div>
      <RememberedChooser appeal={props.appeal} currency={props.currency} country={props.country} />
      <RemindLater back={props.back} />
    </section>
  )
}
