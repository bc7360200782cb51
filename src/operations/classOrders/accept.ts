import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { planInstallments } from '@/domain/classOrders/installmentPlan'
import { ClientError } from '@/errors'
import type { ClassOrder, ClassProposal } from '@/payload-types'

import { issuePlanInvoice } from '../funding/issuePlanInvoice'

import { websiteClassSettings } from './records'

/**
 * A proposal or counter-offer accepted: the class's price is fixed (accepted amount,
 * discount, total), its plan invoice is issued through `issuePlanInvoice` (deposit + N
 * installments by the website's settings, `planInstallments`), one class installment
 * per invoice installment is written, and the class waits for payment. In the
 * acceptance's transaction: a failure leaves the proposal open and nothing issued.
 */
export const acceptPrice = async (req: PayloadRequest, doc: ClassOrder, proposal: ClassProposal, actor: number | null, now: Date): Promise<ClassOrder> => {
  if (doc.status !== 'price_proposed' && doc.status !== 'negotiating') throw new ClientError(`Not possible while the class order is ${doc.status}.`, 409)
  const tenant = idOf(doc.tenant)!
  const client = idOf(doc.client)!
  const { settings, website } = await websiteClassSettings(req, tenant)
  const total = proposal.final
  const plan = planInstallments({ total, depositPercent: settings.depositPercent, count: settings.installmentsCount, startDate: new Date(doc.startDate), endDate: new Date(doc.endDate), now })
  const { invoice, installments } = await issuePlanInvoice(req, {
    tenant: website,
    client,
    title: `Class ${doc.number}: ${doc.title}`.slice(0, 200),
    lines: [{ description: `${doc.className} (${doc.institution})`.slice(0, 200), quantity: 1, unitAmount: total }],
    installments: plan.map((part) => ({ amount: part.amount, dueAt: part.dueAt })),
    createdBy: actor,
    link: { classOrder: doc.id },
  })
  for (const [index, part] of plan.entries()) {
    await req.payload.create({
      collection: 'class-installments',
      data: { tenant, classOrder: doc.id, client, installment: installments[index]!.id, sequence: part.sequence, deposit: part.deposit, amount: part.amount, dueAt: part.dueAt.toISOString(), status: 'pending' },
      depth: 0,
      ...asSystem(proofOf(req)),
      req,
    })
  }
  return req.payload.update({
    collection: 'class-orders',
    id: doc.id,
    data: { status: 'pending_payment', acceptedAmount: proposal.amount, discount: proposal.discount ?? 0, total, quotedAmount: total, invoice: invoice.id, paymentStatus: 'unpaid' },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
}
