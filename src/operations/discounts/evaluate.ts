import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { execute, sql } from '@/db/execute'
import { TERMS_ONLY } from '@/collections/discounts/hooks'
import { lockRow } from '@/db/locks'
import { type Candidate, chooseDiscount, type DiscountContext, type DiscountRule, type DiscountTerms, evaluateDiscount } from '@/domain/discounts/evaluate'
import type { DiscountPayableType } from '@/domain/discounts/records'
import { normalizeCode } from '@/domain/discounts/records'
import { ClientError } from '@/errors'
import type { Discount, DiscountCampaign, Tenant } from '@/payload-types'

import { AUTO_DISCOUNT_SOURCES } from './sources'

export type Payable = { type: DiscountPayableType; id: number }

/** `order:<id>`: the unique key of a payable's live usage. */
export const payableKeyOf = (payable: Payable): string => `${payable.type}:${payable.id}`

/** The discount chosen for a payable, with what it rests on (the discount row and its campaign, none for an automatic one). */
export type ChosenDiscount = {
  terms: DiscountTerms
  discountId: number | null
  campaignId: number | null
  entered: boolean
  subtotal: number
  discount: number
  total: number
}

export type EvaluateInput = {
  tenant: Tenant
  client: number
  subtotal: number
  /** As the client typed it; blank means none. */
  code?: string | null
  payable: Payable
  now?: Date
  /** Lock the discount's and its campaign's rows (checkout): concurrent uses of one code queue here. */
  lock?: boolean
}

const RULE_MESSAGES: Record<DiscountRule, string> = {
  unknown_code: 'there is no such code on this website.',
  not_started: 'this code is not valid yet.',
  expired: 'this code has expired.',
  exhausted: 'this code has been used up.',
  budget_spent: 'the promotion of this code has given all it could.',
  per_client_limit: 'you have used this code as often as it allows.',
  not_eligible: 'this code is not for you or not for this payment.',
  minimum_not_met: 'the amount is below this code’s minimum.',
  first_order_only: 'this code is for a first order only.',
}

/** The 422 of a code that does not apply: `data.rule` names the rule, `data.field` the input. */
export const discountRefusal = (rule: DiscountRule, detail?: string): ClientError =>
  new ClientError(`discountCode: ${detail ?? RULE_MESSAGES[rule]} (${rule})`, 422, { rule, field: 'discountCode', errors: [{ path: 'discountCode', message: detail ?? RULE_MESSAGES[rule] }] })

const numberOrNull = (value: number | null | undefined): number | null => (typeof value === 'number' ? value : null)
const dateOrNull = (value: string | null | undefined): Date | null => (value ? new Date(value) : null)
const idOf = (value: number | { id: number } | null | undefined): number | null => (value == null ? null : typeof value === 'number' ? value : value.id)

const termsOf = (d: Discount, campaign: DiscountCampaign | null): DiscountTerms => ({
  code: d.code,
  origin: d.origin,
  kind: d.kind,
  value: d.value,
  maxDiscount: numberOrNull(d.maxDiscount),
  minPayable: d.minPayable ?? 0,
  startsAt: dateOrNull(d.startsAt),
  endsAt: dateOrNull(d.endsAt),
  usageLimit: numberOrNull(d.usageLimit),
  perClientLimit: numberOrNull(d.perClientLimit),
  firstOrderOnly: d.firstOrderOnly === true,
  eligibleClients: (d.eligibleClients ?? []).map((c) => idOf(c)).filter((id): id is number => id !== null),
  minLifetimeSpend: d.minLifetimeSpend ?? 0,
  active: d.active !== false && d.archived !== true,
  campaignBudgetLeft: campaign && typeof campaign.budget === 'number' ? campaign.budget - (campaign.spent ?? 0) : null,
})

/**
 * A campaign's state narrows its codes' window: one not open yet has not started, a closed
 * (or archived) one has ended (`expired`, before its spent budget would be named).
 */
const withCampaignWindow = (terms: DiscountTerms, campaign: DiscountCampaign | null, now: Date): DiscountTerms => {
  if (campaign?.status === 'scheduled') return { ...terms, startsAt: new Date(Math.max(now.getTime() + 1, terms.startsAt?.getTime() ?? 0)) }
  if (campaign?.status === 'closed' || campaign?.status === 'archived') return { ...terms, endsAt: terms.endsAt && terms.endsAt < now ? terms.endsAt : now }
  return terms
}

/** Whether the client paid for anything here before (a fully paid order or a paid invoice, other than this payable), and how much in all. */
const clientHistory = async (req: PayloadRequest, tenant: number, client: number, payable: Payable) => {
  const order = payable.type === 'order' ? payable.id : 0
  const invoice = payable.type === 'invoice' ? payable.id : 0
  const [row] = await execute<{ paid_orders: string; paid_invoices: string; spend: string }>(
    req,
    sql`SELECT
      (SELECT count(*) FROM orders WHERE tenant_id = ${tenant} AND client_id = ${client} AND id <> ${order} AND payment_status = 'fully_paid' AND amount_paid > 0) AS paid_orders,
      (SELECT count(*) FROM invoices WHERE tenant_id = ${tenant} AND client_id = ${client} AND id <> ${invoice} AND status = 'paid') AS paid_invoices,
      (SELECT COALESCE(sum(amount_paid), 0) FROM orders WHERE tenant_id = ${tenant} AND client_id = ${client} AND id <> ${order})
        + (SELECT COALESCE(sum(amount_paid), 0) FROM invoices WHERE tenant_id = ${tenant} AND client_id = ${client} AND id <> ${invoice}) AS spend`,
  )
  return { hasPaidBefore: Number(row?.paid_orders ?? 0) + Number(row?.paid_invoices ?? 0) > 0, lifetimeSpend: Number(row?.spend ?? 0) }
}

/** Live (held or applied) usages of a discount, all and the client's, not counting this payable's own (a retried checkout re-uses it). */
const usagesOf = async (req: PayloadRequest, discount: number, client: number, payable: Payable) => {
  const key = payableKeyOf(payable)
  const [row] = await execute<{ total_count: string; mine: string }>(
    req,
    sql`SELECT count(*) AS total_count, count(*) FILTER (WHERE client_id = ${client}) AS mine
      FROM discount_usages WHERE discount_id = ${discount} AND status <> 'released' AND payable_key IS DISTINCT FROM ${key}`,
  )
  return { usages: Number(row?.total_count ?? 0), clientUsages: Number(row?.mine ?? 0) }
}

/** The website's discount by code (case-insensitive); another website's code is simply not found. */
const findDiscount = async (req: PayloadRequest, tenant: number, code: string, lock: boolean): Promise<Discount | null> => {
  const [row] = await execute<{ id: number; limited: boolean }>(req, sql`SELECT id, (usage_limit IS NOT NULL OR per_client_limit IS NOT NULL) AS limited FROM discounts WHERE tenant_id = ${tenant} AND code = ${code}`)
  if (!row) return null
  // Only a code with a limit serializes its checkouts (the count and the new usage under
  // one lock); a code without limits is used by many clients at once.
  if (lock && row.limited) await lockRow(req, 'discounts', Number(row.id), { tenant })
  return req.payload.findByID({ collection: 'discounts', id: Number(row.id), depth: 0, context: { [TERMS_ONLY]: true }, ...asSystem(proofOf(req)), req })
}

const payableAllowed = (tenant: Tenant, payable: Payable): boolean => {
  const settings = tenant.settings?.discounts
  return payable.type === 'order' ? settings?.allowOnOrders !== false : settings?.allowOnInvoices !== false
}

/**
 * The discount for a client's payable (reference §5): the entered code, if any, checked
 * against every rule, and, for an order, the automatic candidates (first order, loyalty tier, referral);
 * one of them applies, never two (best-of, or the automatic one when the website does not
 * pick the best). A code that fails is a 422 naming its rule even when an automatic
 * discount would apply: the client asked for that code and must learn why it did not
 * apply, never pay a silent full price (reference §16). Null: nothing applies.
 */
export const evaluateDiscountFor = async (req: PayloadRequest, input: EvaluateInput): Promise<ChosenDiscount | null> => {
  const { tenant, client, subtotal, payable } = input
  const now = input.now ?? new Date()
  const code = input.code ? normalizeCode(input.code) : ''
  const settings = tenant.settings?.discounts
  const allowed = payableAllowed(tenant, payable)
  if (code && settings?.allowCodes === false) throw discountRefusal('not_eligible', 'this website takes no discount codes.')
  if (code && !allowed) throw discountRefusal('not_eligible', `discounts do not apply to ${payable.type}s on this website.`)
  if (!allowed) return null

  const history = await clientHistory(req, tenant.id, client, payable)
  const base: Omit<DiscountContext, 'usages' | 'clientUsages'> = { now, clientId: client, subtotal, ...history }
  const candidates: (Candidate & { discountId: number | null; campaignId: number | null })[] = []

  if (code) {
    const discount = await findDiscount(req, tenant.id, code, input.lock === true)
    const campaignId = discount ? idOf(discount.campaign) : null
    let campaign: DiscountCampaign | null = null
    if (campaignId !== null) {
      campaign = await req.payload.findByID({ collection: 'discount-campaigns', id: campaignId, depth: 0, ...asSystem(proofOf(req)), req })
      // A budget is spent under the campaign's lock; then it is read again, as the lock found it.
      if (input.lock && typeof campaign.budget === 'number') {
        await lockRow(req, 'discount_campaigns', campaignId, { tenant: tenant.id })
        campaign = await req.payload.findByID({ collection: 'discount-campaigns', id: campaignId, depth: 0, ...asSystem(proofOf(req)), req })
      }
    }
    const terms = discount ? withCampaignWindow(termsOf(discount, campaign), campaign, now) : null
    const counts = discount ? await usagesOf(req, discount.id, client, payable) : { usages: 0, clientUsages: 0 }
    const outcome = evaluateDiscount(terms, { ...base, ...counts })
    if (!outcome.ok) throw discountRefusal(outcome.rule)
    candidates.push({ terms: terms!, outcome, entered: true, discountId: discount!.id, campaignId })
  }

  // The automatic discounts are the client's on their orders; an invoice is a bill the
  // website's staff write, discounted only by the code entered for it.
  for (const source of payable.type === 'order' ? AUTO_DISCOUNT_SOURCES : []) {
    const terms = await source(req, { tenant, client, subtotal, hasPaidBefore: history.hasPaidBefore, now })
    if (!terms) continue
    candidates.push({ terms, outcome: evaluateDiscount(terms, { ...base, usages: 0, clientUsages: 0 }), entered: false, discountId: null, campaignId: null })
  }

  const chosen = chooseDiscount(candidates, settings?.pickBest !== false) as (typeof candidates)[number] | null
  if (!chosen || !chosen.outcome.ok || chosen.outcome.discount <= 0) return null
  return {
    terms: chosen.terms,
    discountId: chosen.discountId,
    campaignId: chosen.campaignId,
    entered: chosen.entered,
    subtotal,
    discount: chosen.outcome.discount,
    total: chosen.outcome.total,
  }
}
