import { languagePrefix } from '../../content/index.js'
import { type MailTransport, isEmailAddress } from '../../email/index.js'
import { formatMoney, translator } from '../../i18n/index.js'
import type { Clock } from '../../lib/clock.js'
import { AppError } from '../../lib/errors.js'
import { reminderMonths } from '../appeal.js'
import type { Contribution } from '../contribution.js'
import type { HostedGateway } from '../gateways/gateway.js'
import type { ContributionStore } from '../repositories/contributions.js'
import type { ReminderStore } from '../repositories/reminders.js'
import type { RevenueReads } from '../repositories/revenue.js'

/** Signs values with the server's secret (the staff service provides it). */
export interface Signer {
  sign(data: string): Promise<string>
  verifySigned(data: string, sig: string): Promise<boolean>
}

/** For the supporter's emails: the server's signer, a transport and a sender. */
export interface SupporterMail {
  transport: MailTransport
  from: string
  signer: Signer
}

/**
 * What a supporter does after giving: manage a recurring gift from an emailed link (at Stripe's
 * portal, or here for the test gateway), and one-off reminders they asked for.
 */
export interface SupporterService {
  /**
   * A supporter asks to manage a recurring gift. Whatever the address, the reader sees the
   * same answer; a link is emailed only when it has a running recurring gift.
   */
  requestManageLink(emailRaw: string, origin: string, language?: string): Promise<void>
  /** The gift a manage link names, if the link is genuine and not expired. */
  checkManageLink(id: string, exp: string, sig: string): Promise<Contribution | undefined>
  /** The supporter's page at Stripe for a recurring gift, if the gateway has one. */
  portalFor(c: Contribution, returnUrl: string): Promise<string | undefined>
  /** The months a reader may choose for a reminder, from this one. */
  reminderMonths(): string[]
  /**
   * The consent words shown, and stored, with a reminder for this month (`null`: the month the
   * reader will choose), in the language of the page that asks.
   */
  reminderConsent(month: string | null, language?: string): string
  /** A reader leaves an address for one reminder in a month they choose; consent is stored. */
  requestReminder(input: { email: string; month: string; language: string }): Promise<void>
  /** Sends every reminder due this month, once, deleting each address as it goes. */
  sendDueReminders(origin: string | undefined): Promise<number>
}

/** How long a supporter's manage link works. */
const MANAGE_MS = 24 * 3600_000

const manageData = (id: number, exp: number) => `contribution-manage:${id}:${exp}`

/** "€5 a month" / "5 € в месяц": a gift's amount as its reader's language writes it. */
function amountIn(c: Contribution, language: string): string {
  return translator(language)('money.amount', {
    frequency: c.frequency,
    amount: formatMoney(c.amount, c.currency, language),
  })
}

/** `2027-02` as the language names the month: "February 2027", «февраль 2027 г.». */
function monthIn(month: string, language: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleString(language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

export function createSupporterService(deps: {
  repo: Pick<ContributionStore, 'find'> &
    Pick<RevenueReads, 'listRunningByEmail'> &
    Pick<ReminderStore, 'insertReminder' | 'takeDueReminder'>
  clock: Clock
  card: HostedGateway | null
  siteName: string
  /** SITE_NAME_XX: the site's name in each language (config.ts); default siteName. */
  siteNames?: Readonly<Record<string, string>> | undefined
  /** SITE_LANGUAGES: a link in an email opens the edition of the reader's language (ADR 026). */
  languages?: readonly string[] | undefined
  mail?: SupporterMail | undefined
  log?: { warn(o: object, m: string): void } | undefined
}): SupporterService {
  const { repo, clock } = deps
  const siteIn = (language: string) => deps.siteNames?.[language] ?? deps.siteName
  const prefixOf = (language: string) => languagePrefix(language, deps.languages ?? [])
  const consent = (month: string | null, language: string) => {
    const t = translator(language)
    return t('supporter.consent', {
      site: siteIn(language),
      month: month === null ? t('supporter.chosenMonth') : monthIn(month, language),
    })
  }
  return {
    async requestManageLink(emailRaw: string, origin: string, language = 'en'): Promise<void> {
      const email = emailRaw.trim().toLowerCase()
      if (!isEmailAddress(email))
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'That does not look like an email address. Check it and try again.',
          details: ['email: not an email address'],
        })
      const m = deps.mail
      if (!m) return
      const gifts = await repo.listRunningByEmail(email)
      if (gifts.length === 0) return
      const exp = clock.now().getTime() + MANAGE_MS
      // In the language of the edition the reader asked from, its links inside that edition.
      const t = translator(language)
      const site = siteIn(language)
      const base = `${origin}${prefixOf(language)}`
      const links = await Promise.all(
        gifts.map(
          async (g) =>
            `${amountIn(g, language)}: ${base}/support/manage/${g.id}/${exp}/${await m.signer.sign(manageData(g.id, exp))}`,
        ),
      )
      await m.transport.send({
        to: email,
        from: { name: site, address: m.from },
        subject: t('email.manage.subject', { site }),
        text: [
          t('email.manage.asked', { site }),
          t('email.manage.follow'),
          '',
          ...links,
          '',
          t('email.manage.notYou'),
        ].join('\n'),
        language,
      })
    },
    /** The gift a manage link names, if the link is genuine and not expired. */
    async checkManageLink(id: string, exp: string, sig: string): Promise<Contribution | undefined> {
      if (!/^[1-9][0-9]{0,11}$/.test(id) || !/^[0-9]{13}$/.test(exp)) return undefined
      if (Number(exp) < clock.now().getTime() || !deps.mail) return undefined
      if (!(await deps.mail.signer.verifySigned(manageData(Number(id), Number(exp)), sig)))
        return undefined
      return repo.find({ id: Number(id) })
    },
    /** The supporter's page at Stripe for a recurring gift, if the gateway has one. */
    async portalFor(c: Contribution, returnUrl: string): Promise<string | undefined> {
      if (!c.customerRef || !deps.card?.portalUrl) return undefined
      return deps.card.portalUrl(c.customerRef, returnUrl)
    },
    reminderMonths: () => reminderMonths(clock.now()),
    reminderConsent: (month: string | null, language = 'en') => consent(month, language),

    /** A reader leaves an address for one reminder in a month they choose; consent is stored. */
    async requestReminder(input: {
      email: string
      month: string
      language: string
    }): Promise<void> {
      const email = input.email.trim().toLowerCase()
      if (!isEmailAddress(email))
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'That does not look like an email address. Check it and try again.',
          details: ['email: not an email address'],
        })
      if (!reminderMonths(clock.now()).includes(input.month))
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'Choose a month from the list.',
          details: ['month: not one of the next twelve months'],
        })
      await repo.insertReminder({
        email,
        language: input.language,
        month: input.month,
        // The words the reader agreed to, as their page showed them (ADR 027).
        consentText: consent(input.month, input.language),
        now: clock.now(),
      })
    },

    /** Sends every reminder due this month, once, deleting each address as it goes. */
    async sendDueReminders(origin: string | undefined): Promise<number> {
      const m = deps.mail
      if (!m || !origin) return 0
      const month = clock.now().toISOString().slice(0, 7)
      let sent = 0
      for (;;) {
        const r = await repo.takeDueReminder(month)
        if (!r) break
        // In the language of the page the reader asked on.
        const t = translator(r.language)
        const site = siteIn(r.language)
        await m.transport
          .send({
            to: r.email,
            from: { name: site, address: m.from },
            subject: t('email.reminder.subject', { site }),
            text: [
              t('email.reminder.asked', { site, month: monthIn(r.month, r.language) }),
              '',
              t('email.reminder.here', { link: `${origin}${prefixOf(r.language)}/support` }),
              '',
              t('email.reminder.deleted'),
            ].join('\n'),
            language: r.language,
          })
          .then(() => sent++)
          .catch((err: unknown) => deps.log?.warn({ err }, 'a reminder email could not be sent'))
      }
      return sent
    },
  }
}
