import type { Payload } from 'payload'

import { actorFromUser } from '@/access/actor'
import { type SessionPolicy, sessionPolicyOf, type WebsiteSessionSettings } from '@/domain/sessions/policy'
import type { Tenant, User } from '@/payload-types'

/**
 * Every website's session settings, read at most every 30 s per process: the idle check
 * runs on every authenticated request and must not cost a query. A change made in this
 * process applies at once (`forgetSessionSettings` from the tenants' afterChange); other
 * processes see it within the 30 s.
 */
const TTL_MS = 30_000
let cached: { at: number; websites: Map<number, WebsiteSessionSettings & { active: boolean }> } | null = null
let loading: Promise<Map<number, WebsiteSessionSettings & { active: boolean }>> | null = null

export const forgetSessionSettings = () => {
  cached = null
}

const settingsOf = (tenant: Pick<Tenant, 'active' | 'settings'>): WebsiteSessionSettings & { active: boolean } => ({
  active: tenant.active !== false,
  idleMinutes: {
    staff: tenant.settings?.staffIdleTimeoutMinutes,
    writer: tenant.settings?.writerIdleTimeoutMinutes,
    client: tenant.settings?.clientIdleTimeoutMinutes,
  },
  maxSessions: { ...tenant.settings?.sessionLimits },
})

const load = async (payload: Payload) => {
  const { docs } = (await payload.db.find({
    collection: 'tenants',
    limit: 0,
    pagination: false,
    select: { active: true, settings: { staffIdleTimeoutMinutes: true, writerIdleTimeoutMinutes: true, clientIdleTimeoutMinutes: true, sessionLimits: true } },
  })) as { docs: Tenant[] }
  return new Map(docs.map((doc) => [doc.id, settingsOf(doc)]))
}

const allWebsites = async (payload: Payload) => {
  const now = Date.now()
  if (cached && now - cached.at < TTL_MS) return cached.websites
  loading ??= load(payload).finally(() => {
    loading = null
  })
  const websites = await loading
  cached = { at: now, websites }
  return websites
}

/**
 * The session policy of a person: from their websites' settings, the strictest; a
 * superadmin (every website) from all active websites.
 */
export const sessionPolicyFor = async (payload: Payload, user: Pick<User, 'id' | 'roles' | 'tenants'>): Promise<SessionPolicy> => {
  const websites = await allWebsites(payload)
  const actor = actorFromUser(user)
  const mine = actor.allTenants ? [...websites.values()].filter((w) => w.active) : actor.tenantIds.map((id) => websites.get(id)).filter((w) => w !== undefined)
  return sessionPolicyOf(user.roles, mine)
}
