import { idOf } from '@/access/actor'
import { INVOICE_WORKFLOW } from '@/domain/invoices/workflow'
import { partiesBut } from '@/domain/notifications/recipients'
import type { Invoice } from '@/payload-types'

import { notify } from '../notifications/notify'
import { recordEvent } from '../workflow/recordEvent'
import { defineSubject } from '../workflow/subject'
import { websiteActorOf } from '../workflow/websiteActor'

import { cancelInvoiceRow } from './cancel'
import { withNewToken } from './manage'
import { lockInvoice } from './owed'

/** What an invoice action wrote; the plain pay-link token is in the answer only, never in the timeline. */
type Change = { invoice: Invoice; payUrl?: string }

/** Invoices on the one workflow pattern (`docs/invoices.md`); an issued invoice is told to its client. */
export const INVOICE_SUBJECT = defineSubject({
  collection: 'invoices',
  workflow: INVOICE_WORKFLOW,
  lock: lockInvoice,
  context: async (_req, invoice, actor) => ({
    facts: { status: invoice.status, dueAt: new Date(invoice.dueAt), amountPaid: invoice.amountPaid },
    actor: websiteActorOf(actor, idOf(invoice.tenant)!),
  }),
  apply: async ({ req, doc, action, input, actor, now }) => {
    const change: Change =
      action === 'cancel'
        ? { invoice: await cancelInvoiceRow(req, doc.id, now) }
        : await withNewToken(req, doc, now, action === 'issue' ? { status: 'issued', issuedAt: now.toISOString() } : {})
    const event = await recordEvent(req, {
      collection: 'invoices',
      document: doc.id,
      tenant: idOf(doc.tenant)!,
      action,
      actor: actor?.id ?? null,
      from: doc.status,
      to: change.invoice.status,
      reason: typeof input.reason === 'string' ? input.reason : null,
      data: change.payUrl ? { payTokenExpiresAt: change.invoice.payTokenExpiresAt } : null,
    })
    if (action === 'issue') {
      const { invoice } = change
      const told = partiesBut(actor?.id, [idOf(invoice.client)])
      if (told.length > 0) {
        await notify(req, {
          event: 'invoice.issued',
          recipients: told,
          tenant: idOf(invoice.tenant)!,
          data: { invoiceId: invoice.id, number: invoice.number, title: invoice.title ?? null, total: invoice.total, currency: invoice.currency, dueAt: invoice.dueAt },
          key: `invoice.issued:${invoice.id}:${event.id}`,
        })
      }
    }
    return { doc: change.invoice, event, extra: change.payUrl ? { payUrl: change.payUrl } : undefined }
  },
})
