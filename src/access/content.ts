import type { Access, Where } from 'payload'

import type { Role } from '@/domain/roles'
import { resolveTenant } from '@/operations/resolveTenant'

import { type Actor, actorOf, hasRole, idOf } from './actor'
import { allOf } from './compose'
import { tenantRowsFor } from './rules'
import { MATCH_NOTHING } from './where'

/** Roles that write and publish a website's content (superadmin holds every website anyway). */
export const CONTENT_ROLES: readonly Role[] = ['admin', 'content']

/** Content rights on a website: superadmin, or an admin or content editor who holds it. */
export const contentRights = (actor: Actor | null, tenantId: number | null | undefined): boolean => {
  if (!actor) return false
  if (actor.allTenants) return true
  return tenantId != null && hasRole(actor, ...CONTENT_ROLES) && actor.tenantIds.includes(tenantId)
}

/** Holds content rights on some website: reads go by its websites, not by the request's. */
const editsContent = (actor: Actor | null): actor is Actor => actor !== null && (actor.allTenants || hasRole(actor, ...CONTENT_ROLES))

/** Every row of the actor's websites for content-rights holders; none for other users; false anonymously. */
export const contentRows: Access = tenantRowsFor([...CONTENT_ROLES])

/** The same rows for a versions query, whose fields sit under `version.`. */
export const contentVersionRows: Access = tenantRowsFor([...CONTENT_ROLES], 'version.tenant')

/**
 * Readers of a website's content: content-rights holders read their websites' rows; anyone
 * else (anonymous, clients, writers, operations staff) only the request's website's rows
 * that `visible` admits. No website resolved → nothing. `visible` is a plain Where on the
 * document so that Payload rewrites it for `?draft=true` reads (the versions table).
 */
export const contentReaders =
  (visible?: Where): Access =>
  async ({ req }) => {
    const actor = actorOf(req)
    if (editsContent(actor)) return contentRows({ req })
    const { tenant } = await resolveTenant(req)
    if (!tenant) return MATCH_NOTHING
    return allOf([{ tenant: { equals: tenant.id } }, visible ?? true])
  }

/** Posts and pages: drafts only for content-rights holders, published rows of the request's website for everyone else. */
export const publishedForReaders: Access = contentReaders({ _status: { equals: 'published' } })

/**
 * Creating content: content-rights holders, into a website they hold (a body without a
 * website is stamped with the request's or the user's only one, then checked by the
 * multi-tenant plugin). A yes or no: a Where means nothing to create.
 */
export const createContent: Access = ({ req, data }) => {
  const actor = actorOf(req)
  if (!editsContent(actor)) return false
  const tenant = idOf((data as { tenant?: number | { id: number } | null } | undefined)?.tenant ?? null)
  return tenant === null || contentRights(actor, tenant)
}
