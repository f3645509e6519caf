import fs from 'node:fs'

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
