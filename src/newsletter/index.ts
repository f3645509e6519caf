export * from './newsletter.js'
export { createNewsletterRepository, type NewsletterRepository } from './newsletter-repository.js'
export {
  createNewsletterService,
  type NewsletterService,
  type Signer,
  type SignUpOutcome,
} from './newsletter-service.js'
