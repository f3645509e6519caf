import type { Message } from '../email/index.js'
import { escapeHtml } from '../lib/text.js'

/** Who an admin email goes to and the link it carries. */
export interface LinkEmail {
  to: string
  name: string
  siteName: string
  link: string
  from: string
}

/**
 * The admin's emails: an invitation and a password reset. Plain text first (it is what reaches
 * every inbox); the HTML part says the same.
 */
export function invitationEmail(o: LinkEmail): Message {
  return linkEmail(
    o,
    `Your ${o.siteName} newsroom account`,
    `You have an account in the ${o.siteName} newsroom. Choose your password here (the link works for 7 days, once):`,
    'If you did not expect this, you can ignore this email.',
  )
}

export function resetEmail(o: LinkEmail): Message {
  return linkEmail(
    o,
    `Reset your ${o.siteName} password`,
    `Someone asked to reset the password of your ${o.siteName} newsroom account. To choose a new one, open this link within an hour:`,
    'If it was not you, ignore this email: your password stays as it is.',
  )
}

function linkEmail(o: LinkEmail, subject: string, lead: string, after: string): Message {
  const text = [`Hello ${o.name},`, '', lead, '', o.link, '', after].join('\n')
  return {
    to: { name: o.name, address: o.to },
    from: { name: o.siteName, address: o.from },
    subject,
    text,
    html: htmlOf(text, o.link),
  }
}

function htmlOf(text: string, link: string): string {
  return text
    .split('\n\n')
    .map((para) =>
      para === link
        ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`
        : `<p>${escapeHtml(para).replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n')
}
