import type { PayloadRequest, RequiredDataFromCollectionSlug } from 'payload'

import { asSystem, systemProof, systemRequest } from '@/access/system'

import { demoEmail } from './demoData'

const proof = systemProof('seed (demo data)')

/** The demo client's question, so the support agent's queue and SLA clock show something on a fresh install. */
const DEMO_TICKET = {
  subject: 'Can I change the citation style after ordering?',
  description: 'I ordered in APA but my instructor now wants Harvard. Can the writer switch, and does it cost extra?',
  category: 'general',
  priority: 'normal',
} as const

/**
 * One open ticket from client@<website>.test, unless they have one. It is opened as the
 * client would open it (the tickets collection's hooks number it, start its SLA clock and
 * hand it round-robin to the website's support agent), on a request of its own that joins
 * the seed's transaction, so the seed's request keeps acting as the system.
 */
export const ensureDemoTicket = async (req: PayloadRequest, tenantId: number, slug: string): Promise<boolean> => {
  const { docs } = await req.payload.find({ collection: 'users', where: { email: { equals: demoEmail('client', slug) } }, limit: 1, depth: 0, ...asSystem(proof), req })
  const client = docs[0]
  if (!client) return false
  const existing = await req.payload.count({ collection: 'tickets', where: { opener: { equals: client.id } }, ...asSystem(proof), req })
  if (existing.totalDocs > 0) return false
  const asClient = await systemRequest(req.payload, proof, { ...req.context })
  if (req.transactionID) asClient.transactionID = req.transactionID
  await req.payload.create({
    collection: 'tickets',
    // The number, opener, status and SLA clock are the hooks' to fill.
    data: { tenant: tenantId, ...DEMO_TICKET } as RequiredDataFromCollectionSlug<'tickets'>,
    user: { ...client, collection: 'users' },
    overrideAccess: false,
    depth: 0,
    req: asClient,
  })
  return true
}
