import { localPath } from '../http/local-path.js'
import {
  createRedirectRepository,
  createRedirectService,
  type RedirectService,
} from '../imports/index.js'
import type { Clock } from '../lib/clock.js'
import type { Storage } from '../storage/index.js'

export type { RedirectService }

/** Redirects from old addresses, with the site's rule for a local path (ADR 025). */
export function redirectsFor(
  storage: Storage,
  clock: Clock,
  onChange: () => void,
): RedirectService {
  return createRedirectService({
    repo: createRedirectRepository(storage.db),
    clock,
    localPath: (v) => localPath(v),
    onChange,
  })
}
