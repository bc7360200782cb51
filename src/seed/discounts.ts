import type { PayloadRequest } from 'payload'

import { asSystem, systemProof } from '@/access/system'

const proof = systemProof('seed (demo data)')

/** The demo codes of a website: WELCOME10 (10 %, first order only) and <SLUG>5 (5.00 off), listed in the README. */
export const demoDiscounts = (slug: string) =>
  [
    { code: 'WELCOME10', name: 'Welcome: 10 % off a first order', kind: 'percentage', value: 10, firstOrderOnly: true },
    { code: `${slug.toUpperCase().replace(/[^A-Z0-9]/g, '')}5`, name: '5.00 off', kind: 'fixed', value: 500, firstOrderOnly: false },
  ] as const

/** A website's demo discount codes, each unless a code of that name exists there already. Returns how many were made. */
export const ensureDiscounts = async (req: PayloadRequest, tenantId: number, slug: string): Promise<number> => {
  let made = 0
  for (const code of demoDiscounts(slug)) {
    const existing = await req.payload.count({ collection: 'discounts', where: { and: [{ tenant: { equals: tenantId } }, { code: { equals: code.code } }] }, ...asSystem(proof), req })
    if (existing.totalDocs > 0) continue
    await req.payload.create({ collection: 'discounts', data: { ...code, tenant: tenantId, origin: 'manual', active: true, archived: false, minPayable: 0, minLifetimeSpend: 0 }, depth: 0, ...asSystem(proof), req })
    made += 1
  }
  return made
}
