import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { ClientError } from '@/errors'
import { idsMatching, sweep } from '@/jobs/sweep'
import type { Order } from '@/payload-types'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { workflowClient } from '../helpers/orderWorkflow'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

let t: TestContext
const orders: Order[] = []

beforeAll(async () => {
  t = await startTestPayload()
  const token = await t.api.login('client@alpha.test', DEMO_PASSWORD, { host: 'alpha.test' })
  const w = workflowClient(t.api, 'alpha.test', { client: token })
  for (let i = 0; i < 3; i += 1) orders.push(await w.place('client', { topic: `Topic ${i}` }))
})
afterAll(async () => t?.close())

const topics = async () => Promise.all(orders.map(async (o) => (await t.payload.findByID({ collection: 'orders', id: o.id, depth: 0 })).topic))

describe('the sweep helper', () => {
  it('handles each record in its own transaction: the second throws after writing, the first and third are done, failed: 1, logged', async () => {
    const ids = orders.map((o) => o.id)
    const logged = vi.spyOn(t.payload.logger, 'error')
    const seen: number[] = []
    const counts = await sweep(t.payload, 'test-sweep', idsMatching(t.payload, 'orders', { id: { in: ids } }), async (id, req) => {
      seen.push(id)
      await t.payload.update({ collection: 'orders', id, data: { topic: 'Swept' }, depth: 0, overrideAccess: true, req })
      if (id === ids[1]) throw new Error('this row is broken')
      return true
    })
    expect(seen).toEqual(ids)
    expect(counts).toEqual({ done: 2, failed: 1 })
    // The failed record's write went with its transaction; the others' stayed.
    expect(await topics()).toEqual(['Swept', 'Topic 1', 'Swept'])
    expect(logged).toHaveBeenCalledTimes(1)
    expect(logged.mock.calls[0]![0]).toMatchObject({ sweep: 'test-sweep', item: ids[1] })
    logged.mockRestore()
  })

  it('counts a refusal (the record moved on) as neither done nor failed, and a record it leaves alone as not done', async () => {
    const ids = orders.map((o) => o.id)
    const counts = await sweep(t.payload, 'test-refusals', ids, async (id) => {
      if (id === ids[0]) throw new ClientError('moved on meanwhile', 409)
      return id === ids[2]
    })
    expect(counts).toEqual({ done: 1, failed: 0 })
  })
})
