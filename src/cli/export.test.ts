import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { buildApp } from '../app.js'
import { loadConfig } from '../config.js'
import { connect, migrateToLatest } from '../storage/index.js'
import { seedBasics } from '../../test/support/factories.js'
import { storiesWithPhotos } from '../../test/support/offline.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-export-'))
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${path.join(dir, 'export.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  SITE_NAME: 'The Lantern',
  LOG_LEVEL: 'silent',
}
const cli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'export', ...args], {
    env,
    encoding: 'utf8',
  })
/** The file without the lines that name the minute it was made. */
const unstamped = (html: string) => html.replace(/Made [^.]* UTC/g, 'Made')

// The command is run as a process on SQLite only: what it writes comes from the same builder
// that site/offline/edition.test.ts checks on both databases.
describe('masthead export edition', () => {
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('refuses a bad --stories or --out with a code and exit 2, before any work', () => {
    const out = path.join(dir, 'e.html')
    for (const [args, code, why] of [
      [['edition', '--out', out, '--stories', '0'], 'EDITION_STORIES_INVALID', /1 to 50/],
      [['edition', '--out', out, '--stories', 'lots'], 'EDITION_STORIES_INVALID', /1 to 50/],
      [['edition', '--out', out, '--stories', '51'], 'EDITION_STORIES_INVALID', /1 to 50/],
      [['edition', '--out', out, '--stories=-3'], 'EDITION_STORIES_INVALID', /1 to 50/],
      [
        ['edition', '--out', out, '--language', 'ru'],
        'EDITION_LANGUAGE_UNKNOWN',
        /SITE_LANGUAGES \(en\)/,
      ],
      [['edition'], 'EDITION_OUT_UNWRITABLE', /--out FILE/],
      [['edition', '--out', dir], 'EDITION_OUT_UNWRITABLE', /it is a folder/],
      [
        ['edition', '--out', path.join(dir, 'no', 'e.html')],
        'EDITION_OUT_UNWRITABLE',
        /does not exist/,
      ],
    ] as const) {
      const r = cli([...args])
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`)
      assert.ok(r.stderr.includes(`[${code}]`), r.stderr)
      assert.match(r.stderr, why)
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace')
    }
    assert.equal(cli(['statue']).status, 2)
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f !== 'media'),
      [],
      'nothing written, not even the database',
    )
  })

  it('writes the file the site serves', async () => {
    const storage = await connect(env.DATABASE_URL)
    await migrateToLatest(storage.db)
    const config = loadConfig({ ...env, LOG_LEVEL: 'silent' })
    const app = await buildApp({ config, storage, logger: false })
    try {
      const b = await seedBasics(app)
      await storiesWithPhotos(app, b, { count: 4, photos: 2 })
      const out = path.join(dir, 'edition.html')
      const r = cli(['edition', '--out', out, '--stories', '3'])
      assert.equal(r.status, 0, r.stderr)
      assert.match(r.stdout, /edition\.html: 3 stories, \d+ bytes/)
      const written = fs.readFileSync(out, 'utf8')
      assert.equal(unstamped(written), unstamped((await app.offlineEdition({ stories: 3 })).html))
      assert.ok(written.includes('Headline of story 3') && !written.includes('Headline of story 4'))
      assert.deepEqual(
        fs.readdirSync(dir).filter((f) => f.includes('.tmp')),
        [],
      )
    } finally {
      await app.http.close()
      await storage.close()
    }
  })
})
