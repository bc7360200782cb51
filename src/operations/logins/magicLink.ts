import type { PayloadRequest } from 'payload'
import { applyUserReadAccess } from 'payload/internal'
import { z } from 'zod'

import { actorFromUser } from '@/access/actor'
import { execute, sql } from '@/db/execute'
import { MAGIC_LINK_INVALID, MAGIC_LINK_TTL_MS, magicLinkRequestedMessage, mayUseMagicLink } from '@/domain/logins/magicLink'
import { featureOn } from '@/domain/tenancy/featureToggles'
import { ClientError } from '@/errors'
import { enqueue } from '@/jobs/enqueue'
import type { Tenant, User } from '@/payload-types'
import { clientIp, consume } from '@/security/rateLimits'
import { hashLinkToken, LINK_TOKEN_PATTERN, newLinkToken } from '@/security/linkToken'

import { recordSecurityEvent } from '../audit/record'
import { publicRequest } from '../gate'
import { inTransaction } from '../inTransaction'
import { registrationInput } from '../registerClient'
import { describeUnresolved } from '../resolveTenant'
import { type IssuedSession, issueSession } from '../sessions/issue'
import { toValidationError } from '../toValidationError'

/** `{ email }`, read as registration reads it (trimmed, lower-cased, a valid address). */
export const magicLinkRequestInput = registrationInput.pick({ email: true })

export const magicLinkVerifyInput = z.object({
  token: z.string({ error: 'The token of the sign-in link is required.' }).describe('The token the mailed link ends with.'),
})

/**
 * The request's website where magic links are on: 404 without a website, 403 where its
 * admin left the switch off — the same answer for every email, so a website without
 * links reveals nobody.
 */
const websiteWithLinks = async (req: PayloadRequest, endpoint: string): Promise<Tenant> => {
  const resolution = await publicRequest(req, endpoint)
  if (!resolution.tenant) throw new ClientError(describeUnresolved(resolution), 404)
  const tenant = resolution.tenant
  if (!featureOn(tenant, 'magicLinkEnabled')) throw new ClientError(`${tenant.name} does not sign in by mailed link: log in with your password.`, 403)
  return tenant
}

const mayUseLinkOn = (user: User | null, tenant: Tenant): user is User => Boolean(user && mayUseMagicLink({ ...actorFromUser(user), suspended: user.suspended }, tenant.id))

const userByEmail = (req: PayloadRequest, email: string) => req.payload.db.findOne<User>({ collection: 'users', where: { email: { equals: email } }, req })

/**
 * POST /api/auth/magic-link: mails a single-use link, valid 15 minutes, to a client or
 * writer of the request's website who may log in on it and is not suspended; never to
 * staff (a password and, where required, a second factor). Every email gets the same
 * answer after the same statements: the lookup, the clean-up of the account's dead links
 * and the link's INSERT run for an email that gets nothing too (they touch no row then);
 * only the outbox row differs, and the mail itself is sent by the worker, outside the
 * answer's time. Counted per address and per email (429 past either).
 */
export const requestMagicLink = async (req: PayloadRequest, body: unknown): Promise<{ message: string }> => {
  const tenant = await websiteWithLinks(req, 'magic link')
  const parsed = magicLinkRequestInput.safeParse(body ?? {})
  if (!parsed.success) throw toValidationError(parsed.error, 'users', req)
  const { email } = parsed.data
  await consume(req, tenant, 'magicLinkPerIpPerHour', clientIp(req))
  await consume(req, tenant, 'magicLinkPerEmailPerHour', email)

  const { token, hash } = newLinkToken()
  const expiresAt = new Date(Date.now() + MAGIC_LINK_TTL_MS).toISOString()
  await inTransaction(req, async () => {
    const user = await userByEmail(req, email)
    const to = mayUseLinkOn(user, tenant) ? user.id : null
    await execute(req, sql`DELETE FROM magic_links WHERE user_id = ${to} AND (used_at IS NOT NULL OR expires_at <= now())`)
    await execute(
      req,
      sql`INSERT INTO magic_links (token_hash, user_id, website_id, expires_at)
          SELECT ${hash}, ${to}, ${tenant.id}, ${expiresAt}::timestamptz WHERE ${to}::integer IS NOT NULL`,
    )
    if (to !== null) await enqueue(req, { type: 'mail.magicLink', tenant: tenant.id, payload: { userId: to, token } })
  })
  return { message: magicLinkRequestedMessage(tenant.name) }
}

const invalidLink = () => new ClientError(MAGIC_LINK_INVALID, 400, { errors: [{ path: 'token', message: MAGIC_LINK_INVALID }] })

/**
 * POST /api/auth/magic-link/verify: the link's token, on the website it was mailed for,
 * unused and unexpired, is used up (one UPDATE: of two racing uses one wins) and its
 * account signed in as Payload's login would (`issueSession`): the same session, token,
 * cookie and user as the answer. A used, expired or unknown token, or one of another
 * website, is one 400; so is an account that may no longer use links (suspended, made
 * staff, moved): its link stays unused and dies with its expiry. The login throttles
 * (`security/loginAttempts.ts`) are not involved: no password was tried.
 */
export const signInWithMagicLink = async (req: PayloadRequest, body: unknown): Promise<IssuedSession> => {
  const tenant = await websiteWithLinks(req, 'magic link sign-in')
  const parsed = magicLinkVerifyInput.safeParse(body ?? {})
  if (!parsed.success) throw toValidationError(parsed.error, 'users', req)
  if (!LINK_TOKEN_PATTERN.test(parsed.data.token)) throw invalidLink()
  const hash = hashLinkToken(parsed.data.token)

  const issued = await inTransaction(req, async () => {
    const [link] = await execute<{ user_id: number }>(
      req,
      sql`UPDATE magic_links SET used_at = now()
          WHERE token_hash = ${hash} AND website_id = ${tenant.id} AND used_at IS NULL AND expires_at > now()
          RETURNING user_id`,
    )
    if (!link || !mayUseLinkOn(await req.payload.db.findOne<User>({ collection: 'users', where: { id: { equals: link.user_id } }, req }), tenant)) throw invalidLink()
    return issueSession(req, link.user_id)
  })

  const { user } = issued
  await recordSecurityEvent(req, {
    kind: 'security',
    action: 'login',
    tenant: tenant.id,
    targetCollection: 'users',
    targetId: user.id,
    parties: [user.id],
    changes: { method: 'magic_link' },
    actor: { id: user.id, email: user.email, role: user.roles?.[0] ?? null },
  })
  // The user as Payload's login answers it: read as themselves at the default depth, hidden fields left out.
  req.user = { ...user, collection: 'users', _strategy: 'local-jwt' } as NonNullable<PayloadRequest['user']>
  const readable = await applyUserReadAccess({ collection: req.payload.collections.users.config, depth: req.payload.config.defaultDepth, overrideAccess: false, req, showHiddenFields: false, user: req.user })
  return { ...issued, user: readable }
}
