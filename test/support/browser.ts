import fs from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { type Browser, chromium } from 'playwright-core'

export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) =>
  fs.existsSync(p),
)

/** Flags that keep headless Chromium quiet on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Why browser suites must skip here, or false. MASTHEAD_REQUIRE_BROWSER=1 turns a skip into a failure. */
export function browserSkipReason(): string | false {
  if (CHROMIUM) return false
  const reason = 'Chromium not found (apt-get install chromium)'
  if (process.env.MASTHEAD_REQUIRE_BROWSER === '1')
    throw new Error(`MASTHEAD_REQUIRE_BROWSER=1 but ${reason}`)
  console.log(`# skipping browser suites: ${reason}`)
  return reason
}

/** Headless Debian Chromium with the flags above. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM!, args: CHROMIUM_ARGS, headless: true })
}

/** Starts the app's server on a free loopback port and gives its base address. */
export async function listenLocally(app: { http: FastifyInstance }): Promise<string> {
  await app.http.listen({ port: 0, host: '127.0.0.1' })
  const addr = app.http.server.address()
  return `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
}
