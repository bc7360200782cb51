import type { TextFieldSingleValidation } from 'payload'

import { normalizeHostname } from '@/domain/tenancy/hostname'
import { asSystem, proofOf } from '@/access/system'

/**
 * A domain is a host name no other website uses. The unique index still decides races;
 * this check gives the admin a message on the right row instead of a bare "unique".
 */
export const domainIsFree: TextFieldSingleValidation = async (value, { id, req }) => {
  if (typeof value !== 'string' || normalizeHostname(value) !== value) return 'Must be a host name such as brand.com.'
  const { totalDocs } = await req.payload.count({
    collection: 'tenants',
    where: { and: [{ 'domains.domain': { equals: value } }, ...(id ? [{ id: { not_equals: id } }] : [])] },
    ...asSystem(proofOf(req)),
    req,
  })
  return totalDocs === 0 || `${value} is already used by another website.`
}
