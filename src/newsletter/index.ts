export * from './newsletter.js'
export { createNewsletterRepository, type NewsletterRepository } from './newsletter-repository.js'
export {
  createNewsletterService,
  type NewsletterService,
  type Signer,
  type SignUpOutcome,
} from './newsletter-service.js'
export * from './edition.js'
export {
  createEditionRepository,
  type EditionRepository,
  type DeliveryCounts,
} from './edition-repository.js'
export { createEditionSender, type EditionSender, type ArticleLookup } from './edition-sender.js'
export { createEditionService, type EditionService } from './edition-service.js'
export {
  type EmergencyService,
  MAX_EMERGENCY_MESSAGE,
  OFFLINE_EDITION_PATH,
  renderEmergency,
} from './emergency.js'
export { renderEdition } from './edition-render.js'
export {
  type CsvParse,
  type CsvProblem,
  type CsvRecord,
  csvCell,
  csvLine,
  parseCsv,
} from '../lib/csv.js'
export * from './suppression.js'
export * from './subscribers.js'
export {
  createSubscriberRepository,
  type SubscriberRepository,
  type StatusCounts,
  type SubscriptionDetail,
  type SubscriberMatch,
  type SubscriptionImport,
} from './subscriber-repository.js'
export {
  createSubscriberService,
  type SubscriberService,
  type PreferenceRow,
  type NewsletterOverview,
} from './subscriber-service.js'
