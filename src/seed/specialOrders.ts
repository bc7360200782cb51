import type { PayloadRequest, RequiredDataFromCollectionSlug } from 'payload'

import { asSystem, systemProof } from '@/access/system'
import { performAction } from '@/operations/workflow/performAction'

import { demoEmail } from './demoData'

const proof = systemProof('seed (demo data)')

/**
 * A website's demo special order: a configuration to order from at a fixed price, and a
 * dissertation the client asked about with its quote sent (staff see it waiting for the
 * client; the client can accept it and pay the deposit). Once per website.
 */
export const ensureDemoSpecialOrder = async (req: PayloadRequest, tenantId: number, slug: string): Promise<boolean> => {
  const { docs } = await req.payload.find({ collection: 'users', where: { email: { equals: demoEmail('client', slug) } }, limit: 1, depth: 0, ...asSystem(proof), req })
  const client = docs[0]
  if (!client) return false
  if ((await req.payload.count({ collection: 'special-orders', where: { tenant: { equals: tenantId } }, ...asSystem(proof), req })).totalDocs > 0) return false
  await req.payload.create({
    collection: 'special-order-configs',
    data: { tenant: tenantId, name: 'Data analysis project', slug: 'data-analysis', description: 'Statistics in SPSS, R or Python with a results chapter.', requiresFullPayment: true, durations: [{ label: '7 days', days: 7, price: 25000 }, { label: '14 days', days: 14, price: 19000 }], active: true },
    depth: 0,
    ...asSystem(proof),
    req,
  })
  const order = await req.payload.create({
    collection: 'special-orders',
    // The number, status and pricing are the hook's to fill.
    data: { tenant: tenantId, client: client.id, title: 'Master’s dissertation, chapters 1–4', description: 'Literature review and methodology for a dissertation on urban heat islands; Harvard style, about 60 sources.' } as RequiredDataFromCollectionSlug<'special-orders'>,
    depth: 0,
    ...asSystem(proof),
    req,
  })
  await performAction(
    req,
    'special-orders',
    order.id,
    'sendQuote',
    { lines: [{ kind: 'service', description: 'Four chapters, 12 000 words', amount: 120000 }, { kind: 'complexity_fee', description: 'Quantitative methodology', amount: 15000 }, { kind: 'discount', description: 'Returning client', amount: -10000 }], note: 'Deposit 50 %, the balance before delivery.' },
    { system: true },
  )
  // The client's question on the support thread (issue 17: messages of special orders).
  await req.payload.create({
    collection: 'order-messages',
    data: { specialOrder: order.id, thread: 'client_support', author: client.id, body: 'Could the methodology chapter come first? My supervisor meets me in two weeks.' } as RequiredDataFromCollectionSlug<'order-messages'>,
    depth: 0,
    ...asSystem(proof),
    req,
  })
  return true
}
