export {
  type AddressRow,
  type ReachAddress,
  type ReachKind,
  type ReachList,
  type ReachProblem,
  KIND_NAMES,
  MAX_ADDRESSES,
  MAX_LABEL,
  MAX_TEXT,
  MAX_URL,
  REACH_KINDS,
  checkAddresses,
  reachPageUrl,
} from './address.js'
export {
  type EmailFooter,
  type FooterAdder,
  emailFooter,
  footerAdder,
  footerTransport,
  shortList,
  withFooter,
} from './footer.js'
export { type SigningKey, generateKeyFile, loadKeyFile } from './keys.js'
export { type ReachRepository, createReachRepository } from './reach-repository.js'
export { type ReachService, type ReachServiceDeps, createReachService } from './reach-service.js'
export {
  type ReachPayload,
  type SignedDocument,
  type VerifyResult,
  canonicalJson,
  publicKeyFrom,
  verifyDocument,
} from './signed-list.js'
export { type SosRepository, type SosRow, createSosRepository } from './sos-repository.js'
export {
  type SosService,
  type SosServiceDeps,
  type SosState,
  SOS_KEPT_MS,
  SOS_OFF_KEY,
  SOS_ON_KEY,
  createSosService,
} from './sos.js'
