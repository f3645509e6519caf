/**
 * SOS mode's emergency edition (ADR 022): a short message from the editor to every reader of
 * every newsletter, each address once, text first. It is an edition of its own kind, sent by
 * the same sender as every edition (lease, snapshot, outcomes, in-doubt resends with the same
 * Message-ID), so it is sent exactly once across crashes like the others.
 */
import crypto from 'node:crypto'
import type { JobQueue } from '../jobs/index.js'
import type { Clock } from '../lib/clock.js'
import { AppError } from '../lib/errors.js'
import { escapeHtml } from '../lib/text.js'
import type { EmergencyListing, EmergencyStore } from './edition-repository.js'
import type { Newsletter } from './newsletter.js'

/** The longest message an editor may write: an emergency note, not an edition. */
export const MAX_EMERGENCY_MESSAGE = 4000
/** Where every site's offline edition is (site/routes/reach, issue 12 item 3). */
export const OFFLINE_EDITION_PATH = '/reach/edition.html'
/** The List-Id and Message-ID tag of emergency editions. */
export const EMERGENCY_SLUG = 'emergency'

/** Who an edition comes from and which list it is, by kind; `claimFrom` null: every list. */
export function emergencyList(
  kind: 'regular' | 'emergency',
  newsletter: Pick<Newsletter, 'id' | 'name' | 'slug' | 'senderName' | 'senderAddress'>,
  site: { siteName: string; mailFrom: string },
): {
  from: { name: string; address: string }
  name: string
  slug: string
  claimFrom: number | null
} {
  if (kind === 'emergency')
    return {
      from: { name: site.siteName, address: site.mailFrom },
      name: `${site.siteName} (emergency)`,
      slug: EMERGENCY_SLUG,
      claimFrom: null,
    }
  return {
    from: {
      name: newsletter.senderName || site.siteName,
      address: newsletter.senderAddress || site.mailFrom,
    },
    name: newsletter.name,
    slug: newsletter.slug,
    claimFrom: newsletter.id,
  }
}

export interface EmergencyInput {
  siteName: string
  subject: string
  message: string
  /** Every address of the newsroom, one line each (reach's list). */
  addresses: readonly string[]
  /** The offline edition's absolute URL. */
  editionUrl: string
  /** The /reach page's absolute URL. */
  reachUrl: string
}

const paragraphs = (s: string) =>
  s
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')

/**
 * The emergency email: plain words and links, no images, no layout tables, with slots for each
 * reader's address and unsubscribe link (email/template.ts), as every edition has.
 */
export function renderEmergency(e: EmergencyInput): {
  html: string
  text: string
  marker: string
} {
  const marker = crypto.randomBytes(6).toString('hex')
  const field = (name: 'unsubscribe_url' | 'email') => `{{${marker}:${name}}}`
  const link = (u: string) => `<a href="${escapeHtml(u)}">${escapeHtml(u)}</a>`
  const text = [
    e.siteName,
    '',
    ...paragraphs(e.message).flatMap((p) => [p, '']),
    'Where to find us if the site is blocked:',
    ...e.addresses.map((a) => `- ${a}`),
    `Every way to reach us: ${e.reachUrl}`,
    '',
    `Today's stories in one file, to read offline and pass on: ${e.editionUrl}`,
    '',
    '--',
    `This emergency message goes to every newsletter reader of ${e.siteName}, once; you are one at ${field('email')}.`,
    `Unsubscribe: ${field('unsubscribe_url')}`,
    '',
  ].join('\n')
  const html = [
    '<!doctype html><html><head><meta charset="utf-8"><title>',
    escapeHtml(e.subject),
    '</title></head><body style="font-family:Georgia,serif;line-height:1.5;max-width:40em">',
    `<p><strong>${escapeHtml(e.siteName)}</strong></p>`,
    ...paragraphs(e.message).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    '<p>Where to find us if the site is blocked:</p><ul>',
    ...e.addresses.map((a) => `<li>${/^https?:\/\//.test(a) ? link(a) : escapeHtml(a)}</li>`),
    `</ul><p>Every way to reach us: ${link(e.reachUrl)}</p>`,
    `<p>Today's stories in one file, to read offline and pass on: ${link(e.editionUrl)}</p>`,
    '<p style="font-size:13px;color:#555555">',
    `This emergency message goes to every newsletter reader of ${escapeHtml(e.siteName)}, once; you are one at ${field('email')}. `,
    `<a href="${field('unsubscribe_url')}" style="color:#555555">Unsubscribe</a></p>`,
    '</body></html>',
  ].join('\n')
  return { html, text, marker }
}

export interface EmergencyServiceDeps {
  editions: EmergencyStore
  jobs: Pick<JobQueue, 'send'>
  clock: Clock
  /** SOS mode's switch: an emergency edition goes only while it is on. */
  sosActive(): boolean | Promise<boolean>
  /** The newsroom's addresses, one line each. */
  addresses(): Promise<readonly string[]>
  /** Origin for links in email. */
  origin: string
  siteName: string
  /** Why no email may go out now (production without an https PUBLIC_URL), or null. */
  blocked?: string | null
}

/** The emergency edition, as the admin (and the command line) ask for it. */
export interface EmergencyService {
  /** How many addresses it would go to now (each once). */
  readers(): Promise<number>
  /**
   * What `send` would refuse, without writing anything: the review page shows the same
   * reasons before the editor confirms. The trimmed message and the readers it would reach.
   */
  check(message: string): Promise<{ message: string; readers: number }>
  /**
   * Makes the emergency edition with its snapshot and queues its send. Refused (nothing
   * written) with SEND_NEEDS_PUBLIC_URL, EMERGENCY_SOS_OFF, EMERGENCY_MESSAGE_INVALID or
   * EMERGENCY_NO_READERS.
   */
  send(e: { message: string; staffId: number | null }): Promise<{ id: number; readers: number }>
  /** The latest ones, newest first, for the admin. */
  list(limit?: number): Promise<EmergencyListing[]>
}

export function createEmergencyService(deps: EmergencyServiceDeps): EmergencyService {
  async function check(message: string) {
    // The sender would hold it back, unsent: refused here, where the editor can read why.
    if (deps.blocked)
      throw new AppError('SEND_NEEDS_PUBLIC_URL', { status: 409, message: deps.blocked })
    if (!(await deps.sosActive()))
      throw new AppError('EMERGENCY_SOS_OFF', {
        status: 409,
        message: 'An emergency edition can only be sent while SOS mode is on',
      })
    const text = message.trim()
    if (text === '' || text.length > MAX_EMERGENCY_MESSAGE)
      throw new AppError('EMERGENCY_MESSAGE_INVALID', {
        status: 422,
        message: `Write the message: 1 to ${MAX_EMERGENCY_MESSAGE} characters`,
      })
    const readers = await deps.editions.emergencyReaders()
    if (readers === 0) throw noReaders()
    return { message: text, readers }
  }

  return {
    readers: () => deps.editions.emergencyReaders(),
    check,

    async send({ message, staffId }) {
      const text = (await check(message)).message
      const subject = `${deps.siteName}: an urgent message`
      const rendered = renderEmergency({
        siteName: deps.siteName,
        subject,
        message: text,
        addresses: await deps.addresses(),
        editionUrl: deps.origin + OFFLINE_EDITION_PATH,
        reachUrl: `${deps.origin}/reach`,
      })
      const made = await deps.editions.createEmergency({
        subject,
        intro: text,
        rendered,
        createdBy: staffId,
        now: deps.clock.now(),
      })
      // Readers can leave between the check and the snapshot.
      if (!made) throw noReaders()
      // Were this lost (a crash right here), the schedule tick finds the edition sending
      // with no worker holding it and queues it again.
      await deps.jobs.send('edition.send', { edition: made.id })
      return { id: made.id, readers: made.recipients }
    },

    list: (limit = 5) => deps.editions.listEmergencies(limit),
  }
}

const noReaders = () =>
  new AppError('EMERGENCY_NO_READERS', {
    status: 409,
    message: 'No newsletter has a confirmed reader to send to',
  })
