/** The new account's password: piped on standard input, or typed at a prompt without echo. */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = []
    for await (const c of process.stdin) chunks.push(c as Buffer)
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '')
  }
  process.stdout.write('Password (at least 12 characters, not shown): ')
  return new Promise((resolve) => {
    let typed = ''
    process.stdin.setRawMode(true)
    process.stdin.resume()
    const onData = (d: Buffer) => {
      for (const ch of d.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          process.stdin.setRawMode(false)
          process.stdin.pause()
          process.stdin.off('data', onData)
          process.stdout.write('\n')
          resolve(typed)
          return
        }
        // Ctrl-C: raw mode swallows the signal, so leave as the shell would.
        if (ch === '\u0003') process.exit(130)
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch
      }
    }
    process.stdin.on('data', onData)
  })
}
