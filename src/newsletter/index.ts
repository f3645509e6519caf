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
export { renderEdition } from './edition-render.js'
