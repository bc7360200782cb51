import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { graphqlPlayground } from '@/api/graphql/playground'
import { reloadEnv } from '@/env'

import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * Introspection and the playground follow GRAPHQL_INTROSPECTION / GRAPHQL_PLAYGROUND
 * (off in production by default): switched off, `__schema` and `__type` are refused by
 * validation and the playground page is a 404; switched on, both answer.
 */

let t: TestContext
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => t?.close())

const setting = (name: 'GRAPHQL_INTROSPECTION' | 'GRAPHQL_PLAYGROUND', value: 'true' | 'false' | undefined) => {
  if (value === undefined) delete process.env[name]
  else process.env[name] = value
  reloadEnv()
}
afterEach(() => {
  setting('GRAPHQL_INTROSPECTION', undefined)
  setting('GRAPHQL_PLAYGROUND', undefined)
})

const ask = (query: string) => t.api.graphql(query, { host: 'alpha.test' })

describe('GRAPHQL_INTROSPECTION', () => {
  it('false: __schema and __type are refused with a message; ordinary queries and __typename still answer', async () => {
    setting('GRAPHQL_INTROSPECTION', 'false')
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Order") { name fields { name } } }']) {
      const res = await ask(query)
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toBe('GraphQL introspection is switched off on this server (GRAPHQL_INTROSPECTION).')
      expect(res.body.data).toBeUndefined()
    }
    const plain = await ask('{ __typename quoteOrder(input: { pages: 1, spacing: "double", deadlineHours: 72, paperType: "essay", workType: "writing", academicLevel: "undergrad", subject: "humanities" }) { total } }')
    expect(plain.status).toBe(200)
    expect(plain.body.data.__typename).toBe('Query')
  })

  it('true: the schema is readable, workflow fields included', async () => {
    setting('GRAPHQL_INTROSPECTION', 'true')
    const res = await ask('{ __type(name: "OrderActionName") { enumValues { name } } }')
    expect(res.status).toBe(200)
    expect(res.body.data.__type.enumValues.map((v: { name: string }) => v.name)).toContain('markPaid')
  })
})

describe('GRAPHQL_PLAYGROUND', () => {
  const open = () => graphqlPlayground(t.payload.config)(new Request('http://alpha.test/api/graphql-playground', { headers: { host: 'alpha.test' } }))

  it('false: the page is a 404', async () => {
    setting('GRAPHQL_PLAYGROUND', 'false')
    expect((await open()).status).toBe(404)
  })

  it('true: the page is served', async () => {
    setting('GRAPHQL_PLAYGROUND', 'true')
    const res = await open()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(await res.text()).toContain('/api/graphql')
  })
})
