import type { CollectionBeforeOperationHook } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { GRAPHQL_LIMITS } from '@/api/graphql/limits'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * One GraphQL request cannot take the API down: documents past the alias, depth, root
 * field and cost limits are refused by validation with a 400, before any resolver or
 * database query runs; GraphQL suggests no field names; bodies are bounded.
 */

let t: TestContext
let token: string
/** Operations a request started on any collection (the server's own reads, like the login check, aside). */
let operations = 0
const count: CollectionBeforeOperationHook = ({ args }) => {
  if ((args as { overrideAccess?: boolean }).overrideAccess === undefined) operations += 1
  return args
}

beforeAll(async () => {
  t = await startTestPayload()
  token = await t.api.login('client@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
  for (const collection of t.payload.config.collections) collection.hooks.beforeOperation.push(count)
})
afterAll(async () => t?.close())
beforeEach(() => {
  operations = 0
})

const ask = (query: string) => t.api.graphql(query, { host: 'alpha.test', token })

/** Tenant → its logo → the logo's website → … : a real path of the schema, as deep as asked. */
const deep = (levels: number) => {
  let inner = 'id'
  for (let level = 0; level < levels; level += 3) inner = `branding { logo { tenant { ${inner} } } }`
  return `{ Tenants { docs { ${inner} } } }`
}

describe('refused by validation, before anything runs', () => {
  it('500 aliases of a list', async () => {
    const res = await ask(`{ ${Array.from({ length: 500 }, (_, i) => `a${i}: Users { totalDocs }`).join(' ')} }`)
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/Aliases limit of 15 exceeded, found 500/)
    expect(operations).toBe(0)
  })

  it('30 levels of nesting', async () => {
    const res = await ask(deep(30))
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/Query depth limit of 10 exceeded/)
    expect(operations).toBe(0)
  })

  it('more root fields than allowed, without a single alias', async () => {
    const roots = ['Orders', 'Users', 'Tenants', 'Payments', 'Refunds', 'Tips', 'Wallets', 'Invoices', 'Receipts', 'Installments', 'WriterEarnings']
    const res = await ask(`{ ${roots.map((root) => `${root} { totalDocs }`).join(' ')} }`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toBe(`At most ${GRAPHQL_LIMITS.maxRootFields} root fields in one request, found 11.`)
    expect(operations).toBe(0)
  })

  it('a query whose cost passes the limit while depth, aliases and root fields are within theirs', async () => {
    // Ten levels deep, wide at the bottom, ten times over: ~1.5⁸ × 14 fields each.
    const wide = 'id name slug active currency orderPrefix createdAt updatedAt branding { brandName primaryColor supportEmail mailFromName mailFromAddress }'
    const one = `Orders { docs { client { tenants { tenant { branding { logo { tenant { ${wide} } } } } } } } }`
    const query = `{ ${Array.from({ length: 10 }, () => one).join(' ')} }`
    const res = await ask(query)
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { message: string }) => e.message)).toEqual([expect.stringMatching(/Query Cost limit of 5000 exceeded, found \d+/)])
    expect(operations).toBe(0)
  })

  it('a document that is not GraphQL', async () => {
    const res = await ask('{ Orders { docs { id } ')
    expect(res.status).toBe(400)
    expect(operations).toBe(0)
  })

  // Both crashed Payload's complexity rule during validation (500), found by the hostile campaign.
  it('a subscription (there is no subscription type)', async () => {
    const res = await ask('subscription { Orders { docs { id } } }')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/Subscriptions are not served/)
    expect(operations).toBe(0)
  })

  it('fragments that spread each other', async () => {
    const res = await ask('query { ...F } fragment F on Query { Orders { docs { id } } ...G } fragment G on Query { ...F }')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toBe('Cannot spread fragment "F" within itself.')
    expect(operations).toBe(0)
  })
})

describe('the workflow fields are under the same limits', () => {
  it('500 aliases of an action mutation are refused before anything runs', async () => {
    const res = await ask(`mutation { ${Array.from({ length: 500 }, (_, i) => `a${i}: performOrderAction(id: 1, action: markPaid) { event }`).join(' ')} }`)
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/Aliases limit of 15 exceeded, found 500/)
    expect(operations).toBe(0)
  })

  it('30 levels through an action answer’s document are refused before anything runs', async () => {
    let inner = 'id'
    for (let level = 0; level < 30; level += 3) inner = `branding { logo { tenant { ${inner} } } }`
    const res = await ask(`mutation { performOrderAction(id: 1, action: markPaid) { doc { client { tenants { tenant { ${inner} } } } } } }`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/Query depth limit of 10 exceeded/)
    expect(operations).toBe(0)
  })
})

describe('what still answers', () => {
  it('an ordinary query runs and answers 200', async () => {
    const res = await ask('{ Orders(limit: 5) { totalDocs docs { id number status } } me: Users { totalDocs } }')
    expect(res.status).toBe(200)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.me.totalDocs).toBe(1)
    expect(operations).toBeGreaterThan(0)
  })

  it('a client asking for application/graphql-response+json gets it', async () => {
    const res = await t.api.graphql('{ Orders(limit: 1) { totalDocs } }', { host: 'alpha.test', token, headers: { accept: 'application/graphql-response+json' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/application\/graphql-response\+json/)
    const json = await ask('{ Orders(limit: 1) { totalDocs } }')
    expect(json.headers.get('content-type')).toMatch(/^application\/json/)
  })
})

describe('no schema leaks, no unbounded bodies', () => {
  it('suggests no field, argument or type names', async () => {
    for (const query of ['{ Orderz { totalDocs } }', '{ Orders(limt: 1) { totalDocs } }', '{ Orders { docs { statuz } } }']) {
      const res = await ask(query)
      expect(res.status).toBe(400)
      for (const error of res.body.errors) expect(error.message).not.toMatch(/Did you mean/)
    }
  })

  it('a body over the limit is 413, read no further', async () => {
    const res = await t.api.graphqlRaw(JSON.stringify({ query: `{ Orders { totalDocs } } # ${'x'.repeat(GRAPHQL_LIMITS.maxBodyBytes)}` }), { host: 'alpha.test', token })
    expect(res.status).toBe(413)
    expect(operations).toBe(0)
  })
})
