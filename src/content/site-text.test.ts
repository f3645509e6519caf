import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestStorage, skipFor, testDialects } from '../../test/support/dialects.js'
import type { Storage } from '../storage/index.js'
import {
  MAX_SITE_TEXT,
  type SiteTextService,
  createSiteTextRepository,
  createSiteTextService,
  defaultPrivacyHtml,
} from './site-text.js'

for (const dialect of testDialects) {
  describe(`${dialect}: site texts`, { skip: await skipFor(dialect) }, () => {
    let storage: Storage
    let texts: SiteTextService
    const changes: string[][] = []

    before(async () => {
      storage = await openTestStorage(dialect)
      texts = createSiteTextService({
        repo: createSiteTextRepository(storage.db),
        onChange: (keys) => changes.push(keys),
      })
    })
    after(() => storage?.close())

    it('shows the built-in privacy text until the newsroom saves its own', async () => {
      assert.deepEqual(await texts.privacyHtml(), { html: defaultPrivacyHtml(), custom: false })
      const stored = await texts.savePrivacy(
        '<p onclick="x()">Our own words.</p><script>x</script>',
      )
      assert.equal(stored, '<p>Our own words.</p>')
      assert.deepEqual(await texts.privacyHtml(), { html: '<p>Our own words.</p>', custom: true })
      assert.deepEqual(changes, [['privacy']])
    })

    it('brings the built-in text back when the saved one is empty', async () => {
      await texts.savePrivacy('<p>  </p>')
      assert.equal((await texts.privacyHtml()).custom, false)
    })

    it('refuses a text past the bound, keeping what was there', async () => {
      await texts.savePrivacy('<p>Kept.</p>')
      await assert.rejects(texts.savePrivacy('x'.repeat(MAX_SITE_TEXT + 1)), {
        code: 'VALIDATION_FAILED',
      })
      assert.equal((await texts.privacyHtml()).html, '<p>Kept.</p>')
    })

    it('never touches the other settings', async () => {
      await storage.db.insertInto('setting').values({ key: 'secret', value: 's3cret' }).execute()
      await texts.savePrivacy('')
      const secret = await storage.db
        .selectFrom('setting')
        .select('value')
        .where('key', '=', 'secret')
        .executeTakeFirst()
      assert.equal(secret?.value, 's3cret')
    })
  })
}
