import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_UPLOAD_BYTES } from '@/domain/files/uploadLimits'
import { orderPeople, type OrderPeople, type Who } from '../helpers/orderPeople'
import { placeOrderFor } from '../helpers/tenantFixtures'
import { startTestPayload, type TestContext } from '../helpers/testPayload'

/**
 * Order files over REST: who may add which file to which order, and who may list, read
 * and download it (reference §3.9): final files stay locked for the client until the
 * order is fully paid or released by an admin; the writer loses everything once the
 * order is cancelled; staff see everything of their website.
 */

let t: TestContext
let p: OrderPeople

type FileDoc = { id: number; filename: string; purpose: string; tenant: number; uploadedBy: number | null; order: number; url: string; revisionRequest?: number | null }

beforeAll(async () => {
  t = await startTestPayload()
  p = await orderPeople(t)
})
afterAll(async () => t?.close())

/** An order the writer works on, not yet fully paid. */
const workingOrder = (changes: Record<string, unknown> = {}) => p.workingOrder({ paymentStatus: 'partially_paid', ...changes })
const setOrder = (id: number, data: Record<string, unknown>) => t.payload.update({ collection: 'orders', id, data, depth: 0 })
const opts = (who: Who) => p.as(who)

let fileCount = 0
const upload = (who: Who, data: Record<string, unknown>, content?: string) => {
  const form = new FormData()
  const text = content ?? `file ${++fileCount} by ${who}`
  form.append('file', new Blob([text], { type: 'text/plain' }), `${data.purpose ?? 'file'}-${who}.txt`)
  form.append('_payload', JSON.stringify(data))
  return t.api.post('/api/order-files?depth=0', { ...opts(who), body: form })
}
const uploaded = async (who: Who, data: Record<string, unknown>, content?: string): Promise<FileDoc> => {
  const res = await upload(who, data, content)
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc as FileDoc
}
const listed = async (who: Who, orderId: number) => {
  const res = await t.api.get(`/api/order-files?where[order][equals]=${orderId}&limit=100&depth=0&sort=id`, opts(who))
  expect(res.status).toBe(200)
  return (res.body.docs as FileDoc[]).map((d) => d.id)
}
const download = (who: Who, file: FileDoc) => t.api.get(`/api/order-files/file/${file.filename}`, opts(who))
const fileCountNow = async () => (await t.payload.count({ collection: 'order-files' })).totalDocs

describe('adding files to an order', () => {
  let orderId: number
  beforeAll(async () => {
    orderId = (await workingOrder()).id
  })

  it.each([
    ['client', 'instructions', 201],
    ['client', 'reference', 201],
    ['client', 'style_reference', 201],
    ['client', 'draft', 403],
    ['client', 'final', 403],
    ['client', 'internal', 403],
    ['writer', 'draft', 201],
    ['writer', 'final', 201],
    // A revision file answers an open revision request; this order has none.
    ['writer', 'revision', 409],
    ['writer', 'extra_service', 201],
    ['writer', 'instructions', 403],
    ['writer', 'writer_guide', 403],
    ['editor', 'writer_guide', 201],
    ['support', 'internal', 201],
    ['admin', 'final', 201],
    // Not their order: it does not exist for them.
    ['writer2', 'draft', 404],
    ['client2', 'instructions', 404],
    ['betaClient', 'instructions', 404],
    ['anonymous', 'instructions', 403],
  ] as const)('%s uploading %s → %i', async (who, purpose, status) => {
    const before = await fileCountNow()
    const res = await upload(who, { order: orderId, purpose })
    expect(res.status, JSON.stringify(res.body)).toBe(status)
    if (status === 201) {
      expect(res.body.doc).toMatchObject({ purpose, tenant: p.alphaId, uploadedBy: p.ids[who as keyof typeof p.ids] })
      return
    }
    expect(await fileCountNow()).toBe(before)
    if ((status === 403 && who !== 'anonymous') || status === 409) expect(res.body.errors[0].message).toMatch(/^purpose: /)
    if (status === 404) expect(res.body.errors[0]).toMatchObject({ message: `order: there is no order ${orderId} that you can see.` })
  })

  it('ties a writer\'s revision file to the open revision request it answers', async () => {
    const order = await workingOrder()
    const request = await t.payload.create({ collection: 'order-requests', data: { tenant: p.alphaId, order: order.id, kind: 'revision', status: 'in_progress', description: 'Add a conclusion.' }, depth: 0 })
    const file = await uploaded('writer', { order: order.id, purpose: 'revision' })
    expect(file).toMatchObject({ purpose: 'revision', revisionRequest: request.id })
    await t.payload.update({ collection: 'order-requests', id: request.id, data: { status: 'done' }, depth: 0 })
    const before = await fileCountNow()
    const late = await upload('writer', { order: order.id, purpose: 'revision' })
    expect(late.status).toBe(409)
    expect(late.body.errors[0].message).toBe('purpose: a revision file answers an open revision request, and this order has none.')
    expect(await fileCountNow()).toBe(before)
    // Staff may still add one.
    expect((await uploaded('admin', { order: order.id, purpose: 'revision' })).revisionRequest ?? null).toBeNull()
  })

  it('names the bad field with 400: an unknown purpose, a missing order', async () => {
    const bad = await upload('client', { order: orderId, purpose: 'homework' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].data.errors[0]).toMatchObject({ path: 'purpose' })
    const orphan = await upload('client', { purpose: 'instructions' })
    expect(orphan.status).toBe(400)
    expect(orphan.body.errors[0].data.errors[0]).toMatchObject({ path: 'order' })
  })

  it('takes the website from the order and the uploader from the login, never from the body', async () => {
    const doc = await uploaded('admin', { order: orderId, purpose: 'internal', tenant: p.betaId, uploadedBy: p.ids.client })
    expect(doc).toMatchObject({ tenant: p.alphaId, uploadedBy: p.ids.admin })
    // Nor does a later edit move a file to another order.
    const other = await workingOrder()
    const moved = await t.api.patch(`/api/order-files/${doc.id}`, { ...opts('admin'), body: { order: other.id, note: 'kept here' } })
    expect(moved.status).toBe(200)
    expect(await t.payload.findByID({ collection: 'order-files', id: doc.id, depth: 0 })).toMatchObject({ order: orderId, note: 'kept here' })
  })

  it('takes nothing but staff files once the order is cancelled or archived', async () => {
    for (const status of ['cancelled', 'archived']) {
      const { id } = await workingOrder({ status })
      const client = await upload('client', { order: id, purpose: 'instructions' })
      expect(client.status).toBe(409)
      expect(client.body.errors[0].message).toBe(`order: the order is ${status}; only staff add files to it now.`)
      expect((await upload('writer', { order: id, purpose: 'final' })).status).toBe(409)
      expect((await upload('support', { order: id, purpose: 'internal' })).status).toBe(201)
    }
  })

  it('refuses a file over 25 MB with 413 and stores nothing', async () => {
    const before = await fileCountNow()
    const res = await upload('client', { order: orderId, purpose: 'reference' }, 'x'.repeat(MAX_UPLOAD_BYTES + 1))
    expect(res.status).toBe(413)
    expect(res.body.errors[0].message).toBe('file: files are at most 25 MB.')
    // The Local API (no multipart parser in front) is held to the same limit.
    const data = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 'x')
    await expect(
      t.payload.create({
        collection: 'order-files',
        data: { order: orderId, purpose: 'reference' },
        file: { data, mimetype: 'text/plain', name: 'big.txt', size: data.length },
      }),
    ).rejects.toMatchObject({ status: 413 })
    expect(await fileCountNow()).toBe(before)
  })
})

describe('who reads and downloads which files', () => {
  let orderId: number
  const files: Record<string, FileDoc> = {}

  beforeAll(async () => {
    orderId = (await workingOrder()).id
    files.instructions = await uploaded('client', { order: orderId, purpose: 'instructions' }, 'the brief')
    files.draft = await uploaded('writer', { order: orderId, purpose: 'draft' })
    files.final = await uploaded('writer', { order: orderId, purpose: 'final' }, 'the finished paper')
    files.revision = await uploaded('admin', { order: orderId, purpose: 'revision' })
    files.staffFinal = await uploaded('admin', { order: orderId, purpose: 'final' })
    files.guide = await uploaded('editor', { order: orderId, purpose: 'writer_guide' })
    files.internal = await uploaded('support', { order: orderId, purpose: 'internal' })
  })
  const idsOf = (...names: string[]) => names.map((name) => files[name]!.id)

  it('staff of the website see every file', async () => {
    for (const who of ['admin', 'support', 'editor'] as const) {
      expect(await listed(who, orderId)).toEqual(idsOf('instructions', 'draft', 'final', 'revision', 'staffFinal', 'guide', 'internal'))
      expect((await download(who, files.internal!)).status).toBe(200)
    }
  })

  it('the client cannot list, read or download finals of an order that is not fully paid', async () => {
    expect(await listed('client', orderId)).toEqual(idsOf('instructions', 'draft'))
    expect((await t.api.get(`/api/order-files/${files.final!.id}`, opts('client'))).status).toBe(404)
    expect((await t.api.get(`/api/order-files/count?where[purpose][equals]=final`, opts('client'))).body.totalDocs).toBe(0)
    expect((await download('client', files.final!)).status).toBe(403)
    expect((await download('client', files.internal!)).status).toBe(403)
    const brief = await download('client', files.instructions!)
    expect(brief.status).toBe(200)
    expect(brief.body).toBe('the brief')
  })

  it('the client gets the finals once the order is fully paid', async () => {
    await setOrder(orderId, { paymentStatus: 'fully_paid' })
    try {
      expect(await listed('client', orderId)).toEqual(idsOf('instructions', 'draft', 'final', 'revision', 'staffFinal'))
      expect((await t.api.get(`/api/order-files/${files.final!.id}`, opts('client'))).status).toBe(200)
      const paper = await download('client', files.final!)
      expect(paper.status).toBe(200)
      expect(paper.body).toBe('the finished paper')
      expect(paper.headers.get('cache-control')).toBe('private, no-store')
    } finally {
      await setOrder(orderId, { paymentStatus: 'partially_paid' })
    }
    expect((await download('client', files.final!)).status).toBe(403)
  })

  it('the client gets the finals once an admin releases them, and only an admin can', async () => {
    const release = (who: Who) => t.api.patch(`/api/orders/${orderId}`, { ...opts(who), body: { filesReleased: true } })
    for (const who of ['client', 'support'] as const) expect((await release(who)).status).toBe(403)
    expect((await t.payload.findByID({ collection: 'orders', id: orderId, depth: 0 })).filesReleased).toBe(false)
    expect((await download('client', files.final!)).status).toBe(403)

    const res = await release('admin')
    expect(res.status).toBe(200)
    expect(res.body.doc.filesReleased).toBe(true)
    expect(await listed('client', orderId)).toEqual(idsOf('instructions', 'draft', 'final', 'revision', 'staffFinal'))
    expect((await download('client', files.final!)).status).toBe(200)
    await setOrder(orderId, { filesReleased: false })
  })

  it('a client cannot release files by placing an order with filesReleased', async () => {
    const res = await t.api.post('/api/orders', {
      ...opts('client'),
      body: { topic: 'Released?', instructions: 'Try it.', pages: 1, spacing: 'double', paperType: 'essay', workType: 'writing', academicLevel: 'undergrad', subject: 'humanities', deadlineHours: 72, filesReleased: true },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.doc.filesReleased).toBe(false)
  })

  it('another client of the website sees nothing of the order', async () => {
    expect(await listed('client2', orderId)).toEqual([])
    expect((await download('client2', files.instructions!)).status).toBe(403)
    expect((await download('anonymous', files.instructions!)).status).toBe(403)
  })

  it('the writer reads the brief, the work in progress and their own files, not others’ finals or internal notes', async () => {
    expect(await listed('writer', orderId)).toEqual(idsOf('instructions', 'draft', 'final', 'revision', 'guide'))
    expect((await download('writer', files.final!)).status).toBe(200)
    expect((await download('writer', files.staffFinal!)).status).toBe(403)
    expect((await download('writer', files.internal!)).status).toBe(403)
  })

  it('a writer who is not the order’s writer sees nothing', async () => {
    expect(await listed('writer2', orderId)).toEqual([])
    expect((await t.api.get(`/api/order-files/${files.draft!.id}`, opts('writer2'))).status).toBe(404)
    expect((await download('writer2', files.instructions!)).status).toBe(403)
  })

  it('only staff edit a file, and only admins delete one', async () => {
    const note = (who: Who) => t.api.patch(`/api/order-files/${files.draft!.id}`, { ...opts(who), body: { note: `checked by ${who}` } })
    for (const who of ['client', 'writer'] as const) expect((await note(who)).status).toBe(403)
    expect((await note('support')).status).toBe(200)
    for (const who of ['client', 'writer', 'support', 'editor'] as const) {
      expect((await t.api.delete(`/api/order-files/${files.guide!.id}`, opts(who))).status).toBe(403)
    }
    expect((await t.api.delete(`/api/order-files/${files.guide!.id}`, opts('admin'))).status).toBe(200)
    expect((await download('admin', files.guide!)).status).toBe(403)
    delete files.guide
  })

  it('the writer loses every file once the order is cancelled', async () => {
    await setOrder(orderId, { status: 'cancelled' })
    expect(await listed('writer', orderId)).toEqual([])
    expect((await download('writer', files.draft!)).status).toBe(403)
    expect((await download('writer', files.instructions!)).status).toBe(403)
    // The client and staff keep theirs.
    expect(await listed('client', orderId)).toEqual(idsOf('instructions', 'draft'))
    expect((await download('admin', files.final!)).status).toBe(200)
  })
})

describe('through the workflow', () => {
  it('a final delivered before payment stays locked for the client until an admin performs markPaid', async () => {
    const placed = await placeOrderFor(t.payload, p.alphaId, 'client@alpha.test')
    // A writer is on it while the order is still unpaid (e.g. staff started it early).
    await setOrder(placed.id, { writer: p.ids.writer, status: 'pending_payment' })
    const final = await uploaded('writer', { order: placed.id, purpose: 'final' }, 'final before payment')
    expect((await download('client', final)).status).toBe(403)
    expect(await listed('client', placed.id)).toEqual([])

    const paid = await t.api.post(`/api/orders/${placed.id}/actions/markPaid`, opts('admin'))
    expect(paid.status).toBe(200)
    expect(paid.body.doc.paymentStatus).toBe('fully_paid')
    expect(await listed('client', placed.id)).toEqual([final.id])
    const res = await download('client', final)
    expect(res.status).toBe(200)
    expect(res.body).toBe('final before payment')
  })

  it('the writer\'s upload counts as activity on the order; the client\'s does not', async () => {
    const order = await workingOrder({ monitoring: { lastActivityAt: '2026-01-01T00:00:00.000Z' } })
    await uploaded('client', { order: order.id, purpose: 'instructions' })
    expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).monitoring?.lastActivityAt).toBe('2026-01-01T00:00:00.000Z')
    await uploaded('writer', { order: order.id, purpose: 'draft' })
    const touched = (await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).monitoring?.lastActivityAt
    expect(Date.now() - new Date(touched!).getTime()).toBeLessThan(60_000)
  })
})
