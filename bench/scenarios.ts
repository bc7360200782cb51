/** The load scenarios: each request is sent to Payload and to the baseline alike. */
import type { LoadRequest } from './load'

export type Actors = {
  /** Host header of the website the callers belong to. */
  host: string
  /** A client of that website with many orders. */
  clientToken: string
  /** An admin of that website only. */
  adminToken: string
}

export type Targets = {
  /** Payload's throughput over the baseline's, at least. */
  minThroughputRatio?: number
  /** Payload's p99 over the baseline's, at most. */
  maxP99Ratio?: number
  /** SQL statements per request, at most, whatever the page size. */
  maxStatements?: number
}

export type Scenario = {
  name: string
  title: string
  request: (actors: Actors, limit?: number) => LoadRequest
  /** Page sizes whose statement counts are checked (lists only). */
  pageSizes?: number[]
  /** What the baseline is for this scenario, in a few words. */
  baseline: string
  /** Creates rows: answers are checked for success only, not compared with the baseline's. */
  writes?: boolean
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

const LIST_TARGETS: Targets = { minThroughputRatio: 0.3, maxP99Ratio: 4, maxStatements: 3 }

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
    targets: LIST_TARGETS,
  },
  {
    name: 'quote',
    title: 'quote (anonymous)',
    request: (a) => ({ method: 'POST', path: '/api/orders/quote', headers: { host: a.host, ...json }, body: JSON.stringify(QUOTE_BODY) }),
    baseline: 'same zod schema and pricing function, website + price-list queries',
    targets: {},
  },
  {
    name: 'create-order',
    title: 'order creation (client, default depth)',
    request: (a) => ({
      method: 'POST',
      path: '/api/orders',
      headers: { host: a.host, authorization: `JWT ${a.clientToken}`, ...json },
      body: JSON.stringify(ORDER_BODY),
    }),
    baseline: 'one raw INSERT of an equivalent row',
    writes: true,
    targets: { minThroughputRatio: 0.05 },
  },
  {
    // The same placement answering with ids instead of populated website and client
    // (Payload's default depth is 2): shows what the population inside the website's
    // order-number lock costs.
    name: 'create-order-depth0',
    title: 'order creation (client, ?depth=0)',
    request: (a) => ({
      method: 'POST',
      path: '/api/orders?depth=0',
      headers: { host: a.host, authorization: `JWT ${a.clientToken}`, ...json },
      body: JSON.stringify(ORDER_BODY),
    }),
    baseline: 'one raw INSERT of an equivalent row',
    writes: true,
    targets: { minThroughputRatio: 0.05 },
  },
]
