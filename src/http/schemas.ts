import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifySchemaCompiler,
  FastifyTypeProvider,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify'
import { z } from 'zod'
import { AppError } from '../lib/errors.js'

/**
 * Route schemas are zod schemas: Fastify validates params, query and bodies with them before a
 * handler runs, and the handler sees the parsed (and transformed) values with their types.
 * `fastify-type-provider-zod` does the same in ~200 lines but drags in `@fastify/swagger` and
 * `openapi-types` as required peers; these ~40 lines are all we use of it (ADR 011).
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  readonly validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown
  readonly serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown
}

/** A Fastify instance whose route schemas are zod schemas (see `typed`). */
export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>

type HttpPart = 'body' | 'params' | 'querystring' | 'headers'

/**
 * What a failed check answers. A path that does not parse names no page (404, as an unknown
 * slug would); a bad query string or body is a 400 with each problem listed for a program.
 */
export function refusalFor(part: HttpPart, issues: readonly z.core.$ZodIssue[]): AppError {
  const details = issues.map((i) => `${i.path.join('.') || part}: ${i.message}`)
  if (part === 'params') return new AppError('NOT_FOUND', { status: 404, message: 'Not found' })
  return new AppError('BAD_REQUEST', {
    status: 400,
    message: `The request's ${part === 'querystring' ? 'query' : part} could not be read`,
    details,
  })
}

const compileZod: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const part = (httpPart ?? 'body') as HttpPart
  return (data: unknown) => {
    const r = schema.safeParse(data)
    return r.success ? { value: r.data } : { error: refusalFor(part, r.error.issues) }
  }
}

/**
 * Makes zod the schema language of `app` and its children. Called once on the root instance by
 * app.tsx before any surface registers; surfaces call `typed(app)` for the typed handle.
 */
export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(compileZod)
}

/** The same instance, typed so that a route's schema gives its handler's `req` types. */
export function typed(app: FastifyInstance): TypedApp {
  return app.withTypeProvider<ZodTypeProvider>()
}

// --- Shared parameter schemas -----------------------------------------------------------------

/** A database id as it appears in a path or form: 1 to 12 digits, no leading zero. */
export const IdString = z.string().regex(/^[1-9][0-9]{0,11}$/, 'an id: digits, not starting at 0')

/** The same, as the number a repository takes. */
export const Id = IdString.transform(Number)

/** `/:id` */
export const IdParams = z.object({ id: Id })

/** True when `s` is a well-formed id (for values outside a route schema, e.g. a cookie). */
export function isId(s: unknown): s is string {
  return typeof s === 'string' && IdString.safeParse(s).success
}

/** An id, or undefined when `s` is not one. */
export function parseId(s: unknown): number | undefined {
  return isId(s) ? Number(s) : undefined
}
