import type Stripe from 'stripe'
import type { Clock } from '../lib/clock.js'
import { type MailTransport, isEmailAddress } from '../email/index.js'
import { AppError, type ErrorCode } from '../lib/errors.js'
import {
  type AppealSettings,
  AppealSettingsSchema,
  type Method,
  appealForCountry,
  appealShowsOn,
  chooseCurrency,
  defaultAppeal,
  isRiskyCountry,
  reminderConsent,
  reminderMonths,
} from './appeal.js'
import { type Contribution, applyChange } from './contribution.js'
import type { ContributionsRepository, Payment } from './contributions-repository.js'
import { type Dashboard, summarise } from './dashboard.js'
import type { HostedGateway } from './gateways/gateway.js'
import { loadStripe } from './gateways/stripe-gateway.js'
import { isTestRef } from './gateways/test-gateway.js'
import {
  type AmountRefusal,
  type Frequency,
  amountLabel,
  amountProblem,
  currencyOf,
  isFrequency,
  parseAmount,
} from './money.js'
import { meaningOf } from './stripe-events.js'

export interface ContributionsServiceDeps {
  repo: ContributionsRepository
  clock: Clock
  /** The card gateway: Stripe with a key, the test gateway without; none in production without a key. */
  card: HostedGateway | null
  siteName: string
  defaultCurrency: string
  defaultLanguage: string
  stripe?: { secretKey: string; webhookSecret?: string | undefined; apiUrl?: string | undefined }
  log?: { info(o: object, m: string): void; warn(o: object, m: string): void }
  /** For the supporter's manage link: the server's signer, a transport and a sender. */
  mail?: { transport: MailTransport; from: string; signer: Signer }
}

/** Signs values with the server's secret (the staff service provides it). */
export interface Signer {
  sign(data: string): Promise<string>
  verifySigned(data: string, sig: string): Promise<boolean>
}

/** How long a supporter's manage link works. */
const MANAGE_MS = 24 * 3600_000

/** What a reader sent from the chooser, as typed. */
export interface ChooserInput {
  frequency: string
  /** The suggested button chosen, in minor units as a string. */
  amount: string
  /** "Other amount", as typed; wins over `amount` when not empty. */
  custom: string
  currency: string
  method: string
  language: string
  /** The reader's country as they chose it or the CDN said, for safety rules; '' if unknown. */
  country?: string
}

export type CheckoutOutcome =
  | { kind: 'redirect'; to: string; contributionId: number }
  | {
      kind: 'instructions'
      method: Exclude<Method, 'card'>
      amount: number
      currency: string
      frequency: Frequency
      appeal: AppealSettings
    }

type Tx = Parameters<Parameters<ContributionsRepository['onceForEvent']>[2]>[0]

/** Saves a changed contribution; its first payment is counted the moment it is first paid. */
async function settle(tx: Tx, before: Contribution, next: Contribution): Promise<void> {
  await tx.save(next)
  if (!before.paidAt && next.paidAt) {
    await tx.recordPayment({
      contributionId: next.id,
      ref: `first:${next.id}`,
      kind: 'first',
      amount: next.amount,
      currency: next.currency,
      at: next.paidAt,
    } satisfies Payment)
  }
}

const manageData = (id: number, exp: number) => `contribution-manage:${id}:${exp}`
const amountLabelOf = (c: Contribution) => amountLabel(c.amount, c.currency, c.frequency)

const REFUSAL_CODES: Record<AmountRefusal, ErrorCode> = {
  'not-a-number': 'AMOUNT_NOT_A_NUMBER',
  negative: 'AMOUNT_NEGATIVE',
  'below-minimum': 'AMOUNT_BELOW_MINIMUM',
  'too-large': 'AMOUNT_TOO_LARGE',
  'too-precise': 'AMOUNT_TOO_PRECISE',
  'unknown-currency': 'CURRENCY_UNKNOWN',
}

/** Stripe's default: a signature older than five minutes is refused (replays). */
const SIGNATURE_TOLERANCE_S = 300

export function createContributionsService(deps: ContributionsServiceDeps) {
  const { repo, clock } = deps
  let appeals: Promise<AppealSettings[]> | null = null
  const loadAppeals = () =>
    (appeals ??= repo.listAppeals().catch((e: unknown) => {
      appeals = null
      throw e
    }))

  async function appealIn(language: string): Promise<AppealSettings | undefined> {
    const all = await loadAppeals()
    return (
      all.find((a) => a.language === language) ??
      all.find((a) => a.language === deps.defaultLanguage)
    )
  }

  /** The methods a reader may use here: card needs a gateway. */
  function usableMethods(a: AppealSettings): Method[] {
    return a.methods.filter((m) => m !== 'card' || deps.card !== null)
  }

  let stripeClient: Promise<Stripe> | undefined

  return {
    testMode: deps.card?.testMode ?? false,
    defaultCurrency: deps.defaultCurrency,

    /** The appeal for a page in this language and place, or undefined where none shows. */
    async appealFor(place: {
      language: string
      section?: string | undefined
      topics?: readonly string[]
      country?: string | undefined
    }): Promise<AppealSettings | undefined> {
      const a = await appealIn(place.language)
      if (!a || !appealShowsOn(a, place)) return undefined
      const local = appealForCountry(a, place.country)
      return { ...local, methods: usableMethods(local) }
    },

    /** The appeal in a language whatever its placement (the /support page), enabled or not. */
    async appealIn(language: string, country?: string): Promise<AppealSettings | undefined> {
      const a = await appealIn(language)
      if (!a) return undefined
      const local = appealForCountry(a, country)
      return { ...local, methods: usableMethods(local) }
    },

    /** Does any appeal have safety rules for this country? (Pages then get a variant for it.) */
    async isRiskyAnywhere(country: string): Promise<boolean> {
      return (await loadAppeals()).some((a) => isRiskyCountry(a, country))
    },

    async listAppeals(): Promise<AppealSettings[]> {
      return loadAppeals()
    },

    /** Another instance saved an appeal: read them again on next use. */
    forgetAppeals(): void {
      appeals = null
    },

    /** A starting point for a language that has no appeal yet. */
    draftAppeal(language: string): AppealSettings {
      return defaultAppeal(language, deps.siteName)
    },

    /** Validates and stores an appeal; VALIDATION_FAILED lists every problem, nothing is saved. */
    async saveAppeal(input: unknown): Promise<AppealSettings> {
      const parsed = AppealSettingsSchema.safeParse(input)
      if (!parsed.success) {
        throw new AppError('VALIDATION_FAILED', {
          status: 422,
          message: 'The appeal was not saved: correct the fields listed.',
          details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
        })
      }
      await repo.saveAppeal(parsed.data, clock.now())
      appeals = null
      return parsed.data
    },

    /**
     * The chooser's Continue: checks the amount against the appeal's rules, then starts a
     * checkout (card) or returns the instructions (bank, crypto). A refused amount throws with
     * a stable code and creates nothing.
     */
    async startCheckout(input: ChooserInput, origin: string): Promise<CheckoutOutcome> {
      const found = await appealIn(input.language)
      const appeal = found && appealForCountry(found, input.country)
      if (!appeal)
        throw new AppError('NOT_FOUND', {
          status: 404,
          message: 'The newsroom takes no contributions here yet.',
        })
      if (!isFrequency(input.frequency))
        throw new AppError('FREQUENCY_UNKNOWN', {
          status: 422,
          message: 'Choose how often: once, monthly or annual.',
        })
      const frequency = input.frequency
      const currency = input.currency.toUpperCase()
      const rules = Object.hasOwn(appeal.currencies, currency)
        ? appeal.currencies[currency]
        : undefined
      if (!currencyOf(currency) || !rules)
        throw new AppError('CURRENCY_UNKNOWN', {
          status: 422,
          message: amountProblem('unknown-currency', 0, currency),
        })
      const typed = input.custom.trim()
      let amount: number
      if (typed) {
        const r = parseAmount(typed, currency, rules.minimum)
        if ('refused' in r)
          throw new AppError(REFUSAL_CODES[r.refused], {
            status: 422,
            message: amountProblem(r.refused, rules.minimum, currency),
          })
        amount = r.minor
      } else {
        // A suggested button sends minor units; it must be one the appeal offers.
        const n = /^[1-9][0-9]{0,11}$/.test(input.amount) ? Number(input.amount) : NaN
        if (!rules.amounts[frequency].includes(n))
          throw new AppError('AMOUNT_NOT_A_NUMBER', {
            status: 422,
            message: 'Choose one of the amounts, or type another amount.',
          })
        amount = n
      }
      const methods = usableMethods(appeal)
      const method = (methods as string[]).includes(input.method)
        ? (input.method as Method)
        : undefined
      if (!method)
        throw new AppError('PAYMENT_METHOD_UNAVAILABLE', {
          status: 422,
          message: 'That way of paying is not available here. Choose another.',
        })
      if (method !== 'card')
        return { kind: 'instructions', method, amount, currency, frequency, appeal }
      const gateway = deps.card!
      const now = clock.now()
      // A placeholder reference until the provider names its checkout.
      const id = await repo.insertContribution(
        {
          provider: gateway.provider,
          method,
          checkoutRef: `new_${now.getTime()}_${Math.random().toString(36).slice(2)}`,
          amount,
          currency,
          frequency,
          language: appeal.language,
        },
        now,
      )
      try {
        const c = await gateway.createCheckout({
          contributionId: id,
          amount,
          currency,
          frequency,
          language: appeal.language,
          description: `Support ${deps.siteName}`,
          successUrl: `${origin}/support/thanks`,
          cancelUrl: `${origin}/support/cancelled`,
        })
        await repo.setCheckoutRef(id, c.checkoutRef)
        return { kind: 'redirect', to: c.redirectTo, contributionId: id }
      } catch (err) {
        // Nothing half-written: the reader was never sent anywhere.
        await repo.deleteContribution(id)
        throw new AppError('PAYMENT_PROVIDER_FAILED', {
          status: 502,
          message:
            'The payment page could not be opened. Nothing was charged; please try again in a minute.',
          cause: err,
        })
      }
    },

    async findTestCheckout(ref: string): Promise<Contribution | undefined> {
      if (!isTestRef(ref)) return undefined
      const c = await repo.find({ checkoutRef: ref })
      return c?.provider === 'test' ? c : undefined
    },

    /** The test gateway's "Pay" or "Cancel", applied as Stripe's events would be. */
    async finishTestCheckout(
      ref: string,
      outcome: 'pay' | 'cancel',
      email = '',
    ): Promise<Contribution | undefined> {
      // As a provider would: the email only if the reader gave one, and a real address.
      const given = email.trim().toLowerCase()
      const checkedEmail = isEmailAddress(given) ? given : null
      const c = await this.findTestCheckout(ref)
      if (!c) return undefined
      const now = clock.now()
      let saved: Contribution | undefined
      await repo.onceForEvent(
        {
          id: `${ref}:${outcome}`,
          provider: 'test',
          type: outcome === 'pay' ? 'test.paid' : 'test.cancelled',
        },
        now,
        async (tx) => {
          const current = (await tx.find({ id: c.id }))!
          const next = applyChange(
            current,
            outcome === 'pay'
              ? {
                  status: c.frequency === 'once' ? 'paid' : 'active',
                  subscriptionRef: c.frequency === 'once' ? null : `test_sub_${c.id}`,
                  email: checkedEmail,
                }
              : { status: 'expired' },
            now,
          )
          await settle(tx, current, next)
          saved = next
        },
      )
      return saved ?? (await repo.find({ id: c.id }))
    },

    /**
     * POST /webhooks/stripe: the signature is checked on the raw bytes, then the event is
     * applied once. Late, repeated and out-of-order events are safe (contribution.ts).
     */
    async handleStripeWebhook(
      raw: Buffer,
      signature: string | undefined,
    ): Promise<'applied' | 'duplicate' | 'ignored'> {
      const s = deps.stripe
      if (!s?.webhookSecret)
        throw new AppError('WEBHOOKS_NOT_CONFIGURED', {
          status: 503,
          message: 'Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET).',
        })
      if (!signature)
        throw new AppError('PAYMENT_SIGNATURE_INVALID', {
          status: 400,
          message: 'The Stripe-Signature header is missing.',
        })
      const stripe = await (stripeClient ??= loadStripe(s))
      let event: Stripe.Event
      try {
        event = stripe.webhooks.constructEvent(
          raw,
          signature,
          s.webhookSecret,
          SIGNATURE_TOLERANCE_S,
          undefined,
          // Milliseconds: the SDK measures the signature's age against this, not its own clock.
          clock.now().getTime(),
        )
      } catch (err) {
        throw new AppError('PAYMENT_SIGNATURE_INVALID', {
          status: 400,
          message: 'The signature does not match this body, this secret or this time.',
          cause: err,
        })
      }
      const meaning = meaningOf(event as unknown as { type: string; data: { object: unknown } })
      const eventAt = new Date(Number(event.created) * 1000)
      let ignored = !meaning
      const r = await repo.onceForEvent(
        { id: event.id, provider: 'stripe', type: event.type },
        clock.now(),
        async (tx) => {
          if (!meaning) return
          const c = await tx.find(meaning.lookup)
          if (!c) {
            ignored = true
            deps.log?.warn(
              { type: event.type, event: event.id },
              'webhook for no known contribution',
            )
            return
          }
          await settle(tx, c, applyChange(c, meaning.change, eventAt))
          if (meaning.payment)
            await tx.recordPayment({
              contributionId: c.id,
              ...meaning.payment,
              currency: c.currency,
              at: eventAt,
            })
        },
      )
      return r === 'duplicate' ? 'duplicate' : ignored ? 'ignored' : 'applied'
    },

    /**
     * A supporter asks to manage a recurring gift. Whatever the address, the reader sees the
     * same answer; a link is emailed only when it has a running recurring gift.
     */
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

    /** The gift a manage link names, if the link is genuine and not expired. */
    async checkManageLink(id: string, exp: string, sig: string): Promise<Contribution | undefined> {
      if (!/^[1-9][0-9]{0,11}$/.test(id) || !/^[0-9]{13}$/.test(exp)) return undefined
      if (Number(exp) < clock.now().getTime() || !deps.mail) return undefined
      if (!(await deps.mail.signer.verifySigned(manageData(Number(id), Number(exp)), sig)))
        return undefined
      return repo.find({ id: Number(id) })
    },

    /** Stops a test-gateway gift (Stripe gifts are stopped in Stripe's portal, then by webhook). */
    async cancelTestGift(c: Contribution): Promise<Contribution | undefined> {
      if (c.provider !== 'test') return undefined
      const now = clock.now()
      await repo.onceForEvent(
        { id: `test_cancel_${c.id}`, provider: 'test', type: 'test.subscription_cancelled' },
        now,
        async (tx) => {
          const current = await tx.find({ id: c.id })
          if (current) await settle(tx, current, applyChange(current, { status: 'cancelled' }, now))
        },
      )
      return repo.find({ id: c.id })
    },

    /** The supporter's page at Stripe for a recurring gift, if the gateway has one. */
    async portalFor(c: Contribution, returnUrl: string): Promise<string | undefined> {
      if (!c.customerRef || !deps.card?.portalUrl) return undefined
      return deps.card.portalUrl(c.customerRef, returnUrl)
    },

    async dashboard(days = 60): Promise<Dashboard> {
      const now = clock.now()
      const from = new Date(now.getTime() - days * 86_400_000)
      from.setUTCHours(0, 0, 0, 0)
      const [recent, running, payments] = await Promise.all([
        repo.listSince(from),
        repo.listRunning(),
        repo.listPaymentsSince(from),
      ])
      return summarise(recent, running, payments, from, now)
    },

    listPage: repo.listPage,

    chooseCurrency: (a: AppealSettings, wanted: string | undefined) =>
      chooseCurrency(a, wanted, deps.defaultCurrency),
  }
}

export type ContributionsService = ReturnType<typeof createContributionsService>
