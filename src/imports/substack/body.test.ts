import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { unsafeName } from './archive.js'
import { convertSubstackBody, originalImageUrl } from './body.js'

describe('Substack bodies', () => {
  it('drops buttons, links videos, and names images by the original the CDN wraps', () => {
    const c = convertSubstackBody(
      `<p>Text</p><p class="button-wrapper" data-attrs='{"url":"https://x.substack.com/subscribe?"}'><a class="button primary" href="https://x.substack.com/subscribe?"><span>Sign up</span></a></p>
<div id="youtube2-abc" class="youtube-wrap" data-attrs="{&quot;videoId&quot;:&quot;abc_D-1&quot;}"><div class="youtube-inner"><iframe src="https://www.youtube-nocookie.com/embed/abc_D-1"></iframe></div></div>
<div class="captioned-image-container"><figure><a class="image-link" href="#"><picture><img src="https://substackcdn.com/image/fetch/w_1456,c_limit/https%3A%2F%2Fsubstack-post-media.s3.amazonaws.com%2Fpublic%2Fimages%2Fab12_800x600.png" alt="Map"></picture></a><figcaption class="image-caption">The map</figcaption></figure></div>`,
    )
    assert.deepEqual(c.shortcodes, ['substack button'])
    assert.doesNotMatch(c.html, /Sign up/)
    assert.match(c.html, /href="https:\/\/www.youtube.com\/watch\?v=abc_D-1"/)
    assert.deepEqual(c.images, [
      {
        src: 'https://substack-post-media.s3.amazonaws.com/public/images/ab12_800x600.png',
        alt: 'Map',
        caption: 'The map',
      },
    ])
    assert.equal(originalImageUrl('https://example.org/a.png'), 'https://example.org/a.png')
  })

  it('calls a zip entry unsafe when it would land outside the export', () => {
    for (const n of ['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'a\\..\\x', 'a\0b'])
      assert.ok(unsafeName(n), n)
    for (const n of ['posts.csv', 'export/posts/1.a.html', 'a..b/c']) assert.ok(!unsafeName(n), n)
  })
})
