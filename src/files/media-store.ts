import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'

/**
 * Image files on local disk: MEDIA_DIR/<key>/<width>.webp. Keys are random, so a file's URL
 * never changes meaning and can be cached for a year.
 */
export interface MediaStore {
  /** Absolute path of a stored file, or undefined if the name is not one we could have made. */
  resolve(key: string, file: string): string | undefined
  write(key: string, file: string, data: Buffer): Promise<void>
  newKey(): string
}

const KEY = /^[a-z0-9]{16,32}$/
const FILE = /^[0-9]{1,5}\.webp$/

export function createMediaStore(dir: string): MediaStore {
  const root = path.resolve(dir)
  return {
    resolve(key, file) {
      if (!KEY.test(key) || !FILE.test(file)) return undefined
      return path.join(root, key, file)
    },
    async write(key, file, data) {
      const p = this.resolve(key, file)
      if (!p) throw new Error(`Invalid media name ${key}/${file}`)
      await fs.promises.mkdir(path.dirname(p), { recursive: true })
      // Write then rename, so a reader never gets half a file.
      const tmp = `${p}.${process.pid}.tmp`
      await fs.promises.writeFile(tmp, data)
      await fs.promises.rename(tmp, p)
    },
    newKey() {
      return crypto.randomBytes(10).toString('hex')
    },
  }
}

/** Bytes of a stored file, or undefined when it is missing or its name is not one of ours. */
export async function storedSize(
  store: MediaStore,
  key: string,
  file: string,
): Promise<number | undefined> {
  const p = store.resolve(key, file)
  if (!p) return undefined
  const known = sizes.get(p)
  if (known !== undefined) return known
  try {
    const size = (await fs.promises.stat(p)).size
    if (sizes.size >= SIZES_KEPT) sizes.delete(sizes.keys().next().value!)
    sizes.set(p, size)
    return size
  } catch {
    // Not kept: a missing file is worth looking for again next time.
    return undefined
  }
}

// Stored files never change (another upload gets another key), so a size read once stays true:
// feeds ask for the size of each story's picture on every render.
const sizes = new Map<string, number>()
const SIZES_KEPT = 20_000
