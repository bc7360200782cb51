import { type PayloadRequest, ValidationError } from 'payload'

import { actorOf } from '@/access/actor'
import { defaultWriterDeadline, hoursUntil, orderFlags } from '@/domain/orders/deadlines'
import { mayPlaceUnverified } from '@/domain/accounts/emailTokens'
import { priceOrder } from '@/domain/pricing/priceOrder'
import { featureOn } from '@/domain/tenancy/featureToggles'
import type { QuoteInput } from '@/domain/pricing/types'
import { asSystem, proofOf } from '@/access/system'
import type { Order } from '@/payload-types'

import { verifyFirst } from '../accounts/emailAddress'
import { allocateOrderNumber } from '../allocateOrderNumber'
import { loadPricingConfig } from '../loadPricingConfig'
import { resolvedTenantWithId } from '../resolveTenant'

type Problem = { path: string; message: string }

const refuse = (req: PayloadRequest, errors: Problem[]) =>
  new ValidationError({ collection: 'orders', errors }, req.t)

const parseDate = (value: unknown): Date | null => {
  if (typeof value !== 'string' && !(value instanceof Date)) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * Where an idempotency key of a placement is kept: `POST /api/orders` with
 * `Idempotency-Key` and GraphQL's `placeOrder(idempotencyKey)` share it, so a retry over
 * either transport finds the first attempt.
 */
export const PLACEMENT_SCOPE = 'orders.create'

/** An order as a create request brings it: the quote inputs, the brief, maybe a deadline in hours. */
export type OrderDraft = Partial<Order> & { deadlineHours?: unknown }

/**
 * Placing an order: the server decides the client, the price, the number, the status
 * and the deadlines, and answers the order to store. Whatever the draft says about
 * price, status or payment is overwritten; bad inputs are a 400 naming each field, and
 * nothing is written. Runs in the create's transaction (`req`).
 */
export const placeOrder = async (req: PayloadRequest, raw: OrderDraft, now = new Date()): Promise<OrderDraft> => {
  const actor = actorOf(req)
  const problems: Problem[] = []

  const tenantId = typeof raw.tenant === 'object' && raw.tenant ? raw.tenant.id : raw.tenant
  if (typeof tenantId !== 'number' || (actor && !actor.allTenants && !actor.tenantIds.includes(tenantId))) {
    // Checked before anything of the website is read: another website's price list and
    // counter are none of this caller's business.
    throw refuse(req, [{ path: 'tenant', message: 'Place the order on a website you belong to.' }])
  }
  // Usually the request's own website, already read by stampTenant: no second query.
  const tenant =
    resolvedTenantWithId(req, tenantId) ?? (await req.payload.findByID({ collection: 'tenants', id: tenantId, depth: 0, ...asSystem(proofOf(req)), req }))

  // The client: yourself, or (staff) a client of this website. Yourself with an
  // unverified email is refused first where the website requires verification (staff
  // placing for a client took the order by other means).
  let clientId: number | null = null
  if (actor && !actor.staff) {
    const verifiedAt = (req.user as { emailVerifiedAt?: string | null } | null)?.emailVerifiedAt
    if (!mayPlaceUnverified(featureOn(tenant, 'emailVerificationRequired'), verifiedAt)) throw verifyFirst()
    clientId = actor.id
  } else {
    const requested = typeof raw.client === 'object' && raw.client ? raw.client.id : raw.client
    if (typeof requested !== 'number') problems.push({ path: 'client', message: 'Staff must name the client the order is for.' })
    else {
      const client = await req.payload.findByID({ collection: 'users', id: requested, depth: 0, ...asSystem(proofOf(req)), disableErrors: true, req })
      const belongs = client?.roles.includes('client') && client.tenants?.some((row) => (typeof row.tenant === 'object' ? row.tenant.id : row.tenant) === tenantId)
      if (!belongs) problems.push({ path: 'client', message: 'Must be a client of this website.' })
      else clientId = requested
    }
  }

  // A preferred writer must be a writer of this website.
  const preferred = typeof raw.preferredWriter === 'object' && raw.preferredWriter ? raw.preferredWriter.id : raw.preferredWriter
  if (preferred != null) {
    const writer = typeof preferred === 'number' ? await req.payload.findByID({ collection: 'users', id: preferred, depth: 0, ...asSystem(proofOf(req)), disableErrors: true, req }) : null
    const ok = writer?.roles.includes('writer') && writer.tenants?.some((row) => (typeof row.tenant === 'object' ? row.tenant.id : row.tenant) === tenantId)
    if (!ok) problems.push({ path: 'preferredWriter', message: 'Must be a writer of this website.' })
  }

  // The deadline: a date in the future, or a number of hours from now.
  let clientDeadline = parseDate(raw.clientDeadline)
  if (!clientDeadline && raw.deadlineHours !== undefined) {
    const hours = Number(raw.deadlineHours)
    if (Number.isInteger(hours) && hours >= 1) clientDeadline = new Date(now.getTime() + hours * 3600 * 1000)
    else problems.push({ path: 'deadlineHours', message: 'Must be a whole number of hours, at least 1.' })
  }
  if (!clientDeadline) {
    if (raw.deadlineHours === undefined) problems.push({ path: 'clientDeadline', message: 'Give clientDeadline (a future date) or deadlineHours.' })
  } else if (clientDeadline.getTime() <= now.getTime()) {
    problems.push({ path: 'clientDeadline', message: 'Must be in the future.' })
  }
  let writerDeadline = parseDate(raw.writerDeadline)
  if (clientDeadline && clientDeadline > now) {
    writerDeadline ??= defaultWriterDeadline(now, clientDeadline)
    if (writerDeadline >= clientDeadline || writerDeadline <= now) {
      problems.push({ path: 'writerDeadline', message: 'Must be after now and before the client deadline.' })
    }
  }

  const loaded = await loadPricingConfig(req, tenant)
  if (!loaded) problems.push({ path: 'tenant', message: `${tenant.name} has no price list yet.` })
  let priced: ReturnType<typeof priceOrder> | null = null
  const input: QuoteInput = {
    pages: Number(raw.pages),
    spacing: raw.spacing as QuoteInput['spacing'],
    deadlineHours: clientDeadline ? hoursUntil(clientDeadline, now) : 0,
    paperType: String(raw.paperType ?? ''),
    workType: String(raw.workType ?? ''),
    academicLevel: String(raw.academicLevel ?? ''),
    subject: String(raw.subject ?? ''),
    analysisLevel: raw.analysisLevel || null,
    writerLevel: raw.writerLevel || null,
    preferredWriter: preferred != null,
    addons: raw.addons ?? [],
  }
  if (loaded && clientDeadline && clientDeadline > now) {
    priced = priceOrder(loaded.config, input)
    if (!priced.ok) problems.push(...priced.problems.map((p) => ({ path: p.field === 'deadlineHours' ? 'clientDeadline' : p.field, message: p.message })))
  }
  for (const dimension of ['formattingStyle', 'englishType'] as const) {
    const code = raw[dimension]
    if (code && !loaded?.options.some((o) => o.dimension === dimension && o.code === code && o.active !== false)) {
      problems.push({ path: dimension, message: `Unknown or inactive option "${code}".` })
    }
  }
  if (problems.length > 0 || !priced?.ok || !clientId || !clientDeadline || !writerDeadline) throw refuse(req, problems)

  const quote = priced.quote
  const previous = await req.payload.count({ collection: 'orders', where: { client: { equals: clientId } }, ...asSystem(proofOf(req)), req })
  const paid = quote.total === 0
  return {
    ...raw,
    tenant: tenantId,
    client: clientId,
    number: await allocateOrderNumber(req, tenantId),
    clientDeadline: clientDeadline.toISOString(),
    writerDeadline: writerDeadline.toISOString(),
    subtotal: quote.total,
    discount: 0,
    total: quote.total,
    amountPaid: 0,
    currency: quote.currency,
    paymentStatus: paid ? 'fully_paid' : 'unpaid',
    status: paid ? 'ready_for_staffing' : 'pending_payment',
    visibility: 'hidden',
    writer: null,
    editor: null,
    priceSnapshot: { inputs: input, lines: quote.lines, total: quote.total, configVersion: quote.configVersion, pricedAt: now.toISOString() },
    flags: orderFlags({ writerDeadline, now, total: quote.total, pages: input.pages, firstOrder: previous.totalDocs === 0 }),
  }
}
