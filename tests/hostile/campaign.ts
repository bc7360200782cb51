import { createHash } from 'node:crypto'

import fc from 'fast-check'
import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql'
import type { Payload, Where } from 'payload'

import { DEMO_PASSWORD } from '../../src/seed/demoData'

import { graphqlRequests } from './graphql'
import { knownOpen } from './knownOpen'
import { type OpenApiDocument, type Route, routesOf } from './openapi'
import { sendRaw } from './transport'
import { type ActorName, type HostileRequest, requestsFor, type Targets } from './requests'
import { type Answer, graphqlRefusedAll, judge, judgeGraphql } from './verdict'
import { changedTables, snapshot, type Snapshot } from './writes'

export type CampaignOptions = {
  /** Requests per REST route. */
  runs: number
  /** Requests to /api/graphql (default: ten per REST route's runs). */
  graphqlRuns?: number
  seed: number
  /** Only routes whose key (`POST /api/orders/{id}`) matches; `graphql` for GraphQL. */
  only?: RegExp
  /** Keep every answer's time and print the slowest (the long form). */
  timeAll?: boolean
  log?: (line: string) => void
}

export type Finding = { route: string; actor: ActorName; request: string; note: string; problems: string[] }

export type Figures = {
  seed: number
  routes: number
  requests: number
  serverErrors: number
  writes: number
  byStatus: Record<number, number>
  slowest: { route: string; ms: number; note: string }[]
  findings: Finding[]
  /** Findings of KNOWN_OPEN (fixed elsewhere): printed, not failed. */
  known: (Finding & { why: string })[]
  seconds: number
}

/** Routes of the document the campaign leaves to their own tests, each with why. */
export const NOT_CAMPAIGNED: Record<string, string> = {
  '/api/graphql': 'driven from its schema instead (every query and mutation with hostile arguments, and hostile documents)',
  '/api/events': 'a stream that stays open for as long as the client listens (tests/int/liveEvents.test.ts)',
  '/api/events/test': 'a stream, as /api/events',
  '/healthz': 'a probe of the process, served before the edge; it reads no input',
  '/readyz': 'a probe of PostgreSQL and Redis, served before the edge; it reads no input',
  '/api/og': "Next's image route (Payload's OG images), answered by Next, which the campaign's server does not start",
  '/admin/queues': "BullMQ's dashboard (bull-board) for logged-in superadmins, mounted by the web process only (tests/int/queueDashboard.test.ts)",
}

const ALPHA = 'alpha.test'
const BETA = 'beta.test'

type Actor = { email?: string; host: string; loginHost?: string; token?: string }

/** The same number for the same seed and route, whatever else the document holds. */
const routeSeed = (seed: number, key: string) => createHash('sha256').update(`${seed}:${key}`).digest().readInt32LE(0)

/**
 * `total` values of `arbitrary`, made a batch at a time (a request may carry megabytes:
 * thousands made at once exhaust the heap), each batch from its own seed so a run replays.
 */
function* samples<T>(arbitrary: fc.Arbitrary<T>, total: number, seed: number, key: string): Generator<T> {
  const BATCH = 25
  for (let start = 0, batch = 0; start < total; start += BATCH, batch += 1) {
    yield* fc.sample(arbitrary, { numRuns: Math.min(BATCH, total - start), seed: routeSeed(seed, `${key}#${batch}`) })
  }
}

const excerpt = (text: string | undefined, max = 300) => (text === undefined ? '' : text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text)

/** Real records of both websites (the campaign aims at Alpha's, as Beta's admin too). */
const findTargets = async (payload: Payload): Promise<Targets> => {
  const tenants = (await payload.find({ collection: 'tenants', depth: 0, limit: 10 })).docs
  const alpha = tenants.find((t) => t.slug === 'alpha')!.id
  const beta = tenants.find((t) => t.slug === 'beta')!.id
  const targets: Targets = { ids: {}, otherIds: {}, filenames: {}, collections: new Set(payload.config.collections.map((c) => c.slug)) }
  for (const collection of payload.config.collections) {
    const slug = collection.slug as 'orders'
    if (collection.endpoints === false || slug === ('payload-migrations' as string)) continue
    const names = new Set(collection.flattenedFields.map((f) => f.name))
    const of = (tenant: number): Where | undefined => (names.has('tenant') ? { tenant: { equals: tenant } } : names.has('tenants') ? { 'tenants.tenant': { equals: tenant } } : slug === ('tenants' as string) ? { id: { equals: tenant } } : undefined)
    const find = async (where: Where | undefined, limit: number) => (await payload.find({ collection: slug, where, limit, sort: '-id', depth: 0 })).docs as unknown as Record<string, unknown>[]
    const own = await find(of(alpha), 4)
    targets.ids[slug] = own.map((d) => d.id as number)
    targets.otherIds[slug] = of(beta) ? (await find(of(beta), 2)).map((d) => d.id as number) : []
    if (collection.upload) targets.filenames[slug] = own.map((d) => d.filename).filter((f): f is string => typeof f === 'string')
  }
  return targets
}

/** The GraphQL schema as a frontend sees it (introspection), or Payload's own once it has built it. */
const graphqlSchemaOf = async (send: (body: string, actor: Actor) => Promise<Answer>, anonymous: Actor): Promise<GraphQLSchema | null> => {
  const answer = await send(JSON.stringify({ query: getIntrospectionQuery() }), anonymous)
  const data = (answer.body as { data?: IntrospectionQuery } | null)?.data
  if (data?.__schema) return buildClientSchema(data)
  const cached = (globalThis as { _payload_graphql?: { graphql?: { schema?: GraphQLSchema } } })._payload_graphql
  return cached?.graphql?.schema ?? null
}

/**
 * Runs the campaign: every operation of the document with generated hostile requests,
 * as anonymous, a client and a writer of Alpha, and Beta's admin (on Alpha's host and on
 * its own), then GraphQL from its schema. Judges every answer and checks that nothing
 * refused wrote a row. Answers the figures; findings are collected, not thrown, so one
 * run lists them all.
 */
export const runCampaign = async (payload: Payload, server: { base: string }, document: OpenApiDocument, options: CampaignOptions): Promise<Figures> => {
  const started = Date.now()
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`))
  let addresses = 0
  /** Each request from its own address (X-Forwarded-For, the server trusting loopback), so rate limits count no two alike. */
  const rest = async (method: string, url: string, actor: Actor, headers: Record<string, string> = {}, body?: string) => {
    addresses += 1
    const all: Record<string, string> = { host: actor.host, ...headers, 'x-forwarded-for': `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}` }
    if (actor.token) all.authorization = `JWT ${actor.token}`
    try {
      return await sendRaw(server.base, method, url, all, method === 'GET' || method === 'HEAD' ? undefined : body)
    } catch (error) {
      // The server dropped the connection instead of answering: judged as a 5xx would be.
      return { status: 599, body: { transport: String((error as Error).message) }, headers: new Headers() }
    }
  }
  const sendGraphql = async (body: string, actor: Actor, contentType = 'application/json') => rest('POST', '/api/graphql', actor, { 'content-type': contentType }, body)

  const actors: Record<ActorName, Actor> = {
    anonymous: { host: ALPHA },
    client: { email: 'client@alpha.test', host: ALPHA },
    writer: { email: 'writer@alpha.test', host: ALPHA },
    otherAdmin: { email: 'admin@beta.test', host: ALPHA, loginHost: BETA },
    otherAdminHere: { email: 'admin@beta.test', host: BETA },
  }
  const logIn = async (actor: Actor) => {
    if (!actor.email) return
    let answer = await rest('POST', '/api/users/login', { host: actor.loginHost ?? actor.host }, { 'content-type': 'application/json' }, JSON.stringify({ email: actor.email, password: DEMO_PASSWORD }))
    if (answer.status !== 200) {
      // A campaign request changed the password (a 2xx it was allowed): put it back.
      const { docs } = await payload.find({ collection: 'users', where: { email: { equals: actor.email } }, depth: 0 })
      if (!docs[0]) throw new Error(`the campaign lost ${actor.email}`)
      await payload.update({ collection: 'users', id: docs[0].id, data: { password: DEMO_PASSWORD, lockUntil: null, loginAttempts: 0 } as never })
      answer = await rest('POST', '/api/users/login', { host: actor.loginHost ?? actor.host }, { 'content-type': 'application/json' }, JSON.stringify({ email: actor.email, password: DEMO_PASSWORD }))
    }
    actor.token = (answer.body as { token?: string } | null)?.token
    if (!actor.token) throw new Error(`${actor.email} cannot log in: ${answer.status} ${JSON.stringify(answer.body)}`)
  }
  /** Logs actors in again when a request they were allowed ended their session. */
  const refreshActors = async () => {
    for (const actor of Object.values(actors)) {
      if (!actor.email) continue
      const me = await rest('GET', '/api/users/me', actor)
      if (!(me.body as { user?: unknown } | null)?.user) await logIn(actor)
    }
  }
  for (const actor of Object.values(actors)) await logIn(actor)
  const targets = await findTargets(payload)

  const figures: Figures = { seed: options.seed, routes: 0, requests: 0, serverErrors: 0, writes: 0, byStatus: {}, slowest: [], findings: [], known: [], seconds: 0 }
  const slow = (route: string, ms: number, note: string) => {
    figures.slowest.push({ route, ms, note })
    figures.slowest.sort((a, b) => b.ms - a.ms)
    figures.slowest.length = Math.min(figures.slowest.length, options.timeAll ? 10 : 3)
  }
  let before: Snapshot = await snapshot(payload)
  const record = async (route: string, actor: ActorName, request: string, note: string, answer: Answer, problems: string[], refused: boolean, ms: number) => {
    figures.requests += 1
    figures.byStatus[answer.status] = (figures.byStatus[answer.status] ?? 0) + 1
    if (answer.status >= 500) figures.serverErrors += 1
    slow(route, ms, note)
    const after = await snapshot(payload)
    if (refused) {
      const changed = changedTables(before, after)
      if (changed.length > 0) {
        figures.writes += 1
        problems = [...problems, `refused (${answer.status}) but wrote: ${changed.join('; ')}`]
      }
    }
    before = after
    if (answer.status < 400 && /users|auth|logout|session/.test(route)) {
      // Logging an actor in again writes a session: not the next request's doing.
      await refreshActors()
      before = await snapshot(payload)
    }
    if (problems.length > 0) {
      const finding = { route, actor, request, note, problems }
      const known = knownOpen(finding)
      if (known) figures.known.push({ ...finding, why: known.why })
      else figures.findings.push(finding)
      log(`✗ ${route} as ${actor} (${note}): ${problems.join(' / ')}\n    ${request}`)
    }
  }

  const routes = routesOf(document).filter((route) => !(route.path in NOT_CAMPAIGNED) && (!options.only || options.only.test(route.key)))
  for (const route of routes) {
    figures.routes += 1
    for (const request of samples(requestsFor(document, route, targets), options.runs, options.seed, route.key)) await sendRest(route, request)
  }

  async function sendRest(route: Route, request: HostileRequest) {
    const t0 = performance.now()
    const answer = await rest(request.method, request.url, actors[request.actor], request.headers, request.body)
    const ms = performance.now() - t0
    const shown = `${request.method} ${excerpt(request.url, 200)} ${JSON.stringify(request.headers)} ${excerpt(request.body, 200)}`
    await record(route.key, request.actor, shown, request.note, answer, judge(answer, request.names), answer.status >= 400, ms)
  }

  if (!options.only || options.only.test('graphql')) {
    const schema = await graphqlSchemaOf((body, actor) => sendGraphql(body, actor), actors.anonymous)
    if (!schema) throw new Error('no GraphQL schema: neither introspection nor Payload’s cache answered')
    figures.routes += 1
    const ids = fc.constantFrom(...Object.values(targets.ids).flat().slice(0, 200), ...Object.values(targets.otherIds).flat().slice(0, 50))
    for (const request of samples(graphqlRequests(schema, ids), options.graphqlRuns ?? options.runs * 10, options.seed, 'graphql')) {
      const t0 = performance.now()
      const answer = await sendGraphql(request.body, actors[request.actor], request.contentType)
      const ms = performance.now() - t0
      await record('POST /api/graphql', request.actor, excerpt(request.body, 400), request.note, answer, judgeGraphql(answer), graphqlRefusedAll(answer), ms)
    }
  }

  figures.seconds = Math.round((Date.now() - started) / 1000)
  return figures
}

/** The figures as the campaign prints them at the end of a run. */
export const formatFigures = (figures: Figures): string =>
  [
    `Hostile-input campaign (seed ${figures.seed}): ${figures.requests} requests over ${figures.routes} routes in ${figures.seconds} s`,
    `  5xx: ${figures.serverErrors}   refused but wrote: ${figures.writes}   findings: ${figures.findings.length}   known and fixed elsewhere: ${figures.known.length}`,
    `  by status: ${Object.entries(figures.byStatus)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([status, n]) => `${status}×${n}`)
      .join('  ')}`,
    `  slowest: ${figures.slowest.map((s) => `${Math.round(s.ms)} ms ${s.route} (${s.note || 'no body'})`).join('; ')}`,
    ...[...new Set(figures.known.map((k) => k.why))].map((why) => `  known: ${why}`),
    figures.findings.length > 0 ? `  replay: npm run test:hostile -- --seed ${figures.seed} (add --only '<route>' for one route)` : '',
  ]
    .filter(Boolean)
    .join('\n')
