import { randomUUID } from 'node:crypto'

import { call } from '../../bench/load'
import { ORDER_BODY, QUOTE_BODY } from '../../bench/scenarios'

import type { Tally } from '../faults/writeLoad'

/**
 * The soak's mixed workload: what a website's clients, its public visitors and its staff
 * do at once — list and read orders, ask for quotes and actions, read the inbox and the
 * public content, place and pay orders, look at the dashboard — by weight. Every answer
 * that is not a 2xx (or a connection lost) is an error of the soak.
 */

export const HOST = 'alpha.test'

export type SoakClient = { id: number; token: string; lastOrder: number | null }

export type SoakContext = {
  port: number
  clients: SoakClient[]
  adminToken: string
  pageSlug: string
  tally: Tally
}

export type OpStats = { count: number; errors: number; latencies: number[] }

export type Outcome = { stats: Map<string, OpStats>; errorExamples: string[] }

export const newOutcome = (): Outcome => ({ stats: new Map(), errorExamples: [] })

const GRAPHQL_ORDERS = '{ Orders(limit: 10, sort: "-createdAt") { docs { id number topic status total } } }'

type Op = { name: string; weight: number; run: (ctx: SoakContext, client: SoakClient, record: Recorder) => Promise<void> }
type Recorder = (name: string, request: Parameters<typeof call>[1]) => Promise<{ status: number; body: unknown } | null>

const json = { 'content-type': 'application/json' }
const as = (token: string) => ({ host: HOST, authorization: `JWT ${token}` })

const OPS: Op[] = [
  { name: 'orders-list', weight: 25, run: async (_c, client, send) => void (await send('orders-list', { method: 'GET', path: '/api/orders?limit=10&sort=-createdAt&depth=0', headers: as(client.token) })) },
  {
    name: 'order-read',
    weight: 10,
    run: async (_c, client, send) => {
      if (client.lastOrder !== null) await send('order-read', { method: 'GET', path: `/api/orders/${client.lastOrder}?depth=0`, headers: as(client.token) })
    },
  },
  {
    name: 'order-actions',
    weight: 5,
    run: async (_c, client, send) => {
      if (client.lastOrder !== null) await send('order-actions', { method: 'GET', path: `/api/orders/${client.lastOrder}/actions`, headers: as(client.token) })
    },
  },
  { name: 'quote', weight: 10, run: async (_c, client, send) => void (await send('quote', { method: 'POST', path: '/api/orders/quote', headers: { ...as(client.token), ...json }, body: JSON.stringify(QUOTE_BODY) })) },
  { name: 'inbox', weight: 10, run: async (_c, client, send) => void (await send('inbox', { method: 'GET', path: '/api/notifications?limit=20&sort=-createdAt&depth=0', headers: as(client.token) })) },
  {
    name: 'graphql-orders',
    weight: 5,
    run: async (_c, client, send) => void (await send('graphql-orders', { method: 'POST', path: '/api/graphql', headers: { ...as(client.token), ...json }, body: JSON.stringify({ query: GRAPHQL_ORDERS }) })),
  },
  { name: 'public-posts', weight: 10, run: async (_c, _client, send) => void (await send('public-posts', { method: 'GET', path: '/api/public/posts?limit=10', headers: { host: HOST } })) },
  { name: 'public-page', weight: 5, run: async (ctx, _client, send) => void (await send('public-page', { method: 'GET', path: `/api/public/pages/${ctx.pageSlug}`, headers: { host: HOST } })) },
  { name: 'dashboard', weight: 3, run: async (ctx, _client, send) => void (await send('dashboard', { method: 'GET', path: '/api/dashboard', headers: as(ctx.adminToken) })) },
  {
    name: 'place-and-pay',
    weight: 12,
    run: async (ctx, client, send) => {
      const marker = `drill-${randomUUID()}`
      const placed = await send('place', {
        method: 'POST',
        path: '/api/orders?depth=0',
        headers: { ...as(client.token), ...json, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ ...ORDER_BODY, topic: marker }),
      })
      if (!placed) return
      const order = (placed.body as { doc: { id: number } }).doc.id
      ctx.tally.placed.set(marker, order)
      client.lastOrder = order
      const paid = await send('wallet-pay', {
        method: 'POST',
        path: '/api/payments/checkout',
        headers: { ...as(client.token), ...json, 'idempotency-key': randomUUID() },
        body: JSON.stringify({ purpose: 'order', order, provider: 'wallet' }),
      })
      const payment = (paid?.body as { payment?: { id: number } } | undefined)?.payment?.id
      if (payment !== undefined) ctx.tally.paid.set(order, payment)
    },
  },
]

const TOTAL_WEIGHT = OPS.reduce((n, op) => n + op.weight, 0)

const pick = (): Op => {
  let ticket = Math.random() * TOTAL_WEIGHT
  for (const op of OPS) {
    ticket -= op.weight
    if (ticket < 0) return op
  }
  return OPS.at(-1)!
}

/** One operation of the mix, by weight, as a random client; its requests recorded in `outcome`. */
export const runOne = async (ctx: SoakContext, outcome: Outcome): Promise<void> => {
  const client = ctx.clients[Math.floor(Math.random() * ctx.clients.length)]!
  const send: Recorder = async (name, request) => {
    const stats = outcome.stats.get(name) ?? { count: 0, errors: 0, latencies: [] }
    outcome.stats.set(name, stats)
    const started = performance.now()
    try {
      const res = await call(ctx.port, request)
      stats.count += 1
      stats.latencies.push(performance.now() - started)
      if (res.status >= 200 && res.status < 300) return res
      stats.errors += 1
      if (outcome.errorExamples.length < 10) outcome.errorExamples.push(`${name} ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
      return null
    } catch (error) {
      stats.count += 1
      stats.errors += 1
      if (outcome.errorExamples.length < 10) outcome.errorExamples.push(`${name}: ${error instanceof Error ? error.message : String(error)}`)
      return null
    }
  }
  await pick().run(ctx, client, send)
}

export const totalRequests = (outcome: Outcome) => [...outcome.stats.values()].reduce((n, s) => n + s.count, 0)
export const totalErrors = (outcome: Outcome) => [...outcome.stats.values()].reduce((n, s) => n + s.errors, 0)
