import { describe, expect, it } from 'vitest'

import type { FeatureToggle } from '@/domain/tenancy/featureToggles'

import { moneyTestFile } from '../helpers/moneyTestFile'
import { placeOrderFor } from '../helpers/tenantFixtures'
import { workflowClient } from '../helpers/orderWorkflow'
import type { TestContext } from '../helpers/testPayload'
import { registerOnAlpha, whileOff as offWhile, whileSet as setWhile } from '../helpers/websiteSwitches'

/**
 * Each website switch flipped off, then on again, seen through the API as its users
 * would see it (issue 16: no switch without effect). Switches of later features get their
 * flip tests with them.
 */

let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
let w: ReturnType<typeof workflowClient>
const ALPHA = { host: 'alpha.test' }

moneyTestFile(async (test) => {
  ;({ t, tokens, ids, alpha } = test)
  w = workflowClient(t.api, 'alpha.test', tokens)
})

/** Runs `check` with Alpha's settings group `group` switched by `off`, and back by `on` whatever happens. */
const whileSet = (group: string, off: Record<string, boolean>, on: Record<string, boolean>, check: () => Promise<void>) => setWhile(t, alpha, group, off, on, check)
/** Runs `check` with Alpha's feature switch `name` off. */
const whileOff = (name: FeatureToggle, check: () => Promise<void>) => offWhile(t, alpha, name, check)
const register = (body: Record<string, unknown> = {}) => registerOnAlpha(t, body)

/** A paid order of Alpha's client, taken by its writer. */
const workingOrder = async () => {
  const order = await w.place('client')
  await w.must('admin', order.id, 'markPaid')
  return w.must('writer', order.id, 'take')
}
const actionsOf = async (who: string, orderId: number) => ((await w.actions(who, orderId)).body.available as { action: string }[]).map((a) => a.action)

describe('allowDisputes', () => {
  it('off: the client and the writer cannot open a dispute (422, not offered); support still can; on: the client can', async () => {
    const order = await workingOrder()
    await whileOff('allowDisputes', async () => {
      expect(await actionsOf('client', order.id)).not.toContain('openDispute')
      const refused = await w.act('client', order.id, 'openDispute', { reason: 'quality_issue', description: 'The draft is off topic.' })
      expect(refused.status).toBe(422)
      expect(JSON.stringify(refused.body)).toContain('Disputes are switched off on this website.')
      expect((await w.act('writer', order.id, 'openDispute', { reason: 'other', description: 'The client wants a different paper.' })).status).toBe(422)
      expect((await t.payload.findByID({ collection: 'orders', id: order.id, depth: 0 })).status).toBe('in_progress')
    })
    expect(await actionsOf('client', order.id)).toContain('openDispute')
    expect((await w.must('client', order.id, 'openDispute', { reason: 'quality_issue', description: 'The draft is off topic.' })).status).toBe('disputed')

    const other = await workingOrder()
    await whileOff('allowDisputes', async () => {
      expect((await w.must('support', other.id, 'openDispute', { reason: 'payment_issue', description: 'Chargeback notice from the bank.' })).status).toBe('disputed')
    })
  })
})

describe('messagingEnabled', () => {
  it('off: the client and the writer cannot post (403 naming thread, nothing written); support still can; on: they can', async () => {
    const order = await workingOrder()
    const post = (who: string, thread: string) => t.api.post('/api/order-messages?depth=0', { ...ALPHA, token: tokens[who], body: { order: order.id, thread, body: `${who} says hello` } })
    const count = async () => (await t.payload.count({ collection: 'order-messages', where: { order: { equals: order.id } } })).totalDocs
    await whileOff('messagingEnabled', async () => {
      for (const [who, thread] of [['client', 'client_writer'], ['writer', 'writer_support'], ['client', 'client_support']] as const) {
        const res = await post(who, thread)
        expect(res.status, `${who} in ${thread}`).toBe(403)
        expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'thread', message: 'thread: messages are switched off on this website.' })
      }
      expect(await count()).toBe(0)
      expect((await post('support', 'client_support')).status).toBe(201)
    })
    expect((await post('client', 'client_writer')).status).toBe(201)
    expect(await count()).toBe(2)
  })
})

describe('allowEscalations', () => {
  it('off: the fined writer cannot escalate their appeal (422, not offered); support still can; on: the writer can', async () => {
    const issue = async () => {
      const res = await t.api.post('/api/fines', { ...ALPHA, token: tokens.admin, body: { writer: ids.writer, type: 'comm_breach', amount: 100, reason: 'Ignored messages for three days.' } })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      const id = res.body.doc.id as number
      expect((await act('writer', id, 'dispute', { reason: 'I answered by mail.' })).status).toBe(200)
      return id
    }
    const act = (who: string, id: number, action: string, body: Record<string, unknown> = {}) => t.api.post(`/api/fines/${id}/actions/${action}`, { ...ALPHA, token: tokens[who], body })
    const offered = async (who: string, id: number) => ((await t.api.get(`/api/fines/${id}/actions`, { ...ALPHA, token: tokens[who] })).body.available as { action: string }[]).map((a) => a.action)
    const [first, second] = [await issue(), await issue()]
    await whileOff('allowEscalations', async () => {
      expect(await offered('writer', first)).not.toContain('escalate')
      const refused = await act('writer', first, 'escalate', { reason: 'Support did not read the mail.' })
      expect(refused.status).toBe(422)
      expect(JSON.stringify(refused.body)).toContain('Escalations are switched off on this website.')
      expect((await act('support', second, 'escalate', { reason: 'An admin should decide.' })).status).toBe(200)
    })
    expect(await offered('writer', first)).toContain('escalate')
    expect((await act('writer', first, 'escalate', { reason: 'Support did not read the mail.' })).status).toBe(200)
  })
})

describe('passwordResetEnabled', () => {
  it('off: a reset is refused with the same 403 for a known and an unknown email, and no mail is queued; on: it is taken', async () => {
    const forgot = (email: string) => t.api.post('/api/users/forgot-password', { ...ALPHA, body: { email } })
    const resetMails = async () => (await t.payload.count({ collection: 'outbox', where: { type: { equals: 'mail.passwordReset' } } })).totalDocs
    const before = await resetMails()
    await whileOff('passwordResetEnabled', async () => {
      const known = await forgot('client2@alpha.test')
      const unknown = await forgot('nobody-here@alpha.test')
      expect([known.status, unknown.status]).toEqual([403, 403])
      expect(known.body).toEqual(unknown.body)
      expect(await resetMails()).toBe(before)
    })
    expect((await forgot('client2@alpha.test')).status).toBe(200)
    expect(await resetMails()).toBe(before + 1)
  })
})

describe('allowWriterFeedback', () => {
  it('off: a review that rates the writer is a 422 naming writerRating, one without is taken; on: the rating is taken', async () => {
    const completed = async () => {
      const order = await placeOrderFor(t.payload, alpha, 'client@alpha.test')
      return t.payload.update({ collection: 'orders', id: order.id, data: { status: 'completed', writer: ids.writer, timestamps: { completedAt: new Date().toISOString() } }, depth: 0 })
    }
    const post = (order: number, body: Record<string, unknown>) => t.api.post('/api/reviews', { ...ALPHA, token: tokens.client, body: { order, rating: 5, text: 'Clear and on time.', ...body } })
    const [first, second] = [await completed(), await completed()]
    await whileOff('allowWriterFeedback', async () => {
      const refused = await post(first.id, { writerRating: 4 })
      expect(refused.status).toBe(422)
      expect(refused.body.errors[0].data.errors[0]).toMatchObject({ path: 'writerRating' })
      expect((await t.payload.count({ collection: 'reviews', where: { order: { equals: first.id } } })).totalDocs).toBe(0)
      expect((await post(first.id, {})).status).toBe(201)
    })
    const rated = await post(second.id, { writerRating: 4 })
    expect(rated.status).toBe(201)
    expect(rated.body.doc.writerRating).toBe(4)
  })
})

describe('allowRegistration', () => {
  it('off: registering is a 403 and makes nobody; on: it is taken', async () => {
    const users = async () => (await t.payload.count({ collection: 'users' })).totalDocs
    const before = await users()
    await whileOff('allowRegistration', async () => {
      expect((await register()).status).toBe(403)
      expect(await users()).toBe(before)
    })
    expect((await register()).status).toBe(201)
  })
})

describe('referrals.enabled', () => {
  it('off: a registration naming a referral code is a 400 naming referralCode and makes nobody; on: the referral is recorded', async () => {
    const code = ((await t.api.get('/api/referrals/me', { ...ALPHA, token: tokens.client })).body as { code: string }).code
    await whileSet('referrals', { enabled: false }, { enabled: true }, async () => {
      const refused = await register({ referralCode: code })
      expect(refused.status).toBe(400)
      expect(refused.body.errors[0].data.errors[0]).toMatchObject({ path: 'referralCode', message: 'This website does not take referral codes.' })
    })
    const taken = await register({ referralCode: code })
    expect(taken.status).toBe(201)
    // The answer carries no id (docs/decisions.md, "Registration answers the same"): the referee by email.
    const referee = (await t.payload.find({ collection: 'users', where: { email: { equals: taken.body.doc.email } }, depth: 0, limit: 1 })).docs[0]!
    expect((await t.payload.count({ collection: 'referrals', where: { referee: { equals: referee.id } } })).totalDocs).toBe(1)
  })
})

describe('discounts.allowCodes', () => {
  it('off: a code is a 422 naming discountCode; on: the same code discounts', async () => {
    const order = await w.place('client')
    const preview = () => t.api.post('/api/discounts/preview', { ...ALPHA, token: tokens.client, body: { code: 'ALPHA5', order: order.id } })
    await whileSet('discounts', { allowCodes: false }, { allowCodes: true }, async () => {
      const refused = await preview()
      expect(refused.status).toBe(422)
      expect(refused.body.errors[0].data.errors[0]).toMatchObject({ path: 'discountCode' })
    })
    const taken = await preview()
    expect(taken.status).toBe(200)
    expect(taken.body.discount).toBe(500)
  })
})
