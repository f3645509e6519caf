import fs from 'node:fs'

/** shared/fixtures/hostile/, read at test time (never copied into the project). */
export const HOSTILE = new URL('../../../shared/fixtures/hostile/', import.meta.url)

/** Why suites reading the hostile strings must skip here (folder absent), or false; printed. */
export function hostileSkipReason(): string | false {
  if (fs.existsSync(HOSTILE)) return false
  const reason = `hostile strings not found at ${HOSTILE.pathname} (../shared is absent)`
  console.log(`# skipping: ${reason}`)
  return reason
}

/** Every non-empty line of every file in one folder of the hostile strings. */
export function hostileLines(folder: string): string[] {
  const dir = new URL(`${folder}/`, HOSTILE)
  return fs
    .readdirSync(dir)
    .filter((f) => !f.startsWith('LICENSE'))
    .sort()
    .flatMap((f) => fs.readFileSync(new URL(f, dir), 'utf8').split(/\r?\n/))
    .filter((l) => l.length > 0)
}
