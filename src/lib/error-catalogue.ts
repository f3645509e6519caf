/**
 * The error catalogue: every code a program may see, with the HTTP status it answers with and
 * the sentence a person reads. docs/errors.md documents the same codes for people who run or
 * integrate with the site; `error-catalogue.test.ts` fails when the two disagree.
 */

export type ErrorCode =
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  | 'MALFORMED_URL'
  | 'INVALID_HOST'
  | 'HOST_NOT_SERVED'
  | 'METHOD_NOT_ALLOWED'
  | 'VALIDATION_FAILED'
  | 'SLUG_TAKEN'
  | 'EMAIL_TAKEN'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF_FAILED'
  | 'EDIT_CONFLICT'
  | 'UNKNOWN_REFERENCE'
  | 'CSV_INVALID'
  | 'PAYLOAD_TOO_LARGE'
  | 'WEBHOOK_UNAUTHORIZED'
  | 'WEBHOOK_DISABLED'
  | 'INTERNAL'
  | 'AMOUNT_NOT_A_NUMBER'
  | 'AMOUNT_NEGATIVE'
  | 'AMOUNT_BELOW_MINIMUM'
  | 'AMOUNT_TOO_LARGE'
  | 'AMOUNT_TOO_PRECISE'
  | 'CURRENCY_UNKNOWN'
  | 'FREQUENCY_UNKNOWN'
  | 'PAYMENT_METHOD_UNAVAILABLE'
  | 'PAYMENT_PROVIDER_FAILED'
  | 'PAYMENT_SIGNATURE_INVALID'
  | 'WEBHOOKS_NOT_CONFIGURED'
  | 'REACH_LIST_INVALID'
  | 'SEND_NEEDS_PUBLIC_URL'
  | 'SOS_TARGET_INVALID'
  | 'EMERGENCY_SOS_OFF'
  | 'EMERGENCY_MESSAGE_INVALID'
  | 'EMERGENCY_NO_READERS'
  | 'REDIRECT_INVALID'
  | 'REDIRECT_EXISTS'
  | 'TRANSLATION_SAME_GROUP'
  | 'TRANSLATION_LANGUAGE_TAKEN'
  | 'FRONT_STORY_INVALID'

/** What a person reads: a headline saying what happened, then what to do about it. */
export interface ErrorSentence {
  readonly title: string
  readonly message: string
}

export interface ErrorEntry extends ErrorSentence {
  /** The HTTP status the code answers with. */
  readonly status: number
  /**
   * Other statuses the same code answers with, each with its own sentence. A withdrawn article
   * is `NOT_FOUND` to a program, like any missing page, but 410 (gone on purpose) to a browser
   * and a crawler, and its reader is told so.
   */
  readonly alsoAs?: Readonly<Record<number, ErrorSentence>>
}

const charged = 'Nothing was charged.'

export const ERROR_CATALOGUE: Readonly<Record<ErrorCode, ErrorEntry>> = {
  NOT_FOUND: {
    status: 404,
    title: 'Page not found',
    message:
      'There is nothing at this address. The story may have moved, or the link may be mistyped.',
    alsoAs: {
      410: {
        title: 'This article was withdrawn',
        message: 'The newsroom took this article down. Other reporting is on the front page.',
      },
    },
  },
  BAD_REQUEST: {
    status: 400,
    title: 'That address could not be read',
    message:
      'The link seems damaged (for example, cut off or wrongly encoded). Check it, or start again from the front page.',
  },
  MALFORMED_URL: {
    status: 400,
    title: 'That address could not be read',
    message:
      'The link seems damaged (for example, cut off or wrongly encoded). Check it, or start again from the front page.',
  },
  INVALID_HOST: {
    status: 400,
    title: 'That address could not be read',
    message:
      'The request named this site by something that is not a host name. Check the address, or start again from the front page.',
  },
  HOST_NOT_SERVED: {
    status: 421,
    title: 'Not served here',
    message: 'This site does not answer at this address. Use one of its published addresses.',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    title: 'Not allowed',
    message: 'This address cannot be used that way.',
  },
  VALIDATION_FAILED: {
    status: 422,
    title: 'Some of what was sent is not right',
    message: 'Nothing was saved. Correct the fields listed and send it again.',
  },
  SLUG_TAKEN: {
    status: 409,
    title: 'That address is taken',
    message: 'Another article already uses this slug. Choose another one and save again.',
  },
  EMAIL_TAKEN: {
    status: 409,
    title: 'That email is taken',
    message: 'A staff account with this email already exists. Use another email, or sign in.',
  },
  UNAUTHENTICATED: {
    status: 401,
    title: 'Please sign in',
    message:
      'Your session has ended. Sign in again; if you go back, the form still holds what you typed.',
  },
  FORBIDDEN: {
    status: 403,
    title: 'Your role does not allow this',
    message: 'Ask an editor or an admin to do it for you.',
  },
  CSRF_FAILED: {
    status: 403,
    title: 'The form could not be sent',
    message:
      'For your safety the form was refused: it came without its token, from another session or from another site. Reload the form and send it again.',
  },
  EDIT_CONFLICT: {
    status: 409,
    title: 'Someone else saved first',
    message:
      'This was changed after you opened it, and nothing was overwritten. Merge the two versions and save again.',
  },
  UNKNOWN_REFERENCE: {
    status: 422,
    title: 'Something named here does not exist',
    message:
      'A section, author, agency, topic or image it names is missing. Create it first or fix the choice; nothing was saved.',
  },
  CSV_INVALID: {
    status: 422,
    title: 'The file has problems',
    message: 'Nothing was imported. Fix the lines listed and import the file again.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    title: 'That is too large',
    message: 'The file or form is larger than this site accepts. Make it smaller and try again.',
  },
  WEBHOOK_UNAUTHORIZED: {
    status: 401,
    title: 'The report was not signed',
    message:
      'It carried no valid signature for this site. Configure the mail provider with the same secret as MAIL_WEBHOOK_SECRET.',
  },
  WEBHOOK_DISABLED: {
    status: 503,
    title: 'Mail reports are switched off',
    message:
      'This site takes no bounce or complaint reports until MAIL_WEBHOOK_SECRET is set. Set it, restart, and configure the provider.',
  },
  INTERNAL: {
    status: 500,
    title: 'Something went wrong on our side',
    message:
      'The page could not be shown. Please try again in a minute; the problem has been logged.',
  },
  AMOUNT_NOT_A_NUMBER: {
    status: 422,
    title: 'That amount could not be read',
    message: `Type the amount as digits, for example 10 or 7.50. ${charged}`,
  },
  AMOUNT_NEGATIVE: {
    status: 422,
    title: 'That amount is below zero',
    message: `Type a positive amount. ${charged}`,
  },
  AMOUNT_BELOW_MINIMUM: {
    status: 422,
    title: 'That amount is below the minimum',
    message: `Give at least the minimum shown for the currency. ${charged}`,
  },
  AMOUNT_TOO_LARGE: {
    status: 422,
    title: 'That amount is more than we take at once',
    message: `It looks like a typo. Check the amount, or write to the newsroom. ${charged}`,
  },
  AMOUNT_TOO_PRECISE: {
    status: 422,
    title: 'That amount has too many decimals',
    message: `Round it to what the currency allows. ${charged}`,
  },
  CURRENCY_UNKNOWN: {
    status: 422,
    title: 'That currency is not offered',
    message: `Choose one of the currencies shown. ${charged}`,
  },
  FREQUENCY_UNKNOWN: {
    status: 422,
    title: 'Choose how often to give',
    message: `Choose once, monthly or annual. ${charged}`,
  },
  PAYMENT_METHOD_UNAVAILABLE: {
    status: 422,
    title: 'That way to pay is not offered here',
    message: `Choose another way to pay. ${charged}`,
  },
  PAYMENT_PROVIDER_FAILED: {
    status: 502,
    title: 'The payment provider did not answer',
    message: 'Nothing was charged or recorded. Please try again in a minute.',
  },
  PAYMENT_SIGNATURE_INVALID: {
    status: 400,
    title: 'The event was not signed',
    message:
      'Its signature is missing, does not match, or is too old. Check STRIPE_WEBHOOK_SECRET; the event was not recorded and the provider will send it again.',
  },
  WEBHOOKS_NOT_CONFIGURED: {
    status: 503,
    title: 'Payment events are not set up',
    message:
      "Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, then resend the event from the provider's dashboard.",
  },
  REACH_LIST_INVALID: {
    status: 422,
    title: 'The addresses were not saved',
    message: 'Correct the rows listed; the list readers see is unchanged.',
  },
  SEND_NEEDS_PUBLIC_URL: {
    status: 409,
    title: 'Sending is off until PUBLIC_URL is set',
    message:
      "Set PUBLIC_URL to the site's https:// address and restart: every email's unsubscribe link must work from any inbox. The edition was not approved.",
  },
  SOS_TARGET_INVALID: {
    status: 400,
    title: 'SOS mode was not changed',
    message: 'Choose on or off from the Addresses page.',
  },
  EMERGENCY_SOS_OFF: {
    status: 409,
    title: 'The emergency edition was not sent',
    message: 'Turn SOS mode on first (Addresses page); nothing was sent.',
  },
  EMERGENCY_MESSAGE_INVALID: {
    status: 422,
    title: 'The emergency edition was not sent',
    message: 'Write a message of at most 4,000 characters; nothing was sent.',
  },
  EMERGENCY_NO_READERS: {
    status: 409,
    title: 'The emergency edition was not sent',
    message: 'No newsletter has a confirmed reader yet; nothing was sent.',
  },
  REDIRECT_INVALID: {
    status: 422,
    title: 'The redirect was not added',
    message: 'Correct the listed paths: both must be paths on this site, starting with /.',
  },
  REDIRECT_EXISTS: {
    status: 409,
    title: 'That old address already has a redirect',
    message: 'Delete the redirect it has first, then add the new one.',
  },
  TRANSLATION_SAME_GROUP: {
    status: 409,
    title: 'The translation was not linked',
    message: 'These stories are already translations of each other; nothing was changed.',
  },
  TRANSLATION_LANGUAGE_TAKEN: {
    status: 409,
    title: 'The translation was not linked',
    message: 'A story has one translation per language: unlink the one it has first.',
  },
  FRONT_STORY_INVALID: {
    status: 422,
    title: 'The front page was not changed',
    message:
      'Choose stories of this edition’s language (and, on a section’s front, of that section).',
  },
}

/** The status `code` answers with unless a caller names one of its other statuses. */
export function statusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status
}

/**
 * The code that stands for a status when the error carries none of ours (Fastify's own, a
 * library's): the statuses people meet most get their own words, every other one its class's.
 */
const STANDS_FOR: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  421: 'HOST_NOT_SERVED',
  500: 'INTERNAL',
}

/**
 * What a person reads when `code` ends a request with `status`. A code answered with a status
 * the catalogue does not give it (a Fastify 413 reported as `BAD_REQUEST`, say) reads as that
 * status does, so the words always match what happened.
 */
export function sentenceFor(code: ErrorCode, status: number): ErrorSentence {
  const entry = ERROR_CATALOGUE[code]
  if (entry.status === status) return entry
  const other = entry.alsoAs?.[status]
  if (other) return other
  const stand = STANDS_FOR[status] ?? (status < 500 ? 'BAD_REQUEST' : 'INTERNAL')
  return ERROR_CATALOGUE[stand]
}
