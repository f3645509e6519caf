export {
  type LocalPath,
  type Redirect,
  type RedirectProblem,
  MAX_PATH,
  checkPath,
  checkRedirect,
  lookupKeys,
} from './redirect.js'
export { type RedirectRepository, createRedirectRepository } from './redirect-repository.js'
export {
  type RedirectService,
  type RedirectServiceDeps,
  createRedirectService,
} from './redirect-service.js'
