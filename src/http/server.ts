import {
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
  createServer as createHttpServer,
} from 'node:http'
import type { TLSSocket } from 'node:tls'
import proxyAddr from '@fastify/proxy-addr'
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
 * Answers a request before Fastify sees it, or says null to let Fastify route it: only the page
 * cache's hits do (ADR 039). It writes the whole response at once, or nothing.
 */
export type FrontAnswer = (
  req: IncomingMessage,
  res: ServerResponse,
  where: Where,
) => { route: string; status: number } | null

/** The scheme and Host a request came with, read as Fastify's request reads them. */
export interface Where {
  protocol: 'http' | 'https'
  host: string
}

/** Told of every answer the front gave (metrics count them with Fastify's). */
export type FrontObserver = (route: string, method: string, status: number) => void

interface Front {
  answer: FrontAnswer | null
  observers: FrontObserver[]
  closing: boolean
  /** Told the first time the front throws: Fastify answers, but every hit has become slow. */
  onFirstError: (err: unknown) => void
}

const fronts = new WeakMap<FastifyInstance, Front>()

/** Puts `answer` in front of `app`'s routing, on the server `app` listens with. */
export function answerBeforeRouting(app: FastifyInstance, answer: FrontAnswer): void {
  frontOf(app).answer = answer
}

export function observeFrontAnswers(app: FastifyInstance, observer: FrontObserver): void {
  frontOf(app).observers.push(observer)
}

function frontOf(app: FastifyInstance): Front {
  const front = fronts.get(app)
  if (!front) throw new Error('not a server made by createServer')
  return front
}

// Fastify's own defaults, which it applies only to a server it creates itself.
const KEEP_ALIVE_TIMEOUT_MS = 72_000

/**
 * The HTTP server Fastify would make, with the front's answer asked first. A front that throws
 * before writing leaves the request to Fastify, which then answers it as it always did.
 */
function serverWithFront(
  front: Front,
  trustProxy: ServerOptions['trustProxy'],
  handler: RequestListener,
): Server {
  const trusted = trustFunctionOf(trustProxy)
  const server = createHttpServer((req, res) => {
    if (front.answer !== null && !front.closing) {
      let answered: ReturnType<FrontAnswer> = null
      try {
        answered = front.answer(req, res, whereOf(req, trusted))
      } catch (err) {
        front.onFirstError(err)
        front.onFirstError = () => {}
        if (res.headersSent) return void res.destroy()
      }
      if (answered) {
        for (const o of front.observers) o(answered.route, req.method ?? '', answered.status)
        return
      }
    }
    handler(req, res)
  })
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  server.requestTimeout = 0
  server.setTimeout(0)
  return server
}

type Trusted = (address: string, hop: number) => boolean

function trustFunctionOf(trustProxy: ServerOptions['trustProxy']): Trusted {
  if (trustProxy === true) return () => true
  if (trustProxy === false) return () => false
  return proxyAddr.compile(trustProxy)
}

/**
 * Fastify's `request.protocol` and `request.host` without its request: the forwarded headers
 * count only from a trusted proxy (the nearest hop), and their last entry is the one it added.
 */
export function whereOf(req: IncomingMessage, trusted: Trusted): Where {
  // An empty header counts as none, as in Fastify.
  const forwarded = req.headers['x-forwarded-proto'] || req.headers['x-forwarded-host']
  const peer = forwarded ? req.socket?.remoteAddress : undefined
  const proxied = peer !== undefined && trusted(peer, 0)
  const proto = proxied ? req.headers['x-forwarded-proto'] : undefined
  const host = proxied ? req.headers['x-forwarded-host'] : undefined
  const scheme = proto ? lastEntry(proto) : (req.socket as TLSSocket).encrypted ? 'https' : 'http'
  return {
    protocol: scheme === 'https' ? 'https' : 'http',
    host: host ? lastEntry(host) : (req.headers.host ?? ''),
  }
}

function lastEntry(value: string | string[]): string {
  const v = Array.isArray(value) ? value.join(',') : value
  const comma = v.lastIndexOf(',')
  return (comma === -1 ? v : v.slice(comma + 1)).trim()
}

/**
 * The one Fastify instance every surface registers on, with what they all share: zod route
 * schemas, no request logging, and one way of answering errors (see `registerErrorHandling`).
 */
export function createServer(opts: ServerOptions): FastifyInstance {
  // Errors found before routing (malformed percent-encoding) get the same page as the rest;
  // the instance that answers them does not exist yet when its options are written.
  let respond: ErrorResponder = async (_e, _q, reply) => reply.code(400).send()
  const front: Front = {
    answer: null,
    observers: [],
    closing: false,
    onFirstError: (err) => {
      if (opts.logger)
        opts.logger.error({ err }, 'page cache front failed; Fastify answers (logged once)')
    },
  }
  const common = {
    trustProxy: opts.trustProxy,
    // Readers' addresses are not logged: for this newsroom's readers, a log is a risk.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: (err, req, reply) => {
      void respond(err, req, reply)
    },
    serverFactory: (handler) => serverWithFront(front, opts.trustProxy, handler),
  } satisfies FastifyServerOptions
  const http: FastifyInstance = opts.logger
    ? Fastify({ ...common, loggerInstance: opts.logger as FastifyBaseLogger })
    : Fastify({ ...common, logger: false })
  fronts.set(http, front)
  // From close() on, Fastify answers every request (503 while it closes).
  http.addHook('preClose', (done) => {
    front.closing = true
    done()
  })
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
