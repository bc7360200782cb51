import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '@/seed/demoData'
import type { Ticket } from '@/payload-types'

import { type OrderPeople, orderPeople, type Who } from '../helpers/orderPeople'
import { runSchedule } from '../helpers/schedules'
import { placeOrderFor } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * Support tickets (issue 15, reference §9.2): opened by clients and writers, assigned
 * round-robin by load, worked through the workflow's actions and messages, watched by
 * the SLA schedule on a controlled clock; an opener reads only their own tickets and
 * never an internal note, over REST and GraphQL.
 */
let t: TestContext
let p: OrderPeople
const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
type Row = Record<string, unknown>
const query = async (q: ReturnType<typeof sql>) => (await (t.payload.db as unknown as { drizzle: { execute: (q: ReturnType<typeof sql>) => Promise<{ rows: Row[] }> } }).drizzle.execute(q)).rows

/** A second support agent of Alpha (support2@alpha.test), made when a test needs two. */
let support2: { id: number; token: string } | null = null
const secondAgent = async () => {
  if (support2) return support2
  const email = 'support2@alpha.test'
  const user = await t.payload.create({ collection: 'users', data: { name: 'Support Two', email, password: DEMO_PASSWORD, roles: ['support'], tenants: [{ tenant: p.alphaId }] } as never, depth: 0 })
  support2 = { id: user.id, token: await t.api.login(email, DEMO_PASSWORD, { host: 'alpha.test' }) }
  return support2
}

beforeAll(async () => {
  t = await startTestPayload()
  p = await orderPeople(t)
})
afterAll(async () => t?.close())

const as = (who: Who) => p.as(who)
const open = (who: Who, body: Record<string, unknown>) => t.api.post('/api/tickets', { ...as(who), body })
const mustOpen = async (who: Who, body: Record<string, unknown> = {}): Promise<Ticket> => {
  const res = await open(who, { subject: 'My paper is late', description: 'It was due yesterday.', ...body })
  if (res.status !== 201) throw new Error(`opening failed: ${res.status} ${JSON.stringify(res.body)}`)
  return ticketDoc(res.body.doc.id)
}
const ticketDoc = (id: number) => t.payload.findByID({ collection: 'tickets', id, depth: 0 })
const act = (who: Who, id: number, action: string, body: Record<string, unknown> = {}) => t.api.post(`/api/tickets/${id}/actions/${action}`, { ...as(who), body })
const must = async (who: Who, id: number, action: string, body: Record<string, unknown> = {}) => {
  const res = await act(who, id, action, body)
  if (res.status !== 200) throw new Error(`${who} ${action} on ticket ${id}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.doc as Ticket
}
const message = (who: Who | { token: string }, body: Record<string, unknown>) =>
  t.api.post('/api/ticket-messages', typeof who === 'string' ? { ...as(who), body } : { host: 'alpha.test', token: who.token, body })
/** Live events told to `user` of `event` (notify's outbox rows). */
const told = async (event: string, user: number) =>
  (await t.payload.find({ collection: 'outbox', where: { type: { equals: 'live.event' } }, pagination: false, depth: 0 })).docs.filter((r) => {
    const payload = r.payload as { event?: string; audience?: { user?: number } }
    return payload.event === event && payload.audience?.user === user
  })
const gql = (who: Who, query: string) => t.api.graphql(query, as(who))

describe('opening a ticket', () => {
  it('numbers it per website, starts its SLA clock by priority and assigns it to the website’s agent', async () => {
    const before = Date.now()
    const ticket = await mustOpen('client', { priority: 'critical', category: 'payment' })
    expect(ticket).toMatchObject({ status: 'open', opener: p.ids.client, openerRole: 'client', assignee: p.ids.support, priority: 'critical', category: 'payment' })
    expect(ticket.number).toMatch(/^TCK-\d{6}$/)
    const firstResponse = new Date(ticket.sla!.firstResponseDueAt!).getTime()
    const resolution = new Date(ticket.sla!.resolutionDueAt!).getTime()
    expect(firstResponse - before).toBeGreaterThanOrEqual(30 * MINUTE - 1000)
    expect(firstResponse - before).toBeLessThanOrEqual(31 * MINUTE)
    expect(resolution - firstResponse).toBe(30 * MINUTE)
    const next = await mustOpen('writer')
    expect(Number(next.number!.slice(4))).toBe(Number(ticket.number!.slice(4)) + 1)
    expect(next.openerRole).toBe('writer')
    // The agent is told, the opener (who acted) is not.
    expect(await told('ticket.assigned', p.ids.support!)).not.toHaveLength(0)
    expect(await told('ticket.assigned', p.ids.client!)).toHaveLength(0)
  })

  it('takes a website’s own SLA targets from its settings', async () => {
    await t.payload.update({ collection: 'tenants', id: p.alphaId, data: { settings: { tickets: { lowFirstResponseMinutes: 10, lowResolutionMinutes: 20 } } } as never, depth: 0 })
    const ticket = await mustOpen('client', { priority: 'low' })
    expect(new Date(ticket.sla!.resolutionDueAt!).getTime() - new Date(ticket.sla!.firstResponseDueAt!).getTime()).toBe(10 * MINUTE)
    await t.payload.update({ collection: 'tenants', id: p.alphaId, data: { settings: { tickets: { lowFirstResponseMinutes: 2160, lowResolutionMinutes: 4320 } } } as never, depth: 0 })
  })

  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    const count = async () => (await t.payload.count({ collection: 'tickets' })).totalDocs
    const before = await count()
    const cases: [Record<string, unknown>, string][] = [
      [{ description: 'No subject' }, 'subject'],
      [{ subject: 'ab', description: 'Too short' }, 'subject'],
      [{ subject: 'Fine subject' }, 'description'],
      [{ subject: 'Fine subject', description: 'x', priority: 'urgent' }, 'priority'],
      [{ subject: 'Fine subject', description: 'x', category: 42 }, 'category'],
      [{ subject: 'Fine subject', description: 'x', order: 'abc' }, 'order'],
      [{ subject: 'Fine subject', description: 'x', attachments: 'nope' }, 'attachments'],
    ]
    for (const [body, field] of cases) {
      const res = await open('client', body)
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400)
      expect(res.status, JSON.stringify(body)).toBeLessThan(500)
      expect(JSON.stringify(res.body), JSON.stringify(body)).toContain(field)
    }
    // Another client's order is not the opener's own.
    const other = await placeOrderFor(t.payload, p.alphaId, 'client2@alpha.test')
    const res = await open('client', { subject: 'About an order', description: 'x', order: other.id })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('order')
    expect(await count()).toBe(before)
    // An order of their own is fine.
    const mine = await placeOrderFor(t.payload, p.alphaId, 'client@alpha.test')
    expect((await mustOpen('client', { order: mine.id })).order).toBe(mine.id)
  })

  it('over GraphQL too: createTicket opens one, and bad input names the field', async () => {
    // GraphQL's input type asks for every required field, the server's status included (as for fines); the server sets it.
    const ok = await gql('writer', `mutation { createTicket(data: { subject: "Payout missing", description: "Where is it?", category: payment, priority: high, status: closed }) { id number status opener { id } } }`)
    expect(ok.body.errors).toBeUndefined()
    expect(ok.body.data.createTicket).toMatchObject({ status: 'open', opener: { id: p.ids.writer } })
    const bad = await gql('writer', `mutation { createTicket(data: { subject: "x", description: "Too short a subject", status: open }) { id } }`)
    expect(JSON.stringify(bad.body.errors)).toContain('subject')
    const staff = await gql('support', `mutation { createTicket(data: { subject: "Staff ticket", description: "x", status: open }) { id } }`)
    expect(staff.body.errors?.length).toBeGreaterThan(0)
  })

  it('is for clients and writers only', async () => {
    expect((await open('support', { subject: 'Staff ticket', description: 'x' })).status).toBe(403)
    expect((await open('anonymous', { subject: 'Nobody', description: 'x' })).status).toBe(403)
  })
})

describe('what the server decides', () => {
  it('a body never sets the status, assignee, SLA clock, breach flags, website, opener or counters, over REST or GraphQL', async () => {
    const forged = {
      status: 'closed',
      assignee: p.ids.admin,
      assignedAt: '2020-01-01T00:00:00.000Z',
      number: 'TCK-999999',
      opener: p.ids.client2,
      openerRole: 'writer',
      sla: { firstResponseDueAt: '2099-01-01T00:00:00.000Z', resolutionDueAt: '2099-01-01T00:00:00.000Z', firstRespondedAt: '2020-01-01T00:00:00.000Z', firstResponseBreachedAt: '2020-01-01T00:00:00.000Z', resolutionBreachedAt: '2020-01-01T00:00:00.000Z' },
      escalationReason: 'forged',
      resolution: 'forged',
      closedAt: '2020-01-01T00:00:00.000Z',
      reopenCount: 7,
    }
    // Another website is refused outright, writing nothing.
    const before = (await t.payload.count({ collection: 'tickets' })).totalDocs
    const elsewhere = await open('client', { subject: 'On Beta', description: 'x', tenant: p.betaId })
    expect(elsewhere.status).toBeGreaterThanOrEqual(400)
    expect(elsewhere.status).toBeLessThan(500)
    expect(JSON.stringify(elsewhere.body)).toContain('tenant')
    expect((await t.payload.count({ collection: 'tickets' })).totalDocs).toBe(before)
    const res = await open('client', { subject: 'Forged fields', description: 'x', ...forged })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const doc = await ticketDoc(res.body.doc.id)
    expect(doc).toMatchObject({ status: 'open', assignee: p.ids.support, opener: p.ids.client, openerRole: 'client', tenant: p.alphaId, reopenCount: 0 })
    expect(doc.number).not.toBe('TCK-999999')
    expect([doc.escalationReason ?? null, doc.resolution ?? null, doc.closedAt ?? null]).toEqual([null, null, null])
    expect([doc.sla?.firstRespondedAt ?? null, doc.sla?.firstResponseBreachedAt ?? null, doc.sla?.resolutionBreachedAt ?? null]).toEqual([null, null, null])
    expect(new Date(doc.sla!.resolutionDueAt!).getTime()).toBeLessThan(Date.now() + 2 * 24 * HOUR)

    const mutation = `mutation { createTicket(data: { subject: "Forged over GraphQL", description: "x", category: general, priority: low, status: closed, reopenCount: 7, resolution: "forged", escalationReason: "forged", closedAt: "2020-01-01T00:00:00.000Z", sla: { firstResponseBreachedAt: "2020-01-01T00:00:00.000Z", firstRespondedAt: "2020-01-01T00:00:00.000Z" } }) { id } }`
    const made = await gql('writer', mutation)
    expect(made.body.errors, JSON.stringify(made.body)).toBeUndefined()
    const viaGql = await ticketDoc(made.body.data.createTicket.id)
    expect(viaGql).toMatchObject({ status: 'open', opener: p.ids.writer, reopenCount: 0 })
    expect([viaGql.escalationReason ?? null, viaGql.resolution ?? null, viaGql.closedAt ?? null, viaGql.sla?.firstResponseBreachedAt ?? null, viaGql.sla?.firstRespondedAt ?? null]).toEqual([null, null, null, null, null])

    // Nobody edits a ticket, a message or a file over the API: only the workflow moves them.
    for (const who of ['client', 'support', 'admin'] as const) {
      expect((await t.api.patch(`/api/tickets/${doc.id}`, { ...as(who), body: { status: 'closed', assignee: p.ids.admin } })).status).toBe(403)
      const gqlUpdate = await gql(who, `mutation { updateTicket(id: ${doc.id}, data: { subject: "Changed" }) { id } }`)
      expect(gqlUpdate.body.errors?.length, who).toBeGreaterThan(0)
    }
    // A message's author and side are the server's too.
    const reply = await t.api.post('/api/ticket-messages', { ...as('client'), body: { ticket: doc.id, body: 'Posing as staff', byStaff: true, author: p.ids.support, opener: p.ids.client2 } })
    expect(reply.status).toBe(201)
    expect(reply.body.doc).toMatchObject({ author: p.ids.client, byStaff: false, internal: false, opener: p.ids.client })
    expect((await ticketDoc(doc.id)).sla?.firstRespondedAt ?? null).toBeNull()
    const after = await ticketDoc(doc.id)
    expect(after).toMatchObject({ status: 'open', subject: 'Forged fields', assignee: p.ids.support })
  })

  it('a writer names only an order they work on', async () => {
    const others = await placeOrderFor(t.payload, p.alphaId, 'client@alpha.test')
    const res = await open('writer', { subject: 'About an order', description: 'x', order: others.id })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].path).toBe('order')
    const working = await p.workingOrder()
    expect((await mustOpen('writer', { order: working.id })).order).toBe(working.id)
  })
})

describe('who reads what', () => {
  it('a client never reads another client’s ticket, over REST or GraphQL', async () => {
    const ticket = await mustOpen('client', { subject: 'Private matter' })
    expect((await t.api.get(`/api/tickets/${ticket.id}`, as('client2'))).status).toBe(404)
    expect((await t.api.get(`/api/tickets?where[id][equals]=${ticket.id}`, as('client2'))).body.totalDocs).toBe(0)
    expect((await t.api.get(`/api/tickets/${ticket.id}`, as('betaClient'))).status).toBe(404)
    expect((await t.api.get(`/api/tickets/${ticket.id}`, as('client'))).status).toBe(200)
    expect((await t.api.get(`/api/tickets/${ticket.id}`, as('support'))).status).toBe(200)
    // Support of another website, and staff who do not work tickets (an editor), see none of Alpha's.
    const beta = { host: 'beta.test', token: await t.api.login('support@beta.test', DEMO_PASSWORD, { host: 'beta.test' }) }
    expect((await t.api.get(`/api/tickets/${ticket.id}`, beta)).status).toBe(404)
    expect((await t.api.get(`/api/tickets/count?where[tenant][equals]=${p.alphaId}`, beta)).body.totalDocs).toBe(0)
    expect((await t.api.graphql(`{ Tickets(limit: 100) { docs { id } } }`, beta)).body.data.Tickets.docs.map((d: { id: number }) => d.id)).not.toContain(ticket.id)
    expect((await t.api.post(`/api/tickets/${ticket.id}/actions/take`, { ...beta, body: {} })).status).toBe(404)
    expect((await t.api.get('/api/tickets/count', as('editor'))).body.totalDocs).toBe(0)
    const one = await gql('client2', `{ Ticket(id: ${ticket.id}) { id subject } }`)
    expect(one.body.data?.Ticket ?? null).toBeNull()
    const many = await gql('client2', `{ Tickets(limit: 100) { docs { id opener { id } } } }`)
    const ids = (many.body.data.Tickets.docs as { id: number; opener: { id: number } | null }[]).map((d) => d.id)
    expect(ids).not.toContain(ticket.id)
    // The other client cannot write on it either (it does not exist for them).
    expect((await message('client2', { ticket: ticket.id, body: 'Let me in' })).status).toBe(404)
    expect((await act('client2', ticket.id, 'close')).status).toBe(404)
  })

  it('a client never reads an internal note or its file, over REST or GraphQL; staff do', async () => {
    const ticket = await mustOpen('client', { subject: 'Refund question' })
    const form = new FormData()
    form.append('file', new Blob(['staff only'], { type: 'text/plain' }), 'internal.txt')
    form.append('_payload', JSON.stringify({}))
    const upload = await t.api.post('/api/ticket-attachments?depth=0', { ...as('support'), body: form })
    expect(upload.status, JSON.stringify(upload.body)).toBe(201)
    const file = upload.body.doc as { id: number; filename: string }
    const note = await message('support', { ticket: ticket.id, body: 'The client was rude last time.', internal: true, attachments: [file.id] })
    expect(note.status, JSON.stringify(note.body)).toBe(201)
    const reply = await message('support', { ticket: ticket.id, body: 'We are looking into it.' })
    expect(reply.status).toBe(201)
    const noteId = note.body.doc.id as number
    const replyId = reply.body.doc.id as number

    const listed = await t.api.get(`/api/ticket-messages?where[ticket][equals]=${ticket.id}&limit=100&depth=0`, as('client'))
    expect(listed.status).toBe(200)
    expect((listed.body.docs as { id: number }[]).map((d) => d.id)).toEqual([replyId])
    expect((await t.api.get(`/api/ticket-messages/${noteId}`, as('client'))).status).toBe(404)
    expect((await t.api.get(`/api/ticket-messages?where[internal][equals]=true`, as('client'))).body.totalDocs).toBe(0)
    const gqlOne = await gql('client', `{ TicketMessage(id: ${noteId}) { id body } }`)
    expect(gqlOne.body.data?.TicketMessage ?? null).toBeNull()
    const gqlMany = await gql('client', `{ TicketMessages(limit: 100) { docs { id body internal } } }`)
    const seen = gqlMany.body.data.TicketMessages.docs as { id: number; internal: boolean | null }[]
    expect(seen.map((d) => d.id)).toContain(replyId)
    expect(seen.map((d) => d.id)).not.toContain(noteId)
    // The note's file: not the opener's to read or download.
    expect((await t.api.get(`/api/ticket-attachments/${file.id}`, as('client'))).status).toBe(404)
    expect((await t.api.get(`/api/ticket-attachments/file/${file.filename}`, { ...as('client'), unchecked: true })).status).toBeGreaterThanOrEqual(400)
    expect((await t.api.get(`/api/ticket-attachments/file/${file.filename}`, { ...as('admin'), unchecked: true })).status).toBe(200)
    // Staff read everything.
    const staff = await t.api.get(`/api/ticket-messages?where[ticket][equals]=${ticket.id}&limit=100&depth=0&sort=id`, as('admin'))
    expect((staff.body.docs as { id: number }[]).map((d) => d.id)).toEqual([noteId, replyId])
    // Nor is the client told of the note, nor does their activity feed show it (the note's audit row is staff's).
    expect((await told('ticket.noted', p.ids.client!)).length).toBe(0)
    const feed = await t.api.get('/api/activity?limit=50', as('client'))
    expect(feed.status).toBe(200)
    const items = feed.body.docs as { action: string; collection: string | null; record: number | null }[]
    expect(items.filter((i) => i.collection === 'tickets' && i.record === ticket.id).map((i) => i.action)).not.toContain('note')
    expect(items.filter((i) => i.collection === 'ticket-messages').map((i) => i.record)).not.toContain(noteId)
    expect(items.filter((i) => i.collection === 'ticket-attachments').map((i) => i.record)).not.toContain(file.id)
    // Lists, counts and populated relationships leave the note and its file out as well.
    expect((await t.api.get(`/api/ticket-messages/count?where[ticket][equals]=${ticket.id}`, as('client'))).body.totalDocs).toBe(1)
    const files = await t.api.get('/api/ticket-attachments?limit=100&depth=0', as('client'))
    expect((files.body.docs as { id: number }[]).map((d) => d.id)).not.toContain(file.id)
    expect((await t.api.get(`/api/ticket-attachments/count?where[id][equals]=${file.id}`, as('client'))).body.totalDocs).toBe(0)
    const deep = await t.api.get(`/api/tickets/${ticket.id}?depth=3`, as('client'))
    expect(JSON.stringify(deep.body)).not.toContain('The client was rude')
    expect(JSON.stringify(deep.body)).not.toContain(file.filename)
    const gqlFiles = await gql('client', `{ TicketAttachments(limit: 100) { docs { id filename url } } }`)
    expect(JSON.stringify(gqlFiles.body)).not.toContain(file.filename)
    // A client may not write an internal note.
    const attempt = await message('client', { ticket: ticket.id, body: 'Sneaky', internal: true })
    expect(attempt.status).toBe(403)
    // The breach flags and the escalation note are staff's.
    await must('support', ticket.id, 'escalate', { reason: 'Legal threat' })
    const read = await t.api.get(`/api/tickets/${ticket.id}`, as('client'))
    expect(read.body.escalationReason).toBeUndefined()
    expect(read.body.sla.firstResponseBreachedAt).toBeUndefined()
    expect((await t.api.get(`/api/tickets/${ticket.id}`, as('support'))).body.escalationReason).toBe('Legal threat')
    // Nor does the answer to their own reply or action carry them.
    const answered = await message('client', { ticket: ticket.id, body: 'Any news?' })
    expect(answered.status).toBe(201)
    expect(answered.body.ticket.status).toBe('escalated')
    expect(answered.body.ticket.escalationReason).toBeUndefined()
    expect(answered.body.ticket.sla).not.toHaveProperty('firstResponseBreachedAt')
    const closedByClient = await act('client', ticket.id, 'close')
    expect(closedByClient.body.doc.escalationReason).toBeUndefined()
    expect(closedByClient.body.doc.sla).not.toHaveProperty('resolutionBreachedAt')
  })

  it('the opener attaches their own file when opening; the agent downloads it, another client cannot', async () => {
    const form = new FormData()
    form.append('file', new Blob(['screenshot'], { type: 'text/plain' }), 'screen.txt')
    form.append('_payload', JSON.stringify({}))
    const upload = await t.api.post('/api/ticket-attachments?depth=0', { ...as('client'), body: form })
    expect(upload.status, JSON.stringify(upload.body)).toBe(201)
    const file = upload.body.doc as { id: number; filename: string }
    const ticket = await mustOpen('client', { attachments: [file.id] })
    expect(ticket.attachments).toEqual([file.id])
    expect((await t.payload.findByID({ collection: 'ticket-attachments', id: file.id, depth: 0 })).ticket).toBe(ticket.id)
    expect((await t.api.get(`/api/ticket-attachments/file/${file.filename}`, { ...as('support'), unchecked: true })).status).toBe(200)
    expect((await t.api.get(`/api/ticket-attachments/file/${file.filename}`, { ...as('client'), unchecked: true })).status).toBe(200)
    expect((await t.api.get(`/api/ticket-attachments/file/${file.filename}`, { ...as('client2'), unchecked: true })).status).toBeGreaterThanOrEqual(400)
    // Each download leaves an audit row (actor, website, file, its ticket), as an order file's does; a refused one none.
    const downloads = await query(sql`SELECT actor, actor_role, tenant_id, target_collection, changes, parties FROM audit_events WHERE action = 'file_download' AND target_collection = 'ticket-attachments' AND target_id = ${String(file.id)} ORDER BY id`)
    expect(downloads.map((r) => Number(r.actor))).toEqual([p.ids.support, p.ids.client])
    expect(downloads[0]).toMatchObject({ actor_role: 'support', tenant_id: p.alphaId, changes: { ticket: ticket.id, message: null, internal: false, filename: file.filename } })
    // A file goes on one ticket only, and only its uploader attaches it.
    const again = await open('client', { subject: 'Same file', description: 'x', attachments: [file.id] })
    expect(again.status).toBe(400)
    expect(JSON.stringify(again.body)).toContain('attachments')
    // Two tickets sent at once with one fresh file: one takes it, the other is refused.
    const race = new FormData()
    race.append('file', new Blob(['twice'], { type: 'text/plain' }), 'twice.txt')
    race.append('_payload', JSON.stringify({}))
    const shared = (await t.api.post('/api/ticket-attachments?depth=0', { ...as('client'), body: race })).body.doc as { id: number }
    const both = await Promise.all([1, 2].map((n) => open('client', { subject: `Race ${n}`, description: 'x', attachments: [shared.id] })))
    expect(both.map((r) => r.status).sort()).toEqual([201, 400])
    const holders = await t.payload.find({ collection: 'tickets', where: { attachments: { in: [shared.id] } }, depth: 0 })
    expect(holders.totalDocs).toBe(1)
  })
})

describe('the conversation and the workflow', () => {
  it('a staff reply is the first response and waits for the opener; the opener’s reply hands it back', async () => {
    const ticket = await mustOpen('client')
    const staffReply = await message('support', { ticket: ticket.id, body: 'Which order is it?' })
    expect(staffReply.status).toBe(201)
    expect(staffReply.body.ticket.status).toBe('awaiting_response')
    const after = await ticketDoc(ticket.id)
    expect(after.sla?.firstRespondedAt).toBeTruthy()
    expect(await told('ticket.replied', p.ids.client!)).toEqual(expect.arrayContaining([expect.objectContaining({ payload: expect.objectContaining({ data: expect.objectContaining({ message: staffReply.body.doc.id }) }) })]))
    const clientReply = await message('client', { ticket: ticket.id, body: 'Order 42.' })
    expect(clientReply.status).toBe(201)
    expect(clientReply.body.ticket.status).toBe('in_progress')
    // Each reply tells the other party once, never the author.
    expect((await told('ticket.replied', p.ids.support!)).filter((r) => (r.payload as { data: { message: number } }).data.message === clientReply.body.doc.id)).toHaveLength(1)
    expect((await told('ticket.replied', p.ids.client!)).filter((r) => (r.payload as { data: { message: number } }).data.message === clientReply.body.doc.id)).toHaveLength(0)
    // The first response is kept, not moved by later replies.
    await message('support', { ticket: ticket.id, body: 'Found it.' })
    expect((await ticketDoc(ticket.id)).sla?.firstRespondedAt).toBe(after.sla?.firstRespondedAt)
    expect((await message('client', { ticket: ticket.id, body: '' })).status).toBe(400)
    expect(JSON.stringify((await message('client', { ticket: 'x', body: 'hi' })).body)).toContain('ticket')
  })

  it('lists the actions each party may take; support takes and assigns, the opener may not', async () => {
    const ticket = await mustOpen('writer')
    const mine = await t.api.get(`/api/tickets/${ticket.id}/actions`, as('writer'))
    expect(mine.status).toBe(200)
    expect((mine.body.available as { action: string }[]).map((a) => a.action).sort()).toEqual(['close', 'reply'])
    const staff = await t.api.get(`/api/tickets/${ticket.id}/actions`, as('admin'))
    expect((staff.body.available as { action: string }[]).map((a) => a.action)).toEqual(expect.arrayContaining(['take', 'assign', 'reply', 'note', 'escalate', 'close']))
    expect((await act('writer', ticket.id, 'take')).status).toBe(403)
    const taken = await must('admin', ticket.id, 'take')
    expect(taken).toMatchObject({ assignee: p.ids.admin, status: 'in_progress' })
    expect((await act('admin', ticket.id, 'assign', { assignee: p.ids.client })).status).toBe(400)
    const assigned = await must('admin', ticket.id, 'assign', { assignee: p.ids.support })
    expect(assigned.assignee).toBe(p.ids.support)
    expect(await told('ticket.assigned', p.ids.writer!)).not.toHaveLength(0)
  })

  it('walks open → in_progress → awaiting_response → escalated → closed → reopened, each step on the timeline', async () => {
    const ticket = await mustOpen('client')
    await t.payload.update({ collection: 'tickets', id: ticket.id, data: { assignee: null }, depth: 0 })
    const steps: [Who, string, Record<string, unknown>, string][] = [
      ['support', 'take', {}, 'in_progress'],
      ['support', 'reply', { body: 'Could you send the order number?' }, 'awaiting_response'],
      ['admin', 'escalate', { reason: 'Chargeback threatened' }, 'escalated'],
      ['support', 'close', { resolution: 'Refunded.' }, 'closed'],
      ['client', 'reopen', { reason: 'Not refunded yet' }, 'in_progress'],
    ]
    for (const [who, action, body, status] of steps) expect((await must(who, ticket.id, action, body)).status, action).toBe(status)
    const escalated = await t.api.get(`/api/tickets/${ticket.id}`, as('support'))
    expect(escalated.body).toMatchObject({ priority: 'critical', escalationReason: 'Chargeback threatened', reopenCount: 1, resolution: null })
    const timeline = await t.payload.find({ collection: 'workflow-events', where: { and: [{ collection: { equals: 'tickets' } }, { document: { equals: ticket.id } }] }, sort: 'id', depth: 0 })
    expect(timeline.docs.map((e) => `${e.action}:${e.to}`)).toEqual(['open:open', 'take:in_progress', 'reply:awaiting_response', 'escalate:escalated', 'close:closed', 'reopen:in_progress'])
    // The timeline is the ticket staff's: an editor (staff who do not work tickets) reads none of it, nor its escalation reason.
    const timelineOf = (who: Who) => t.api.get(`/api/workflow-events?where[collection][equals]=tickets&where[document][equals]=${ticket.id}&depth=0&limit=50`, as(who))
    expect((await timelineOf('support')).body.totalDocs).toBe(6)
    expect((await timelineOf('editor')).body.totalDocs).toBe(0)
    expect((await gql('editor', `{ WorkflowEvents(limit: 100, where: { collection: { equals: tickets } }) { totalDocs } }`)).body.data.WorkflowEvents.totalDocs).toBe(0)
    expect((await timelineOf('client')).body.totalDocs).toBe(0)
    // Escalating twice, or closing a closed ticket, is an illegal state change.
    expect((await act('admin', ticket.id, 'escalate', { reason: 'Again' })).status).toBe(200)
    expect((await act('admin', ticket.id, 'escalate', { reason: 'Again' })).status).toBe(409)
    // Every action is on the audit trail by its name.
    const audited = await query(sql`SELECT action FROM audit_events WHERE kind = 'workflow' AND target_collection = 'tickets' AND target_id = ${String(ticket.id)} ORDER BY id`)
    expect(audited.map((r) => r.action)).toEqual(['take', 'reply', 'escalate', 'close', 'reopen', 'escalate'])
  })

  it('the opener reopens within the website’s window, not after; staff reopen any time', async () => {
    const ticket = await mustOpen('client')
    const closed = await must('client', ticket.id, 'close')
    expect(closed.status).toBe('closed')
    expect((await message('client', { ticket: ticket.id, body: 'One more thing' })).status).toBe(409)
    const reopened = await must('client', ticket.id, 'reopen')
    expect(reopened.status).toBe('in_progress')
    expect(reopened.reopenCount).toBe(1)
    await must('support', ticket.id, 'close', { resolution: 'Answered.' })
    expect(await told('ticket.closed', p.ids.client!)).not.toHaveLength(0)
    // Closed 73 hours ago: past the default 72-hour window.
    await query(sql`UPDATE tickets SET closed_at = ${new Date(Date.now() - 73 * HOUR).toISOString()} WHERE id = ${ticket.id}`)
    const late = await act('client', ticket.id, 'reopen')
    expect(late.status).toBe(422)
    expect(late.body.errors[0].message).toMatch(/72 hours/)
    // A website with a longer window lets them.
    await t.payload.update({ collection: 'tenants', id: p.alphaId, data: { settings: { tickets: { reopenWindowHours: 96 } } } as never, depth: 0 })
    expect((await act('client', ticket.id, 'reopen')).status).toBe(200)
    await t.payload.update({ collection: 'tenants', id: p.alphaId, data: { settings: { tickets: { reopenWindowHours: 72 } } } as never, depth: 0 })
    await must('support', ticket.id, 'close')
    await query(sql`UPDATE tickets SET closed_at = ${new Date(Date.now() - 100 * HOUR).toISOString()} WHERE id = ${ticket.id}`)
    expect((await act('support', ticket.id, 'reopen')).status).toBe(200)
  })
})

describe('the SLA schedule (controlled clock)', () => {
  it('flags a missed first response once, reassigns the ticket to the next agent and alerts; a missed resolution escalates', async () => {
    const agent2 = await secondAgent()
    // Every other live ticket of the file is closed: loads start equal.
    await query(sql`UPDATE tickets SET status = 'closed' WHERE status <> 'closed'`)
    const ticket = await mustOpen('client', { priority: 'critical' })
    const first = ticket.assignee as number
    const other = first === p.ids.support ? agent2.id : p.ids.support!
    const events = async () => (await t.payload.find({ collection: 'workflow-events', where: { and: [{ collection: { equals: 'tickets' } }, { document: { equals: ticket.id } }, { action: { equals: 'flagBreach' } }] }, depth: 0 })).docs

    // Not due yet at 29 minutes.
    await runSchedule(t.payload, 'tickets-sla', new Date(Date.now() + 29 * MINUTE))
    expect((await ticketDoc(ticket.id)).sla?.firstResponseBreachedAt ?? null).toBeNull()

    const at = new Date(Date.now() + 31 * MINUTE)
    const counts = await runSchedule(t.payload, 'tickets-sla', at)
    expect(counts).toMatchObject({ done: 1, failed: 0 })
    const breached = await ticketDoc(ticket.id)
    expect(breached.sla?.firstResponseBreachedAt).toBe(at.toISOString())
    expect(breached.assignee).toBe(other)
    expect(breached.status).toBe('open')
    expect(await told('ticket.sla_breached', p.ids.admin!)).toHaveLength(1)
    expect(await told('ticket.sla_breached', first)).toHaveLength(1)
    expect(await told('ticket.assigned', other)).not.toHaveLength(0)

    // Once: later runs before the resolution target change nothing and tell nobody again.
    await runSchedule(t.payload, 'tickets-sla', new Date(Date.now() + 40 * MINUTE))
    await runSchedule(t.payload, 'tickets-sla', new Date(Date.now() + 45 * MINUTE))
    const still = await ticketDoc(ticket.id)
    expect(still.sla?.firstResponseBreachedAt).toBe(at.toISOString())
    expect(still.assignee).toBe(other)
    expect(await events()).toHaveLength(1)
    expect(await told('ticket.sla_breached', p.ids.admin!)).toHaveLength(1)

    // The resolution target (1 h for critical) passes: flagged once, escalated.
    await runSchedule(t.payload, 'tickets-sla', new Date(Date.now() + 61 * MINUTE))
    await runSchedule(t.payload, 'tickets-sla', new Date(Date.now() + 90 * MINUTE))
    const escalated = await ticketDoc(ticket.id)
    expect(escalated.status).toBe('escalated')
    expect(escalated.sla?.resolutionBreachedAt).toBeTruthy()
    expect(await events()).toHaveLength(2)
    expect(await told('ticket.sla_breached', p.ids.admin!)).toHaveLength(2)
    // The opener hears nothing of breaches, nor finds them in their activity feed.
    expect(await told('ticket.sla_breached', p.ids.client!)).toHaveLength(0)
    const feed = (await t.api.get('/api/activity?limit=50', as('client'))).body.docs as { action: string }[]
    expect(feed.some((i) => i.action === 'flagBreach')).toBe(false)
  })

  it('gives a breached ticket nobody holds to an agent, whichever target it missed', async () => {
    const ticket = await mustOpen('client', { priority: 'critical' })
    // Opened when the website had no agent free: nobody holds it.
    await t.payload.update({ collection: 'tickets', id: ticket.id, data: { assignee: null, assignedAt: null }, depth: 0 })
    await runSchedule(t.payload, 'tickets-sla', new Date(Date.now() + 31 * MINUTE))
    const first = await ticketDoc(ticket.id)
    expect(first.sla?.firstResponseBreachedAt).toBeTruthy()
    expect(first.assignee).not.toBeNull()
    // Answered, then let go: the missed resolution escalates it and gives it to an agent again.
    await t.payload.update({ collection: 'tickets', id: ticket.id, data: { assignee: null, assignedAt: null, sla: { ...first.sla, firstRespondedAt: new Date().toISOString() } }, depth: 0 })
    await runSchedule(t.payload, 'tickets-sla', new Date(Date.now() + 61 * MINUTE))
    const second = await ticketDoc(ticket.id)
    expect(second.sla?.resolutionBreachedAt).toBeTruthy()
    expect(second.status).toBe('escalated')
    expect(second.assignee).not.toBeNull()
  })

  it('a ticket answered in time is never flagged', async () => {
    const ticket = await mustOpen('client', { priority: 'critical' })
    await message('support', { ticket: ticket.id, body: 'On it.' })
    await runSchedule(t.payload, 'tickets-sla', new Date(Date.now() + 31 * MINUTE))
    expect((await ticketDoc(ticket.id)).sla?.firstResponseBreachedAt ?? null).toBeNull()
  })
})

describe('round-robin by load', () => {
  it('gives each new ticket to the agent with the fewest open tickets, ties to the one assigned least recently', async () => {
    const agent2 = await secondAgent()
    await query(sql`UPDATE tickets SET status = 'closed' WHERE status <> 'closed'`)
    const lastOf = async (id: number) => (await query(sql`SELECT MAX(assigned_at) AS last FROM tickets WHERE assignee_id = ${id}`))[0]!.last as string | null
    // Both have 0 open: the one whose last assignment is older goes first.
    const [l1, l2] = [await lastOf(p.ids.support!), await lastOf(agent2.id)]
    const firstPick = !l2 || (l1 && new Date(l2) < new Date(l1)) ? agent2.id : p.ids.support!
    const secondPick = firstPick === agent2.id ? p.ids.support! : agent2.id
    const picks: number[] = []
    for (let i = 0; i < 4; i++) picks.push((await mustOpen(i % 2 ? 'writer' : 'client')).assignee as number)
    expect(picks).toEqual([firstPick, secondPick, firstPick, secondPick])
    // A closed ticket frees its agent: the next goes to them even though they were assigned last.
    const { docs } = await t.payload.find({ collection: 'tickets', where: { and: [{ assignee: { equals: secondPick } }, { status: { not_equals: 'closed' } }] }, depth: 0 })
    await must('support', docs[0]!.id, 'close')
    expect((await mustOpen('client')).assignee).toBe(secondPick)
  })
})
