import type { PayloadRequest } from 'payload'

import { actorOf, idOf } from '@/access/actor'
import { asSystem, proofOf } from '@/access/system'
import { refuseField } from '@/errors'
import type { SpecialOrder } from '@/payload-types'

import { allocateSpecialOrderNumber } from '../allocateOrderNumber'
import { recordEvent } from '../workflow/recordEvent'

import { issueFundingPlan } from './plan'

type Data = Partial<SpecialOrder> & Record<string, unknown>

const refuse = (path: string, message: string) => refuseField('special-orders', path, message, 400)
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/** A person of the website with the role, or null. */
const personOf = async (req: PayloadRequest, id: number, tenant: number, role: 'client'): Promise<boolean> => {
  const user = await req.payload.findByID({ collection: 'users', id, depth: 0, disableErrors: true, ...asSystem(proofOf(req)), req, select: { roles: true, tenants: true } })
  return Boolean(user?.roles?.includes(role) && user.tenants?.some((row) => idOf(row.tenant) === tenant))
}

/**
 * A new special order's checks and server fields (`beforeChange` on create), each refusal
 * a 400 naming the field: a client opens their own, staff name a client of the website;
 * a title and a description; a configuration (active, of the website) only with one of
 * its durations: then it is fixed at that duration's price and waits for its money,
 * otherwise it is an inquiry to quote. The number is the website's next.
 */
export const prepareSpecialOrder = async (req: PayloadRequest, data: Data): Promise<Data> => {
  const actor = actorOf(req)
  const tenant = idOf(data.tenant as number | { id: number } | null | undefined)
  if (!tenant) throw refuse('tenant', 'Required: the website the special order belongs to.')
  let client: number | null
  if (!actor) client = idOf(data.client as number | { id: number } | null | undefined)
  else if (actor.roles.includes('client')) client = actor.id
  else {
    client = idOf(data.client as number | { id: number } | null | undefined)
    if (!client) throw refuse('client', 'Required: the client the special order is for.')
  }
  if (!client || !(await personOf(req, client, tenant, 'client'))) throw refuse('client', 'Must be a client of this website.')
  const title = text(data.title)
  if (!title) throw refuse('title', 'Required: what the project is.')
  const description = text(data.description)
  if (!description) throw refuse('description', 'Required: what is wanted (scope, instructions).')
  const configId = idOf(data.config as number | { id: number } | null | undefined)
  const durationLabel = text(data.duration)
  let fixed: { total: number; requiresFullPayment: boolean } | null = null
  if (configId) {
    const config = await req.payload.findByID({ collection: 'special-order-configs', id: configId, depth: 0, disableErrors: true, ...asSystem(proofOf(req)), req })
    if (!config || idOf(config.tenant) !== tenant || config.active === false) throw refuse('config', 'Must be an active configuration of this website.')
    const labels = config.durations.map((d) => d.label)
    if (!durationLabel) throw refuse('duration', `Required with a configuration: one of ${labels.join(', ')}.`)
    const duration = config.durations.find((d) => d.label === durationLabel)
    if (!duration) throw refuse('duration', `Must be one of the configuration’s durations: ${labels.join(', ')}.`)
    fixed = { total: duration.price, requiresFullPayment: config.requiresFullPayment ?? false }
  } else if (durationLabel) throw refuse('config', 'Required with a duration: the configuration it belongs to.')
  return {
    ...data,
    tenant,
    client,
    title,
    description,
    config: configId ?? null,
    duration: fixed ? durationLabel : null,
    number: await allocateSpecialOrderNumber(req, tenant),
    pricingMode: fixed ? 'fixed_config' : 'quoted',
    status: fixed ? 'awaiting_payment' : 'inquiry',
    total: fixed?.total ?? 0,
    amountPaid: 0,
    fundingStatus: 'draft',
    requiresFullPayment: fixed?.requiresFullPayment ?? false,
    deliveryUnlocked: false,
    createdBy: actor?.id ?? null,
  }
}

/**
 * After a new special order is written (`afterChange` on create, same transaction): the
 * timeline's first event, and for a fixed-configuration order its funding plan at the
 * duration's price, due by the duration's end.
 */
export const startFixedPlan = async (req: PayloadRequest, doc: SpecialOrder): Promise<SpecialOrder> => {
  const tenant = idOf(doc.tenant)!
  const actor = actorOf(req)?.id ?? null
  await recordEvent(req, { collection: 'special-orders', document: doc.id, tenant, action: 'open', actor, from: 'inquiry', to: doc.status, data: { pricingMode: doc.pricingMode, total: doc.total } })
  if (doc.pricingMode !== 'fixed_config' || doc.invoice) return doc
  const config = await req.payload.findByID({ collection: 'special-order-configs', id: idOf(doc.config)!, depth: 0, ...asSystem(proofOf(req)), req })
  const days = config.durations.find((d) => d.label === doc.duration)?.days ?? null
  const { order } = await issueFundingPlan(req, doc, doc.total ?? 0, { requiresFullPayment: doc.requiresFullPayment ?? false, durationDays: days, now: new Date() }, actor)
  return order
}
