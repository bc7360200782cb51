import { z } from 'zod'

import { defineWorkflow } from '../workflow/define'
import { PLATFORM, staffOf, type WebsiteActor } from '../workflow/websiteActor'

import { INVOICE_STATUSES, type InvoiceStatus } from './totals'

export type InvoiceFacts = { status: InvoiceStatus; dueAt: Date; amountPaid: number }

const billing = staffOf('admin', 'support')

/**
 * An invoice's life after drafting (`docs/invoices.md`): issued with a pay link, a new
 * link when the old one leaked or lapsed, cancelled while nothing was paid. Payments
 * move it further (partially paid, paid) through the payment operations, not actions.
 */
export const INVOICE_WORKFLOW = defineWorkflow<InvoiceStatus, InvoiceFacts, WebsiteActor, 'issue' | 'payLink' | 'cancel'>({
  noun: 'invoice',
  statuses: INVOICE_STATUSES,
  system: PLATFORM,
  actions: {
    issue: { label: 'Issue', from: ['draft'], who: billing, guard: (i, _a, now) => (i.dueAt <= now ? 'The due date has passed: make a new draft.' : null), targets: ['issued'] },
    payLink: { label: 'New pay link', from: ['issued', 'partially_paid'], who: billing, targets: [] },
    cancel: {
      label: 'Cancel',
      from: ['draft', 'issued'],
      who: billing,
      guard: (i) => (i.amountPaid > 0 ? 'Money was paid on this invoice: refund it instead of cancelling.' : null),
      targets: ['cancelled'],
      input: z.object({ reason: z.string().trim().max(500).optional() }),
    },
  },
})

export type InvoiceAction = keyof typeof INVOICE_WORKFLOW.actions
