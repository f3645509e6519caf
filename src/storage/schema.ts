import type { Generated } from 'kysely'
import type { RateLimitTable, WorkerHeartbeatTable } from './schema-chores.js'

/** The database as Kysely sees it. Times are epoch milliseconds (bigint on PostgreSQL, read
 * back as numbers) so both dialects sort, compare and index them the same way. */
export interface Database {
  section: SectionTable
  author: AuthorTable
  agency: AgencyTable
  topic: TopicTable
  taxonomy_name: TaxonomyNameTable
  image: ImageTable
  article: ArticleTable
  article_credit: ArticleCreditTable
  article_topic: ArticleTopicTable
  setting: SettingTable
  staff: StaffTable
  staff_session: StaffSessionTable
  signin_counter: SigninCounterTable
  audit_entry: AuditEntryTable
  article_revision: ArticleRevisionTable
  article_correction: ArticleCorrectionTable
  staff_passkey: StaffPasskeyTable
  newsletter: NewsletterTable
  subscriber: SubscriberTable
  subscription: SubscriptionTable
  article_autosave: ArticleAutosaveTable
  edition: EditionTable
  edition_item: EditionItemTable
  delivery: DeliveryTable
  job: JobTable
  suppression: SuppressionTable
  appeal: AppealTable
  contribution: ContributionTable
  payment_event: PaymentEventTable
  contribution_reminder: ContributionReminderTable
  contribution_payment: ContributionPaymentTable
  rate_limit: RateLimitTable
  worker_heartbeat: WorkerHeartbeatTable
  reach_address: ReachAddressTable
}

export interface ContributionReminderTable {
  id: Generated<number>
  email: string
  language: string
  /** YYYY-MM. */
  month: string
  consent_text: string
  consent_at: number
}

export interface EditionTable {
  id: Generated<number>
  newsletter_id: number
  subject: string
  intro: string
  status: 'draft' | 'approved' | 'sending' | 'sent' | 'cancelled'
  slot_at: number | null
  send_at: number | null
  created_at: number
  updated_at: number
  started_at: number | null
  finished_at: number | null
  recipients: Generated<number>
  sent_html: string | null
  sent_text: string | null
  sent_marker: string | null
  lease_owner: string | null
  lease_until: number | null
  created_by: number | null
  /** `emergency`: SOS mode's edition to the readers of every newsletter (ADR 022). */
  kind: Generated<'regular' | 'emergency'>
}

export interface EditionItemTable {
  edition_id: number
  position: number
  article_id: number
  blurb: string
  sent_headline: string | null
  sent_path: string | null
}

export interface DeliveryTable {
  edition_id: number
  subscriber_id: number
  email: string
  state: 'queued' | 'sending' | 'sent' | 'failed' | 'skipped'
  attempts: Generated<number>
  updated_at: number
  detail: Generated<string>
  /** An emergency edition's reader: the newsletter their unsubscribe link names. */
  newsletter_id: number | null
}

export interface JobTable {
  id: Generated<number>
  queue: string
  data: string
  state: 'created' | 'active' | 'completed' | 'failed'
  run_at: number
  attempts: Generated<number>
  locked_by: string | null
  locked_until: number | null
  last_error: string | null
  created_at: number
  finished_at: number | null
}

/** An address no newsletter or confirmation goes to (bounced for good, complained, or set by hand). */
export interface SuppressionTable {
  /** Lowercased. */
  email: string
  reason: 'bounce' | 'complaint' | 'manual'
  /** Where it came from: webhook, ses, csv, admin. */
  source: string
  detail: string
  at: number
}

export interface ArticleAutosaveTable {
  article_id: number
  staff_id: number | null
  saved_at: number
  headline: string
  body: string
}

export interface NewsletterTable {
  id: Generated<number>
  slug: string
  name: string
  description: string
  /** How often, in words: "Weekly, every Friday". */
  cadence: string
  language: string
  created_at: number
  sender_name: Generated<string>
  sender_address: Generated<string>
  schedule_mode: Generated<'off' | 'draft' | 'send'>
  /** 0 = Sunday … 6 = Saturday. */
  schedule_day: number | null
  /** "HH:MM" in schedule_tz. */
  schedule_time: Generated<string>
  schedule_tz: Generated<string>
}

export interface SubscriberTable {
  id: Generated<number>
  /** Lowercased. */
  email: string
  created_at: number
}

export interface SubscriptionTable {
  subscriber_id: number
  newsletter_id: number
  status: 'pending' | 'confirmed' | 'unsubscribed'
  consent_text: string
  consent_at: number
  confirmed_at: number | null
  unsubscribed_at: number | null
  confirm_sent_at: number | null
}

export interface StaffPasskeyTable {
  /** Credential id, base64url. */
  id: string
  staff_id: number
  /** COSE public key, base64url. */
  public_key: string
  counter: number
  /** JSON array of transport hints. */
  transports: string
  name: string
  created_at: number
  last_used_at: number | null
}

export interface ArticleRevisionTable {
  id: Generated<number>
  article_id: number
  saved_at: number
  staff_id: number | null
  /** JSON of the article as saved (see content/revision.ts). */
  snapshot: string
}

export interface ArticleCorrectionTable {
  id: Generated<number>
  article_id: number
  at: number
  kind: 'correction' | 'update'
  text: string
}

export interface SettingTable {
  key: string
  value: string
}

export interface StaffTable {
  id: Generated<number>
  /** Lowercased. */
  email: string
  name: string
  role: string
  /** argon2id PHC string. */
  password_hash: string
  author_id: number | null
  created_at: number
  disabled_at: number | null
  /** Base32 TOTP secret once two-factor sign-in is on. */
  totp_secret: string | null
  /** The last TOTP time step accepted: a code is good once. */
  totp_last_step: number | null
  /** 1: a password someone else saw (the demo's); a new one is asked for before anything else. */
  password_one_time: Generated<number>
}

export interface StaffSessionTable {
  /** sha256 of the cookie's token: a stolen database does not yield live sessions. */
  token_hash: string
  staff_id: number
  created_at: number
  last_seen_at: number
  expires_at: number
}

export interface SigninCounterTable {
  /** `account:<email>` or `address:<hmac of the address>`. */
  key: string
  failures: number
  window_start: number
}

export interface AuditEntryTable {
  id: Generated<number>
  at: number
  staff_id: number | null
  action: string
  subject: string
  detail: string
}

export interface SectionTable {
  id: Generated<number>
  slug: string
  name: string
  description: string
  position: number
}

export interface AuthorTable {
  id: Generated<number>
  slug: string
  name: string
  role: string
  bio: string
  /** The author page's photo (from the library), and their links as JSON [{ url, label }]. */
  image_id: number | null
  links: Generated<string>
  updated_at: number
}

export interface AgencyTable {
  id: Generated<number>
  slug: string
  name: string
  url: string | null
}

export interface TopicTable {
  id: Generated<number>
  slug: string
  name: string
  description: string
}

export interface ImageTable {
  id: Generated<number>
  /** Folder under MEDIA_DIR holding one WebP file per width. */
  storage_key: string
  alt: string
  caption: string
  credit: string
  width: number
  height: number
  /** JSON array of the widths that exist as files, ascending. */
  widths: string
  created_at: number
}

/** A section's or topic's name in one more language (ADR 026). */
export interface TaxonomyNameTable {
  kind: 'section' | 'topic'
  item_id: number
  language: string
  name: string
  description: string
}

export interface ArticleTable {
  id: Generated<number>
  slug: string
  section_id: number
  kicker: string | null
  headline: string
  standfirst: string | null
  /** Sanitized HTML: the canonical stored form. */
  body: string
  /** Plain-text one-liner for lists, derived on save. */
  summary: string
  word_count: number
  status: 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished'
  /** When a published article comes down by itself (embargo end, takedown); null: never. */
  unpublish_at: number | null
  language: string
  /** Translations share a group: the id of the group's first article (ADR 026); null alone. */
  translation_group: number | null
  lead_image_id: number | null
  published_at: number | null
  updated_at: number
  created_at: number
  /** The staff member who started it (null for imports and the demo). */
  created_by: number | null
}

export interface ArticleCreditTable {
  article_id: number
  position: number
  kind: 'author' | 'guest' | 'agency'
  author_id: number | null
  agency_id: number | null
  name: string | null
  /** Copy of the article's published_at while it is not a draft, for indexed listing. */
  published_at: number | null
}

export interface ArticleTopicTable {
  article_id: number
  topic_id: number
  position: number
  /** Copy of the article's published_at while it is not a draft, for indexed listing. */
  published_at: number | null
}

export interface AppealTable {
  language: string
  /** JSON of contributions/appeal.ts AppealSettings, validated on save and on read. */
  settings: string
  updated_at: number
}

export interface ContributionTable {
  id: Generated<number>
  provider: string
  method: string
  checkout_ref: string
  subscription_ref: string | null
  customer_ref: string | null
  payment_ref: string | null
  amount: number
  currency: string
  frequency: 'once' | 'monthly' | 'annual'
  status: string
  email: string | null
  language: string
  created_at: number
  paid_at: number | null
  cancelled_at: number | null
  status_at: number | null
}

export interface PaymentEventTable {
  id: string
  provider: string
  type: string
  received_at: number
}

export interface ContributionPaymentTable {
  id: Generated<number>
  contribution_id: number
  ref: string
  kind: 'first' | 'renewal' | 'refund'
  /** Minor units; negative for a refund. */
  amount: number
  currency: string
  at: number
}

/** The newsroom's addresses (src/reach/address.ts: kinds, values), replaced whole on save. */
export interface ReachAddressTable {
  position: number
  kind: string
  label: string
  value: string
}
