import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sanitizeBody } from '../../content/body.js'
import { convertBody } from './body.js'

describe('WordPress bodies', () => {
  it('turns [caption] into a figure whose words go to the image', () => {
    const c = convertBody(
      '[caption id="attachment_9" align="alignnone" width="300"]<a href="/x.jpg"><img src="https://old.example/wp-content/uploads/2019/04/x-300x200.jpg" alt="A boat" /></a> The harbour at dawn[/caption]\n\nText after.',
    )
    assert.deepEqual(c.images, [
      {
        src: 'https://old.example/wp-content/uploads/2019/04/x-300x200.jpg',
        alt: 'A boat',
        caption: 'The harbour at dawn',
      },
    ])
    assert.match(c.html, /<figure data-image-id="@@0@@"><\/figure>/)
    assert.match(c.html, /<p>Text after.<\/p>/)
  })

  it('reads a caption as text: an escaped ampersand is one ampersand, tags are gone', () => {
    const c = convertBody(
      '[caption id="attachment_3" width="300"]<img src="https://old.example/wp-content/uploads/y.jpg" alt="Bread" /> Bread &amp; salt, <em>1998</em>[/caption]',
    )
    assert.equal(c.images[0]?.caption, 'Bread & salt, 1998')
  })

  it('makes Gutenberg blocks our markup: embeds become links, the rest passes the sanitizer', () => {
    const c = convertBody(
      `<!-- wp:heading --><h2>Title</h2><!-- /wp:heading -->
<!-- wp:paragraph --><p>One <strong>two</strong>.</p><!-- /wp:paragraph -->
<!-- wp:quote --><blockquote class="wp-block-quote"><p>Said.</p><cite>Her</cite></blockquote><!-- /wp:quote -->
<!-- wp:list --><ul><li>a</li><li>b</li></ul><!-- /wp:list -->
<!-- wp:embed {"url":"https://video.example/v/1","type":"video"} --><figure class="wp-block-embed"><div>https://video.example/v/1</div></figure><!-- /wp:embed -->
<!-- wp:gallery --><figure class="wp-block-gallery"><figure><img src="https://old.example/wp-content/uploads/a.jpg" alt="A"/></figure><figure><img src="https://old.example/wp-content/uploads/b.jpg" alt="B"/></figure></figure><!-- /wp:gallery -->`,
    )
    assert.equal(c.images.length, 2)
    const clean = sanitizeBody(
      c.html.replace(/@@(\d+)@@/g, (_m, n: string) => String(Number(n) + 1)),
    )
    assert.match(clean, /<h2>Title<\/h2>/)
    assert.match(clean, /<p>One <strong>two<\/strong>.<\/p>/)
    assert.match(clean, /<blockquote><p>Said.<\/p><cite>Her<\/cite><\/blockquote>/)
    assert.match(clean, /<ul><li>a<\/li><li>b<\/li><\/ul>/)
    assert.match(clean, /<a href="https:\/\/video.example\/v\/1" rel="noopener noreferrer">/)
    assert.match(clean, /<figure data-image-id="1"><\/figure><figure data-image-id="2"><\/figure>/)
    assert.doesNotMatch(clean, /wp:|<div|<iframe/)
  })

  it('drops other shortcodes and names them; leaves bracketed prose alone', () => {
    const c = convertBody(
      '[gallery ids="1,2"]\n\nHe said [sic] it. [audio src="x.mp3"][/audio] [contact-form-7 id="3"]',
    )
    assert.deepEqual(c.shortcodes.sort(), ['audio', 'contact-form-7', 'gallery'])
    assert.match(c.html, /He said \[sic\] it\./)
    assert.doesNotMatch(c.html, /gallery|audio|contact/)
  })

  it('gives a classic body its paragraphs', () => {
    assert.equal(convertBody('One\nline two\n\nThree').html, '<p>One<br>line two</p>\n<p>Three</p>')
  })
})
