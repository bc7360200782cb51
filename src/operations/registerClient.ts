import { type PayloadRequest, ValidationError } from 'payload'

import { ClientError } from '@/errors'
import { featureOn } from '@/domain/tenancy/featureToggles'
import { z } from 'zod'

import { actorFromUser } from '@/access/actor'
import { UNVERIFIED_CREATE } from '@/collections/Users/hooks/holdOwnEmailChange'
import { issueEmailToken } from '@/domain/accounts/emailTokens'
import { enqueue } from '@/jobs/enqueue'
import { clientIp, consume } from '@/security/rateLimits'
import { runDummyPasswordHash } from '@/security/dummyPasswordHash'
import { asSystem, proofOf, systemRequest } from '@/access/system'

import { recordSecurityEvent } from './audit/record'
import { inTransaction } from './inTransaction'
import { findReferrer, recordReferral } from './referrals/register'
import { toValidationError } from './toValidationError'
import { publicRequest } from './gate'
import { describeUnresolved } from './resolveTenant'

export const registrationInput = z.object({
  name: z
    .string({ error: 'Name is required.' })
    .trim()
    .min(1, 'Name is required.')
    .max(120, 'Name is at most 120 characters.'),
  email: z
    .string({ error: 'Email is required.' })
    .trim()
    .toLowerCase()
    .pipe(z.email('Must be a valid email address.')),
  password: z
    .string({ error: 'Password is required.' })
    .min(10, 'Password must be at least 10 characters.')
    .max(256, 'Password is at most 256 characters.'),
  referralCode: z
    .string({ error: 'A referral code is text.' })
    .trim()
    .min(1, 'A referral code is not empty.')
    .max(32, 'A referral code is at most 32 characters.')
    .optional()
    .describe('Another client’s referral code (`GET /api/referrals/me`, `?ref=` of their link): the new client is their referee.'),
})

export type RegistrationInput = z.infer<typeof registrationInput>

export const isUniqueEmailViolation = (error: unknown): boolean =>
  error instanceof ValidationError && error.data.errors.some((e) => e.path === 'email')

/**
 * Creates a client on the request's website. Role and website come from the server,
 * never from the body. Answers 404 when no website matches, 403 when the website has
 * registration switched off. The client starts unverified: the welcome mail carries the
 * link that verifies the address; it and the staff's live event are queued in the same
 * transaction as the user.
 *
 * An email that already has an account (on this website or another) gets no account and
 * no refusal: the caller's answer is the one a fresh registration gets, after the same
 * checks and a password hash of the same cost, and the owner is told by mail
 * (`answerExistingEmail`). A 409 would tell anyone who uses a sibling website.
 */
export const registerClient = async (req: PayloadRequest, body: unknown): Promise<RegistrationInput> => {
  const parsed = registrationInput.safeParse(body ?? {})
  if (!parsed.success) throw toValidationError(parsed.error, 'users', req)
  const input = parsed.data

  const resolution = await publicRequest(req, 'registration')
  if (!resolution.tenant) throw new ClientError(describeUnresolved(resolution), 404)
  const tenant = resolution.tenant
  if (!featureOn(tenant, 'allowRegistration')) {
    throw new ClientError(`${tenant.name} does not accept new registrations.`, 403)
  }
  await consume(req, tenant, 'registrationPerIpPerHour', clientIp(req))
  await consume(req, tenant, 'registrationPerEmailPerHour', input.email)

  // Where the client registers from: compared with later referrals (abuse rules).
  const address = clientIp(req)
  const ip = address === 'unknown' ? null : address
  const userAgent = req.headers.get('user-agent')?.slice(0, 512) || null
  const now = new Date()
  // The platform writes the client and the website's documents (the referral names the
  // website, which an anonymous request may not), as for a pay link.
  const system = await systemRequest(req.payload, proofOf(req))

  try {
    await inTransaction(system, async () => {
      const owner = await accountWithEmail(system, input.email)
      // An unknown code is refused before anything is written, whoever owns the email.
      const referrer = input.referralCode ? await findReferrer(system, tenant.id, input.referralCode) : null
      if (owner) return answerExistingEmail(req, system, owner, tenant.id, input.password)
      const { token, fields } = issueEmailToken('verify', now)
      const user = await req.payload.create({
        collection: 'users',
        data: {
          name: input.name,
          email: input.email,
          password: input.password,
          roles: ['client'],
          tenants: [{ tenant: tenant.id }],
          referredBy: referrer?.id ?? null,
          registrationIp: ip,
          registrationUserAgent: userAgent,
          ...fields,
        },
        context: { [UNVERIFIED_CREATE]: true },
        ...asSystem(proofOf(req)),
        depth: 0,
        req: system,
      })
      if (referrer) await recordReferral(system, { tenant: tenant.id, referrer, referee: user.id, ip, userAgent, now })
      await enqueue(system, { type: 'mail.welcome', tenant: tenant.id, payload: { userId: user.id, verifyToken: token }, dedupeKey: `welcome:${user.id}` })
      await enqueue(system, {
        type: 'live.event',
        tenant: tenant.id,
        payload: {
          audience: { staffOfTenant: tenant.id },
          event: 'client.registered',
          data: { user: user.id, name: user.name, email: user.email, referredBy: referrer?.id ?? null },
        },
      })
    })
  } catch (error) {
    // Two registrations racing past the lookup: the unique index decides, and the loser
    // is answered as any registration of a taken email.
    if (!isUniqueEmailViolation(error)) throw error
    const retry = await systemRequest(req.payload, proofOf(req))
    await inTransaction(retry, async () => {
      const owner = await accountWithEmail(retry, input.email)
      if (owner) await answerExistingEmail(req, retry, owner, tenant.id, null)
    })
  }
  return input
}

type Owner = { id: number; email: string; roles: string[]; tenants?: { tenant?: number | { id: number } | null }[] | null }

const accountWithEmail = async (system: PayloadRequest, email: string): Promise<Owner | null> => {
  const { docs } = await system.payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    limit: 1,
    pagination: false,
    depth: 0,
    select: { email: true, roles: true, tenants: true },
    ...asSystem(proofOf(system)),
    req: system,
  })
  return (docs[0] as Owner | undefined) ?? null
}

/**
 * A registration with an email that has an account: the password is hashed as a new
 * account's would be (the answer costs the same), nothing of an account is written, and
 * the owner is mailed in their own website's name, naming the website tried. The audit
 * row sits on the owner's website, not the one tried: its staff learn nothing either.
 */
const answerExistingEmail = async (req: PayloadRequest, system: PayloadRequest, owner: Owner, tried: number, password: string | null) => {
  if (password !== null) await runDummyPasswordHash(password)
  const home = actorFromUser(owner).tenantIds[0] ?? null
  await enqueue(system, { type: 'mail.registrationAttempt', tenant: home, payload: { userId: owner.id, website: tried } })
  await recordSecurityEvent(req, {
    kind: 'security',
    action: 'registration_existing_email',
    tenant: home,
    targetCollection: 'users',
    targetId: owner.id,
    parties: [owner.id],
    actor: { id: null, email: owner.email, role: null },
  })
}
