import type { CollectionAfterReadHook, CollectionBeforeChangeHook, FieldHook } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { execute, sql } from '@/db/execute'
import { discountStatus, normalizeCode } from '@/domain/discounts/records'
import { refuseField } from '@/errors'

const idOf = (value: unknown): number | null => {
  const id = value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value
  return typeof id === 'number' ? id : null
}

/** Codes are case-insensitive: one spelling, upper-case, is stored and looked up. */
export const upperCaseCode: FieldHook = ({ value }) => (typeof value === 'string' ? normalizeCode(value) : value)

/**
 * A discount names only its own website's clients and campaign: another website's person
 * or campaign is refused (400 naming the field), never stored as a cross-website link.
 */
export const guardDiscountReferences: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const tenant = idOf(data.tenant ?? originalDoc?.tenant)
  if (tenant === null) return data
  const clients = Array.isArray(data.eligibleClients) ? data.eligibleClients.map(idOf).filter((id): id is number => id !== null) : []
  if (clients.length > 0) {
    const found = await req.payload.count({
      collection: 'users',
      where: { and: [{ id: { in: clients } }, { roles: { contains: 'client' } }, { 'tenants.tenant': { equals: tenant } }] },
      ...asSystem(proofOf(req)),
      req,
    })
    if (found.totalDocs !== new Set(clients).size) throw refuseField('discounts', 'eligibleClients', 'eligibleClients: only clients of this website.', 400)
  }
  const campaign = idOf(data.campaign)
  if (campaign !== null) {
    const found = await req.payload.count({ collection: 'discount-campaigns', where: { and: [{ id: { equals: campaign } }, { tenant: { equals: tenant } }] }, ...asSystem(proofOf(req)), req })
    if (found.totalDocs === 0) throw refuseField('discounts', 'campaign', 'campaign: no such campaign on this website.', 400)
  }
  if (data.kind === 'percentage' && typeof data.value === 'number' && data.value > 100) throw refuseField('discounts', 'value', 'value: a percentage is at most 100.', 400)
  return data
}

/** A read's `context` key: the terms only, no derived status. */
export const TERMS_ONLY = 'discountTermsOnly'

const dateOf = (value: unknown): Date | null => (typeof value === 'string' || value instanceof Date ? new Date(value) : null)

/**
 * The derived status and the number of live uses, computed on read (staff only read
 * discounts): counted from the usages, so checkout never writes the discount row.
 */
export const deriveStatus: CollectionAfterReadHook = async ({ doc, req, context }) => {
  // Checkout reads a code's terms and counts its usages itself.
  if (!doc || typeof doc.id !== 'number' || context?.[TERMS_ONLY]) return doc
  // A plain count of the code's own usages, in the read's transaction: no access question is
  // asked here, and Payload's permission probe (docAccess) reads the document with no gate.
  const [counted] = await execute<{ n: number }>(req, sql`SELECT count(*)::int AS n FROM discount_usages WHERE discount_id = ${doc.id} AND status <> 'released'`)
  const status = discountStatus({
    active: doc.active !== false,
    archived: doc.archived === true,
    startsAt: dateOf(doc.startsAt),
    endsAt: dateOf(doc.endsAt),
    usageLimit: typeof doc.usageLimit === 'number' ? doc.usageLimit : null,
    usages: counted?.n ?? 0,
    campaignClosed: false,
    now: new Date(),
  })
  return { ...doc, timesUsed: counted?.n ?? 0, status }
}
