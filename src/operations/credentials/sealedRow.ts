import type { PayloadRequest } from 'payload'

import { asSystem, type SystemProof } from '@/access/system'
import type { SealedCredentials } from '@/domain/credentials/seal'
import type { ClassAccess } from '@/payload-types'

export type SealedRow = { row: ClassAccess; sealed: SealedCredentials | null }

/** What `sealCredentials` binds a value to: the class it belongs to. */
export const sealContext = (classOrder: number): string => `class-order:${classOrder}`

/** The class's credentials row with its sealed parts (hidden fields: read as the system only), or null. */
export const sealedRowOf = async (req: PayloadRequest, proof: SystemProof, classOrder: number): Promise<SealedRow | null> => {
  const { docs } = await req.payload.find({
    ...asSystem(proof),
    collection: 'class-access',
    where: { classOrder: { equals: classOrder } },
    showHiddenFields: true,
    depth: 0,
    limit: 1,
    pagination: false,
    req,
  })
  const row = docs[0]
  if (!row) return null
  const { keyId, credentialsIv: iv, credentialsTag: tag, credentialsCiphertext: ciphertext } = row
  return { row, sealed: iv && tag && ciphertext ? { keyId, iv, tag, ciphertext } : null }
}
