export {
  exportStatic,
  injectRender,
  RENDER_HOST,
  RENDER_ORIGIN,
  type StaticExportResult,
} from './static-export.js'
export { createRenderPool, type Render } from './render-pool.js'
export { ExportInputError, MANIFEST, openOutDir } from './out-dir.js'
export { createProgress } from './progress.js'
export { writeArchive } from './archive.js'
export { mirrorBase } from './paths.js'
