import { languagePrefix } from '../content/index.js'
import { z } from 'zod'
import { type MailTransport, type Message, isEmailAddress } from '../email/index.js'
import type { Clock } from '../lib/clock.js'
import { AppError } from '../lib/errors.js'
import { isUniqueViolation } from '../storage/index.js'
import { isSlug } from '../lib/slug.js'
import {
  type Newsletter,
  type SubscriptionStatus,
  afterSignUp,
  consentText,
  inSentence,
  mayResendConfirmation,
} from './newsletter.js'
import { isTimeZone } from './edition.js'
import type { NewsletterRepository } from './newsletter-repository.js'
import { escapeHtml } from '../lib/text.js'
import { translator } from '../i18n/index.js'

/** Signs values with the server's secret (the staff service provides it). */
export interface Signer {
  sign(data: string): Promise<string>
  verifySigned(data: string, sig: string): Promise<boolean>
}

export interface NewsletterServiceDeps {
  repo: NewsletterRepository
  clock: Clock
  signer: Signer
  mail: MailTransport
  mailFrom: string
  siteName: string
  /** SITE_NAME_XX: the site's name in each language (config.ts); default siteName. */
  siteNames?: Readonly<Record<string, string>> | undefined
  /** Addresses that bounced for good, complained or were stopped by hand get no mail at all. */
  isSuppressed?: (email: string) => Promise<boolean>
  /** SITE_LANGUAGES: the confirmation link opens the newsletter's edition (ADR 026). */
  languages?: readonly string[]
}

/** How long a confirmation link works. */
const CONFIRM_MS = 7 * 24 * 3600_000

const NewsletterInput = z.object({
  slug: z.string().refine(isSlug, 'use lowercase letters, digits and hyphens'),
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(600).default(''),
  cadence: z.string().trim().max(120).default(''),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en'),
})

const SettingsInput = z.object({
  senderName: z
    .string()
    .trim()
    .max(120)
    .refine((s) => !/[\r\n\u0085\u2028\u2029<>"]/.test(s), 'one line, without < > or "'),
  senderAddress: z
    .string()
    .trim()
    .toLowerCase()
    .refine((s) => s === '' || isEmailAddress(s), 'must be an email address, or empty'),
  scheduleMode: z.enum(['off', 'draft', 'send'], 'choose what the schedule does'),
  scheduleDay: z
    .string()
    .regex(/^[0-6]?$/, 'choose a day')
    .transform((d) => (d === '' ? null : Number(d))),
  scheduleTime: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time such as 08:00'),
  scheduleTz: z.string().trim().refine(isTimeZone, 'a time zone such as Europe/Riga or UTC'),
})

export type SignUpOutcome =
  'sent' | 'already-confirmed' | 'not-sent-recently-asked' | 'not-sent-suppressed'

/** A new newsletter as the admin's form sends it. */
export type NewsletterInput = z.input<typeof NewsletterInput>

/** Newsletters and the reader's double opt-in: sign-up, confirmation and one-click unsubscribe. */
export interface NewsletterService {
  /** Read once and kept (every article page shows the box), read again after a change here. */
  listNewsletters(): Promise<Newsletter[]>
  findNewsletterBySlug(slug: string): Promise<Newsletter | undefined>
  countByStatus(id: number): Promise<Record<SubscriptionStatus, number>>
  /** Never expires: an old email's unsubscribe link must still work years later. */
  unsubscribeLink(origin: string, sub: number, nl: number): Promise<string>
  createNewsletter(input: NewsletterInput): Promise<number>
  /** Sender and schedule; a schedule needs its day. */
  updateSettings(id: number, input: Record<string, string | undefined>): Promise<void>
  /**
   * A reader asks for a newsletter. The answer shown to them is the same whatever happens here,
   * so the form cannot be used to learn who is subscribed.
   */
  signUp(emailRaw: string, newsletterId: number, origin: string): Promise<SignUpOutcome>
  /** Follows a confirmation link: the newsletter if the link is genuine (now confirmed). */
  confirm(sub: string, nl: string, exp: string, sig: string): Promise<Newsletter | null>
  /** Follows an unsubscribe link (one click, RFC 8058): the newsletter if the link is genuine. */
  unsubscribe(sub: string, nl: string, sig: string): Promise<Newsletter | null>
  /** Whether an unsubscribe link is genuine, without acting on it (for the confirmation page). */
  checkUnsubscribe(sub: string, nl: string, sig: string): Promise<Newsletter | null>
}

export function createNewsletterService(deps: NewsletterServiceDeps): NewsletterService {
  const { repo, clock, signer } = deps
  // Every article page shows the box: the list is read once, and again after a change here.
  let listMemo: Promise<Newsletter[]> | null = null

  const confirmData = (sub: number, nl: number, exp: number) => `nl-confirm:${sub}:${nl}:${exp}`
  const unsubscribeData = (sub: number, nl: number) => `nl-unsub:${sub}:${nl}`

  async function confirmLink(origin: string, sub: number, nl: Newsletter) {
    const exp = clock.now().getTime() + CONFIRM_MS
    const prefix = languagePrefix(nl.language, deps.languages ?? [])
    return `${origin}${prefix}/newsletters/confirm/${sub}/${nl.id}/${exp}/${await signer.sign(confirmData(sub, nl.id, exp))}`
  }

  /**
   * Never expires: an old email's unsubscribe link must still work years later. It opens the
   * edition of the newsletter's language (links from before answer with a redirect there).
   */
  async function unsubscribeLink(origin: string, sub: number, nl: number) {
    const language = (await repo.findNewsletter(nl))?.language
    const prefix = language ? languagePrefix(language, deps.languages ?? []) : ''
    return `${origin}${prefix}/newsletters/unsubscribe/${sub}/${nl}/${await signer.sign(unsubscribeData(sub, nl))}`
  }
  const siteIn = (language: string) => deps.siteNames?.[language] ?? deps.siteName

  return {
    listNewsletters(): Promise<Newsletter[]> {
      listMemo ??= repo.listNewsletters().catch((err: unknown) => {
        listMemo = null
        throw err
      })
      return listMemo
    },
    findNewsletterBySlug: (slug: string) => repo.findNewsletterBySlug(slug),
    countByStatus: (id: number) => repo.countByStatus(id),
    unsubscribeLink,

    async createNewsletter(input: z.input<typeof NewsletterInput>): Promise<number> {
      const parsed = NewsletterInput.safeParse(input)
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'The newsletter has problems',
          details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        })
      }
      let id: number
      try {
        id = await repo.insertNewsletter(parsed.data, clock.now())
      } catch (err) {
        // Two newsletters on one address would share sign-up and archive pages.
        if (!isUniqueViolation(err)) throw err
        throw new AppError('SLUG_TAKEN', {
          status: 409,
          message: 'Another newsletter already uses that address.',
          details: ['slug: choose another'],
          cause: err,
        })
      }
      listMemo = null
      return id
    },

    /** Sender and schedule; a schedule needs its day. */
    async updateSettings(id: number, input: Record<string, string | undefined>): Promise<void> {
      const parsed = SettingsInput.safeParse(input)
      const problems = parsed.success
        ? []
        : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
      if (parsed.success && parsed.data.scheduleMode !== 'off' && parsed.data.scheduleDay === null)
        problems.push('scheduleDay: choose the day the schedule comes round')
      if (!parsed.success || problems.length > 0)
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'The settings have problems',
          details: problems,
        })
      await repo.updateSettings(id, parsed.data)
      listMemo = null
    },

    /**
     * A reader asks for a newsletter. The answer shown to them is the same whatever happens here,
     * so the form cannot be used to learn who is subscribed.
     */
    async signUp(emailRaw: string, newsletterId: number, origin: string): Promise<SignUpOutcome> {
      const email = emailRaw.trim().toLowerCase()
      if (!isEmailAddress(email)) {
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'That does not look like an email address. Check it and try again.',
          details: ['email: not an email address'],
        })
      }
      const newsletter = await repo.findNewsletter(newsletterId)
      if (!newsletter)
        throw new AppError('NOT_FOUND', { status: 404, message: 'No such newsletter' })
      // Not even a confirmation: the reader sees the same page, nothing is written or sent.
      if (await deps.isSuppressed?.(email)) return 'not-sent-suppressed'
      const now = clock.now()
      const sub = await repo.subscriberId(email, now)
      const current = await repo.findSubscription(sub, newsletterId)
      const next = afterSignUp(current?.status)
      if (!next.sendConfirmation) return 'already-confirmed'
      await repo.saveSubscription({
        subscriberId: sub,
        newsletterId,
        status: next.status,
        consentText: consentText(newsletter.name, siteIn(newsletter.language), newsletter.language),
        now,
      })
      if (!mayResendConfirmation(current?.confirmSentAt ?? null, now))
        return 'not-sent-recently-asked'
      await deps.mail.send(
        confirmationEmail({
          to: email,
          newsletter,
          siteName: siteIn(newsletter.language),
          from: deps.mailFrom,
          link: await confirmLink(origin, sub, newsletter),
          unsubscribe: await unsubscribeLink(origin, sub, newsletterId),
        }),
      )
      await repo.markConfirmationSent(sub, newsletterId, now)
      return 'sent'
    },

    /** Follows a confirmation link: true if it is genuine (and the subscription now confirmed). */
    async confirm(sub: string, nl: string, exp: string, sig: string): Promise<Newsletter | null> {
      if (
        !/^[1-9][0-9]{0,11}$/.test(sub) ||
        !/^[1-9][0-9]{0,11}$/.test(nl) ||
        !/^[0-9]{13}$/.test(exp)
      )
        return null
      if (Number(exp) <= clock.now().getTime()) return null
      if (!(await signer.verifySigned(confirmData(Number(sub), Number(nl), Number(exp)), sig)))
        return null
      await repo.confirm(Number(sub), Number(nl), clock.now())
      const status = await repo.statusOf(Number(sub), Number(nl))
      return status === 'confirmed' ? ((await repo.findNewsletter(Number(nl))) ?? null) : null
    },

    /** Follows an unsubscribe link (one click, RFC 8058): true if the link is genuine. */
    async unsubscribe(sub: string, nl: string, sig: string): Promise<Newsletter | null> {
      if (!/^[1-9][0-9]{0,11}$/.test(sub) || !/^[1-9][0-9]{0,11}$/.test(nl)) return null
      if (!(await signer.verifySigned(unsubscribeData(Number(sub), Number(nl)), sig))) return null
      await repo.unsubscribe(Number(sub), Number(nl), clock.now())
      return (await repo.findNewsletter(Number(nl))) ?? null
    },

    /** Whether an unsubscribe link is genuine, without acting on it (for the confirmation page). */
    async checkUnsubscribe(sub: string, nl: string, sig: string): Promise<Newsletter | null> {
      if (!/^[1-9][0-9]{0,11}$/.test(sub) || !/^[1-9][0-9]{0,11}$/.test(nl)) return null
      if (!(await signer.verifySigned(unsubscribeData(Number(sub), Number(nl)), sig))) return null
      return (await repo.findNewsletter(Number(nl))) ?? null
    },
  }
}

function confirmationEmail(o: {
  to: string
  newsletter: Newsletter
  siteName: string
  from: string
  link: string
  unsubscribe: string
}): Message {
  // In the newsletter's language (English words where it has no catalogue).
  const t = translator(o.newsletter.language)
  const name = o.newsletter.name
  const text = [
    o.newsletter.cadence
      ? t('email.confirm.askCadence', {
          name,
          cadence: inSentence(o.newsletter.cadence, o.newsletter.language),
        })
      : t('email.confirm.ask', { name }),
    '',
    o.link,
    '',
    t('email.confirm.until', { site: o.siteName }),
  ].join('\n')
  return {
    to: o.to,
    from: { name: o.siteName, address: o.from },
    subject: t('email.confirm.subject', { name }),
    text,
    language: o.newsletter.language,
    html: `<p>${escapeHtml(t('email.confirm.ask', { name }))}</p><p><a href="${escapeHtml(o.link)}">${escapeHtml(t('email.confirm.yes'))}</a></p><p>${escapeHtml(t('email.confirm.untilShort'))}</p>`,
    headers: {
      'List-Unsubscribe': `<${o.unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}
