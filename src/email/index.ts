export {
  type Attachment,
  type Mailbox,
  type Message,
  messageProblems,
  validateMessage,
  isEmailAddress,
  addressOf,
  newMessageId,
} from './message.js'
export {
  type MailTransport,
  type MessageBody,
  type SendResult,
  type MailLog,
  type DkimKey,
  type SmtpTransportOptions,
  type SentMail,
  silentLog,
  createSmtpTransport,
  createFileTransport,
  createMemoryTransport,
  describeFailure,
} from './transport.js'
export {
  type FailoverOptions,
  type TransportFromUrlsOptions,
  createFailoverTransport,
  transportFromUrls,
  type MailSettings,
  transportFromSettings,
} from './failover.js'
export {
  type BulkMessage,
  type BulkCopy,
  type BulkTemplate,
  type RawMessage,
  prepareBulk,
} from './bulk.js'
export { type Template, compileTemplate, fillTemplate } from './template.js'
