/** The load scenarios: each request is sent to Payload and to the baseline alike. */
import type { LoadRequest } from './load'
import { BENCH_WEBHOOK_SECRET, type MoneyFixtures, type Target } from './moneyFixtures'
import { stripeSignature } from './baselineMoney'

export type Actors = {
  /** Host header of the website the callers belong to. */
  host: string
  /** A client of that website with many orders. */
  clientToken: string
  /** An admin of that website only. */
  adminToken: string
  /** The money scenarios' data and the paying clients' tokens (when those scenarios run). */
  money?: MoneyFixtures & { payerTokens: string[] }
  /** One of the client's orders (the actions and single-order reads). */
  clientOrderId: number
  /** The ETag each public path answered first (the ETag-hit scenarios send it back). */
  etags: Record<string, string>
}

export type Targets = {
  /** Payload's throughput over the baseline's, at least. */
  minThroughputRatio?: number
  /** Payload's p99 over the baseline's, at most. */
  maxP99Ratio?: number
  /** SQL statements per request, at most, whatever the page size. */
  maxStatements?: number
  /** Payload's p99 over Payload's p99 in another scenario of the same run, at most. */
  maxP99Over?: { scenario: string; ratio: number }
  /** Payload's throughput over Payload's in another scenario of the same run, at least. */
  minThroughputOver?: { scenario: string; ratio: number }
}

export type Scenario = {
  name: string
  title: string
  /** `target`: which server the request is for (the money scenarios spend separate data on each). */
  request: (actors: Actors, limit?: number, target?: Target) => LoadRequest
  /** Concurrent connections, when not the run's setting. */
  connections?: number
  /** Needs the money fixtures. */
  money?: boolean
  /** Page sizes whose statement counts are checked (lists only). */
  pageSizes?: number[]
  /** What the baseline is for this scenario, in a few words. */
  baseline: string
  /**
   * Also measured against the baseline that skips the user read too (the actor kept per
   * session, `x-bench-auth: cached`), as Payload's user cache does: lists.
   */
  baselineWithoutUserRead?: boolean
  /** Creates rows: answers are checked for success only, not compared with the baseline's. */
  writes?: boolean
  /**
   * No plain-SQL baseline: the "baseline" column is another Payload request in the same
   * run (what this one is compared with, in a few words), sent to the production path.
   */
  reference?: string
  /** Public paths whose ETag the run reads first (into `actors.etags`). */
  etagOf?: string[]
  /** The status every answer must have when it is not a 2xx (an ETag hit: 304). */
  expectStatus?: number
  targets: Targets
}

const json = { 'content-type': 'application/json' }

/** A valid quote body for the seeded price lists (src/seed/pricing.ts). */
export const QUOTE_BODY = {
  pages: 3,
  spacing: 'double',
  deadlineHours: 72,
  paperType: 'essay',
  workType: 'writing',
  academicLevel: 'undergrad',
  subject: 'history',
  analysisLevel: 'basic',
  writerLevel: 'advanced',
  addons: ['plagiarism_report'],
}

export const ORDER_BODY = {
  topic: 'The Enlightenment and its critics',
  instructions: 'Three pages, sources in APA, at least five peer-reviewed articles.',
  pages: 3,
  spacing: 'double',
  deadlineHours: 72,
  paperType: 'essay',
  workType: 'writing',
  academicLevel: 'undergrad',
  subject: 'history',
  formattingStyle: 'apa',
}

const placement = (a: Actors, path: string): LoadRequest => ({
  method: 'POST',
  path,
  headers: { host: a.host, authorization: `JWT ${a.clientToken}`, ...json },
  body: JSON.stringify(ORDER_BODY),
})

const LIST_TARGETS: Targets = { minThroughputRatio: 0.3, maxP99Ratio: 4, maxStatements: 2 }

/** The fields of a list row the GraphQL and REST list scenarios both ask for. */
const LIST_FIELDS = ['number', 'topic', 'status', 'paymentStatus', 'total', 'currency', 'pages', 'clientDeadline', 'createdAt'] as const

/** The client's newest orders over GraphQL, the list's fields named. */
const graphqlOrders = (a: Actors, limit: number): LoadRequest => ({
  method: 'POST',
  path: '/api/graphql',
  headers: { host: a.host, authorization: `JWT ${a.clientToken}`, ...json },
  body: JSON.stringify({ query: `{ Orders(limit: ${limit}, sort: "-createdAt") { totalDocs docs { id ${LIST_FIELDS.join(' ')} } } }` }),
})

const PUBLIC_POSTS = '/api/public/posts?limit=10'
const PUBLIC_PAGE = '/api/public/pages/essay-writing-service'

export const SCENARIOS: Scenario[] = [
  {
    name: 'client-orders',
    title: 'client "my orders" list',
    request: (a, limit = 20) => ({
      method: 'GET',
      path: `/api/orders?limit=${limit}&sort=-createdAt&depth=0`,
      headers: { host: a.host, authorization: `JWT ${a.clientToken}` },
    }),
    pageSizes: [20, 100],
    baseline: 'token check + user query, page query, count query',
    baselineWithoutUserRead: true,
    targets: LIST_TARGETS,
  },
  {
    name: 'staff-by-status',
    title: 'staff "orders by status" list',
    request: (a, limit = 20) => ({
      method: 'GET',
      path: `/api/orders?where[status][equals]=in_progress&limit=${limit}&sort=-createdAt&depth=0`,
      headers: { host: a.host, authorization: `JWT ${a.adminToken}` },
    }),
    pageSizes: [20, 100],
    baseline: 'token check + user query, page query, count query',
    baselineWithoutUserRead: true,
    targets: LIST_TARGETS,
  },
  {
    name: 'quote',
    title: 'quote (anonymous)',
    request: (a) => ({ method: 'POST', path: '/api/orders/quote', headers: { host: a.host, ...json }, body: JSON.stringify(QUOTE_BODY) }),
    baseline: 'same zod schema and pricing function, website + price-list queries',
    targets: {},
  },
  // Reads without a plain-SQL baseline, each beside a Payload reference of the same run;
  // before the writes, whose background jobs (no Redis in the bench) would load the machine.
  {
    // GraphQL against REST for the same list and the same fields, both Payload, same run.
    name: 'graphql-orders',
    title: 'client orders list over GraphQL',
    request: (a, limit = 20, target = 'payload') =>
      target === 'payload'
        ? graphqlOrders(a, limit)
        : {
            method: 'GET',
            path: `/api/orders?limit=${limit}&sort=-createdAt&depth=0&${LIST_FIELDS.map((f) => `select[${f}]=true`).join('&')}`,
            headers: { host: a.host, authorization: `JWT ${a.clientToken}` },
          },
    baseline: 'REST, the same list and fields (select)',
    reference: 'REST list, same fields',
    targets: { minThroughputRatio: 0.9 },
  },
  {
    // The issue's own measure: the GraphQL list against the REST list a frontend sends
    // (`client-orders`' request), which reads every field of the order.
    name: 'graphql-orders-rest',
    title: 'client orders list over GraphQL, beside the REST list',
    request: (a, limit = 20, target = 'payload') =>
      target === 'payload'
        ? graphqlOrders(a, limit)
        : { method: 'GET', path: `/api/orders?limit=${limit}&sort=-createdAt&depth=0`, headers: { host: a.host, authorization: `JWT ${a.clientToken}` } },
    baseline: 'REST, the same list (every field)',
    reference: 'REST list',
    targets: { minThroughputRatio: 0.9 },
  },
  {
    name: 'public-posts',
    title: 'public posts by host (anonymous)',
    baseline: 'the same request answered 304 from its ETag',
    reference: 'ETag hit (304)',
    etagOf: [PUBLIC_POSTS],
    request: (a, _limit, target = 'payload'): LoadRequest => ({ method: 'GET', path: PUBLIC_POSTS, headers: { host: a.host, ...(target === 'payload' ? {} : { 'if-none-match': a.etags[PUBLIC_POSTS] ?? '' }) } }),
    expectStatus: 304,
    targets: {},
  },
  {
    name: 'public-page',
    title: 'a public page with blocks by host (anonymous)',
    request: (a, _limit, target = 'payload'): LoadRequest => ({ method: 'GET', path: PUBLIC_PAGE, headers: { host: a.host, ...(target === 'payload' ? {} : { 'if-none-match': a.etags[PUBLIC_PAGE] ?? '' }) } }),
    baseline: 'the same request answered 304 from its ETag',
    reference: 'ETag hit (304)',
    etagOf: [PUBLIC_PAGE],
    expectStatus: 304,
    targets: {},
  },
  {
    name: 'public-posts-etag',
    title: 'public posts, ETag hit (304)',
    request: (a, _limit, target = 'payload'): LoadRequest =>
      target === 'payload'
        ? { method: 'GET', path: PUBLIC_POSTS, headers: { host: a.host, 'if-none-match': a.etags[PUBLIC_POSTS] ?? '' } }
        : { method: 'GET', path: '/api/tenants/current', headers: { host: a.host } },
    baseline: 'the website resolved by Host (GET /api/tenants/current)',
    reference: 'website by Host',
    etagOf: [PUBLIC_POSTS],
    expectStatus: 304,
    targets: {},
  },
  {
    name: 'dashboard',
    title: 'staff dashboard (admin)',
    request: (a, _limit, target = 'payload') =>
      target === 'payload'
        ? { method: 'GET', path: '/api/dashboard', headers: { host: a.host, authorization: `JWT ${a.adminToken}` } }
        : { method: 'GET', path: '/api/orders?where[status][equals]=in_progress&limit=20&sort=-createdAt&depth=0', headers: { host: a.host, authorization: `JWT ${a.adminToken}` } },
    baseline: 'the admin’s orders-by-status list',
    reference: 'staff list',
    targets: {},
  },
  {
    name: 'inbox',
    title: 'notification inbox (client)',
    request: (a, _limit, target = 'payload') =>
      target === 'payload'
        ? { method: 'GET', path: '/api/notifications?limit=20&sort=-createdAt&depth=0', headers: { host: a.host, authorization: `JWT ${a.clientToken}` } }
        : { method: 'GET', path: '/api/orders?limit=20&sort=-createdAt&depth=0', headers: { host: a.host, authorization: `JWT ${a.clientToken}` } },
    baseline: 'the client’s orders list',
    reference: 'client list',
    targets: {},
  },
  {
    name: 'order-actions',
    title: 'what can be done next on an order (client)',
    request: (a, _limit, target = 'payload') => ({
      method: 'GET',
      path: target === 'payload' ? `/api/orders/${a.clientOrderId}/actions` : `/api/orders/${a.clientOrderId}?depth=0`,
      headers: { host: a.host, authorization: `JWT ${a.clientToken}` },
    }),
    baseline: 'the same order read (GET /api/orders/:id)',
    reference: 'order read',
    targets: {},
  },
  {
    name: 'create-order',
    // The default answer has been depth 0 since issue 18 (it was Payload's 2: website and
    // client populated inside the order-number lock).
    title: 'order creation (client, default depth)',
    request: (a) => placement(a, '/api/orders'),
    baseline: 'one raw INSERT of an equivalent row',
    writes: true,
    targets: { minThroughputRatio: 0.05 },
  },
  {
    // The same placement asking for depth 0 in so many words: the same request as
    // create-order now, kept so that the results files compare run to run.
    name: 'create-order-depth0',
    title: 'order creation (client, ?depth=0)',
    request: (a) => placement(a, '/api/orders?depth=0'),
    baseline: 'one raw INSERT of an equivalent row',
    writes: true,
    targets: { minThroughputRatio: 0.05 },
  },
  {
    // The reference for the wallet payment's latency: the same placement as
    // create-order, at the wallet scenario's 50 connections (latency grows with them).
    name: 'create-order-50',
    title: 'order creation (client, 50 connections)',
    connections: 50,
    request: (a) => placement(a, '/api/orders'),
    baseline: 'one raw INSERT of an equivalent row',
    writes: true,
    targets: {},
  },
  {
    // 50 clients at once, each paying their own unpaid orders from their own wallet, each
    // payment with the website's discount code (1.00 off, no limits: no lock shared by payers).
    name: 'wallet-pay',
    title: 'order paid from the wallet (50 clients)',
    connections: 50,
    money: true,
    request: (a, _limit, target = 'payload') => {
      const money = a.money!
      let n = 0
      const taken = money.payers.map(() => 0)
      return {
        method: 'POST',
        path: '/api/payments/checkout',
        headers: { host: a.host, ...json },
        next: () => {
          const i = n++ % money.payers.length
          const order = money.payers[i]!.orders[target][taken[i]!++]
          return { body: JSON.stringify({ purpose: 'order', order: order ?? 0, provider: 'wallet', discountCode: money.discountCode }), headers: { authorization: `JWT ${money.payerTokens[i]}` } }
        },
      }
    },
    baseline: 'one transaction: order lock, the code and its usage, wallet lock, payment, balanced entries (payment, discount), wallet, order, event, outbox',
    writes: true,
    targets: { maxP99Over: { scenario: 'create-order-50', ratio: 2 } },
  },
  {
    name: 'stripe-webhook',
    title: 'Stripe webhook (signed; settles a card top-up)',
    money: true,
    request: (a, _limit, target = 'payload') => {
      const references = a.money!.topUps[target]
      let n = 0
      return {
        method: 'POST',
        path: '/api/payments/webhooks/stripe',
        headers: { host: a.host, ...json },
        next: () => {
          const i = n++
          const reference = references[i] ?? 'pay_bench_exhausted'
          const body = JSON.stringify({
            id: `evt_bench_${target}_${i}`,
            object: 'event',
            type: 'checkout.session.completed',
            created: Math.floor(Date.now() / 1000),
            data: { object: { object: 'checkout.session', client_reference_id: reference, payment_status: 'paid', payment_intent: `pi_bench_${target}_${i}`, metadata: { reference } } },
          })
          return { body, headers: { 'stripe-signature': stripeSignature(BENCH_WEBHOOK_SECRET, body) } }
        },
      }
    },
    baseline: 'same signature check, event insert once, payment and wallet locks, balanced entry, outbox',
    writes: true,
    targets: { minThroughputOver: { scenario: 'client-orders', ratio: 0.5 } },
  },
]
