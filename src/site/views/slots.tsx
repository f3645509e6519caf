/**
 * Named places on reader pages that later features fill: the support banner, the newsletter
 * box and the appeal. Until their features exist they render nothing — never a form that
 * does nothing.
 */
export type SlotName = 'support-banner' | 'newsletter-box' | 'appeal'

export function Slot(_props: { name: SlotName }) {
  return null
}
