import type { CollectionBeforeChangeHook } from 'payload'

import { protectedUserFields } from '@/domain/sessions/impersonation'
import type { User } from '@/payload-types'
import { impersonationOf, refuseWhileImpersonating } from '@/operations/sessions/impersonating'

const tenantIds = (value: unknown): string =>
  JSON.stringify(Array.isArray(value) ? value.map((row: { tenant?: number | { id: number } | null }) => (typeof row?.tenant === 'object' ? row.tenant?.id : row?.tenant)) : value ?? null)

/** Whether the write changes `name` (a password sent is a change; a form that sends the same email is not). */
const changes = (name: string, data: Record<string, unknown>, original: Record<string, unknown>): boolean => {
  if (name === 'password') return typeof data.password === 'string'
  if (name === 'tenants') return tenantIds(data.tenants) !== tenantIds(original.tenants)
  return JSON.stringify(data[name] ?? null) !== JSON.stringify(original[name] ?? null)
}

/**
 * The account's keys stay the person's: staff acting as someone may edit their profile
 * but not change their email, password, roles, websites or second factor (403 naming the
 * first such field, "not while impersonating").
 */
export const guardKeysWhileImpersonating: CollectionBeforeChangeHook<User> = ({ data, operation, originalDoc, req }) => {
  if (!impersonationOf(req) || !data) return data
  const original = (operation === 'update' ? originalDoc : {}) as Record<string, unknown>
  const touched = protectedUserFields(Object.keys(data)).filter((name) => changes(name, data as Record<string, unknown>, original ?? {}))
  if (touched.length > 0) refuseWhileImpersonating(req, touched[0]!)
  return data
}
