import { describe, expect, it } from 'vitest'

import type { FundingMilestone, SpecialOrder } from '@/payload-types'

import { assignedClassFor } from '../helpers/classOrders'
import { fundWallet } from '../helpers/money'
import { moneyTestFile } from '../helpers/moneyTestFile'
import { placeOrderFor } from '../helpers/tenantFixtures'
import type { TestContext } from '../helpers/testPayload'
import { whileOff } from '../helpers/websiteSwitches'

/**
 * Issue 17: files and messages of special orders and class orders, through the one
 * `order-files` and `order-messages` collections. The client briefs and the assigned
 * writer reads it; other clients and writers, and another website, get nothing; a special
 * order's final file stays locked to its client until the plan is funded; the threads
 * keep their members.
 */
let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
const ALPHA = { host: 'alpha.test' }
const BETA = { host: 'beta.test' }

moneyTestFile(async (test) => {
  ;({ t, tokens, ids, alpha } = test)
})

type FileDoc = { id: number; filename: string; purpose: string; tenant: number; specialOrder: number | null; classOrder: number | null; order: number | null }
type MessageDoc = { id: number; thread: string; body: string; author: number; tenant: number }
type Parent = { specialOrder: number } | { classOrder: number }

const hostOf = (who: string) => (who.startsWith('beta') ? BETA : ALPHA)
const as = (who: string) => ({ ...hostOf(who), token: tokens[who] })

let made = 0
const upload = (who: string, data: Record<string, unknown>) => {
  const form = new FormData()
  form.append('file', new Blob([`record file ${++made} by ${who}`], { type: 'text/plain' }), `${String(data.purpose)}-${who}-${made}.txt`)
  form.append('_payload', JSON.stringify(data))
  return t.api.post('/api/order-files?depth=0', { ...as(who), body: form })
}
const uploaded = async (who: string, data: Record<string, unknown>): Promise<FileDoc> => {
  const res = await upload(who, data)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as FileDoc
}
const whereOf = (parent: Parent) => ('specialOrder' in parent ? `where[specialOrder][equals]=${parent.specialOrder}` : `where[classOrder][equals]=${parent.classOrder}`)
const listedFiles = async (who: string, parent: Parent) => {
  const res = await t.api.get(`/api/order-files?${whereOf(parent)}&limit=100&depth=0&sort=id`, as(who))
  expect(res.status).toBe(200)
  return (res.body.docs as FileDoc[]).map((d) => d.id)
}
const readFile = (who: string, file: FileDoc) => t.api.get(`/api/order-files/${file.id}?depth=0`, as(who))
const download = (who: string, file: FileDoc) => t.api.get(`/api/order-files/file/${file.filename}`, as(who))

const post = (who: string, body: Record<string, unknown>) => t.api.post('/api/order-messages?depth=0', { ...as(who), body })
const listedMessages = async (who: string, parent: Parent) => {
  const res = await t.api.get(`/api/order-messages?${whereOf(parent)}&limit=100&depth=0&sort=id`, as(who))
  expect(res.status).toBe(200)
  return res.body.docs as MessageDoc[]
}

/** Nothing of the file reaches `who`: not listed, 404 by id, the download refused. */
const unseen = async (who: string, file: FileDoc, parent: Parent) => {
  expect(await listedFiles(who, parent)).not.toContain(file.id)
  expect((await readFile(who, file)).status).toBe(404)
  expect([403, 404]).toContain((await download(who, file)).status)
}
const seen = async (who: string, file: FileDoc, parent: Parent) => {
  expect(await listedFiles(who, parent)).toContain(file.id)
  expect((await readFile(who, file)).status).toBe(200)
  const got = await download(who, file)
  expect(got.status).toBe(200)
  expect(String(got.body)).toContain('record file')
}

const act = async (who: string, collection: string, id: number, action: string, body: Record<string, unknown> = {}) => {
  const res = await t.api.post(`/api/${collection}/${id}/actions/${action}`, { ...ALPHA, token: tokens[who], body })
  if (res.status !== 200) throw new Error(`${who} ${action} on ${collection} ${id}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc as SpecialOrder
}
const milestonesOf = async (id: number): Promise<FundingMilestone[]> =>
  (await t.payload.find({ collection: 'funding-milestones', where: { specialOrder: { equals: id } }, sort: 'sequence', depth: 0 })).docs
const pay = async (milestone: FundingMilestone, reference: string) => {
  await fundWallet(t.payload, alpha, ids.client!, milestone.amount, reference)
  const res = await t.api.post('/api/payments/checkout', { ...ALPHA, token: tokens.client, body: { purpose: 'special_order_milestone', milestone: milestone.id, provider: 'wallet' } })
  if (res.status !== 201) throw new Error(`pay milestone: ${res.status} ${JSON.stringify(res.body)}`)
}

/** A quoted special order of client@alpha.test, its deposit paid, assigned to writer@alpha.test and started. */
const workingSpecialOrder = async () => {
  const res = await t.api.post('/api/special-orders', { ...ALPHA, token: tokens.client, body: { title: 'A thesis with files', description: 'Five chapters.' } })
  if (res.status !== 201) throw new Error(`inquiry: ${res.status} ${JSON.stringify(res.body)}`)
  const id = (res.body.doc as SpecialOrder).id
  await act('admin', 'special-orders', id, 'sendQuote', { amount: 20000, description: 'Five chapters' })
  const { docs } = await t.payload.find({ collection: 'special-order-quotes', where: { specialOrder: { equals: id } }, depth: 0 })
  await act('client', 'special-order-quotes', docs[0]!.id, 'accept')
  await pay((await milestonesOf(id))[0]!, `record-files-deposit-${id}`)
  await act('admin', 'special-orders', id, 'assign', { writer: ids.writer, compensationKind: 'fixed', compensationValue: 3000 })
  await act('writer', 'special-orders', id, 'start')
  return id
}

describe('files of a special order', () => {
  it('the client briefs, the assigned writer reads; strangers see nothing; the final file waits for the funded plan', async () => {
    const id = await workingSpecialOrder()
    const parent = { specialOrder: id }
    const brief = await uploaded('client', { specialOrder: id, purpose: 'instructions' })
    expect(brief).toMatchObject({ specialOrder: id, order: null, classOrder: null, tenant: alpha })
    await seen('writer', brief, parent)
    await seen('admin', brief, parent)
    for (const who of ['writer2', 'client2']) await unseen(who, brief, parent)

    // Who adds what: the client no work, a stranger nothing (he cannot see the order).
    expect((await upload('client', { specialOrder: id, purpose: 'final' })).status).toBe(403)
    const stranger = await upload('writer2', { specialOrder: id, purpose: 'draft' })
    expect(stranger.status).toBe(404)
    expect(JSON.stringify(stranger.body)).toContain('specialOrder')

    const draft = await uploaded('writer', { specialOrder: id, purpose: 'draft' })
    const final = await uploaded('writer', { specialOrder: id, purpose: 'final' })
    // The writer's work in progress is never the client's; the final file is locked while the balance is unpaid.
    await unseen('client', draft, parent)
    await unseen('client', final, parent)
    await seen('admin', final, parent)

    await pay((await milestonesOf(id))[1]!, `record-files-balance-${id}`)
    expect((await t.payload.findByID({ collection: 'special-orders', id, depth: 0 })).fundingStatus).toBe('funded')
    await seen('client', final, parent)
    await unseen('client', draft, parent)
    await unseen('client2', final, parent)
  })

  it('a file names exactly one record: an order and a special order together is a 400 naming the field', async () => {
    const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
    const id = await workingSpecialOrder()
    const before = await t.payload.count({ collection: 'order-files' })
    const both = await upload('client', { order: order.id, specialOrder: id, purpose: 'instructions' })
    expect(both.status).toBe(400)
    expect(JSON.stringify(both.body)).toContain('specialOrder')
    const none = await upload('client', { purpose: 'instructions' })
    expect(none.status).toBe(400)
    expect(JSON.stringify(none.body)).toContain('order')
    const message = await post('client', { order: order.id, specialOrder: id, thread: 'client_support', body: 'Both?' })
    expect(message.status).toBe(400)
    expect(JSON.stringify(message.body)).toContain('specialOrder')
    expect((await t.payload.count({ collection: 'order-files' })).totalDocs).toBe(before.totalDocs)
  })
})

describe('files of a class order', () => {
  it('the client and the assigned writer exchange files; the writer loses them when unassigned; Beta’s are not Alpha’s', async () => {
    const klass = await assignedClassFor(t.payload, alpha, { client: ids.client, writer: ids.writer, status: 'in_progress' })
    const parent = { classOrder: klass.id }
    const brief = await uploaded('client', { classOrder: klass.id, purpose: 'reference' })
    await seen('writer', brief, parent)
    const work = await uploaded('writer', { classOrder: klass.id, purpose: 'final' })
    await seen('client', work, parent)
    for (const who of ['writer2', 'client2']) {
      await unseen(who, brief, parent)
      await unseen(who, work, parent)
    }

    await t.payload.update({ collection: 'class-orders', id: klass.id, data: { writer: ids.writer2 }, depth: 0 })
    await unseen('writer', brief, parent)
    await unseen('writer', work, parent)
    await seen('writer2', brief, parent)

    const { docs } = await t.payload.find({ collection: 'tenants', where: { slug: { equals: 'beta' } }, depth: 0 })
    const beta = docs[0]!.id
    const { docs: betaClients } = await t.payload.find({ collection: 'users', where: { email: { equals: 'client@beta.test' } }, depth: 0 })
    const betaClass = await assignedClassFor(t.payload, beta, { client: betaClients[0]!.id })
    const betaFile = await uploaded('betaAdmin', { classOrder: betaClass.id, purpose: 'writer_guide' })
    expect(betaFile.tenant).toBe(beta)
    for (const who of ['admin', 'client', 'writer']) await unseen(who, betaFile, { classOrder: betaClass.id })
    // Naming Beta's class from Alpha is a 404: nothing confirms it exists.
    expect((await upload('admin', { classOrder: betaClass.id, purpose: 'internal' })).status).toBe(404)
  })
})

describe('messages of special and class orders', () => {
  it('client ↔ writer on a class order; the support thread of a special order; strangers refused and lists filtered', async () => {
    const klass = await assignedClassFor(t.payload, alpha, { client: ids.client, writer: ids.writer, status: 'in_progress' })
    const classParent = { classOrder: klass.id }
    const hello = await post('client', { classOrder: klass.id, thread: 'client_writer', body: 'Week 3 quiz is due Friday.' })
    expect(hello.status, JSON.stringify(hello.body)).toBe(201)
    const reply = await post('writer', { classOrder: klass.id, thread: 'client_writer', body: 'On it.' })
    expect(reply.status).toBe(201)
    expect((await listedMessages('writer', classParent)).map((m) => m.body)).toEqual(['Week 3 quiz is due Friday.', 'On it.'])
    expect((await listedMessages('client', classParent)).length).toBe(2)
    expect(await listedMessages('writer2', classParent)).toEqual([])
    expect(await listedMessages('client2', classParent)).toEqual([])
    expect([403, 404]).toContain((await post('writer2', { classOrder: klass.id, thread: 'client_writer', body: 'Hi' })).status)
    // Contact details stay masked in the client–writer thread.
    const masked = await post('client', { classOrder: klass.id, thread: 'client_writer', body: 'Mail me at someone@example.com' })
    expect(masked.status).toBe(201)
    expect((masked.body.doc as MessageDoc).body).not.toContain('someone@example.com')
    // The client hears of the writer's reply, about the class order.
    const notices = await t.payload.find({ collection: 'notifications', where: { recipient: { equals: ids.client } }, sort: '-id', limit: 5, depth: 0 })
    expect(JSON.stringify(notices.docs)).toContain(`"classOrderId":${klass.id}`)

    const id = await workingSpecialOrder()
    const specialParent = { specialOrder: id }
    const ask = await post('client', { specialOrder: id, thread: 'client_support', body: 'Can the deadline move?' })
    expect(ask.status, JSON.stringify(ask.body)).toBe(201)
    const answer = await post('support', { specialOrder: id, thread: 'client_support', body: 'Yes, by a week.' })
    expect(answer.status).toBe(201)
    expect((await listedMessages('client', specialParent)).map((m) => m.thread)).toEqual(['client_support', 'client_support'])
    // The writer is no member of the client's support thread: he neither reads nor posts in it.
    expect(await listedMessages('writer', specialParent)).toEqual([])
    expect((await post('writer', { specialOrder: id, thread: 'client_support', body: 'Hello' })).status).toBe(403)
    expect((await post('writer', { specialOrder: id, thread: 'writer_support', body: 'Sources?' })).status).toBe(201)
    expect((await listedMessages('client', specialParent)).map((m) => m.thread)).not.toContain('writer_support')
    expect([403, 404]).toContain((await post('client2', { specialOrder: id, thread: 'client_support', body: 'Me too' })).status)
    expect(await listedMessages('client2', specialParent)).toEqual([])

    // Messaging switched off on the website: its clients and writers are refused, its staff still write.
    await whileOff(t, alpha, 'messagingEnabled', async () => {
      expect((await post('client', { specialOrder: id, thread: 'client_support', body: 'Still there?' })).status).toBe(403)
      expect((await post('writer', { classOrder: klass.id, thread: 'client_writer', body: 'Still there?' })).status).toBe(403)
      expect((await post('support', { specialOrder: id, thread: 'client_support', body: 'We are.' })).status).toBe(201)
    })
  })
})
