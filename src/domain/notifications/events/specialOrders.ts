import type { EventDescriber } from '../catalogue'

import { linkTo, moneyOf, reasonSuffix, textOf } from './facts'

/**
 * A special order's main steps (reference §10.1), told to its client and writer. Facts:
 * `specialOrder` (id), `number`, `title`, `amount`, `total`, `currency`, `milestone`
 * (its label), `reason`, `expiresAt`, `outcome` and `summary` (a dispute's resolution).
 */
const link = (d: Record<string, unknown>) => linkTo('/special-orders', d, 'specialOrder', '/special-orders')
const label = (d: Record<string, unknown>) => {
  const number = textOf(d, 'number')
  return number ? `special order ${number}` : 'your special order'
}
const Label = (d: Record<string, unknown>) => {
  const text = label(d)
  return text.charAt(0).toUpperCase() + text.slice(1)
}
const step = (title: (d: Record<string, unknown>) => string, body: (d: Record<string, unknown>) => string, priority: 'normal' | 'high' = 'normal'): EventDescriber => (d) => ({ category: 'orders', priority, title: title(d), body: body(d), link: link(d) })

export const SPECIAL_ORDER_EVENTS: Record<string, EventDescriber> = {
  'specialOrder.quoteSent': step(
    (d) => `Your quote: ${moneyOf(d, 'total')}`,
    (d) => `${Label(d)} is quoted at ${moneyOf(d, 'total')}. Accept it before it expires to start.`,
    'high',
  ),
  'specialOrder.quoteExpired': step(
    () => 'Your quote expired',
    (d) => `The quote for ${label(d)} expired before it was accepted; we will send you a new one.`,
  ),
  'specialOrder.planIssued': step(
    (d) => `${Label(d)}: payment plan ready`,
    (d) => `${Label(d)} comes to ${moneyOf(d, 'total')}. Pay the deposit to get a writer assigned.`,
    'high',
  ),
  'specialOrder.milestonePaid': step(
    (d) => `${Label(d)}: ${moneyOf(d)} received`,
    (d) => `The ${textOf(d, 'milestone', 'milestone').toLowerCase()} of ${label(d)} is paid.`,
  ),
  'specialOrder.funded': step(
    (d) => `${Label(d)} is fully paid`,
    (d) => `Every milestone of ${label(d)} is paid.`,
  ),
  'specialOrder.assigned': step(
    (d) => `${Label(d)}: writer assigned`,
    (d) => `A writer is assigned to ${label(d)}.`,
    'high',
  ),
  'specialOrder.submitted': step(
    (d) => `${Label(d)}: work submitted`,
    (d) => `The writer submitted the work for ${label(d)}.`,
  ),
  'specialOrder.completed': step(
    (d) => `${Label(d)} is delivered`,
    (d) => `${Label(d)} is delivered and complete. Approve it, or ask for a revision.`,
    'high',
  ),
  'specialOrder.revisionRequested': step(
    (d) => `${Label(d)}: revision requested`,
    (d) => `The client asked for a revision of ${label(d)}.${reasonSuffix(d)}`,
    'high',
  ),
  'specialOrder.approved': step(
    (d) => `${Label(d)} is approved`,
    (d) => `The client approved ${label(d)}.`,
  ),
  'specialOrder.onHold': step(
    (d) => `${Label(d)} is on hold`,
    (d) => `${Label(d)} is on hold.${reasonSuffix(d)}`,
  ),
  'specialOrder.resumed': step(
    (d) => `${Label(d)} is resumed`,
    (d) => `${Label(d)} is no longer on hold.`,
  ),
  'specialOrder.changePriced': step(
    (d) => `${Label(d)}: your change is priced`,
    (d) => `The change you asked for on ${label(d)} comes to ${moneyOf(d)}. Accept it to add it to your plan, or reject it.`,
    'high',
  ),
  'specialOrder.changeAccepted': step(
    (d) => `${Label(d)}: change accepted`,
    (d) => `The client accepted a change to ${label(d)}; see its request for what changes.`,
  ),
  'specialOrder.cancelled': step(
    (d) => `${Label(d)} is cancelled`,
    (d) => `${Label(d)} is cancelled.${reasonSuffix(d)}`,
    'high',
  ),
  'specialOrder.refunded': step(
    (d) => `${Label(d)}: ${moneyOf(d)} refunded`,
    (d) => `${moneyOf(d)} of ${label(d)} went back to the client; your earning for it goes down with it while not paid out.${reasonSuffix(d)}`,
    'high',
  ),
  'specialOrder.disputeOpened': step(
    (d) => `${Label(d)}: the client opened a dispute`,
    (d) => `The client disputes the work on ${label(d)}; staff will review it and may ask for your side.`,
    'high',
  ),
  'specialOrder.disputeResolved': step(
    (d) => `${Label(d)}: dispute resolved`,
    (d) => `The dispute on ${label(d)} is resolved (${textOf(d, 'outcome', 'no action').replace(/_/g, ' ')}).${textOf(d, 'summary') ? ` ${textOf(d, 'summary')}` : ''}`,
    'high',
  ),
}
