import type { Payload, PayloadRequest } from 'payload'

import { type ContentCounts, ensureContent, ensureContentSettings } from './content'
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SUPERADMIN, DEMO_TENANTS, demoEmail } from './demoData'
import { ensureLoyalty } from './loyalty'
import { ensureDiscounts } from './discounts'
import { ensurePricing } from './pricing'
import { ensureDemoWarning } from './discipline'
import { ensureDemoReferral } from './referrals'
import { ensureDemoTicket } from './tickets'
import { ensureDemoSpecialOrder } from './specialOrders'
import { ensureDemoClassOrders } from './classOrders'
import { ensureDemoClassCredentials } from './classCredentials'
import { ensureWriterLevels } from './writerLevels'
import { asSystem, systemProof, systemRequest } from '@/access/system'
import type { Role } from '@/domain/roles'

const proof = systemProof('seed (demo data)')

type Progress = (message: string) => void

const ensureTenant = async (req: PayloadRequest, tenant: (typeof DEMO_TENANTS)[number]) => {
  const { docs } = await req.payload.find({
    collection: 'tenants',
    where: { slug: { equals: tenant.slug } },
    limit: 1,
    depth: 0,
    ...asSystem(proof),
    req,
  })
  if (docs[0]) return { doc: docs[0], created: false }
  const doc = await req.payload.create({
    collection: 'tenants',
    data: {
      name: tenant.name,
      slug: tenant.slug,
      domains: tenant.domains.map((domain) => ({ domain })),
      currency: 'USD',
      branding: {
        brandName: tenant.name,
        primaryColor: tenant.primaryColor,
        supportEmail: `support@${tenant.slug}.test`,
        mailFromName: tenant.name,
        mailFromAddress: `no-reply@${tenant.slug}.test`,
      },
      // The demo has no card processor: clients pay by "bank transfer", and its admin confirms.
      settings: { payments: { manualEnabled: true } },
    },
    depth: 0,
    ...asSystem(proof),
    req,
  })
  return { doc, created: true }
}

const ensureUser = async (
  req: PayloadRequest,
  user: { email: string; name: string; roles: [Role]; tenantIds: number[]; penName?: string | undefined },
) => {
  const existing = await req.payload.count({ collection: 'users', where: { email: { equals: user.email } }, ...asSystem(proof), req })
  if (existing.totalDocs > 0) return false
  await req.payload.create({
    collection: 'users',
    data: {
      email: user.email,
      name: user.name,
      password: DEMO_PASSWORD,
      roles: user.roles,
      tenants: user.tenantIds.map((tenant) => ({ tenant })),
      ...(user.penName ? { penName: user.penName } : {}),
    },
    depth: 0,
    ...asSystem(proof),
    req,
  })
  return true
}

const describeContent = (c: ContentCounts) =>
  `${c.authors} authors, ${c.categories} categories, ${c.tags} tags, ${c.pages} service pages, ${c.posts} posts: ${c.drafts} drafts, ${c.scheduled} scheduled`

/**
 * Demo websites and one user per role on each. Idempotent: what exists is left alone,
 * what is missing is created. Runs in one transaction, so a failure leaves nothing half-made.
 */
export const seed = async (payload: Payload, progress: Progress = () => {}): Promise<{ created: number }> => {
  const req = await systemRequest(payload, proof, { seeding: true })
  const transactionID = await payload.db.beginTransaction()
  if (transactionID) req.transactionID = transactionID
  const total = DEMO_TENANTS.length * (11 + DEMO_PEOPLE.length) + 1
  let step = 0
  let created = 0
  const tick = (what: string, made: boolean) => {
    step += 1
    if (made) created += 1
    progress(`[${step}/${total}] ${made ? 'created' : 'exists '} ${what}`)
  }
  try {
    const superadminMade = await ensureUser(req, { ...DEMO_SUPERADMIN, roles: ['superadmin'], tenantIds: [] })
    tick(DEMO_SUPERADMIN.email, superadminMade)
    for (const tenant of DEMO_TENANTS) {
      const { doc, created: tenantMade } = await ensureTenant(req, tenant)
      tick(`website ${tenant.slug}`, tenantMade)
      const options = await ensurePricing(req, doc.id)
      tick(`price list of ${tenant.slug}${options ? ` (${options} order options)` : ''}`, options > 0)
      const levels = await ensureWriterLevels(req, doc.id)
      tick(`writer levels of ${tenant.slug}${levels ? ` (${levels})` : ''}`, levels > 0)
      const codes = await ensureDiscounts(req, doc.id, tenant.slug)
      tick(`discount codes of ${tenant.slug}${codes ? ` (${codes})` : ''}`, codes > 0)
      for (const person of DEMO_PEOPLE) {
        const email = demoEmail(person.local, tenant.slug)
        const made = await ensureUser(req, {
          email,
          name: `${tenant.name} ${person.name}`,
          roles: [person.role],
          tenantIds: [doc.id],
          penName: person.penName,
        })
        tick(email, made)
      }
      if (await ensureDemoWarning(req, doc.id, tenant.slug)) created += 1
      // Part of the people: client2 came by client's referral (no step of its own).
      await ensureDemoReferral(req, proof, doc.id, tenant.slug)
      // After the people: the client opens it and the support agent gets it.
      tick(`support ticket of ${tenant.slug}`, await ensureDemoTicket(req, doc.id, tenant.slug))
      // After the people: the client's classes, one of them worked by the writer.
      tick(`class orders of ${tenant.slug}`, await ensureDemoClassOrders(req, proof, doc.id, tenant.slug))
      // After its classes: the worked class's portal login, sealed.
      tick(`class portal credentials of ${tenant.slug}`, await ensureDemoClassCredentials(req, proof, doc.id, tenant.slug))
      tick(`content settings of ${tenant.slug}`, await ensureContentSettings(req, doc.id, tenant))
      // After the people: the demo client's welcome points.
      tick(`loyalty tiers and rewards of ${tenant.slug}`, await ensureLoyalty(req, doc.id, tenant.slug))
      // After the people: the scheduled post is queued in the name of the website's content editor.
      const content = await ensureContent(req, doc.id, tenant.slug)
      tick(`content of ${tenant.slug}${content ? ` (${describeContent(content)})` : ''}`, content !== null)
      // After the people: the client's inquiry, quoted by the platform.
      tick(`special order of ${tenant.slug}`, await ensureDemoSpecialOrder(req, doc.id, tenant.slug))
    }
    if (transactionID) await payload.db.commitTransaction(transactionID)
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
  return { created }
}

/** True when the database holds no website yet (a fresh install). */
export const isEmpty = async (payload: Payload): Promise<boolean> =>
  (await payload.count({ collection: 'tenants', ...asSystem(proof) })).totalDocs === 0
