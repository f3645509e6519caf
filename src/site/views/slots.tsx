import { AppealSlot, SupportBannerSlot } from './support-slots.js'

/**
 * Named places on reader pages that features fill: the support banner, the newsletter box and
 * the appeal. A slot with nothing to show renders nothing — never a form that does nothing.
 * The support slots read what to show from SupportContext (set per request by the site).
 */
export type SlotName = 'support-banner' | 'newsletter-box' | 'appeal'

export function Slot(props: { name: SlotName }) {
  if (props.name === 'support-banner') return <SupportBannerSlot />
  if (props.name === 'appeal') return <AppealSlot />
  return null
}
