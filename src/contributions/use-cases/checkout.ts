import type { Clock } from '../../lib/clock.js'
import { AppError, type ErrorCode } from '../../lib/errors.js'
import { type AppealSettings, type Method, appealForCountry } from '../appeal.js'
import type { Contribution } from '../contribution.js'
import type { HostedGateway } from '../gateways/gateway.js'
import { isTestRef } from '../gateways/test-gateway.js'
import {
  type AmountRefusal,
  type Frequency,
  amountProblem,
  currencyOf,
  isFrequency,
  parseAmount,
} from '../money.js'
import type { ContributionStore } from '../repositories/contributions.js'
import type { AppealCache } from './appeals.js'

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

const REFUSAL_CODES: Record<AmountRefusal, ErrorCode> = {
  'not-a-number': 'AMOUNT_NOT_A_NUMBER',
  negative: 'AMOUNT_NEGATIVE',
  'below-minimum': 'AMOUNT_BELOW_MINIMUM',
  'too-large': 'AMOUNT_TOO_LARGE',
  'too-precise': 'AMOUNT_TOO_PRECISE',
  'unknown-currency': 'CURRENCY_UNKNOWN',
}

/** The reader's way from the chooser to paying. */
export interface CheckoutService {
  /**
   * The chooser's Continue: checks the amount against the appeal's rules, then starts a
   * checkout (card) or returns the instructions (bank, crypto). A refused amount throws with
   * a stable code and creates nothing.
   */
  startCheckout(input: ChooserInput, origin: string): Promise<CheckoutOutcome>
  /** A checkout of the test gateway, by its reference; nothing for any other. */
  findTestCheckout(ref: string): Promise<Contribution | undefined>
}

/** Shared with the test gateway's events, which look the checkout up the same way. */
export async function findTestCheckout(
  repo: Pick<ContributionStore, 'find'>,
  ref: string,
): Promise<Contribution | undefined> {
  if (!isTestRef(ref)) return undefined
  const c = await repo.find({ checkoutRef: ref })
  return c?.provider === 'test' ? c : undefined
}

export function createCheckoutService(deps: {
  repo: Pick<
    ContributionStore,
    'find' | 'insertContribution' | 'setCheckoutRef' | 'deleteContribution'
  >
  appeals: AppealCache
  clock: Clock
  card: HostedGateway | null
  siteName: string
}): CheckoutService {
  const { repo, clock, appeals } = deps
  return {
    async startCheckout(input: ChooserInput, origin: string): Promise<CheckoutOutcome> {
      const found = await appeals.inLanguage(input.language)
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
      const methods = appeals.usableMethods(appeal)
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
    findTestCheckout: (ref) => findTestCheckout(repo, ref),
  }
}
