import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { convertGhostBody } from './body.js'
import { lexicalHtml } from './lexical.js'
import { mobiledocHtml } from './mobiledoc.js'
import { ghostBody } from './source.js'

const lexical = (children: unknown[]) => JSON.stringify({ root: { type: 'root', children } })

describe('Ghost bodies', () => {
  it('renders lexical: formats, links, headings, lists, quotes, images, code; names unknown cards', () => {
    const dropped = new Set<string>()
    const html = lexicalHtml(
      lexical([
        { type: 'heading', tag: 'h3', children: [{ type: 'text', text: 'Title' }] },
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'bold <x>', format: 1 },
            { type: 'linebreak' },
            { type: 'text', text: 'both', format: 3 },
            {
              type: 'link',
              url: 'https://example.org/',
              children: [{ type: 'text', text: 'here' }],
            },
          ],
        },
        {
          type: 'list',
          listType: 'number',
          children: [{ type: 'listitem', children: [{ type: 'text', text: 'one' }] }],
        },
        { type: 'quote', children: [{ type: 'text', text: 'said' }] },
        {
          type: 'image',
          src: 'https://old.example/content/images/a.jpg',
          alt: 'A',
          caption: 'Cap',
        },
        { type: 'codeblock', code: 'a < b' },
        { type: 'bookmark', url: 'https://example.org/b', metadata: { title: 'B' } },
        { type: 'signup' },
      ]),
      dropped,
    )
    assert.equal(
      html,
      '<h3>Title</h3><p><strong>bold &lt;x&gt;</strong><br><strong><em>both</em></strong><a href="https://example.org/">here</a></p><ol><li>one</li></ol><blockquote><p>said</p></blockquote><figure><img src="https://old.example/content/images/a.jpg" alt="A"><figcaption>Cap</figcaption></figure><pre><code>a &lt; b</code></pre><p><a href="https://example.org/b">B</a></p>',
    )
    assert.deepEqual([...dropped], ['ghost card signup'])
    assert.equal(lexicalHtml('{nope', new Set()), null)
    assert.equal(lexicalHtml('{"a":1}', new Set()), null)
  })

  it('renders mobiledoc markups, atoms, lists and cards', () => {
    const html = mobiledocHtml(
      JSON.stringify({
        markups: [['em'], ['a', ['href', 'https://example.org/']]],
        atoms: [['soft-return', '', {}]],
        cards: [
          ['hr', {}],
          ['markdown', { markdown: '# not parsed\n\n<b>kept as text</b>' }],
        ],
        sections: [
          [
            1,
            'p',
            [
              [0, [0], 0, 'a '],
              [0, [1], 2, 'link'],
              [1, [], 0, 0],
              [0, [], 0, 'b'],
            ],
          ],
          [3, 'ol', [[[0, [], 0, 'x']]]],
          [10, 0],
          [10, 1],
          [1, 'script', [[0, [], 0, 'text']]],
        ],
      }),
      new Set(),
    )
    assert.equal(
      html,
      '<p><em>a <a href="https://example.org/">link</a></em><br>b</p><ol><li>x</li></ol><hr><p># not parsed</p><p>&lt;b&gt;kept as text&lt;/b&gt;</p><p>text</p>',
    )
  })

  it('takes html first, then lexical, then mobiledoc; null when neither can be read', () => {
    const d = new Set<string>()
    assert.equal(ghostBody({ html: '<p>h</p>', lexical: lexical([]) }, d), '<p>h</p>')
    assert.equal(
      ghostBody({ html: '', lexical: lexical([{ type: 'paragraph', children: [] }]) }, d),
      '<p></p>',
    )
    assert.equal(
      ghostBody({ html: null, mobiledoc: '{"sections":[[1,"p",[[0,[],0,"m"]]]]}' }, d),
      '<p>m</p>',
    )
    assert.equal(ghostBody({ html: null, lexical: 'broken', mobiledoc: 'broken' }, d), null)
    assert.equal(ghostBody({ html: null }, d), '')
  })

  it('makes cards links and images slots', () => {
    const c = convertGhostBody(
      '<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://example.org/r?a=1&amp;b=2"><div class="kg-bookmark-content"><div class="kg-bookmark-title">Read &amp; see</div></div></a></figure>' +
        '<figure class="kg-card kg-embed-card"><iframe src="https://video.example/embed/1"></iframe></figure>' +
        '<figure class="kg-card kg-image-card"><img src="__GHOST_URL__/content/images/2020/01/a.jpg" alt="A &amp; B"><figcaption>The <em>caption</em></figcaption></figure>',
    )
    assert.match(c.html, /<a href="https:\/\/example.org\/r\?a=1&amp;b=2">Read &amp; see<\/a>/)
    assert.match(c.html, /<a href="https:\/\/video.example\/embed\/1">/)
    assert.deepEqual(c.images, [
      { src: '__GHOST_URL__/content/images/2020/01/a.jpg', alt: 'A & B', caption: 'The caption' },
    ])
  })
})
