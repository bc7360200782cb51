import type { PayloadRequest } from 'payload'

import { DEFAULT_LEVEL_CRITERIA, NEUTRAL_CRITERIA } from '@/domain/writers/evaluation'
import { DEFAULT_WRITER_LEVELS } from '@/domain/writers/levels'
import { asSystem, systemProof } from '@/access/system'

const proof = systemProof('seed (demo data)')

/** A website's writer levels: the reference's four, unless it has some already. Returns how many were made. */
export const ensureWriterLevels = async (req: PayloadRequest, tenantId: number): Promise<number> => {
  const existing = await req.payload.count({ collection: 'writer-levels', where: { tenant: { equals: tenantId } }, ...asSystem(proof), req })
  if (existing.totalDocs > 0) return 0
  for (const level of DEFAULT_WRITER_LEVELS) {
    await req.payload.create({ collection: 'writer-levels', data: { ...level, criteria: DEFAULT_LEVEL_CRITERIA[level.code] ?? NEUTRAL_CRITERIA, tenant: tenantId, active: true }, depth: 0, ...asSystem(proof), req })
  }
  return DEFAULT_WRITER_LEVELS.length
}
