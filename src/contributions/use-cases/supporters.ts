import { type MailTransport, isEmailAddress } from '../../email/index.js'
import type { Clock } from '../../lib/clock.js'
import { AppError } from '../../lib/errors.js'
import { reminderConsent, reminderMonths } from '../appeal.js'
import type { Contribution } from '../contribution.js'
import type { HostedGateway } from '../gateways/gateway.js'
import { amountLabel } from '../money.js'
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
  requestManageLink(emailRaw: string, origin: string): Promise<void>
  /** The gift a manage link names, if the link is genuine and not expired. */
  checkManageLink(id: string, exp: string, sig: string): Promise<Contribution | undefined>
  /** The supporter's page at Stripe for a recurring gift, if the gateway has one. */
  portalFor(c: Contribution, returnUrl: string): Promise<string | undefined>
  /** The months a reader may choose for a reminder, from this one. */
  reminderMonths(): string[]
  /** The consent words shown, and stored, with a reminder for this month. */
  reminderConsent(month: string): string
  /** A reader leaves an address for one reminder in a month they choose; consent is stored. */
  requestReminder(input: { email: string; month: string; language: string }): Promise<void>
  /** Sends every reminder due this month, once, deleting each address as it goes. */
  sendDueReminders(origin: string | undefined): Promise<number>
}

/** How long a supporter's manage link works. */
const MANAGE_MS = 24 * 3600_000

const manageData = (id: number, exp: number) => `contribution-manage:${id}:${exp}`
const amountLabelOf = (c: Contribution) => amountLabel(c.amount, c.currency, c.frequency)

export function createSupporterService(deps: {
  repo: Pick<ContributionStore, 'find'> &
    Pick<RevenueReads, 'listRunningByEmail'> &
    Pick<ReminderStore, 'insertReminder' | 'takeDueReminder'>
  clock: Clock
  card: HostedGateway | null
  siteName: string
  mail?: SupporterMail | undefined
  log?: { warn(o: object, m: string): void } | undefined
}): SupporterService {
  const { repo, clock } = deps
  return {
    async requestManageLink(emailRaw: string, origin: string): Promise<void> {
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
      const links = await Promise.all(
        gifts.map(
          async (g) =>
            `${amountLabelOf(g)}: ${origin}/support/manage/${g.id}/${exp}/${await m.signer.sign(manageData(g.id, exp))}`,
        ),
      )
      await m.transport.send({
        to: email,
        from: { name: deps.siteName, address: m.from },
        subject: `Manage your support for ${deps.siteName}`,
        text: [
          `Someone (we hope you) asked to manage recurring support for ${deps.siteName}.`,
          'Follow a link within 24 hours to change or cancel the gift:',
          '',
          ...links,
          '',
          'If it was not you, ignore this email: nothing changes.',
        ].join('\n'),
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
    reminderConsent: (month: string) => reminderConsent(deps.siteName, month),

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
        consentText: reminderConsent(deps.siteName, input.month),
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
        await m.transport
          .send({
            to: r.email,
            from: { name: deps.siteName, address: m.from },
            subject: `A reminder from ${deps.siteName}, as you asked`,
            text: [
              `You asked us to remind you in ${r.month} about supporting ${deps.siteName}.`,
              '',
              `If you would like to, you can do it here: ${origin}/support`,
              '',
              'This is the only email we send: your address has now been deleted.',
            ].join('\n'),
          })
          .then(() => sent++)
          .catch((err: unknown) => deps.log?.warn({ err }, 'a reminder email could not be sent'))
      }
      return sent
    },
  }
}
