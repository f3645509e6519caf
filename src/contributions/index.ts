export * from './money.js'
export * from './appeal.js'
export * from './contribution.js'
export { type Dashboard, CSV_HEADER, csvRow } from './dashboard.js'
export {
  createContributionsRepository,
  type ContributionsRepository,
} from './contributions-repository.js'
export {
  createContributionsService,
  type ContributionsService,
  type ChooserInput,
  type CheckoutOutcome,
} from './contributions-service.js'
export type { HostedGateway } from './gateways/gateway.js'
export { createTestGateway } from './gateways/test-gateway.js'
export { createStripeGateway } from './gateways/stripe-gateway.js'
