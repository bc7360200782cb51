import { describe, expect, it } from 'vitest'

import { autoApprove } from '@/jobs/orderSchedules'
import { DEMO_PASSWORD } from '@/seed/demoData'

import { deliveredOrder, workflowClient } from '../helpers/orderWorkflow'
import { moneyTestFile } from '../helpers/moneyTestFile'
import type { TestContext } from '../helpers/testPayload'

let t: TestContext
let tokens: Record<string, string>
let ids: Record<string, number>
let alpha: number
let w: ReturnType<typeof workflowClient>
const ALPHA = { host: 'alpha.test' }
const PASSWORD = 'long-enough-password'
const DAY = 86_400_000

moneyTestFile(async (test) => {
  ;({ t, tokens, ids, alpha } = test)
  w = workflowClient(t.api, 'alpha.test', tokens)
})

type Who = { key: string; id: number; email: string; token: string }
let people = 0
let addresses = 10

/** Registers a client on Alpha (from its own address and browser unless told), logged in as `key`. */
const registerClient = async (opts: { code?: string; address?: string; ua?: string } = {}): Promise<Who> => {
  people += 1
  const key = `ref${people}`
  const email = `${key}.${Date.now()}@example.com`
  const address = opts.address ?? `192.0.2.${(addresses += 1)}`
  const res = await t.api.post('/api/auth/register', { ...ALPHA, address, headers: { 'user-agent': opts.ua ?? `Browser/${people}` }, body: { name: `Person${people} Test`, email, password: PASSWORD, ...(opts.code ? { referralCode: opts.code } : {}) } })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const token = await t.api.login(email, PASSWORD, { ...ALPHA, address })
  tokens[key] = token
  // The answer carries no id (a taken email gets the same answer): found by its email.
  const id = (await t.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, limit: 1 })).docs[0]!.id
  return { key, id, email, token }
}

const me = (token: string, host = ALPHA) => t.api.get('/api/referrals/me', { ...host, token })
const codeOf = async (who: { token: string }) => (await me(who.token)).body.code as string
const referralOf = async (referee: number) => (await t.payload.find({ collection: 'referrals', where: { referee: { equals: referee } }, depth: 0 })).docs[0]!
/** The rules a referral was held for. */
const rulesOf = (referral: { flags?: unknown }) => ((referral.flags ?? []) as { rule: string }[]).map((f) => f.rule)
const walletOf = async (owner: number) =>
  (await t.payload.find({ collection: 'wallets', where: { and: [{ owner: { equals: owner } }, { kind: { equals: 'client' } }, { tenant: { equals: alpha } }] }, depth: 0 })).docs[0]?.balance ?? 0
const pointsOf = async (client: number) => (await t.payload.find({ collection: 'loyalty-accounts', where: { and: [{ client: { equals: client } }, { tenant: { equals: alpha } }] }, depth: 0 })).docs[0]?.balance ?? 0
const bonusEntries = async (referral: number) => (await t.payload.count({ collection: 'journal-entries', where: { reference: { equals: `referral:${referral}:wallet` } } })).totalDocs
const setReferrals = (referrals: Record<string, unknown>) => t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { referrals } }, depth: 0 })
/** The referee's order delivered (paid, written, passed by the editor) and approved by them. */
const approvedOrder = async (who: Who) => {
  const order = await deliveredOrder(w, who.key)
  await w.must(who.key, order.id, 'complete')
  return w.must(who.key, order.id, 'approve')
}
const act = (id: number, action: string, body: Record<string, unknown> = {}, who = 'admin') => t.api.post(`/api/referrals/${id}/actions/${action}`, { ...ALPHA, token: tokens[who], body })

describe('registration with a referral code', () => {
  it('a client’s code makes the new client their referee: the referral is pending, the facts recorded', async () => {
    const code = await codeOf({ token: tokens.client! })
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    // Typed in lower case with spaces: the same code.
    const referee = await registerClient({ code: ` ${code.toLowerCase()} `, address: '198.51.100.20', ua: 'RefereeBrowser/1' })
    const referral = await referralOf(referee.id)
    expect(referral).toMatchObject({ referrer: ids.client, referee: referee.id, code, status: 'pending', refereeIp: '198.51.100.20', refereeUserAgent: 'RefereeBrowser/1', flags: [] })
    const user = await t.payload.findByID({ collection: 'users', id: referee.id, depth: 0 })
    expect(user).toMatchObject({ referredBy: ids.client, registrationIp: '198.51.100.20', registrationUserAgent: 'RefereeBrowser/1' })
  })

  it('an unknown code, or another website’s, is a 400 naming referralCode and writes nothing', async () => {
    const betaCode = (await me(tokens.betaClient!, { host: 'beta.test' })).body.code as string
    for (const referralCode of ['NOPE2345', betaCode]) {
      const email = `refused.${referralCode}@example.com`.toLowerCase()
      const res = await t.api.post('/api/auth/register', { ...ALPHA, address: '192.0.2.200', body: { name: 'Refused', email, password: PASSWORD, referralCode } })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data.errors).toEqual([{ path: 'referralCode', message: 'No client of this website has this referral code.' }])
      expect((await t.payload.count({ collection: 'users', where: { email: { equals: email } } })).totalDocs).toBe(0)
    }
  })

  it('a code nobody asked for yet is given once, and stays', async () => {
    const fresh = await registerClient()
    const first = await codeOf(fresh)
    const again = await Promise.all([codeOf(fresh), codeOf(fresh)])
    expect(again).toEqual([first, first])
  })
})

describe('the reward', () => {
  it('the referee’s first paid and approved order credits the referrer once, with points to the referrer', async () => {
    const referrer = await registerClient()
    const referee = await registerClient({ code: await codeOf(referrer) })
    const referral = await referralOf(referee.id)
    const order = await approvedOrder(referee)
    const paid = await t.payload.findByID({ collection: 'referrals', id: referral.id, depth: 0 })
    expect(paid).toMatchObject({ status: 'rewarded', qualifyingOrder: order.id, reward: { walletCents: 500, referrerPoints: 50, refereePoints: 0 } })
    expect(paid.rewardedAt).toBeTruthy()
    expect(await walletOf(referrer.id)).toBe(500)
    expect(await pointsOf(referrer.id)).toBe(50)
    expect(await bonusEntries(referral.id)).toBe(1)
    const entry = (await t.payload.find({ collection: 'journal-entries', where: { reference: { equals: `referral:${referral.id}:wallet` } }, depth: 1 })).docs[0]!
    expect(entry.type).toBe('referral_bonus')
    expect(entry.lines!.map((l) => [typeof l.account === 'object' ? l.account.code : l.account, l.debit, l.credit])).toEqual(
      expect.arrayContaining([['referral_expense', 500, 0]]),
    )

    // Approving again is refused by the order; a second order pays nothing.
    expect((await w.act(referee.key, order.id, 'approve')).status).toBe(422)
    await approvedOrder(referee)
    expect(await walletOf(referrer.id)).toBe(500)
    expect(await pointsOf(referrer.id)).toBe(50)
    expect(await bonusEntries(referral.id)).toBe(1)

    // The referrer reads it.
    const mine = await me(referrer.token)
    expect(mine.body).toEqual({
      code: await codeOf(referrer),
      link: `https://alpha.test/register?ref=${await codeOf(referrer)}`,
      referrals: [{ status: 'rewarded', reward: { walletCents: 500, points: 50 }, createdAt: expect.any(String), referee: `Person${referee.key.slice(3)}` }],
    })
  })

  it('with the website’s loyalty programme off, the reward is the wallet bonus alone: no points to anyone', async () => {
    const setLoyalty = (enabled: boolean) => t.payload.update({ collection: 'tenants', id: alpha, data: { settings: { loyalty: { enabled } } }, depth: 0 })
    const referrer = await registerClient()
    const referee = await registerClient({ code: await codeOf(referrer) })
    await setLoyalty(false)
    try {
      await approvedOrder(referee)
    } finally {
      await setLoyalty(true)
    }
    const referral = await referralOf(referee.id)
    expect(referral).toMatchObject({ status: 'rewarded', reward: { walletCents: 500, referrerPoints: 0, refereePoints: 0 } })
    expect(await walletOf(referrer.id)).toBe(500)
    expect(await pointsOf(referrer.id)).toBe(0)
    expect(await pointsOf(referee.id)).toBe(0)
  })

  it('the platform’s automatic approval pays too, once; an unpaid-for referral is not paid before approval', async () => {
    const referrer = await registerClient()
    const referee = await registerClient({ code: await codeOf(referrer) })
    const order = await deliveredOrder(w, referee.key)
    await w.must(referee.key, order.id, 'complete')
    expect(await walletOf(referrer.id)).toBe(0)
    const later = new Date(Date.now() + 15 * DAY)
    await autoApprove(t.payload, later)
    await autoApprove(t.payload, new Date(later.getTime() + DAY))
    const referral = await referralOf(referee.id)
    expect(referral).toMatchObject({ status: 'rewarded', qualifyingOrder: order.id })
    expect(await walletOf(referrer.id)).toBe(500)
    expect(await bonusEntries(referral.id)).toBe(1)
  })
})

describe('the referee’s first-order discount', () => {
  const preview = (who: Who, order: number) => t.api.post('/api/discounts/preview', { ...ALPHA, token: who.token, body: { order } })

  it('a referee who has not paid yet gets the website’s referral discount (10 %); once paid, no more', async () => {
    const referrer = await registerClient()
    const referee = await registerClient({ code: await codeOf(referrer) })
    const first = await w.place(referee.key)
    const subtotal = first.subtotal ?? first.total
    expect((await preview(referee, first.id)).body).toEqual({ code: null, origin: 'referral', discount: Math.round(subtotal / 10), subtotal, total: subtotal - Math.round(subtotal / 10) })
    await approvedOrder(referee)
    const second = await w.place(referee.key)
    expect((await preview(referee, second.id)).body).toMatchObject({ origin: null, discount: 0 })
  })

  it('no discount while the referral is held for review, nor for a client nobody referred', async () => {
    const referrer = await registerClient({ address: '203.0.113.120' })
    const held = await registerClient({ code: await codeOf(referrer), address: '203.0.113.120' })
    expect((await referralOf(held.id)).status).toBe('held')
    expect((await preview(held, (await w.place(held.key)).id)).body).toMatchObject({ origin: null, discount: 0 })
    expect((await preview(referrer, (await w.place(referrer.key)).id)).body).toMatchObject({ origin: null, discount: 0 })
  })
})

describe('abuse checks hold the reward for review', () => {
  it('the referrer’s address: held with its flag, not paid on approval; staff release → paid', async () => {
    const referrer = await registerClient({ address: '203.0.113.50' })
    const referee = await registerClient({ code: await codeOf(referrer), address: '203.0.113.50' })
    const referral = await referralOf(referee.id)
    expect(referral.status).toBe('held')
    expect(rulesOf(referral)).toEqual(['same_ip'])
    const order = await approvedOrder(referee)
    expect(await referralOf(referee.id)).toMatchObject({ status: 'held', qualifyingOrder: order.id })
    expect(await walletOf(referrer.id)).toBe(0)

    // The referrer reads it but may not release it; another client does not see it; support releases it.
    expect((await act(referral.id, 'release', {}, referrer.key)).status).toBe(403)
    expect((await act(referral.id, 'release', {}, referee.key)).status).toBe(404)
    const actions = await t.api.get(`/api/referrals/${referral.id}/actions`, { ...ALPHA, token: tokens.support })
    expect(actions.body.available.map((a: { action: string }) => a.action)).toEqual(['release', 'void'])
    const released = await act(referral.id, 'release', { note: 'Flatmates, checked.' }, 'support')
    expect(released.status).toBe(200)
    expect(released.body.doc).toMatchObject({ status: 'rewarded' })
    expect(released.body.event).toMatchObject({ action: 'release', from: 'held', to: 'rewarded' })
    expect(await walletOf(referrer.id)).toBe(500)
    expect(await pointsOf(referrer.id)).toBe(50)
    expect((await act(referral.id, 'release', {}, 'support')).status).toBe(409)
  })

  it('the referrer’s browser: held; released before the order it waits as pending, then pays on approval', async () => {
    const referrer = await registerClient({ ua: 'SharedBrowser/9' })
    const referee = await registerClient({ code: await codeOf(referrer), ua: 'SharedBrowser/9' })
    const referral = await referralOf(referee.id)
    expect(referral).toMatchObject({ status: 'held', flags: [expect.objectContaining({ rule: 'same_user_agent' })] })
    expect((await act(referral.id, 'release')).body.doc).toMatchObject({ status: 'pending' })
    await approvedOrder(referee)
    expect((await referralOf(referee.id)).status).toBe('rewarded')
    expect(await walletOf(referrer.id)).toBe(500)
  })

  it('a burst of referrals by one referrer, and many from one address: the later ones are held', async () => {
    await setReferrals({ burstCount: 3, sameIpCount: 2 })
    try {
      const referrer = await registerClient()
      const code = await codeOf(referrer)
      const statuses = []
      for (let i = 0; i < 3; i++) statuses.push((await referralOf((await registerClient({ code })).id)).status)
      expect(statuses).toEqual(['pending', 'pending', 'held'])
      const last = (await t.payload.find({ collection: 'referrals', where: { referrer: { equals: referrer.id } }, sort: '-createdAt', limit: 1, depth: 0 })).docs[0]!
      expect(rulesOf(last)).toEqual(['burst'])

      const other = await registerClient()
      const otherCode = await codeOf(other)
      const first = await registerClient({ code: otherCode, address: '198.51.100.77' })
      expect((await referralOf(first.id)).status).toBe('pending')
      const second = await registerClient({ code: otherCode, address: '198.51.100.77' })
      expect(rulesOf(await referralOf(second.id))).toEqual(['ip_cluster'])
    } finally {
      await setReferrals({ burstCount: 5, sameIpCount: 3 })
    }
  })

  it('the monthly bonus limit: a reward past it is held with monthly_limit, and paid when staff release it', async () => {
    const referrer = await registerClient()
    const code = await codeOf(referrer)
    const first = await registerClient({ code })
    const second = await registerClient({ code })
    await approvedOrder(first)
    expect(await walletOf(referrer.id)).toBe(500)
    await setReferrals({ maxBonusPerMonth: 500 })
    try {
      await approvedOrder(second)
      const held = await referralOf(second.id)
      expect(held).toMatchObject({ status: 'held', flags: [expect.objectContaining({ rule: 'monthly_limit' })] })
      expect(await walletOf(referrer.id)).toBe(500)
      expect((await act(held.id, 'release')).body.doc.status).toBe('rewarded')
      expect(await walletOf(referrer.id)).toBe(1000)
    } finally {
      await setReferrals({ maxBonusPerMonth: 10_000 })
    }
  })

  it('a voided referral is never paid; voiding needs a reason', async () => {
    const referrer = await registerClient({ address: '203.0.113.90' })
    const referee = await registerClient({ code: await codeOf(referrer), address: '203.0.113.90' })
    const referral = await referralOf(referee.id)
    const refused = await act(referral.id, 'void', {})
    expect(refused.status).toBe(400)
    const voided = await act(referral.id, 'void', { reason: 'The same person twice.' })
    expect(voided.body.doc).toMatchObject({ status: 'voided', voidedReason: 'The same person twice.' })
    await approvedOrder(referee)
    expect((await referralOf(referee.id)).status).toBe('voided')
    expect(await walletOf(referrer.id)).toBe(0)
    expect(await bonusEntries(referral.id)).toBe(0)
  })
})

describe('who reads referrals', () => {
  it('GET /api/referrals/me is a client’s; staff get 403, strangers 401', async () => {
    expect((await me(tokens.admin!)).status).toBe(403)
    expect((await t.api.get('/api/referrals/me', ALPHA)).status).toBe(401)
    // A client of Alpha on Beta's host is not a member there.
    expect((await me(tokens.client!, { host: 'beta.test' })).status).toBe(404)
  })

  it('a referrer lists their own referrals without who the referee is or the review’s facts; other clients see none', async () => {
    const mine = await t.api.get('/api/referrals?depth=0', { ...ALPHA, token: tokens.client })
    expect(mine.body.docs.length).toBeGreaterThan(0)
    for (const doc of mine.body.docs) {
      expect(doc.referrer).toBe(ids.client)
      expect(Object.keys(doc)).not.toEqual(expect.arrayContaining(['referee']))
      expect(doc.refereeIp).toBeUndefined()
    }
    const other = await registerClient()
    expect((await t.api.get('/api/referrals', { ...ALPHA, token: other.token })).body.docs).toEqual([])
    const someone = mine.body.docs[0].id
    expect((await t.api.get(`/api/referrals/${someone}`, { ...ALPHA, token: other.token })).status).toBe(404)
    const staff = await t.api.get(`/api/referrals/${someone}?depth=0`, { ...ALPHA, token: tokens.support })
    expect(staff.body).toMatchObject({ id: someone, referee: expect.any(Number), refereeIp: expect.anything() })
  })

  it('the demo seed: client2 came by client’s referral, pending', async () => {
    const client2 = (await t.payload.find({ collection: 'users', where: { email: { equals: 'client2@alpha.test' } }, depth: 0 })).docs[0]!
    expect(client2.referredBy).toBe(ids.client)
    expect(await referralOf(client2.id)).toMatchObject({ referrer: ids.client, status: 'pending' })
    expect(DEMO_PASSWORD).toBeTruthy()
  })
})
