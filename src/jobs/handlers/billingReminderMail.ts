import { idOf } from '@/access/actor'
import { PAYABLE_STATUSES } from '@/domain/invoices/totals'
import { sendMail, tenantSender } from '@/mail/sendTenantMail'
import { billingReminderMail as render } from '@/mail/templates/billingReminder'
import { asSystem, systemProof } from '@/access/system'

import type { JobHandler } from '../handler'

const proof = systemProof('billing reminder mail job')

export const billingReminderMail: JobHandler<'mail.billingReminder'> = async ({ payload, tenant, data }) => {
  const invoice = await payload.findByID({ collection: 'invoices', id: data.invoiceId, depth: 0, ...asSystem(proof), disableErrors: true })
  if (!invoice || idOf(invoice.tenant) !== tenant) return
  const user = await payload.findByID({ collection: 'users', id: idOf(invoice.client)!, depth: 0, ...asSystem(proof), disableErrors: true })
  if (!user) return
  const installment = data.installmentId ? await payload.findByID({ collection: 'installments', id: data.installmentId, depth: 0, ...asSystem(proof), disableErrors: true }) : null
  const bill = installment
    ? { label: `Installment ${installment.sequence} of invoice ${invoice.number}`, amountDue: installment.amount - installment.amountPaid, dueAt: installment.dueAt }
    : { label: `Invoice ${invoice.number}`, amountDue: invoice.total - invoice.amountPaid, dueAt: invoice.dueAt }
  // Paid or cancelled since the reminder was queued: nothing to remind of any more.
  if (!PAYABLE_STATUSES.includes(invoice.status) || (installment && installment.status !== 'pending') || bill.amountDue <= 0) return
  const sender = await tenantSender(payload, proof, tenant)
  await sendMail(payload, user.email, sender.from, render(sender.brand, { name: user.name }, { kind: data.kind, currency: invoice.currency, ...bill }))
}
