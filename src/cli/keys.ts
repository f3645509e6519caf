import type { Command } from './command.js'
import { fail } from './process.js'

export const keys: Command = {
  help: `Usage: masthead keys generate [--out FILE] [--force]

Makes the Ed25519 key that signs the newsroom's addresses at /reach.json, writes its private
half to FILE (readable by this user only: mode 0600) and prints the public key. FILE defaults
to REACH_KEY_FILE. Point REACH_KEY_FILE at the file and restart the site; publish the public
key where readers can find it apart from the site (newsletter, social accounts, printed cards).
Keep a copy of the file with your backups: a new key makes every pinned copy of the old one
call genuine lists forgeries.

Options:
  --out FILE    Where to write the private key (default: REACH_KEY_FILE)
  --force       Replace an existing key file
  -h, --help    Show this help`,

  async run({ config, flags, rest, say }) {
    const words = rest.filter((w) => !w.startsWith('-') && w !== flags.out)
    if (words[0] !== 'generate') fail(`say what to do: keys generate\n\n${keys.help}`)
    const file = flags.out ?? config.REACH_KEY_FILE
    if (!file) fail(`say where to write the key: --out FILE, or set REACH_KEY_FILE\n\n${keys.help}`)
    const { generateKeyFile } = await import('../reach/index.js')
    let publicKey: string
    try {
      publicKey = generateKeyFile(file, { force: flags.force === true }).publicKey
    } catch (err) {
      fail(`keys generate failed: ${writeProblem(file, err)}`, 1)
    }
    say(publicKey)
    process.stderr.write(
      `masthead: wrote the private key to ${file} (mode 0600). ` +
        `Set REACH_KEY_FILE=${file}, restart, and publish the public key above.\n`,
    )
  },
}

/** What went wrong writing the key file, said of the file the person named (not a temp file). */
function writeProblem(file: string, err: unknown): string {
  const { code, syscall } = err as NodeJS.ErrnoException
  if (code === 'ENOENT') return `cannot write ${file}: its folder does not exist`
  if (code === 'ENOTDIR' || (code === 'EEXIST' && syscall === 'mkdir'))
    return `cannot write ${file}: a file stands where its folder should be`
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return `cannot write ${file}: no permission to write there`
  if (code === 'EISDIR') return `cannot write ${file}: it is a folder`
  return (err as Error).message
}
