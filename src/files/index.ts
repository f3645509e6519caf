export { createMediaStore, storedSize, type MediaStore } from './media-store.js'
export { storeImageVariants, smallJpeg, IMAGE_WIDTHS, type StoredImageFiles } from './images.js'
export {
  processUpload,
  removeStoredImage,
  sniffImageType,
  DEFAULT_MAX_UPLOAD_BYTES,
  DEFAULT_MAX_UPLOAD_PIXELS,
  type StoredUpload,
  type UploadLimits,
  type UploadRefusal,
  type UploadSourceType,
} from './upload.js'
