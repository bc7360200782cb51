import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { confirmRefusal } from '@/domain/payments/manualProvider'
import { ClientError, refuseField } from '@/errors'
import { asSystem, proofOf } from '@/access/system'

import { adminOf, visibleDoc } from '../gate'
import { inTransaction } from '../inTransaction'

import { manualPaymentsOnWebsite } from './manualSwitch'
import { type Settlement, settlePayment } from './settlePayment'

export type ManualConfirmation = { bankReference?: string; note?: string }

/**
 * POST /api/payments/:id/confirm: an admin of the payment's website (or a superadmin)
 * says the money of a manual payment (bank transfer, cash) arrived. The caller must see
 * the payment (404 otherwise, other websites included); its payer never confirms it, not
 * even an admin paying for themselves (403). The website must take manual payments (409
 * naming `provider`). Then exactly what a Stripe success runs applies it, once: a second
 * confirmation answers `applied: false` and changes nothing, and the first confirmer,
 * time and note stay recorded on the payment.
 */
export const confirmManualPayment = async (req: PayloadRequest, paymentId: number, input: ManualConfirmation, now = new Date()): Promise<Settlement> => {
  const { doc: payment, actor, tenant } = await visibleDoc(req, 'payments', paymentId)
  const refusal = confirmRefusal({ actor: actor.id, payer: idOf(payment.client)!, adminOfWebsite: adminOf(actor, tenant) })
  if (refusal) throw new ClientError(refusal, 403)
  if (payment.provider !== 'manual') throw refuseField('payments', 'provider', `provider: a ${payment.provider} payment is confirmed by its provider.`, 409)
  const website = await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, ...asSystem(proofOf(req)), req })
  if (!manualPaymentsOnWebsite(website)) throw refuseField('payments', 'provider', 'provider: manual payments are switched off on this website.', 409)

  return inTransaction(req, async () => {
    const settled = await settlePayment(req, paymentId, now)
    // Under settlePayment's row lock: only the confirmation that applied the money is recorded.
    if (!settled.applied) return settled
    const confirmation = { confirmedBy: actor.id, confirmedAt: now.toISOString(), bankReference: input.bankReference ?? null, note: input.note ?? null }
    const recorded = await req.payload.update({ collection: 'payments', id: paymentId, data: { confirmation }, depth: 0, ...asSystem(proofOf(req)), req })
    return { payment: recorded, applied: true }
  })
}
