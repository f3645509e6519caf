import type { Clock } from '../../lib/clock.js'
import type { ImageRepository } from '../repositories/images.js'
import { ImageWords } from '../taxonomy-input.js'
import { parseOrThrow } from '../validation.js'

/** What an uploaded image's files are once stored: a key and the sizes made of it. */
export interface StoredImageFiles {
  storageKey: string
  width: number
  height: number
  widths: number[]
}

/** Recording images in the media library. */
export interface ImageService {
  /**
   * Records an uploaded image with its words. Alt text is required: a blind reader has
   * nothing else. Caption and credit are kept apart, as the reader page shows them.
   */
  createImage(
    files: StoredImageFiles,
    words: { alt: string; caption: string; credit: string },
  ): Promise<number>
}

export function createImageService(deps: {
  repo: Pick<ImageRepository, 'insertImage'>
  clock: Clock
}): ImageService {
  return {
    async createImage(files, words) {
      const w = parseOrThrow(ImageWords, words, 'The image needs its words')
      return deps.repo.insertImage({ ...files, ...w }, deps.clock.now())
    },
  }
}
