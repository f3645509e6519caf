import os from 'node:os'
import { z } from 'zod'
import { CURRENCIES } from './lib/currencies.js'
import { TAG_AUTHORITY } from './lib/tag-uri.js'
import { isTimeZone } from './lib/time-zone.js'
import { type SiteTexts, siteTexts } from './config-site-texts.js'

export { perLanguageSetting, type SiteTexts } from './config-site-texts.js'

/**
 * The one reader of process.env. Every setting documents itself here; `npm start` needs no
 * .env file. An invalid setting stops the process with every problem listed (exit code 2).
 */
const bool = (dflt: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
    .default(dflt ? 'true' : 'false')
    .transform((v) => ['true', '1', 'yes', 'on'].includes(v))

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/
/** First path segments the site or the admin own: no language may be served under them. */
const RESERVED_PREFIXES = new Set(['admin', 'media', 'assets', 'feed', 'api'])

/** `?prepare=` of a PostgreSQL URL (ADR 033), or null; undefined when the URL does not parse. */
function prepareParam(url: string): string | null | undefined {
  try {
    return new URL(url).searchParams.get('prepare')
  } catch {
    return undefined
  }
}

const baseUrl = z
  .string()
  .refine((v) => {
    try {
      const u = new URL(v)
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.pathname === '/' && !u.search
    } catch {
      return false
    }
  }, 'must be an http(s) origin such as https://example.org (no path, no query)')
  .transform((v) => v.replace(/\/$/, ''))

export const ConfigSchema = z.object({
  /** TCP port the web server listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * Interface to bind. 127.0.0.1 behind a reverse proxy; 0.0.0.0 (or ::) to listen on every
   * interface. A name binds its first address only (ADR 039): give 127.0.0.1 or ::1, not localhost.
   */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** SQLite file path (`sqlite:data/masthead.db`, `sqlite::memory:`) or a `postgres://` URL. */
  DATABASE_URL: z
    .string()
    .default('sqlite:data/masthead.db')
    .refine(
      (v) => /^sqlite:.+/.test(v) || /^postgres(ql)?:\/\/.+/.test(v),
      'must start with sqlite: or postgres://',
    )
    .refine(
      (v) => !/^postgres/.test(v) || [undefined, null, 'true', 'false'].includes(prepareParam(v)),
      'its prepare parameter must be true or false (ADR 033)',
    ),
  /**
   * The canonical origin, e.g. https://example.org. Used for <link rel="canonical">, og:url and
   * JSON-LD. Links, feeds and sitemaps always use the address the reader came in on, so mirrors
   * and onion addresses keep working. Optional.
   */
  PUBLIC_URL: baseUrl.optional(),
  /** The .onion origin, sent as an Onion-Location header to readers on other addresses. Optional. */
  ONION_URL: baseUrl
    .refine((v) => new URL(v).hostname.endsWith('.onion'), 'must be a .onion address')
    .optional(),
  /**
   * Which peers may set X-Forwarded-Proto/Host/For: `false`, `true` (any: only behind a proxy
   * that overwrites them), or a comma-separated list of addresses, CIDR ranges or the words
   * loopback, linklocal, uniquelocal.
   */
  TRUST_PROXY: z.string().default('loopback'),
  /**
   * Strict-Transport-Security max-age in seconds, sent on answers to requests that came over
   * HTTPS (directly or, from a trusted proxy, by X-Forwarded-Proto). 0 sends none. Without
   * includeSubDomains: a mirror's other names may still be served over plain HTTP.
   */
  /**
   * Opens GET /metrics (Prometheus text format) to requests carrying
   * `Authorization: Bearer <token>`; unset, /metrics does not exist. At least 24 characters.
   */
  METRICS_TOKEN: z.string().min(24).optional(),
  HSTS_MAX_AGE: z.coerce.number().int().min(0).max(63_072_000).default(15_552_000),
  /**
   * Host names this site answers to, comma-separated; `*.example.net` matches any subdomain.
   * Empty (the default) answers to any host, which is what rotating mirrors need; set it when
   * a proxy in front might pass a client's X-Forwarded-Host through. Others get 421.
   */
  ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine(
      (hs) => hs.every((h) => /^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/.test(h)),
      'list host names such as example.org, *.mirror.example.net, abc.onion',
    ),
  /**
   * SMTP servers for outgoing email, comma-separated, tried in order (fail-over), e.g.
   * `smtp://user:pass@mail.example.org:587,smtp://backup.example.net:25`. Empty: messages are
   * written as .eml files under MAIL_DIR and the log says where.
   */
  SMTP_URL: z.string().default(''),
  /** Sender of the newsroom's email, e.g. `newsroom@example.org`. */
  MAIL_FROM: z
    .string()
    .default('newsroom@example.invalid')
    .refine(
      (v) => /^[^\s@<>()[\]\\,;:"]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(v),
      'must be an email address',
    ),
  /** Where email goes when SMTP_URL is empty. */
  MAIL_DIR: z.string().min(1).default('data/mail'),
  /** Connections open at once to each SMTP server. */
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
  /** Messages per second at most (0: no limit), to stay under a provider's sending limit. */
  SMTP_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(0),
  /** DKIM signing: the domain, the selector and a file with the PEM private key; all or none. */
  DKIM_DOMAIN: z.string().default(''),
  DKIM_SELECTOR: z.string().default(''),
  DKIM_PRIVATE_KEY_FILE: z.string().default(''),
  /**
   * The topic whose articles are the editors' picks: a new newsletter edition suggests them
   * first. Tag stories with it in the admin; readers see them at /topic/<slug> too.
   */
  EDITORS_PICK_TOPIC: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a topic slug such as editors-picks')
    .default('editors-picks'),
  /**
   * `on`: `serve` also runs the worker (jobs: newsletter sends and schedules) in the web
   * process, for single-machine setups. `off`: run `masthead worker` separately.
   */
  WORKER: z.enum(['on', 'off']).default('on'),
  /**
   * Web processes `serve` runs on one port (node:cluster, ADR 034): `1` (one process, the
   * default), a number up to 64, or `auto` (one per core). Each keeps its own page cache of
   * PAGE_CACHE_MAX_MB; purges reach them all, on SQLite too. With WORKER=on, the first runs it.
   */
  WEB_PROCESSES: z
    .string()
    .default('1')
    .refine(
      (v) => v === 'auto' || (/^[0-9]{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 64),
      'must be auto or a whole number from 1 to 64',
    )
    .transform((v) => (v === 'auto' ? os.availableParallelism() : Number(v))),
  /**
   * Set by `serve` for each of its web processes (1…WEB_PROCESSES); 0 for a process on its
   * own. Not for operators: /healthz reports it and the database connections are named by it.
   */
  MASTHEAD_WEB_PROCESS: z.coerce.number().int().min(0).max(64).default(0),
  /**
   * How long a worker sending an edition may go silent before another worker takes over the
   * send. Lower: faster recovery after a crash; higher: more patience with a slow database.
   */
  SEND_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  /**
   * How long after its last heartbeat (written every 10 s) a worker counts as gone: past this,
   * `GET /healthz` says the worker is `stale`, and `GET /healthz?worker=required` answers 503.
   */
  WORKER_STALE_SECONDS: z.coerce.number().int().min(20).max(3600).default(60),
  /**
   * Shared secret of the bounce and complaint webhook (POST /webhooks/mail): the provider signs
   * each body with HMAC-SHA256 (header X-Masthead-Signature: sha256=<hex>) or, like Amazon SNS,
   * sends it as the Basic-auth password. Empty: the webhook refuses every call.
   */
  MAIL_WEBHOOK_SECRET: z
    .string()
    .default('')
    .refine(
      (v) => v === '' || v.length >= 24,
      'use at least 24 characters (e.g. openssl rand -hex 16)',
    ),
  /**
   * PEM file with the Ed25519 key that signs the newsroom's addresses at /reach.json (make one
   * with `masthead keys generate`; keep it 0600 and backed up). Empty: the list is served
   * unsigned (`"signed": false`) and the admin says so. A file that cannot be read stops `serve`.
   */
  REACH_KEY_FILE: z.string().default(''),
  /** Publication name shown in the masthead, titles, feeds and structured data. */
  SITE_NAME: z.string().min(1).max(120).default('The Lantern'),
  /** One sentence about the publication, used as the home page description and in feeds. */
  SITE_DESCRIPTION: z
    .string()
    .max(300)
    .default('Independent reporting on Varesia, from a newsroom in exile.'),
  /** BCP 47 language of the site's interface and default for articles. */
  SITE_LANGUAGE: z
    .string()
    .regex(LANGUAGE_TAG, 'must be a language tag such as en or pt-BR')
    .default('en'),
  /**
   * The site's languages, comma-separated (`en,ru`): the first is served at `/`, each other under
   * its own prefix (`/ru/…`), with its own front page, sections, feeds, sitemaps, search and
   * newsletters (ADR 026). Unset: SITE_LANGUAGE alone. When both are set, SITE_LANGUAGE must be
   * the first.
   */
  SITE_LANGUAGES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((l) => LANGUAGE_TAG.test(l)),
      'must be language tags separated by commas, such as en,ru',
    )
    .refine(
      (list) => new Set(list.map((l) => l.toLowerCase())).size === list.length,
      'names a language twice',
    )
    .refine(
      (list) => list.every((l) => !RESERVED_PREFIXES.has(l.toLowerCase())),
      'a language prefix would hide a page of the site (admin, media, assets…)',
    ),
  /**
   * The newsroom's time zone (IANA, such as Europe/Riga): times on reader pages, in emails and in
   * the admin are shown in it, and staff type times in it. Addresses keep their UTC month.
   */
  TIME_ZONE: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Riga or UTC')
    .default('UTC'),
  /**
   * The site's logo for structured data (NewsArticle's publisher, the home page's Organization):
   * an https URL or a path on this site. Unset: /logo.svg, drawn from SITE_NAME.
   */
  SITE_LOGO_URL: z
    .string()
    .refine(
      (v) => /^\/(?!\/)\S*$/.test(v) || /^https?:\/\/\S+$/.test(v),
      'must be a path on this site (/logo.png) or an http(s) URL',
    )
    .optional(),
  /**
   * Whose feed item ids these are, once and for all: a domain name (or email address) the
   * newsroom held, a comma and a date it held it, e.g. `lantern.example,2026`. Every item's id
   * is then `tag:THIS:article/ID`, the same on every mirror and the onion address (ADR 018).
   * Set it before the first reader subscribes and never change it: a new value makes every
   * story new again in every feed reader. Unset: derived from SITE_NAME under masthead.invalid.
   */
  FEED_ID_AUTHORITY: z
    .string()
    .regex(
      TAG_AUTHORITY,
      'must be a lower-case domain or email, a comma and a date: example.org,2026',
    )
    .optional(),
  /** Keep rendered pages in memory and purge them exactly when their content changes. */
  PAGE_CACHE: bool(true),
  /** Upper bound for the page cache, in megabytes. */
  PAGE_CACHE_MAX_MB: z.coerce.number().min(1).max(4096).default(32),
  /** Folder for uploaded and generated images (and in `imports/`, exports being imported). */
  MEDIA_DIR: z.string().min(1).default('data/media'),
  /** The largest export the admin takes as an upload, in megabytes; larger: `masthead import`. */
  IMPORT_UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(1024),
  /** On `serve`, write the demo publication into an empty database. */
  SEED_DEMO_WHEN_EMPTY: bool(true),
  /**
   * Stripe secret key (sk_live_… or sk_test_…). Empty: card payments use the built-in test
   * gateway (no money moves, pages say TEST MODE); in production no card payment is offered.
   */
  STRIPE_SECRET_KEY: z
    .string()
    .regex(
      /^(sk|rk)_(test|live)_[A-Za-z0-9]+$/,
      'must be a Stripe secret key (sk_test_… or sk_live_…)',
    )
    .optional(),
  /** Signing secret of the Stripe webhook endpoint at /webhooks/stripe (whsec_…). */
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/=_-]+$/, 'must be a Stripe webhook secret (whsec_…)')
    .optional(),
  /** Where the Stripe API is: only for tests and local stubs (http://127.0.0.1:port). */
  STRIPE_API_URL: baseUrl.optional(),
  /** Currency the appeal shows first; readers can choose another the appeal offers. */
  CONTRIBUTION_CURRENCY: z
    .string()
    .transform((v) => v.toUpperCase())
    .refine(
      (v) => Object.hasOwn(CURRENCIES, v),
      `must be one of ${Object.keys(CURRENCIES).join(', ')}`,
    )
    .default('EUR'),
  /** Days the banner and appeal stay hidden on a device after its reader contributed. */
  SUPPORTER_HIDE_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Days "Remind me later" hides the banner and appeal on that device. */
  REMIND_LATER_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /**
   * Request header in which the newsroom's CDN names the reader's country (e.g. CF-IPCountry),
   * for the appeal's safety rules. Empty: only the reader's own choice counts. Never looked up.
   */
  COUNTRY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]*$/, 'must be a header name such as CF-IPCountry')
    .default('')
    .transform((v) => v.toLowerCase()),
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** production turns off pretty errors in logs and demo seeding defaults stay as set. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
})

export type Config = z.infer<typeof ConfigSchema> & SiteTexts

/** The site's name and description, base and per language, as the reader site takes them. */
export function siteWords(c: Config) {
  return {
    name: c.SITE_NAME,
    description: c.SITE_DESCRIPTION,
    names: c.SITE_NAMES,
    descriptions: c.SITE_DESCRIPTIONS,
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** Parses settings from an environment-like object; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const cleaned = Object.fromEntries(
    Object.keys(ConfigSchema.shape)
      .map((k) => [k, env[k]] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  )
  const parsed = ConfigSchema.safeParse(cleaned)
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    )
  }
  const languages = parsed.data.SITE_LANGUAGES
  if (languages.length === 0) languages.push(parsed.data.SITE_LANGUAGE)
  else if (cleaned.SITE_LANGUAGE !== undefined && cleaned.SITE_LANGUAGE !== languages[0])
    throw new ConfigError([
      `SITE_LANGUAGE (${cleaned.SITE_LANGUAGE}) must be the first of SITE_LANGUAGES (${languages.join(',')}), or unset`,
    ])
  else parsed.data.SITE_LANGUAGE = languages[0]!
  const textProblems: string[] = []
  const texts = siteTexts(env, parsed.data, textProblems)
  if (textProblems.length > 0) throw new ConfigError(textProblems)
  const d = parsed.data
  const dkim = [d.DKIM_DOMAIN, d.DKIM_SELECTOR, d.DKIM_PRIVATE_KEY_FILE]
  if (dkim.some(Boolean) && !dkim.every(Boolean))
    throw new ConfigError([
      'DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE: set all three to sign email, or none',
    ])
  return { ...parsed.data, ...texts }
}

/** fastify's trustProxy option from the TRUST_PROXY setting. */
export function trustProxyOption(value: string): boolean | string[] {
  const v = value.trim().toLowerCase()
  if (v === 'true') return true
  if (v === 'false' || v === '') return false
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}
