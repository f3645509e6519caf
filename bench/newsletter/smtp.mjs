// The newsletter bench's SMTP peers, each in a process of its own: the receiving server that
// discards (`--role sink`) and the ceiling, a bare nodemailer pool (`--role ceiling`).
import fs from 'node:fs'
import path from 'node:path'
import { DATA } from '../lib/setup.mjs'
import { CONNECTIONS } from './send.mjs'

/** A receiving server that accepts everything and keeps nothing; reports its count on demand. */
export async function sink() {
  const { SMTPServer } = await import('smtp-server')
  let count = 0
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _s, cb) {
      stream.on('data', () => {})
      stream.on('end', () => {
        count++
        cb()
      })
    },
  })
  server.on('error', () => {})
  server.listen(0, '127.0.0.1', () => {
    console.log(`PORT ${server.server.address().port}`)
  })
  process.stdin.setEncoding('utf8')
  process.stdin.on('data', (d) => {
    if (d.includes('count')) console.log(`COUNT ${count}`)
    if (d.includes('reset')) count = 0
  })
}

/** The ceiling: a bare nodemailer pool, the same messages pre-rendered, the same server. */
export async function ceiling(v) {
  const nodemailer = (await import('nodemailer')).default
  const n = Number(v.subscribers)
  const html = fs.readFileSync(path.join(DATA, 'sample.html'), 'utf8')
  const text = fs.readFileSync(path.join(DATA, 'sample.txt'), 'utf8')
  const t = nodemailer.createTransport({
    host: '127.0.0.1',
    port: Number(v.port),
    pool: true,
    maxConnections: CONNECTIONS,
    secure: false,
    ignoreTLS: true,
  })
  const t0 = performance.now()
  let next = 0
  const lane = async () => {
    while (next < n) {
      const i = next++
      await t.sendMail({
        from: 'The Lantern <news@example.org>',
        to: `reader${i}@example.net`,
        subject: 'The week in Varesia',
        html,
        text,
        messageId: `<e1.s${i}.weekly@example.org>`,
        headers: {
          'List-Unsubscribe': `<https://news.example.org/newsletters/unsubscribe/${i}/1/abc>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      })
    }
  }
  await Promise.all(Array.from({ length: 32 }, lane))
  const ms = performance.now() - t0
  t.close()
  console.log(`RESULT ${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}`)
}
