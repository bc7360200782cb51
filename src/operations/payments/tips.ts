import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { lockKey } from '@/db/locks'
import { DEFAULT_TIP_POLICY, splitTip, TIPPABLE_STATUSES, tipRefusal, type TipProvider } from '@/domain/tips/policy'
import { withDefaults } from '@/domain/withDefaults'
import { ClientError } from '@/errors'
import type { Order, Payment, Tenant, Tip } from '@/payload-types'

import type { LineDraft } from '@/domain/ledger/entry'
import { asSystem, proofOf } from '@/access/system'

import { type AccountRef, post } from '../ledger/post'
import { ensureWallet } from '../ledger/wallets'
import { notify } from '../notifications/notify'

const DAY_MS = 24 * 3600 * 1000

/**
 * A pending tip for the writer of a delivered order, split now by the website's policy
 * (a later policy change does not touch it). Refusals name the field; the caller's
 * transaction holds the order's row lock, and the client's tip lock is taken here.
 */
export const createTip = async (req: PayloadRequest, tenant: Tenant, order: Order, input: { amount: number; provider: TipProvider; message?: string }): Promise<Tip> => {
  const writer = idOf(order.writer)
  if (!writer || !TIPPABLE_STATUSES.includes(order.status)) throw new ClientError('order: a tip is given to the writer once the work is delivered.', 422, { field: 'order' })
  const policy = withDefaults(DEFAULT_TIP_POLICY, tenant.settings?.tips)
  const client = idOf(order.client)!
  // The day's count is per client across orders: tips on two orders at once queue here.
  await lockKey(req, `tips:${tenant.id}:${client}`)
  const { totalDocs: recent } = await req.payload.count({
    collection: 'tips',
    where: { and: [{ client: { equals: client } }, { status: { in: ['pending', 'succeeded'] } }, { createdAt: { greater_than: new Date(Date.now() - DAY_MS).toISOString() } }] },
    ...asSystem(proofOf(req)),
    req,
  })
  const refusal = tipRefusal(policy, input.amount, input.provider, recent)
  if (refusal) throw new ClientError(refusal.message, refusal.status, { field: refusal.field })
  const split = splitTip(input.amount, policy.writerPercent)
  return req.payload.create({
    collection: 'tips',
    data: { tenant: tenant.id, order: order.id, client, writer, amount: input.amount, writerAmount: split.writer, platformAmount: split.platform, status: 'pending', message: input.message ?? null },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
}

/**
 * A tip's payment succeeded: the money goes from where it came (client wallet or the
 * gateway) to the writer's wallet and the platform's tip margin, one entry; the writer
 * hears of it.
 */
export const settleTip = async (req: PayloadRequest, payment: Payment, source: AccountRef, reference: string) => {
  const tenant = idOf(payment.tenant)!
  const tip = await req.payload.findByID({ collection: 'tips', id: idOf(payment.tip)!, depth: 0, ...asSystem(proofOf(req)), req })
  const writer = idOf(tip.writer)!
  const wallet = await ensureWallet(req, tenant, writer, 'writer')
  const lines: LineDraft<AccountRef>[] = [{ account: source, debit: tip.amount }]
  if (tip.writerAmount > 0) lines.push({ account: { wallet: wallet.id }, credit: tip.writerAmount })
  if (tip.platformAmount > 0) lines.push({ account: { system: 'platform_tip_margin' }, credit: tip.platformAmount })
  await post(req, tenant, { reference, type: 'tip_settlement', memo: `Tip on order ${idOf(tip.order)}`, lines })
  await req.payload.update({ collection: 'tips', id: tip.id, data: { status: 'succeeded' }, depth: 0, ...asSystem(proofOf(req)), req })
  const order = await req.payload.findByID({ collection: 'orders', id: idOf(tip.order)!, depth: 0, ...asSystem(proofOf(req)), req, select: { number: true } })
  await notify(req, {
    event: 'tip.received',
    recipients: [writer],
    tenant,
    data: { tipId: tip.id, order: idOf(tip.order), number: order.number, amount: tip.writerAmount, currency: payment.currency, message: tip.message ?? null },
    key: `tip.received:${tip.id}`,
  })
}

/** The tip's payment failed or expired: the tip did not happen. */
export const failTip = async (req: PayloadRequest, payment: Payment) => {
  const tip = idOf(payment.tip)
  if (tip) await req.payload.update({ collection: 'tips', id: tip, data: { status: 'failed' }, depth: 0, ...asSystem(proofOf(req)), req })
}
