import { z } from 'zod'
import type { MailTransport } from '../email/index.js'
import type { JobData, JobHandler, WorkerDuties } from '../jobs/index.js'
import type { AccountService } from './accounts.js'
import type { AuditRecorder } from './audit.js'
import type { PasswordLinks } from './password-links.js'
import { invitationEmail, resetEmail } from './staff-emails.js'

/**
 * The staff emails a request asks for, sent by the worker instead of inside the request: the
 * answer to "forgot my password" then takes the same time whether or not the address has an
 * account (only the queueing happens in the request, for every address alike), and a slow or
 * dead mail server delays no answer. A failed send is retried by the queue.
 */
const StaffMail = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reset'), email: z.string().max(254), origin: z.string().url() }),
  z.object({
    kind: z.literal('invite'),
    staffId: z.number().int().positive(),
    email: z.string().max(254),
    name: z.string().max(200),
    origin: z.string().url(),
  }),
])
export type StaffMail = z.infer<typeof StaffMail>

/** The job's data: a flat record, as every queue takes. */
export function staffMailData(m: StaffMail): JobData {
  return { mail: JSON.stringify(m) }
}

export interface StaffMailDeps {
  staff: Pick<AccountService, 'findByEmail'> &
    Pick<PasswordLinks, 'allowResetRequest' | 'passwordLink'> & { audit: AuditRecorder }
  mail: MailTransport | null
  siteName: string
  mailFrom: string
  log: { warn(o: object, m: string): void }
}

export function staffMailJob(deps: StaffMailDeps): JobHandler {
  return async (data) => {
    let raw: unknown = null
    try {
      raw = JSON.parse(String(data['mail']))
    } catch {
      // Unreadable: dropped below, like any data that does not fit.
    }
    const parsed = StaffMail.safeParse(raw)
    if (!parsed.success) {
      // Not retried: the same data would fail the same way.
      deps.log.warn({ issues: parsed.error.issues }, 'staff email job with unreadable data dropped')
      return
    }
    const m = parsed.data
    if (!deps.mail) throw new Error('No mail transport configured')
    const common = { siteName: deps.siteName, from: deps.mailFrom }
    if (m.kind === 'invite') {
      const link = await deps.staff.passwordLink(m.staffId, 'invite', m.origin)
      await deps.mail.send(invitationEmail({ ...common, to: m.email, name: m.name, link }))
      return
    }
    const staff = await deps.staff.findByEmail(m.email)
    if (!staff || staff.disabledAt || !(await deps.staff.allowResetRequest(m.email))) return
    const link = await deps.staff.passwordLink(staff.id, 'reset', m.origin)
    await deps.mail.send(resetEmail({ ...common, to: staff.email, name: staff.name, link }))
    await deps.staff.audit({
      staffId: staff.id,
      action: 'password.reset-requested',
      subject: `staff:${staff.id}`,
    })
  }
}

/** What the staff domain asks of every worker: its emails. */
export function staffMailWork(deps: StaffMailDeps): WorkerDuties {
  return { handlers: { 'staff.mail': staffMailJob(deps) } }
}
