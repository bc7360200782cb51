import type { PayloadRequest } from 'payload'

import type { Installment, Invoice } from '@/payload-types'

import { fundSpecialOrder } from '../specialOrders/fundingListener'

/**
 * Told, in the settlement's transaction, when money lands on an invoice that funds a
 * plan (a special order's milestones, a class's installments): the invoice after the
 * payment and the installments it paid into, after theirs. A listener acts only on the
 * invoices it owns (its link field) and may refuse by throwing, which rolls the payment
 * back with everything else.
 */
export type PlanListener = (req: PayloadRequest, paid: { invoice: Invoice; installments: Installment[]; now: Date }) => Promise<void>

/** One line per plan owner. */
export const PLAN_LISTENERS: PlanListener[] = [fundSpecialOrder]

export const tellPlanOwners = async (req: PayloadRequest, paid: { invoice: Invoice; installments: Installment[]; now: Date }): Promise<void> => {
  for (const listener of PLAN_LISTENERS) await listener(req, paid)
}
