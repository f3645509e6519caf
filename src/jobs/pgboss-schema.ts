import type { Storage } from '../storage/index.js'

/** pg-boss's schema: beside ours, since both have a table called `job`. */
export function jobSchemaFor(storage: Pick<Storage, 'schema'>): string {
  return storage.schema ? `${storage.schema}_jobs`.slice(0, 63) : 'pgboss'
}
