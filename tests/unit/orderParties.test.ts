import type { AccessArgs } from 'payload'
import { describe, expect, it } from 'vitest'

import { readOrderFiles } from '@/collections/OrderFiles/access/readOrderFiles'
import { readOrderMessages } from '@/collections/OrderMessages/access/readOrderMessages'
import { MATCH_NOTHING } from '@/access/where'
import { ORDER_FILE_PURPOSES, uploadRefusal } from '@/domain/files/orderFileRules'
import { messageAudiences, postRefusal, threadsOf } from '@/domain/messages/threads'
import { partiesOf } from '@/domain/orders/parties'

/** The pure rules of order files and messages, and the row filters built from them. */

describe('parties of an order', () => {
  it('are its website’s staff, its client and its current writer', () => {
    const order = { client: 2, writer: 3 }
    expect(partiesOf({ id: 1, staffOfWebsite: true }, order)).toEqual(['staff'])
    expect(partiesOf({ id: 2, staffOfWebsite: false }, order)).toEqual(['client'])
    expect(partiesOf({ id: 3, staffOfWebsite: false }, order)).toEqual(['writer'])
    expect(partiesOf({ id: 4, staffOfWebsite: false }, order)).toEqual([])
    expect(partiesOf({ id: 3, staffOfWebsite: false }, { client: 2, writer: null })).toEqual([])
  })
})

describe('uploading order files', () => {
  it('lets each party add its own kinds of file', () => {
    for (const purpose of ORDER_FILE_PURPOSES) expect(uploadRefusal(['staff'], purpose, 'in_progress')).toBeNull()
    expect(uploadRefusal(['client'], 'style_reference', 'pending_payment')).toBeNull()
    expect(uploadRefusal(['writer'], 'final', 'in_progress')).toBeNull()
    expect(uploadRefusal(['client'], 'final', 'in_progress')).toMatchObject({ status: 403, path: 'purpose' })
    expect(uploadRefusal(['writer'], 'internal', 'in_progress')).toMatchObject({ status: 403, path: 'purpose' })
    expect(uploadRefusal([], 'draft', 'in_progress')).toMatchObject({ status: 403, path: 'order' })
  })
  it('closes cancelled, refunded and archived orders to all but staff', () => {
    for (const status of ['cancelled', 'refunded', 'archived'] as const) {
      expect(uploadRefusal(['client'], 'instructions', status)).toMatchObject({ status: 409, path: 'order' })
      expect(uploadRefusal(['staff'], 'final', status)).toBeNull()
    }
  })
})

describe('order threads', () => {
  it('are read and written by their members, and by staff', () => {
    expect(threadsOf('client')).toEqual(['client_support', 'client_writer'])
    expect(threadsOf('writer')).toEqual(['client_writer', 'writer_support'])
    expect(threadsOf('staff')).toEqual(['client_support', 'client_writer', 'writer_support'])
    expect(postRefusal(['client'], 'writer_support', 'in_progress')).toMatchObject({ status: 403, path: 'thread' })
    expect(postRefusal(['writer'], 'client_support', 'in_progress')).toMatchObject({ status: 403, path: 'thread' })
    expect(postRefusal(['staff'], 'client_writer', 'in_progress')).toBeNull()
    expect(postRefusal(['client'], 'client_writer', 'archived')).toMatchObject({ status: 409, path: 'order' })
    expect(postRefusal(['client'], 'client_writer', 'cancelled')).toBeNull()
  })
  it('tell the other members of a new message', () => {
    const order = { tenant: 9, client: 2, writer: 3 }
    expect(messageAudiences('client_support', order, 2)).toEqual([{ staffOfTenant: 9 }])
    expect(messageAudiences('client_support', order, 1)).toEqual([{ user: 2 }, { staffOfTenant: 9 }])
    expect(messageAudiences('client_writer', order, 2)).toEqual([{ user: 3 }])
    expect(messageAudiences('client_writer', order, 1)).toEqual([{ user: 2 }, { user: 3 }])
    expect(messageAudiences('writer_support', { ...order, writer: null }, null)).toEqual([{ staffOfTenant: 9 }])
  })
})

describe('row filters of files and messages', () => {
  const user = (id: number, role: string) => ({ id, roles: [role], tenants: [{ tenant: 1 }] })
  const call = (fn: typeof readOrderFiles, u: ReturnType<typeof user> | null) => fn({ req: { user: u, context: {} } } as unknown as AccessArgs)

  it('give staff their websites, nobody anything anonymous, and others only through the order', async () => {
    for (const fn of [readOrderFiles, readOrderMessages]) {
      expect(await call(fn, user(1, 'support'))).toEqual({ tenant: { equals: 1 } })
      expect(await call(fn, { id: 5, roles: ['superadmin'], tenants: [] })).toBe(true)
      expect(await call(fn, null)).toBe(false)
      expect(await call(fn, { id: 6, roles: [], tenants: [{ tenant: 1 }] })).toEqual(MATCH_NOTHING)
    }
    const clientThreads = { thread: { in: ['client_support', 'client_writer'] } }
    expect(await call(readOrderMessages, user(2, 'client'))).toEqual({
      and: [
        { tenant: { equals: 1 } },
        {
          or: [
            { and: [{ 'order.client': { equals: 2 } }, clientThreads] },
            { and: [{ 'specialOrder.client': { equals: 2 } }, clientThreads] },
            { and: [{ 'classOrder.client': { equals: 2 } }, clientThreads] },
          ],
        },
      ],
    })
    const writer = (await call(readOrderFiles, user(3, 'writer'))) as { and: [unknown, { or: { and: unknown[] }[] }] }
    expect(writer.and[0]).toEqual({ tenant: { equals: 1 } })
    expect(writer.and[1].or.map((branch) => branch.and[0])).toEqual([{ 'order.writer': { equals: 3 } }, { 'specialOrder.writer': { equals: 3 } }, { 'classOrder.writer': { equals: 3 } }])
    for (const branch of writer.and[1].or) expect(JSON.stringify(branch)).toContain('"uploadedBy":{"equals":3}')
    // A record's writer loses its files once it is cancelled, as on orders.
    expect(JSON.stringify(writer.and[1].or[1])).toContain('"specialOrder.status":{"not_in":["cancelled","refunded"]}')
    expect(JSON.stringify(writer.and[1].or[2])).toContain('"classOrder.status":{"not_in":["cancelled"]}')
  })
})
