import type { EventDescriber } from '../catalogue'

import { linkTo, moneyOf, textOf } from './facts'

/**
 * A client's invoice (reference §9.3 `billing.invoice.issued` / `settled`). Facts:
 * `invoiceId`, `number`, `title`, `total`, `currency`, `dueAt`. Never the pay link's
 * token: the link is the invoice's page.
 */
const invoiceLabel = (d: Record<string, unknown>) => {
  const number = textOf(d, 'number')
  return number ? `Invoice ${number}` : 'Your invoice'
}

const dueText = (d: Record<string, unknown>) => {
  const due = new Date(textOf(d, 'dueAt'))
  return Number.isNaN(due.getTime()) ? '' : ` It is due on ${due.toISOString().slice(0, 10)}.`
}

export const INVOICE_EVENTS: Record<string, EventDescriber> = {
  'invoice.issued': (d) => {
    const title = textOf(d, 'title')
    return {
      category: 'payments',
      priority: 'normal',
      title: `${invoiceLabel(d)}: ${moneyOf(d, 'total')} to pay`,
      body: `${invoiceLabel(d)}${title ? ` (${title})` : ''} was issued to you for ${moneyOf(d, 'total')}.${dueText(d)}`,
      link: linkTo('/invoices', d, 'invoiceId', '/invoices'),
    }
  },
  'invoice.paid': (d) => ({
    category: 'payments',
    priority: 'high',
    title: `${invoiceLabel(d)} is paid`,
    body: `${invoiceLabel(d)} is paid in full (${moneyOf(d, 'total')}). Thank you.`,
    link: linkTo('/invoices', d, 'invoiceId', '/invoices'),
  }),
}
