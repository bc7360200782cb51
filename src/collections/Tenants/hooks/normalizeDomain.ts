import type { FieldHook } from 'payload'

import { normalizeHostname } from '@/domain/tenancy/hostname'

/** Stores domains bare (`Alpha.TEST:3000` → `alpha.test`) so lookups and uniqueness agree. */
export const normalizeDomain: FieldHook = ({ value }) => {
  if (typeof value !== 'string') return value
  return normalizeHostname(value) ?? value.trim().toLowerCase()
}
