import type { Payload } from 'payload'

import { actorFromUser } from '@/access/actor'
import { type SessionPolicy, sessionPolicyOf, type WebsiteSessionSettings } from '@/domain/sessions/policy'
import { secondFactorRequired } from '@/domain/twoFactor/required'
import type { Tenant, User } from '@/payload-types'

/**
 * Every website's session settings and whether it requires a second factor of its staff,
 * read at most every 30 s per process: the idle check
 * runs on every authenticated request and must not cost a query. A change made in this
 * process applies at once (`forgetSessionSettings` from the tenants' afterChange); other
 * processes see it within the 30 s.
 */
const TTL_MS = 30_000
type WebsitePolicy = WebsiteSessionSettings & { active: boolean; twoFactorRequired: boolean }
let cached: { at: number; websites: Map<number, WebsitePolicy> } | null = null
let loading: Promise<Map<number, WebsitePolicy>> | null = null

export const forgetSessionSettings = () => {
  cached = null
}

const settingsOf = (tenant: Pick<Tenant, 'active' | 'settings'>): WebsitePolicy => ({
  active: tenant.active !== false,
  twoFactorRequired: tenant.settings?.features?.twoFactorRequired === true,
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
    select: { active: true, settings: { features: { twoFactorRequired: true }, staffIdleTimeoutMinutes: true, writerIdleTimeoutMinutes: true, clientIdleTimeoutMinutes: true, sessionLimits: true } },
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

/** The person's websites (a superadmin: every active one) as the cache knows them. */
const websitesOf = async (payload: Payload, user: Pick<User, 'id' | 'roles' | 'tenants'>): Promise<WebsitePolicy[]> => {
  const websites = await allWebsites(payload)
  const actor = actorFromUser(user)
  return actor.allTenants ? [...websites.values()].filter((w) => w.active) : actor.tenantIds.map((id) => websites.get(id)).filter((w) => w !== undefined)
}

/** The session policy of a person: from their websites' settings, the strictest. */
export const sessionPolicyFor = async (payload: Payload, user: Pick<User, 'id' | 'roles' | 'tenants'>): Promise<SessionPolicy> => sessionPolicyOf(user.roles, await websitesOf(payload, user))

/** Whether the person must sign in with a second factor (`src/domain/twoFactor/required.ts`). */
export const secondFactorRequiredFor = async (payload: Payload, user: Pick<User, 'id' | 'roles' | 'tenants'>): Promise<boolean> =>
  secondFactorRequired(user.roles, (await websitesOf(payload, user)).map((w) => w.twoFactorRequired))
