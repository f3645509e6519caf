/** Newsletters and subscriptions: types and rules as plain functions. */

export interface Newsletter {
  id: number
  slug: string
  name: string
  description: string
  cadence: string
  language: string
  /** The From name; empty: the site's name. */
  senderName: string
  /** The From address; empty: MAIL_FROM. */
  senderAddress: string
  scheduleMode: 'off' | 'draft' | 'send'
  /** 0 = Sunday … 6 = Saturday; null: no day chosen. */
  scheduleDay: number | null
  scheduleTime: string
  scheduleTz: string
}

export type SubscriptionStatus = 'pending' | 'confirmed' | 'unsubscribed'

/** A pending subscription gets at most one confirmation email a day (no mail-bombing anyone). */
export const CONFIRM_RESEND_MS = 24 * 3600_000

export function mayResendConfirmation(lastSentAt: Date | null, now: Date): boolean {
  return !lastSentAt || now.getTime() - lastSentAt.getTime() >= CONFIRM_RESEND_MS
}

/**
 * What a sign-up does to an existing subscription: a confirmed one stays confirmed (and gets no
 * email); anything else becomes pending again and may be sent a confirmation.
 */
export function afterSignUp(current: SubscriptionStatus | undefined): {
  status: SubscriptionStatus
  sendConfirmation: boolean
} {
  if (current === 'confirmed') return { status: 'confirmed', sendConfirmation: false }
  return { status: 'pending', sendConfirmation: true }
}

/** The consent line shown beside the form, recorded word for word with each sign-up. */
export function consentText(newsletterName: string, siteName: string, language = 'en'): string {
  // The words the reader agrees to are the record of consent: in the newsletter's language,
  // the one they read them in (ADR 026). Other languages read the English words.
  if (language === 'ru')
    return `Я хочу получать рассылку «${newsletterName}» по электронной почте. ${siteName} хранит только мой адрес, ни для чего другого его не использует, а в каждом письме есть ссылка, чтобы отписаться одним нажатием.`
  return `I want to receive ${newsletterName} by email. ${siteName} keeps only my address, uses it for nothing else, and every email has a one-click unsubscribe link.`
}
