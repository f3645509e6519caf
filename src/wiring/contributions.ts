import type { Config } from '../config.js'
import {
  createContributionsRepository,
  createContributionsService,
  createStripeGateway,
  createTestGateway,
  type ContributionsService,
} from '../contributions/index.js'
import type { MailTransport } from '../email/index.js'
import type { Clock } from '../lib/clock.js'
import type { Signer } from '../staff/signer.js'
import type { Storage } from '../storage/index.js'

/** Reader contributions as the settings ask: Stripe with a key, else the test gateway. */
export function contributionsFromConfig(
  config: Config,
  d: {
    storage: Storage
    clock: Clock
    log: { info(o: object, m: string): void; warn(o: object, m: string): void }
    mail: MailTransport
    signer: Signer
  },
): ContributionsService {
  const stripeKey = config.STRIPE_SECRET_KEY
  return createContributionsService({
    repo: createContributionsRepository(d.storage.db),
    clock: d.clock,
    // Without a key the test gateway stands in, except in production, where card is not offered.
    card: stripeKey
      ? createStripeGateway({ secretKey: stripeKey, apiUrl: config.STRIPE_API_URL })
      : config.NODE_ENV === 'production'
        ? null
        : createTestGateway(),
    siteName: config.SITE_NAME,
    siteNames: config.SITE_NAMES,
    languages: config.SITE_LANGUAGES,
    defaultCurrency: config.CONTRIBUTION_CURRENCY,
    defaultLanguage: config.SITE_LANGUAGE,
    ...(stripeKey
      ? {
          stripe: {
            secretKey: stripeKey,
            webhookSecret: config.STRIPE_WEBHOOK_SECRET,
            apiUrl: config.STRIPE_API_URL,
          },
        }
      : {}),
    log: { info: (o, m) => d.log.info(o, m), warn: (o, m) => d.log.warn(o, m) },
    mail: { transport: d.mail, from: config.MAIL_FROM, signer: d.signer },
  })
}
