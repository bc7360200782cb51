import type { CollectionAfterChangeHook } from 'payload'

import { execute, sql } from '@/db/execute'
import { PANEL_ROLES } from '@/domain/roles'
import type { Tenant } from '@/payload-types'
import { endSessions } from '@/operations/sessions/end'
import { forgetSessionSettings } from '@/operations/sessions/websiteSettings'

/** A website's idle timeouts, session limits and factor rule apply to this process's next request (others' within 30 s). */
export const forgetSessionSettingsOnChange: CollectionAfterChangeHook = ({ doc }) => {
  forgetSessionSettings()
  return doc
}

/**
 * A website that starts requiring a second factor signs out its panel staff (and the
 * superadmins) who have none: their next sign-in takes them through enrolment. Sessions
 * opened before the rule would otherwise go on without it.
 */
export const signOutStaffWithoutSecondFactor: CollectionAfterChangeHook<Tenant> = async ({ doc, previousDoc, operation, req }) => {
  const now = doc.settings?.features?.twoFactorRequired === true
  const before = operation === 'update' && previousDoc?.settings?.features?.twoFactorRequired === true
  if (!now || before) return doc
  const people = await execute<{ id: number }>(
    req,
    sql`SELECT DISTINCT u.id FROM users u JOIN users_roles r ON r.parent_id = u.id
        WHERE u.two_factor_enabled_at IS NULL AND r.value IN (${sql.join(PANEL_ROLES.map((role) => sql`${role}`), sql`, `)})
          AND (r.value = 'superadmin' OR EXISTS (SELECT 1 FROM users_tenants m WHERE m._parent_id = u.id AND m.tenant_id = ${doc.id}))`,
  )
  for (const person of people) await endSessions(req, person.id, 'all', 'second_factor_required')
  if (people.length > 0) req.payload.logger.info({ website: doc.id, signedOut: people.length }, 'second factor now required: staff without one signed out')
  return doc
}
