import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify'
import type { Logger } from 'pino'
import { type ErrorRendering, type ErrorResponder, registerErrorHandling } from './errors.js'
import { useZodSchemas } from './schemas.js'

export interface ServerOptions {
  /** Fastify's `trustProxy`: which proxies may tell us the reader's address and scheme. */
  trustProxy: boolean | string[]
  logger?: Logger | false
  /** Draws the error page; asked only when an error happens, so the site may come later. */
  errors: ErrorRendering
}

/**
 * The one Fastify instance every surface registers on, with what they all share: zod route
 * schemas, no request logging, and one way of answering errors (see `registerErrorHandling`).
 */
export function createServer(opts: ServerOptions): FastifyInstance {
  // Errors found before routing (malformed percent-encoding) get the same page as the rest;
  // the instance that answers them does not exist yet when its options are written.
  let respond: ErrorResponder = async (_e, _q, reply) => reply.code(400).send()
  const common = {
    trustProxy: opts.trustProxy,
    // Readers' addresses are not logged: for this newsroom's readers, a log is a risk.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: (err, req, reply) => {
      void respond(err, req, reply)
    },
  } satisfies FastifyServerOptions
  const http: FastifyInstance = opts.logger
    ? Fastify({ ...common, loggerInstance: opts.logger as FastifyBaseLogger })
    : Fastify({ ...common, logger: false })
  useZodSchemas(http)
  respond = registerErrorHandling(http, opts.errors)
  return http
}

/**
 * Stops taking requests and waits up to `graceMs` for those in flight; says how many were still
 * running. The caller closes the database after this.
 */
export async function drain(
  http: FastifyInstance,
  inFlight: () => number,
  graceMs: number,
): Promise<{ abandoned: number }> {
  await http.close()
  const deadline = Date.now() + graceMs
  while (inFlight() > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20))
  }
  return { abandoned: inFlight() }
}
