import { afterAll, beforeAll, expect, it } from 'vitest'

import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
beforeAll(async () => {
  t = await startTestPayload()
})
afterAll(async () => t?.close())

it('answers the current tenant', async () => {
  const res = await t.api.get('/api/tenants/current', { host: 'alpha.test' })
  expect(res.status).toBe(200)
  expect(res.body.slug).toBe('alpha')
  const token = await t.api.login('client@alpha.test', 'Scriptorium-demo-1', { host: 'alpha.test' })
  const gql = await t.api.graphql('{ allMedia { totalDocs } }', { host: 'alpha.test', token })
  expect(gql.status).toBe(200)
  expect(gql.body.data.allMedia.totalDocs).toBe(0)
})
