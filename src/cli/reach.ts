import fs from 'node:fs'
import type { Command } from './command.js'
import { fail } from './process.js'

export const reach: Command = {
  help: `Usage: masthead reach verify FILE|URL [--key PUBLIC_KEY]

Checks a signed list of the newsroom's addresses (/reach.json, from a file or a URL): that its
signature matches its contents and, with --key, that it was signed with that public key (the
base64 key printed on /reach). Without --key, the key of REACH_KEY_FILE is expected when it is
set; otherwise the list's own key is used and a warning says so, since anyone can sign a list
with a key of their own. Prints the addresses when the list is genuine (exit 0); exit 1 names
what is wrong (docs/errors.md).

Options:
  --key KEY     The public key the list must be signed with (base64, 44 characters)
  -h, --help    Show this help`,

  async run({ config, flags, rest, say }) {
    const words = rest.filter((w) => !w.startsWith('-') && w !== flags.key)
    if (words[0] !== 'verify' || !words[1])
      fail(`say what to check: reach verify FILE|URL\n\n${reach.help}`)
    const source = words[1]
    const { loadKeyFile, publicKeyFrom, verifyDocument } = await import('../reach/index.js')
    let expected = flags.key
    // Said before anything is fetched: a mistyped key is the person's to fix, not the list's.
    if (expected !== undefined && !publicKeyFrom(expected))
      stop(
        'REACH_FORMAT_INVALID',
        "--key must be the newsroom's public key as printed on /reach: 44 characters of base64",
      )
    if (expected === undefined && config.REACH_KEY_FILE) {
      try {
        expected = loadKeyFile(config.REACH_KEY_FILE).publicKey
      } catch (err) {
        stop('REACH_READ_FAILED', (err as Error).message)
      }
    }
    const text = await read(source).catch((err: Error) => stop('REACH_READ_FAILED', err.message))
    const result = verifyDocument(text, expected)
    if (!result.valid) stop(result.code, result.message)
    const p = result.payload
    say(`valid: ${p.name}, signed by ${result.publicKey}`)
    say(`changed ${p.updatedAt ?? 'never'}, issued ${p.issuedAt}`)
    for (const a of p.addresses)
      say(`  ${a.kind}${a.label ? ` (${a.label})` : ''}: ${'url' in a ? a.url : a.text}`)
    if (!result.pinned)
      process.stderr.write(
        'masthead: warning: no --key given, so this only shows the list was not altered after ' +
          'signing, not who signed it. Compare the key above with the one the newsroom published.\n',
      )
  },
}

/** The document's text from a file, or from an http(s) URL (20 s at most). */
async function read(source: string): Promise<string> {
  if (!/^https?:\/\//i.test(source)) return fs.readFileSync(source, 'utf8')
  const res = await fetch(source, {
    signal: AbortSignal.timeout(20_000),
    headers: { accept: 'application/json' },
  }).catch((err: Error & { cause?: { code?: string; message?: string } }) => {
    // fetch says only "fetch failed"; the reason (refused, no such host, timed out) is its cause.
    const why =
      err.name === 'TimeoutError'
        ? 'no answer in 20 s'
        : (err.cause?.code ?? err.cause?.message ?? err.message)
    throw new Error(`${source} cannot be reached: ${why}`)
  })
  if (res.status !== 200) throw new Error(`${source} answered ${res.status}`)
  return res.text()
}

function stop(code: string, why: string): never {
  fail(`reach verify failed [${code}]: ${why}`, 1)
}
