import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import type { FastifyInstance, RouteOptions } from 'fastify'
import { DEFAULT_MAX_UPLOAD_BYTES } from '../files/index.js'
import { loadAsset, loadBuiltAsset, loadStylesheet, serveAsset, sourceDir } from '../http/assets.js'
import { type AdminDeps, createAdminTools } from './deps.js'
import { parseForm } from './http-forms.js'
import { navEntries } from './nav.js'
import { type AdminPipeline, createPipeline } from './pipeline/gate.js'
import type { AdminRequest, AdminRoute, RouteFacts } from './route.js'
import { accountRoutes } from './routes/account.js'
import { articleRoutes } from './routes/articles.js'
import { translationRoutes } from './routes/translations.js'
import { auditRoutes } from './routes/audit.js'
import { authRoutes } from './routes/auth.js'
import { contributionRoutes } from './routes/contributions.js'
import { editionRoutes } from './routes/editions.js'
import { mediaRoutes } from './routes/media.js'
import { newsletterRoutes } from './routes/newsletters.js'
import { privacyRoutes } from './routes/privacy.js'
import { reachRoutes } from './routes/reach.js'
import { redirectRoutes } from './routes/redirects.js'
import { importRoutes } from './routes/imports.js'
import { registerStreamedUploads } from './streamed-upload.js'
import { staffRoutes } from './routes/staff.js'
import { subscriberRoutes } from './routes/subscribers.js'
import { authorPhotoRoutes } from './routes/author-photo.js'
import { frontRoutes } from './routes/fronts.js'
import { taxonomyRoutes } from './routes/taxonomy.js'

export type { AdminDeps } from './deps.js'

/** A route as Fastify registered it in the admin's scope (assets included: they have no facts). */
export interface RegisteredAdminRoute {
  method: string
  url: string
  /** The route's permission and area; undefined for the stylesheet and scripts. */
  facts: RouteFacts | undefined
}

/**
 * The admin's route table: every area's routes. The order is the navigation's (routes with a
 * nav link, admin/nav.ts); nothing else depends on it.
 */
export function adminRoutes(deps: AdminDeps): AdminRoute[] {
  const tools = createAdminTools(deps)
  return [
    ...authRoutes(deps, tools),
    ...accountRoutes(deps, tools),
    ...articleRoutes(deps, tools),
    ...translationRoutes(deps, tools),
    ...mediaRoutes(deps, tools),
    ...taxonomyRoutes(deps, tools),
    ...authorPhotoRoutes(deps, tools),
    ...frontRoutes(deps, tools),
    ...newsletterRoutes(deps, tools),
    ...editionRoutes(deps, tools),
    ...subscriberRoutes(deps, tools),
    ...privacyRoutes(deps, tools),
    ...reachRoutes(deps, tools),
    ...redirectRoutes(deps, tools),
    ...importRoutes(deps, tools),
    ...contributionRoutes(deps, tools),
    ...staffRoutes(deps, tools),
    ...auditRoutes(deps),
  ]
}

function routeOptions(route: AdminRoute, pipeline: AdminPipeline): RouteOptions {
  const { permission, area, nav, missing } = route
  return {
    method: route.method,
    url: route.url,
    ...(route.schema ? { schema: route.schema } : {}),
    config: { admin: { permission, area, nav, missing } },
    preValidation: pipeline.gate(route),
    // The request has passed the route's schemas by now, so its parts have the parsed types.
    handler: (req, reply) => route.handler(req as AdminRequest, reply, req.admin!.ctx),
  }
}

/**
 * The admin as an encapsulated plugin: its form parser, cookies, session lookup, CSRF check and
 * permission check apply to /admin routes only, so reader pages pay nothing for them. Returns
 * the routes it registers, filled in once the app is ready.
 */
export async function registerAdmin(
  app: FastifyInstance,
  deps: AdminDeps,
): Promise<readonly RegisteredAdminRoute[]> {
  const css = loadStylesheet(sourceDir('admin'), 'admin', '/admin/assets')
  // The rich editor is built by `npm run build`; without it the form's textarea is the editor.
  const js = 'text/javascript; charset=utf-8'
  const editorJs = loadBuiltAsset('admin-assets/editor.js', '/admin/assets', js)
  const editorCss = loadBuiltAsset(
    'admin-assets/editor.css',
    '/admin/assets',
    'text/css; charset=utf-8',
  )
  // The edition page's dragging (stories keep their Up and Down buttons without it).
  const editionJs = loadBuiltAsset('admin-assets/edition.js', '/admin/assets', js)
  const passkeyJs = loadAsset(sourceDir('admin'), 'passkey.js', '/admin/assets', js)
  const routes = adminRoutes(deps)
  const pipeline = createPipeline({
    staff: deps.staff,
    nav: navEntries(routes),
    siteName: deps.siteName,
    timeZone: deps.timeZone,
    assets: {
      cssHref: css.href,
      scriptHref: passkeyJs.href,
      ...(editorJs && editorCss ? { editor: { js: editorJs.href, css: editorCss.href } } : {}),
      ...(editionJs ? { editionJs: editionJs.href } : {}),
    },
  })
  const registered: RegisteredAdminRoute[] = []
  const { default: multipart } = await import('@fastify/multipart')
  await app.register(async (scope) => {
    scope.addHook('onRoute', (r) => {
      for (const method of [r.method].flat())
        registered.push({ method, url: r.url, facts: r.config?.admin })
    })
    await scope.register(cookie)
    // Repeated fields (checkboxes) keep every value; see http-forms.ts parseForm.
    await scope.register(formbody, { bodyLimit: 2 * 1024 * 1024, parser: parseForm })
    scope.setErrorHandler(pipeline.onError)
    serveAsset(scope, css)
    serveAsset(scope, passkeyJs)
    if (editorJs && editorCss) {
      serveAsset(scope, editorJs)
      serveAsset(scope, editorCss)
    }
    if (editionJs) serveAsset(scope, editionJs)
    for (const route of routes.filter((r) => !r.upload)) scope.route(routeOptions(route, pipeline))
    // Uploads only, in a scope of their own: nobody else's form is buffered as a file. One file,
    // a few fields, held in memory (20 MB at most) and checked by processUpload before anything
    // is written.
    await scope.register(async (uploads) => {
      await uploads.register(multipart, {
        attachFieldsToBody: 'keyValues',
        limits: {
          fileSize: DEFAULT_MAX_UPLOAD_BYTES,
          files: 1,
          fields: 8,
          parts: 10,
          fieldSize: 100_000,
        },
      })
      for (const route of routes.filter((r) => r.upload === true))
        uploads.route(routeOptions(route, pipeline))
    })
    // The story form: one photo at most, and as many fields as the form has (the body is long,
    // topics and byline names repeat).
    await scope.register(async (stories) => {
      await stories.register(multipart, {
        attachFieldsToBody: 'keyValues',
        limits: {
          fileSize: DEFAULT_MAX_UPLOAD_BYTES,
          files: 1,
          fields: 500,
          parts: 501,
          fieldSize: 4 * 1024 * 1024,
        },
      })
      for (const route of routes.filter((r) => r.upload === 'story'))
        stories.route(routeOptions(route, pipeline))
    })
    const streamed = routes.filter((r) => r.upload === 'stream')
    if (deps.imports && streamed.length)
      await registerStreamedUploads(scope, multipart, deps.imports, (s) => {
        for (const route of streamed) s.route(routeOptions(route, pipeline))
      })
  })
  return registered
}
