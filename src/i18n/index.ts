export {
  CATALOGUES,
  type Catalogue,
  type MessageKey,
  type MessageValues,
  catalogueLanguage,
  compileMessage,
  translator,
} from './messages.js'
export { formatMoney, formatNumber } from './money.js'
