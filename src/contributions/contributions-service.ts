import type { Clock } from '../lib/clock.js'
import type { ContributionsRepository } from './contributions-repository.js'
import type { HostedGateway } from './gateways/gateway.js'
import { type AppealService, createAppealCache, createAppealService } from './use-cases/appeals.js'
import { type CheckoutService, createCheckoutService } from './use-cases/checkout.js'
import {
  type PaymentEvents,
  type StripeSettings,
  createPaymentEvents,
} from './use-cases/payment-events.js'
import { type DemoGifts, createDemoGifts } from './use-cases/demo-gifts.js'
import { type RevenueService, createRevenueService } from './use-cases/revenue.js'
import {
  type SupporterMail,
  type SupporterService,
  createSupporterService,
} from './use-cases/supporters.js'

export type { ChooserInput, CheckoutOutcome } from './use-cases/checkout.js'
export type { Signer, SupporterMail } from './use-cases/supporters.js'
export type { StripeSettings } from './use-cases/payment-events.js'
export type { AppealService, CheckoutService, PaymentEvents, RevenueService, SupporterService }

export interface ContributionsServiceDeps {
  repo: ContributionsRepository
  clock: Clock
  /** The card gateway: Stripe with a key, the test gateway without; none in production without a key. */
  card: HostedGateway | null
  siteName: string
  /** SITE_NAME_XX: the site's name in each language, for supporters' emails. */
  siteNames?: Readonly<Record<string, string>>
  /** SITE_LANGUAGES: links in supporters' emails open their language's edition. */
  languages?: readonly string[]
  defaultCurrency: string
  defaultLanguage: string
  stripe?: StripeSettings
  log?: { info(o: object, m: string): void; warn(o: object, m: string): void }
  /** For the supporter's manage link: the server's signer, a transport and a sender. */
  mail?: SupporterMail
}

/**
 * Reader contributions, one part per concern (see `use-cases/`): the appeal, checkout, the
 * provider events that move a gift, what supporters do afterwards, and the revenue view.
 */
export interface ContributionsService
  extends
    AppealService,
    CheckoutService,
    PaymentEvents,
    SupporterService,
    RevenueService,
    DemoGifts {}

export function createContributionsService(deps: ContributionsServiceDeps): ContributionsService {
  const { repo, clock, card, siteName } = deps
  // One cache for the appeal pages and checkout, so both see the same appeal.
  const appeals = createAppealCache({
    repo,
    defaultLanguage: deps.defaultLanguage,
    hasCard: card !== null,
  })
  return {
    ...createAppealService({
      repo,
      appeals,
      clock,
      siteName,
      defaultCurrency: deps.defaultCurrency,
      testMode: card?.testMode ?? false,
    }),
    ...createCheckoutService({ repo, appeals, clock, card, siteName }),
    ...createPaymentEvents({ repo, clock, stripe: deps.stripe, log: deps.log }),
    ...createSupporterService({
      repo,
      clock,
      card,
      siteName,
      siteNames: deps.siteNames,
      languages: deps.languages,
      mail: deps.mail,
      log: deps.log,
    }),
    ...createRevenueService({ repo, clock }),
    ...createDemoGifts({ repo }),
  }
}
