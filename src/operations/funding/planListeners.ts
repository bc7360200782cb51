import type { PayloadRequest } from 'payload'

import type { Installment, Invoice } from '@/payload-types'

import { classPlanListener } from '../classOrders/planListener'

/**
 * Told, in the settlement's transaction, when money lands on an invoice that funds a
 * plan (a special order's milestones, a class's installments): the invoice after the
 * payment and the installments it paid into, after theirs. A listener acts only on the
 * invoices it owns (its link field) and may refuse by throwing, which rolls the payment
 * back with everything else.
 */
export type PlanListener = (req: PayloadRequest, paid: { invoice: Invoice; installments: Installment[]; now: Date }) => Promise<void>

/**
 * One line per plan owner. Called through an arrow: a listener runs workflow actions,
 * whose modules import the payment path that imports this list (an import cycle).
 */
export const PLAN_LISTENERS: PlanListener[] = [(req, paid) => classPlanListener(req, paid)]

export const tellPlanOwners = async (req: PayloadRequest, paid: { invoice: Invoice; installments: Installment[]; now: Date }): Promise<void> => {
  for (const listener of PLAN_LISTENERS) await listener(req, paid)
}
