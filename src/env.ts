import { z } from 'zod'

import { keyRingProblem } from './domain/credentials/keyRing'
import { originListProblem } from './security/origins'
import { trustProxyProblem } from './security/trustProxy'

/**
 * Every environment variable the product reads, validated once at start-up.
 * Unset optional services fall back to embedded defaults (DESIGN §2).
 */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Public base URL of the web process, used in links and the admin. */
    SERVER_URL: z.url().optional(),
    /** PostgreSQL connection string; unset → an embedded server under DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    /** Signs tokens and cookies; required in production. */
    PAYLOAD_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Where embedded services keep their data (database, uploads). */
    DATA_DIR: z.string().min(1).default('.data'),
    /** Port of the embedded PostgreSQL (not 5432, which a system server may hold). */
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    /** Seed demo data when the database is empty (always on in development). */
    SEED_DEMO_DATA: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === 'true')),
    /** Redis for queues, live events and rate limits; unset → all of them in-process. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .optional(),
    /** Outgoing mail server; unset → mail is printed to the console. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
    /** Sender when a website has none of its own. */
    MAIL_FROM_ADDRESS: z.email().default('no-reply@scriptorium.localhost'),
    MAIL_FROM_NAME: z.string().min(1).default('Scriptorium'),
    /** Prefix of every Redis key this deployment writes (BullMQ queues, events, limits). */
    REDIS_PREFIX: z.string().regex(/^[a-z0-9_-]+$/, 'letters, digits, dashes').default('scriptorium'),
    /** `off`: every request reads the signed-in person from the database (src/security/userCache.ts). */
    USER_CACHE: z.enum(['on', 'off']).default('on'),
    /** `off`: every public content GET builds its answer from the database (src/content/http/answerCache.ts). */
    CONTENT_CACHE: z.enum(['on', 'off']).default('on'),
    /** `off`: every request resolves its website and reads its price list from the database (src/operations/websiteCache.ts). */
    WEBSITE_CACHE: z.enum(['on', 'off']).default('on'),
    /** S3-compatible storage for uploads; unset → files under DATA_DIR/uploads. */
    S3_BUCKET: z.string().min(3).optional(),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** Path-style URLs (MinIO and most self-hosted servers). */
    S3_FORCE_PATH_STYLE: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /**
     * Which proxies in front of the web process may name the client's address in
     * X-Forwarded-For: a hop count (`1`) or a comma-separated list of addresses, CIDRs
     * or names (`loopback`, `uniquelocal`). Unset: none, the socket's peer is the client.
     */
    TRUST_PROXY: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        const problem = value === undefined ? null : trustProxyProblem(value)
        if (problem) ctx.addIssue({ code: 'custom', message: `${problem} (a hop count, or addresses, CIDRs and loopback/linklocal/uniquelocal separated by commas)` })
      }),
    /**
     * Browser origins allowed to call the API with credentials besides the websites'
     * own domains (which come from the database): comma-separated `scheme://host[:port]`.
     */
    CORS_ORIGINS: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        const problem = value === undefined ? null : originListProblem(value)
        if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; separate origins with commas` })
      }),
    /**
     * Keys sealing class-portal credentials: `kid:base64key[,kid:base64key…]`, 32-byte
     * keys, the first sealing, the others only opening (rotation: put the new key first,
     * run `npm run credentials:reencrypt`, then drop the old one). Required in production;
     * elsewhere unset → a development key derived from PAYLOAD_SECRET.
     */
    CREDENTIALS_KEY: z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        const problem = value === undefined ? null : keyRingProblem(value)
        if (problem) ctx.addIssue({ code: 'custom', message: `${problem} (kid:base64key[,kid:base64key…], each key 32 bytes)` })
      }),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Stripe: secret key and webhook signing secret; unset → the stripe provider is off. */
    STRIPE_SECRET_KEY: z.string().startsWith('sk_', 'must be a Stripe secret key (sk_…)').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'must be a webhook signing secret (whsec_…)').optional(),
    /** Where the Stripe SDK sends requests (tests point it at a local recorder). */
    STRIPE_API_URL: z.url().optional(),
    /**
     * The `manual` payment provider (bank transfer, cash; an admin confirms the money
     * arrived). `false` switches it off on every website; otherwise it is on everywhere
     * outside production, and in production on the websites that tick
     * `settings.payments.manualEnabled` (`true` cannot switch it on for the others).
     */
    PAYMENTS_MANUAL_ENABLED: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
    /**
     * GraphQL introspection (`__schema`, `__type`): what schema-driven clients and code
     * generators read. Unset: on outside production, off in production.
     */
    GRAPHQL_INTROSPECTION: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
    /** The GraphQL playground page (`/api/graphql-playground`). Unset: on outside production, off in production. */
    GRAPHQL_PLAYGROUND: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  })

export type Env = z.infer<typeof schema>

export class EnvError extends Error {}

/** Whether GraphQL answers introspection, and serves its playground: as set, else everywhere but production. */
export const graphqlSwitches = (settings: Env) => ({
  introspection: settings.GRAPHQL_INTROSPECTION ?? settings.NODE_ENV !== 'production',
  playground: settings.GRAPHQL_PLAYGROUND ?? settings.NODE_ENV !== 'production',
})

/** Parses an environment; the error names the first bad variable in one line. */
export const parseEnv = (source: Record<string, string | undefined>): Env => {
  // Treat empty strings as unset, the way .env files and compose leave them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
  const result = schema.safeParse(cleaned)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const name = issue.path.join('.') || 'environment'
  const value = cleaned[name]
  const shown = value === undefined ? 'missing' : 'invalid'
  throw new EnvError(`Environment variable ${name} is ${shown}: ${issue.message}`)
}

/**
 * What a production process must have on top of the schema. Checked by the server
 * entry, not at config load, so that `next build` works without a database.
 */
export const assertProductionReady = (settings: Env): void => {
  if (settings.NODE_ENV !== 'production') return
  for (const name of ['PAYLOAD_SECRET', 'DATABASE_URL', 'CREDENTIALS_KEY'] as const) {
    if (!settings[name]) throw new EnvError(`Environment variable ${name} is missing: required in production`)
  }
}

let cached: Env | undefined

/** The validated process environment, parsed on first use. */
export const env = (): Env => (cached ??= parseEnv(process.env))

/** Parses again after the process environment changed (tests set it per file). */
export const reloadEnv = (): Env => {
  cached = undefined
  return env()
}

/** Development-only secret so that a fresh clone starts without configuration. */
export const DEV_PAYLOAD_SECRET = 'scriptorium-development-secret-not-for-production'
