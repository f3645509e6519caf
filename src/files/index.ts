export { createMediaStore, type MediaStore } from './media-store.js'
export { storeImageVariants, IMAGE_WIDTHS, type StoredImageFiles } from './images.js'
