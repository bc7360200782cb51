/**
 * The servers under test, in one process started by bench/run.ts, all on one Payload
 * (in-process, as in tests/helpers/testPayload.ts):
 * - `express`: the path production serves — the web process's Express app
 *   (src/server/app.ts: client address, security headers, CORS and the allowed origins,
 *   the Origin rule, body types, the availability guard) with the API answered by
 *   src/server/payloadApi.ts; Next is not mounted, it serves only the admin;
 * - `payload`: Payload's REST router called directly (`handleEndpoints` behind node's
 *   `http`, the body buffered), what the bench measured before the API moved to Express;
 * - the baseline (bench/baseline.ts) behind another `http` server with its own pool.
 * On the Payload port, `GET /__bench/stats` answers how many SQL statements Payload's
 * pool has sent so far and the process's CPU time (µs, user + system), and
 * `POST /__bench/profile/start|stop` (body: file) records a V8 CPU profile.
 * Prints `BENCH_READY {"express":port,"payload":port,"baseline":port}` when listening.
 */
import { writeFile } from 'node:fs/promises'
import http from 'node:http'
import { Session } from 'node:inspector'
import type { AddressInfo } from 'node:net'

import { handleEndpoints } from 'payload'
import pg from 'pg'

import { assignClientAddress } from '@/security/clientAddress'
import { parseTrustProxy } from '@/security/trustProxy'
import { env } from '@/env'
import { closePayload, openPayload, poolOf } from '@/server/boot'
import { createApp } from '@/server/app'
import { watchAvailability } from '@/server/availability'
import { postgresCheck } from '@/server/health'
import { logStatements } from '@/db/statementLog'
import { graphqlPost } from '@/api/graphql/route'
import { payloadApi } from '@/server/payloadApi'
import { websiteOriginCache } from '@/server/websiteOrigins'

import { createBaseline, type BaselineRequest, type BaselineResponse } from './baseline'
import { createMoneyBaseline } from './baselineMoney'
import { BENCH_WEBHOOK_SECRET } from './moneyFixtures'

const payload = await openPayload()
const pool = poolOf(payload)
if (!pool) throw new Error('Payload has no node-postgres pool')

// Count every statement of Payload's pool. BENCH_LOG_SQL=1 also prints each statement to stderr.
const logSql = Boolean(process.env.BENCH_LOG_SQL)
const sqlLog = logStatements(pool, logSql ? { onStatement: (text, values) => process.stderr.write(`[sql] ${text}${values?.length ? ` -- ${JSON.stringify(values)}` : ''}\n`) } : {})

const readBody = async (req: http.IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

const config = Promise.resolve(payload.config)
const graphql = graphqlPost(payload.config)
// The client's address as the web process works it out (rate limits key on it).
const trust = parseTrustProxy(env().TRUST_PROXY)

// CPU profiles of chosen stretches (bench/run.ts asks for one per Payload measurement when BENCH_PROFILE is set).
const inspector = new Session()
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) => inspector.post(method, params, (error, result) => (error ? reject(error) : resolve(result))))
const profiler = async (action: string, body: Buffer): Promise<string | null> => {
  if (action === 'start') {
    inspector.connect()
    await post('Profiler.enable')
    await post('Profiler.start')
    return null
  }
  const { profile } = (await post('Profiler.stop')) as { profile: object }
  inspector.disconnect()
  const file = body.toString()
  await writeFile(file, JSON.stringify(profile))
  return file
}

const payloadServer = http.createServer(async (req, res) => {
  try {
    if (req.url === '/__bench/stats') {
      const cpu = process.cpuUsage()
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ statements: sqlLog.count, cpuMicros: cpu.user + cpu.system }))
      return
    }
    if (req.url?.startsWith('/__bench/profile/')) {
      const file = await profiler(req.url.slice('/__bench/profile/'.length), await readBody(req))
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ file }))
      return
    }
    assignClientAddress(req, trust)
    const body = await readBody(req)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v)
      else if (value !== undefined) headers.set(name, value)
    }
    const method = req.method ?? 'GET'
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' || body.length === 0 ? undefined : new Uint8Array(body),
    })
    // GraphQL is not one of Payload's REST endpoints: its handler, as the production path routes it.
    const response = req.url?.split('?')[0] === '/api/graphql' ? await graphql(request) : await handleEndpoints({ config, request })
    const outgoing: http.OutgoingHttpHeaders = {}
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') outgoing[name] = value
    })
    const cookies = response.headers.getSetCookie()
    if (cookies.length > 0) outgoing['set-cookie'] = cookies
    const payloadBody = Buffer.from(await response.arrayBuffer())
    res.writeHead(response.status, outgoing).end(payloadBody)
  } catch (error) {
    payload.logger.error({ err: error }, 'bench server: request failed')
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ errors: [{ message: 'bench server error' }] }))
  }
})

// The production path, built as src/server/index.ts builds it (no event bus: nothing changes websites during a run).
// The guard's probe (a query a second) on a pool of its own: on Payload's it would count as the sampled requests' statements.
const probePool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 })
probePool.on('error', () => {})
const checks = [postgresCheck(probePool)]
const availability = watchAvailability(checks)
// No website changes during a run: a refresh every 30 s would add a statement to the sampled requests' counts.
const origins = websiteOriginCache(payload, { ttlMs: 24 * 3600 * 1000 })
const expressServer = http.createServer(
  createApp({
    checks,
    edge: { origins, cookieName: `${payload.config.cookiePrefix}-token`, production: true, development: false },
    guard: availability.guard,
    api: payloadApi(payload.config),
  }),
)

const baselinePool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: pool.options.max ?? 10 })
baselinePool.on('error', () => {})
const baseline = createBaseline(baselinePool, payload.secret)
const moneyBaseline = createMoneyBaseline(baselinePool, baseline.authenticate, BENCH_WEBHOOK_SECRET)
const insertTarget = { tenantId: Number(process.env.BENCH_INSERT_TENANT), clientId: Number(process.env.BENCH_INSERT_CLIENT) }

const baselineServer = http.createServer(async (req, res) => {
  try {
    const request: BaselineRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: await readBody(req) }
    const path = request.url.split('?')[0]
    let result: BaselineResponse
    if (request.method === 'GET' && path === '/api/orders') result = await baseline.listOrders(request)
    else if (request.method === 'POST' && path === '/api/orders/quote') result = await baseline.quote(request)
    else if (request.method === 'POST' && path === '/api/orders') result = await baseline.insertOrder(request, insertTarget)
    else if (request.method === 'POST' && path === '/api/payments/checkout') result = await moneyBaseline.walletPay(request)
    else if (request.method === 'POST' && path === '/api/payments/webhooks/stripe') result = await moneyBaseline.stripeWebhook(request)
    else result = { status: 404, body: { errors: [{ message: 'not a baseline route' }] } }
    res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body))
  } catch (error) {
    payload.logger.error({ err: error }, 'baseline server: request failed')
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ errors: [{ message: 'baseline error' }] }))
  }
})

const listen = (server: http.Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))

const ports = { express: await listen(expressServer), payload: await listen(payloadServer), baseline: await listen(baselineServer) }
process.stdout.write(`BENCH_READY ${JSON.stringify(ports)}\n`)

const stop = async () => {
  availability.stop()
  await probePool.end().catch(() => {})
  origins.close()
  expressServer.close()
  expressServer.closeAllConnections()
  payloadServer.close()
  baselineServer.close()
  payloadServer.closeAllConnections()
  baselineServer.closeAllConnections()
  await baselinePool.end().catch(() => {})
  await closePayload(payload)
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
