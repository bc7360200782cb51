import type { PayloadRequest } from 'payload'

import { asSystem, systemProof } from '@/access/system'

import { demoEmail } from './demoData'

const proof = systemProof('seed (demo data)')

/** The demo website whose second writer carries a warning, so the admin's discipline list is not empty. */
const WARNED = { slug: 'alpha', local: 'writer2' }

/** One warning for writer2@alpha.test, unless they have a discipline record already. Returns whether one was made. */
export const ensureDemoWarning = async (req: PayloadRequest, tenantId: number, slug: string): Promise<boolean> => {
  if (slug !== WARNED.slug) return false
  const { docs } = await req.payload.find({ collection: 'users', where: { email: { equals: demoEmail(WARNED.local, slug) } }, limit: 1, depth: 0, ...asSystem(proof), req, select: {} })
  const writer = docs[0]
  if (!writer) return false
  const existing = await req.payload.count({ collection: 'discipline-records', where: { writer: { equals: writer.id } }, ...asSystem(proof), req })
  if (existing.totalDocs > 0) return false
  await req.payload.create({
    collection: 'discipline-records',
    data: { tenant: tenantId, writer: writer.id, kind: 'warning', status: 'active', reason: 'Submitted two drafts after the writer deadline without telling support.' },
    depth: 0,
    ...asSystem(proof),
    req,
  })
  return true
}
