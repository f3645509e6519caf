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

const capitalisedDays = new Map<string, string[]>()
/** The weekday names a language writes with a capital ("Friday"), plural forms included. */
function capitalisedWeekdays(language: string): string[] {
  let days = capitalisedDays.get(language)
  if (!days) {
    let f: Intl.DateTimeFormat
    try {
      f = new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' })
    } catch {
      f = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' })
    }
    // 2026-01-05 was a Monday: seven days from it name every weekday once.
    days = Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2026, 0, 5 + i))))
      // Only the names the language capitalises keep their capital inside a sentence.
      .filter((d) => d.charAt(0) !== d.charAt(0).toLowerCase())
    capitalisedDays.set(language, days)
  }
  return days
}

/**
 * A newsletter's cadence ("Weekly, every Friday", «Раз в неделю, по пятницам») inside a
 * sentence: the first letter lowered, unless the cadence starts with a weekday's name that its
 * language writes with a capital ("Fridays at 8" stays; never "every friday").
 */
export function inSentence(cadence: string, language: string): string {
  const starts = capitalisedWeekdays(language).some((d) => cadence.startsWith(d))
  if (starts) return cadence
  return cadence.charAt(0).toLocaleLowerCase(language) + cadence.slice(1)
}
