import type { PayloadRequest } from 'payload'

import { idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { execute, sql } from '@/db/execute'
import { lockRow } from '@/db/locks'
import { ClientError } from '@/errors'
import type { DiscountUsage, Invoice, Order, Payment, Tenant } from '@/payload-types'

import { post } from '../ledger/post'

import { type ChosenDiscount, discountRefusal, evaluateDiscountFor, type Payable, payableKeyOf } from './evaluate'

/** What an order keeps of the discount it got (`discountSnapshot`). */
export type DiscountSnapshot = { code: string | null; origin: string; kind: string; value: number; discount: number; discountId: number | null; usageId: number }

const liveUsageOf = async (req: PayloadRequest, payable: Payable): Promise<DiscountUsage | null> => {
  const { docs } = await req.payload.find({ collection: 'discount-usages', where: { payableKey: { equals: payableKeyOf(payable) } }, depth: 0, limit: 1, pagination: false, ...asSystem(proofOf(req)), req })
  return docs[0] ?? null
}

/**
 * A campaign's spending follows its live usages (`sign` +1 on hold, −1 on release). The
 * discount row itself is not written: a code without limits stays free of row locks.
 */
const count = async (req: PayloadRequest, usage: Pick<DiscountUsage, 'campaign' | 'discountAmount'>, sign: 1 | -1) => {
  const campaign = idOf(usage.campaign)
  if (campaign) await execute(req, sql`UPDATE discount_campaigns SET spent = GREATEST(COALESCE(spent, 0) + ${sign * usage.discountAmount}, 0) WHERE id = ${campaign}`)
}

const releaseUsage = async (req: PayloadRequest, usage: DiscountUsage) => {
  await req.payload.update({ collection: 'discount-usages', id: usage.id, data: { status: 'released', payableKey: null }, depth: 0, ...asSystem(proofOf(req)), req })
  await count(req, usage, -1)
}

const sameDiscount = (usage: DiscountUsage, chosen: ChosenDiscount) =>
  idOf(usage.discount) === chosen.discountId && usage.origin === chosen.terms.origin && usage.discountAmount === chosen.discount && usage.subtotal === chosen.subtotal

type Priced = { id: number; subtotal?: number | null; discount?: number | null; total: number; discountSnapshot?: unknown; updatedAt: string }

/**
 * The payable's price after the discount, in one statement under its lock (a Local API
 * update of an order rewrites every column and child table: the costliest step of a
 * checkout). The database's CHECK holds total = subtotal − discount whatever writes it.
 */
const setPrice = async <T extends Priced>(req: PayloadRequest, table: 'orders' | 'invoices', doc: T, subtotal: number, discount: number, snapshot: DiscountSnapshot | null): Promise<T> => {
  const total = subtotal - discount
  const json = snapshot === null ? null : JSON.stringify(snapshot)
  const [row] = await execute<{ updated_at: string }>(
    req,
    sql`UPDATE ${sql.identifier(table)} SET subtotal = ${subtotal}, discount = ${discount}, total = ${total}, discount_snapshot = ${json}::jsonb, updated_at = now() WHERE id = ${doc.id} RETURNING updated_at`,
  )
  return { ...doc, subtotal, discount, total, discountSnapshot: snapshot, updatedAt: new Date(row!.updated_at).toISOString() }
}

/** The chosen discount's usage, held for the payable (its unique key refuses a second), the campaign's spending counted. */
const holdUsage = async (req: PayloadRequest, tenant: Tenant, payable: Payable, client: number, chosen: ChosenDiscount): Promise<{ usage: DiscountUsage; snapshot: DiscountSnapshot }> => {
  const usage = await req.payload.create({
    collection: 'discount-usages',
    data: {
      tenant: tenant.id,
      discount: chosen.discountId,
      campaign: chosen.campaignId,
      client,
      payableType: payable.type,
      [payable.type]: payable.id,
      payableKey: payableKeyOf(payable),
      subtotal: chosen.subtotal,
      discountAmount: chosen.discount,
      total: chosen.total,
      origin: chosen.terms.origin,
      code: chosen.terms.code || null,
      status: 'held',
    },
    depth: 0,
    ...asSystem(proofOf(req)),
    req,
  })
  await count(req, usage, 1)
  const snapshot: DiscountSnapshot = { code: chosen.terms.code || null, origin: chosen.terms.origin, kind: chosen.terms.kind, value: chosen.terms.value, discount: chosen.discount, discountId: chosen.discountId, usageId: usage.id }
  return { usage, snapshot }
}

/** A usage's own columns, in one statement (its row has no child tables or hooks). */
const setUsage = async (req: PayloadRequest, usageId: number, change: { payment: number } | { status: 'applied' }) => {
  if ('payment' in change) await execute(req, sql`UPDATE discount_usages SET payment_id = ${change.payment}, updated_at = now() WHERE id = ${usageId}`)
  else await execute(req, sql`UPDATE discount_usages SET status = ${change.status}, updated_at = now() WHERE id = ${usageId}`)
}

/**
 * At checkout of an order, under its row lock and before the payment row: the discount it
 * gets (reference §5, "application timing"), its usage held and its total recomputed from
 * its subtotal, so the payment is for what is owed after the discount. An order paid in
 * part keeps the discount it has (a new code is refused). A retried checkout with the same
 * code re-uses the held usage; another code replaces it (best-of again) unless a payment
 * on it is still pending (409). Without a code, a code held earlier is tried again, so a
 * retry never drops it silently; a code that no longer applies is a 422 naming its rule.
 */
export const discountOrder = async (req: PayloadRequest, tenant: Tenant, order: Order, code: string | undefined, now = new Date()): Promise<{ order: Order; usage: DiscountUsage | null }> => {
  const payable: Payable = { type: 'order', id: order.id }
  const held = await liveUsageOf(req, payable)
  const entered = code?.trim() ? code.trim() : undefined
  if (order.amountPaid > 0) {
    if (entered && (!held || held.code !== entered.toUpperCase())) throw discountRefusal('not_eligible', 'this order is paid in part; it keeps the discount it has.')
    return { order, usage: held }
  }
  const subtotal = order.subtotal ?? order.total
  const tried = entered ?? held?.code ?? undefined
  const chosen = await evaluateDiscountFor(req, { tenant, client: idOf(order.client)!, subtotal, code: tried, payable, now, lock: true })

  if (held && chosen && sameDiscount(held, chosen)) return { order, usage: held }
  if (held) {
    const paymentId = idOf(held.payment)
    if (paymentId) {
      const [pending] = await execute<{ id: number }>(req, sql`SELECT id FROM payments WHERE id = ${paymentId} AND status = 'pending'`)
      if (pending) throw new ClientError('discountCode: a payment with another discount is still pending on this order; pay or wait for it to expire first.', 409, { field: 'discountCode' })
    }
    await releaseUsage(req, held)
  }
  if (!chosen) return { order: order.discount || order.total !== subtotal ? await setPrice(req, 'orders', order, subtotal, 0, null) : order, usage: null }
  const { usage, snapshot } = await holdUsage(req, tenant, payable, idOf(order.client)!, chosen)
  return { order: await setPrice(req, 'orders', order, subtotal, chosen.discount, snapshot), usage }
}

/**
 * A new invoice's discount, in its draft's transaction: the code entered for it (the same
 * evaluation as preview and checkout; invoices get no automatic discount), held on the invoice until it is paid (applied) or cancelled or expires
 * (released). Staff draft the bill, so the usage is the invoice's, not a payment's: a
 * failed card payment leaves the invoice's total as it was issued.
 */
export const discountDraft = async (req: PayloadRequest, tenant: Tenant, invoice: Invoice, code: string | undefined, now = new Date()): Promise<Invoice> => {
  const subtotal = invoice.subtotal ?? invoice.total
  const payable: Payable = { type: 'invoice', id: invoice.id }
  const entered = code?.trim() || undefined
  if (!entered) return invoice
  const chosen = await evaluateDiscountFor(req, { tenant, client: idOf(invoice.client)!, subtotal, code: entered, payable, now, lock: true })
  if (!chosen) return invoice
  const { snapshot } = await holdUsage(req, tenant, payable, idOf(invoice.client)!, chosen)
  return setPrice(req, 'invoices', invoice, subtotal, chosen.discount, snapshot)
}

/**
 * A code the client enters when paying a whole invoice, under the invoice's lock: it
 * replaces the invoice's discount when it is the one chosen (best-of again), as long as
 * nothing is paid, no installment plan rests on the total and no payment made out for the
 * present total is pending (409). Without a code the invoice keeps the total it was issued
 * with. A code that does not apply is a 422 naming its rule.
 */
export const discountInvoiceAtCheckout = async (req: PayloadRequest, tenant: Tenant, invoice: Invoice, code: string | undefined, hasInstallments: boolean, now = new Date()): Promise<Invoice> => {
  const entered = code?.trim() || undefined
  if (!entered) return invoice
  const payable: Payable = { type: 'invoice', id: invoice.id }
  const held = await liveUsageOf(req, payable)
  if (invoice.amountPaid > 0 && held?.code === entered.toUpperCase()) return invoice
  if (invoice.amountPaid > 0) throw discountRefusal('not_eligible', 'this invoice is paid in part; it keeps the discount it has.')
  if (hasInstallments) throw discountRefusal('not_eligible', 'this invoice is paid by installments that add up to its total; ask the website to change the invoice.')
  const subtotal = invoice.subtotal ?? invoice.total
  const chosen = await evaluateDiscountFor(req, { tenant, client: idOf(invoice.client)!, subtotal, code: entered, payable, now, lock: true })
  if (held && chosen && sameDiscount(held, chosen)) return invoice
  // A pending payment was made out for the present total: changing it now would let that payment pay the wrong amount.
  const [pending] = await execute<{ id: number }>(req, sql`SELECT id FROM payments WHERE invoice_id = ${invoice.id} AND status = 'pending' LIMIT 1`)
  if (pending) throw new ClientError('discountCode: a payment of this invoice is still pending; pay or wait for it to expire before entering another code.', 409, { field: 'discountCode' })
  if (held) await releaseUsage(req, held)
  if (!chosen) return setPrice(req, 'invoices', invoice, subtotal, 0, null)
  const { snapshot } = await holdUsage(req, tenant, payable, idOf(invoice.client)!, chosen)
  return setPrice(req, 'invoices', invoice, subtotal, chosen.discount, snapshot)
}

/** The invoice was cancelled or expired (under its lock): a discount still held on it is released (the code may be used again, a campaign gets its budget back). */
export const releaseInvoiceDiscount = async (req: PayloadRequest, invoiceId: number): Promise<void> => {
  const usage = await liveUsageOf(req, { type: 'invoice', id: invoiceId })
  if (usage?.status === 'held') await releaseUsage(req, usage)
}

/** The held usage belongs to the payment that checkout created for it. */
export const linkUsagePayment = async (req: PayloadRequest, usage: DiscountUsage, payment: number) => {
  await setUsage(req, usage.id, { payment })
}

const heldUsageOfPayment = async (req: PayloadRequest, payment: Payment): Promise<DiscountUsage | null> => {
  const { docs } = await req.payload.find({ collection: 'discount-usages', where: { and: [{ payment: { equals: payment.id } }, { status: { equals: 'held' } }] }, depth: 0, limit: 1, pagination: false, ...asSystem(proofOf(req)), req })
  return docs[0] ?? null
}

/**
 * The payment that carried a discount succeeded (in its settlement's transaction): the
 * usage is applied, and the ledger moves the discount out of revenue onto the
 * contra-revenue account `discounts_given` (Dr discounts_given / Cr platform_revenue), so
 * platform revenue carries the subtotal and the net revenue is subtotal − discount. The
 * entry's reference (`discount:order:<id>`) makes a replay do nothing.
 */
export const applyDiscountUsage = async (req: PayloadRequest, payment: Payment): Promise<void> => {
  // An invoice's discount is the invoice's (not a payment's): its first payment applies it.
  const invoiceId = idOf(payment.invoice)
  const usage = invoiceId ? await liveUsageOf(req, { type: 'invoice', id: invoiceId }) : await heldUsageOfPayment(req, payment)
  if (usage?.status !== 'held') return
  await applyUsage(req, usage, idOf(payment.tenant)!)
}

/** Staff marked the order paid (money received outside the platform): its held discount is applied as a payment's would be. */
export const applyOrderDiscount = async (req: PayloadRequest, order: Pick<Order, 'id' | 'tenant'>): Promise<void> => {
  const usage = await liveUsageOf(req, { type: 'order', id: order.id })
  if (usage?.status === 'held') await applyUsage(req, usage, idOf(order.tenant)!)
}

const applyUsage = async (req: PayloadRequest, usage: DiscountUsage, tenant: number): Promise<void> => {
  await setUsage(req, usage.id, { status: 'applied' })
  if (usage.discountAmount <= 0) return
  const key = usage.payableType === 'order' ? `order:${idOf(usage.order)}` : `invoice:${idOf(usage.invoice)}`
  await post(req, tenant, {
    reference: `discount:${key}`,
    type: 'discount_given',
    memo: `Discount ${usage.code ?? usage.origin} on ${key}`,
    lines: [{ account: { system: 'discounts_given' }, debit: usage.discountAmount }, { account: { system: 'platform_revenue' }, credit: usage.discountAmount }],
  })
}

/**
 * The payment that carried a discount failed, expired or was cancelled: the usage is
 * released (the code may be used again, the campaign gets its budget back) and, when
 * nothing has been paid on the order, its total is restored to the subtotal. A payment
 * that no longer carries the usage (a later checkout took it over) changes nothing.
 */
export const releaseDiscountUsage = async (req: PayloadRequest, payment: Payment): Promise<void> => {
  // The order's lock before the usage, as checkout takes them: a checkout of the same order
  // meanwhile either ran first (and re-linked the usage to its own payment) or waits for this.
  const orderId = idOf(payment.order)
  if (orderId) await lockRow(req, 'orders', orderId)
  const usage = await heldUsageOfPayment(req, payment)
  if (!usage) return
  await releaseUsage(req, usage)
  if (usage.payableType !== 'order' || !orderId) return
  await execute(req, sql`UPDATE orders SET discount = 0, total = subtotal, discount_snapshot = NULL, updated_at = now() WHERE id = ${orderId} AND amount_paid = 0 AND subtotal IS NOT NULL`)
}
