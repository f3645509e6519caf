import type { Kysely } from 'kysely'
import type { Database } from '../storage/index.js'
import { type DeliveryStore, createDeliveryStore } from './repositories/deliveries.js'
import { type EditionStore, createEditionStore } from './repositories/editions.js'
export type { EmergencyListing, EmergencyStore } from './repositories/emergency.js'
import { type EmergencyStore, createEmergencyStore } from './repositories/emergency.js'

export {
  type ClaimedDelivery,
  type DeliveryCounts,
  type DeliveryState,
  type DeliveryStore,
  type SendState,
  SUPPRESSED_DETAIL,
} from './repositories/deliveries.js'
export type {
  EditionStore,
  NewsletterSchedule,
  SentItemRow,
  SentListing,
} from './repositories/editions.js'

/**
 * Editions, their items and deliveries: queries only, on both databases, one part per concern
 * (see `repositories/`). The service needs both parts; the sender mostly the deliveries.
 */
export interface EditionRepository extends EditionStore, DeliveryStore, EmergencyStore {}

export function createEditionRepository(db: Kysely<Database>): EditionRepository {
  return { ...createEditionStore(db), ...createDeliveryStore(db), ...createEmergencyStore(db) }
}
