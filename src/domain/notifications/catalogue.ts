import { ACCOUNT_EVENTS } from './events/account'
import { DISCIPLINE_EVENTS } from './events/discipline'
import { FINE_EVENTS } from './events/fines'
import { CLASS_ORDER_EVENTS } from './events/classOrders'
import { INVOICE_EVENTS } from './events/invoices'
import { LEVEL_EVENTS } from './events/levels'
import { LOYALTY_EVENTS } from './events/loyalty'
import { ORDER_EVENTS } from './events/orders'
import { PAYMENT_EVENTS } from './events/payments'
import { PAYOUT_EVENTS } from './events/payouts'
import { REFERRAL_EVENTS } from './events/referrals'
import { REFUND_EVENTS } from './events/refunds'
import { TIP_EVENTS } from './events/tips'
import { TICKET_EVENTS } from './events/tickets'
import { REVIEW_EVENTS } from './events/reviews'
import type { NotificationCategory, NotificationPriority } from './types'

/** What people read of one event: the in-app row, the mail's subject and text, the live toast. */
export type EventText = {
  category: NotificationCategory
  priority: NotificationPriority
  title: string
  body: string
  /** A path on the website (`/orders/12`), made absolute by whoever sends it. */
  link: string | null
}

type Facts = Record<string, unknown>
export type EventDescriber = (data: Facts) => Partial<EventText> & Pick<EventText, 'title' | 'body'>

/** The events the platform tells people of, by key (filled in by each area). */
export const EVENT_CATALOGUE: Record<string, EventDescriber> = {
  ...ORDER_EVENTS,
  ...PAYMENT_EVENTS,
  ...REFUND_EVENTS,
  ...INVOICE_EVENTS,
  ...TIP_EVENTS,
  ...PAYOUT_EVENTS,
  ...FINE_EVENTS,
  ...CLASS_ORDER_EVENTS,
  ...LOYALTY_EVENTS,
  ...REFERRAL_EVENTS,
  ...LEVEL_EVENTS,
  ...DISCIPLINE_EVENTS,
  ...TICKET_EVENTS,
  ...REVIEW_EVENTS,
  ...ACCOUNT_EVENTS,
}

const CATEGORY_OF_AREA: Record<string, NotificationCategory> = {
  order: 'orders',
  payment: 'payments',
  refund: 'payments',
  invoice: 'payments',
  payout: 'payouts',
  fine: 'fines',
  class: 'orders',
  ticket: 'tickets',
  review: 'reviews',
  account: 'account',
  campaign: 'marketing',
}

/** An event's texts: the catalogue's entry, or plain words from its key for one not described yet. */
export const describeEvent = (event: string, data: Facts): EventText => {
  const area = event.split('.')[0] ?? event
  const described = EVENT_CATALOGUE[event]?.(data)
  const what = event.replace(/[._]/g, ' ')
  return {
    category: described?.category ?? CATEGORY_OF_AREA[area] ?? 'account',
    priority: described?.priority ?? 'normal',
    title: described?.title ?? what.charAt(0).toUpperCase() + what.slice(1),
    body: described?.body ?? '',
    link: described?.link ?? null,
  }
}
