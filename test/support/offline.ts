import sharp from 'sharp'
import type { App } from '../../src/app.js'
import { storeImageVariants } from '../../src/files/index.js'
import { type Basics, articleInput } from './factories.js'

/**
 * Photographs as hard to compress as any: coloured noise, so a size limit met with these is
 * met with real photos too.
 */
async function noisyPhoto(seed: number): Promise<Buffer> {
  return sharp({
    create: {
      width: 800,
      height: 450,
      channels: 3,
      background: { r: (seed * 53) % 255, g: 120, b: (seed * 97) % 255 },
      noise: { type: 'gaussian', mean: 128, sigma: 50 },
    },
  })
    .jpeg({ quality: 90 })
    .toBuffer()
}

/**
 * `count` published stories, the newest first in `ids`, each with a lead photo and a photo in
 * its body (`photos` distinct noisy pictures shared between them), and a line of its own that
 * says which story it is (`Body of story N.`).
 */
export async function storiesWithPhotos(
  app: Pick<App, 'content' | 'repo' | 'media'>,
  b: Basics,
  o: { count: number; photos: number },
): Promise<{ ids: number[]; headlines: string[] }> {
  const imageIds: number[] = []
  for (let i = 0; i < o.photos; i++) {
    const files = await storeImageVariants(app.media, await noisyPhoto(i + 1))
    imageIds.push(
      await app.content.createImage(files, {
        alt: `Noise picture ${i + 1}`,
        caption: `Caption of picture ${i + 1}.`,
        credit: 'Test Desk',
      }),
    )
  }
  const ids: number[] = []
  const headlines: string[] = []
  // Made oldest first, so story 1 is the newest.
  for (let n = o.count; n >= 1; n--) {
    const headline = `Headline of story ${n}`
    const a = await app.content.createArticle(
      articleInput(b, {
        slug: `story-${n}`,
        headline,
        leadImageId: imageIds[n % o.photos]!,
        body: `<p>Body of story ${n}.</p><figure data-image-id="${imageIds[(n + 1) % o.photos]!}"></figure><p>More of story ${n}, with <a href="/world">a link home</a>.</p>`,
        publishedAt: new Date(b.now.getTime() - n * 60_000),
      }),
    )
    ids.unshift(a.id)
    headlines.unshift(headline)
  }
  return { ids, headlines }
}
