import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { lockRow } from '@/db/locks'
import { partiesBut } from '@/domain/notifications/recipients'
import type { PayoutMethod } from '@/domain/payouts/settings'
import { ClientError } from '@/errors'
import { enqueue } from '@/jobs/enqueue'
import { asSystem, proofOf } from '@/access/system'
import type { PayoutRequest } from '@/payload-types'

import { inTransaction } from '../inTransaction'
import { captureHeld, lockWallet, shiftHeld } from '../ledger/holds'
import { ensureWallet } from '../ledger/wallets'
import { requestMember } from '../gate'
import { notify } from '../notifications/notify'
import { websiteCurrency } from '../notifications/websiteCurrency'
import { refuseWhileImpersonating } from '../sessions/impersonating'
import { websitePayouts } from './settings'

const DAY_MS = 24 * 3600 * 1000

/**
 * A writer asks to be paid `amount` of their writer wallet's available balance: under the
 * wallet's row lock the amount moves from available to held (more than available → 422
 * with the shortfall; already as many pending requests as the website allows → 409) and
 * the request is stored, pending until an admin decides or it expires.
 */
export const requestPayout = async (req: PayloadRequest, amount: number, now = new Date()) => {
  refuseWhileImpersonating(req, 'payout request')
  const { actor, tenant } = await requestMember(req)
  if (!actor.roles.includes('writer')) throw new ClientError('Only writers request payouts.', 403)
  return inTransaction(req, async () => {
    const settings = await websitePayouts(req, tenant.id)
    const wallet = await ensureWallet(req, tenant.id, actor.id, 'writer')
    await lockWallet(req, tenant.id, wallet.id)
    const { totalDocs: open } = await req.payload.count({ collection: 'payout-requests', where: { and: [{ wallet: { equals: wallet.id } }, { status: { equals: 'pending' } }] }, ...asSystem(proofOf(req)), req })
    if (open >= settings.maxOpenRequests) throw new ClientError(`You already have ${open} payout request(s) waiting for a decision.`, 409, { open, allowed: settings.maxOpenRequests })
    await shiftHeld(req, tenant.id, wallet.id, amount)
    const request = await req.payload.create({
      collection: 'payout-requests',
      data: { tenant: tenant.id, writer: actor.id, wallet: wallet.id, amount, status: 'pending', expiresAt: new Date(now.getTime() + settings.requestExpiryDays * DAY_MS).toISOString() },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
    await enqueue(req, { type: 'live.event', tenant: tenant.id, payload: { audience: { staffOfTenant: tenant.id }, event: 'payout_request.created', data: { request: request.id, writer: actor.id, amount } } })
    return request
  })
}

export type Outcome = { status: 'approved'; method: PayoutMethod; externalReference: string } | { status: 'rejected'; reason: string } | { status: 'expired' }

/** Locks a payout request's row and reads it: decisions on one request run one after another. */
export const lockPayoutRequest = async (req: PayloadRequest, requestId: number): Promise<PayoutRequest> => {
  await lockRow(req, 'payout_requests', requestId)
  return req.payload.findByID({ collection: 'payout-requests', id: requestId, depth: 0, ...asSystem(proofOf(req)), req })
}

/**
 * Ends a pending request (its action decided under its row lock): approved → the hold is
 * captured and the money leaves the wallet to platform cash; rejected or expired → the
 * hold goes back to available. The writer is told.
 */
export const endRequest = async (req: PayloadRequest, request: PayoutRequest, outcome: Outcome, by: number | null, now: Date): Promise<PayoutRequest> => {
  const requestId = request.id
  const tenant = idOf(request.tenant)!
  const wallet = idOf(request.wallet)!
  if (outcome.status === 'approved') {
    await captureHeld(req, tenant, wallet, request.amount, {
      reference: `payout:request:${requestId}`,
      type: 'writer_payout',
      memo: `Payout request ${requestId} by ${outcome.method} (${outcome.externalReference})`,
      lines: [{ account: { wallet }, debit: request.amount }, { account: { system: 'platform_cash' }, credit: request.amount }],
    })
  } else {
    await shiftHeld(req, tenant, wallet, -request.amount)
  }
  const { status, ...details } = outcome
  const done = await req.payload.update({ collection: 'payout-requests', id: requestId, data: { status, ...details, decidedAt: now.toISOString(), decidedBy: by }, depth: 0, ...asSystem(proofOf(req)), req })
  await notify(req, {
    event: `payout_request.${status}`,
    recipients: partiesBut(by, [idOf(request.writer)]),
    tenant,
    data: { request: requestId, amount: request.amount, currency: await websiteCurrency(req, tenant), ...details },
    key: `payout_request.${status}:${requestId}`,
  })
  return done
}
