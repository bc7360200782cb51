import { randomUUID } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { lockRedemptionRow, lockReward, moveRewardStock } from '@/db/loyaltyLocks'
import { REDEMPTION_HOLDING, REDEMPTION_WORKFLOW, type RedemptionStatus, redemptionRefunds, redemptionRefusal } from '@/domain/loyalty/redemptions'
import { partiesBut } from '@/domain/notifications/recipients'
import { SYSTEM } from '@/domain/workflow/define'
import { ClientError } from '@/errors'
import { enqueue } from '@/jobs/enqueue'
import type { LoyaltyRedemption } from '@/payload-types'

import { issueDiscountCode } from '../discounts/issueCode'
import { inTransaction } from '../inTransaction'
import { notify } from '../notifications/notify'
import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'
import { websiteActorOf } from '../workflow/websiteActor'
import { changePoints } from './award'
import { loyaltyClient } from './client'
import { websiteLoyalty } from './settings'

const refuse = (path: 'reward' | 'points', rule: string, message: string, status: 404 | 422 = 422) =>
  new ClientError(`${path}: ${message}`, status, { rule, errors: [{ path, message }] })

/**
 * The caller redeems a catalogue reward of the request's website: under the reward's
 * lock (its stock) and then the account's (the points), the rules are checked (active,
 * in stock, the client's limit, enough points: 422 naming the field and `data.rule`), the
 * points are taken ONCE by a `redeem` row, one unit of stock is taken and the redemption
 * is stored, pending for staff. All or nothing.
 */
export const redeemReward = async (req: PayloadRequest, rewardId: number): Promise<LoyaltyRedemption> => {
  const { actor, tenant } = await loyaltyClient(req)
  // A website that switched its programme off keeps the balances, but nothing is spent.
  if (!(await websiteLoyalty(req, tenant.id)).enabled) throw refuse('reward', 'loyalty_off', 'This website has no loyalty programme.')
  return inTransaction(req, async () => {
    const reward = await lockReward(req, rewardId, tenant.id)
    if (!reward) throw refuse('reward', 'unknown_reward', 'There is no such reward on this website.')
    const row = await changePoints(
      req,
      { tenant: tenant.id, client: actor.id, kind: 'redeem', reason: `Redeemed reward ${rewardId}`, reference: `loyalty:redeem:${randomUUID()}` },
      async (account) => {
        const { totalDocs: held } = await req.payload.count({
          collection: 'loyalty-redemptions',
          where: { and: [{ client: { equals: actor.id } }, { reward: { equals: rewardId } }, { status: { in: [...REDEMPTION_HOLDING] } }] },
          ...asSystem(proofOf(req)),
          req,
        })
        const refusal = redemptionRefusal(reward, held, account.balance)
        if (refusal) throw refuse(refusal.rule === 'insufficient_points' ? 'points' : 'reward', refusal.rule, refusal.message)
        return { points: -reward.pointsRequired }
      },
    )
    if (!row) throw new Error(`redemption of reward ${rewardId} wrote no points row`)
    await moveRewardStock(req, rewardId, -1)
    const redemption = await req.payload.create({
      collection: 'loyalty-redemptions',
      data: { tenant: tenant.id, client: actor.id, reward: rewardId, points: reward.pointsRequired, status: 'pending', transaction: row.id },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
    await enqueue(req, { type: 'live.event', tenant: tenant.id, payload: { audience: { staffOfTenant: tenant.id }, event: 'loyalty_redemption.created', data: { redemption: redemption.id, client: actor.id, reward: rewardId, points: reward.pointsRequired } } })
    return redemption
  })
}

const lockRedemption = async (req: PayloadRequest, id: number): Promise<LoyaltyRedemption> => {
  await lockRedemptionRow(req, id)
  return req.payload.findByID({ collection: 'loyalty-redemptions', id, depth: 0, ...asSystem(proofOf(req)), req })
}

const TARGETS = { approve: 'approved', fulfil: 'fulfilled', reject: 'rejected', cancel: 'cancelled' } as const satisfies Record<string, RedemptionStatus>

/**
 * What an action does beyond the status: fulfilling a discount code reward issues the
 * code for the client alone; rejecting or cancelling gives the unit of stock and the
 * points back (a compensating `redeem` row, once per redemption), under the reward's and
 * then the account's lock, the order redeeming takes them in.
 */
const settle = async (req: PayloadRequest, doc: LoyaltyRedemption, to: RedemptionStatus): Promise<Partial<LoyaltyRedemption>> => {
  const tenant = idOf(doc.tenant)!
  const client = idOf(doc.client)!
  const rewardId = idOf(doc.reward)!
  if (to === 'fulfilled') {
    const reward = await req.payload.findByID({ collection: 'loyalty-rewards', id: rewardId, depth: 0, ...asSystem(proofOf(req)), req })
    if (reward.kind !== 'discount_code') return {}
    const discount = await issueDiscountCode(req, {
      tenant,
      name: `Loyalty reward: ${reward.name}`.slice(0, 120),
      origin: 'loyalty',
      kind: reward.discountKind === 'fixed' ? 'fixed' : 'percentage',
      value: reward.discountValue ?? 0,
      client,
      usageLimit: 1,
      perClientLimit: 1,
    })
    return { discount: discount.id, discountCode: discount.code }
  }
  if (!redemptionRefunds(to)) return {}
  await lockReward(req, rewardId, tenant)
  await moveRewardStock(req, rewardId, 1)
  await changePoints(req, { tenant, client, points: doc.points, kind: 'redeem', reason: `Redemption ${doc.id} ${to}: points returned`, reference: `loyalty:redemption:${doc.id}:returned` })
  return {}
}

/** Loyalty redemptions on the one workflow pattern: approve, fulfil, reject (admins) and cancel (the client, while pending). */
export const REDEMPTION_SUBJECT = defineSubject({
  collection: 'loyalty-redemptions',
  workflow: REDEMPTION_WORKFLOW,
  lock: lockRedemption,
  context: async (_req, doc: LoyaltyRedemption, actor) => {
    const seen = websiteActorOf(actor, idOf(doc.tenant)!)
    return { facts: { status: doc.status }, actor: seen === SYSTEM ? SYSTEM : { ...seen, redeemer: actor?.id === idOf(doc.client) } }
  },
  apply: async ({ req, doc, action, input, actor, now }) => {
    const to = TARGETS[action]
    const reason = typeof input.reason === 'string' ? input.reason : null
    const extra = await settle(req, doc, to)
    const done = await req.payload.update({
      collection: 'loyalty-redemptions',
      id: doc.id,
      data: { status: to, ...extra, ...(reason ? { reason } : {}), decidedAt: now.toISOString(), decidedBy: actor?.id ?? null },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
    const tenant = idOf(doc.tenant)!
    const event = await recordEvent(req, { collection: 'loyalty-redemptions', document: doc.id, tenant, action, actor: actor?.id ?? null, from: doc.status, to, reason, data: { points: doc.points, reward: idOf(doc.reward), ...(extra.discountCode ? { discountCode: extra.discountCode } : {}) } })
    const told = partiesBut(actor?.id, [idOf(doc.client)])
    if (told.length > 0) {
      await notify(req, {
        event: `loyalty_redemption.${to}`,
        recipients: told,
        tenant,
        data: { redemption: doc.id, points: doc.points, reason, ...(extra.discountCode ? { discountCode: extra.discountCode } : {}) },
        key: `loyalty_redemption.${to}:${doc.id}`,
      })
    }
    return { doc: done, event }
  },
})
