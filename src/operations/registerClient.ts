import { type PayloadRequest, ValidationError } from 'payload'

import { ClientError } from '@/errors'
import { featureOn } from '@/domain/tenancy/featureToggles'
import { z } from 'zod'

import { enqueue } from '@/jobs/enqueue'
import { clientIp, consume } from '@/security/rateLimits'
import { asSystem, proofOf, systemRequest } from '@/access/system'

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

const isUniqueEmailViolation = (error: unknown): boolean =>
  error instanceof ValidationError && error.data.errors.some((e) => e.path === 'email')

/**
 * Creates a client on the request's website. Role and website come from the server,
 * never from the body. Answers 404 when no website matches, 403 when the website has
 * registration switched off, 409 when the email is taken. The welcome mail and the
 * staff's live event are queued in the same transaction as the user.
 */
export const registerClient = async (req: PayloadRequest, body: unknown) => {
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
    return await inTransaction(system, async () => {
      const taken = await req.payload.count({
        collection: 'users',
        where: { email: { equals: input.email } },
        ...asSystem(proofOf(req)),
        req: system,
      })
      if (taken.totalDocs > 0) throw emailTaken()
      // An unknown code is refused before anything is written.
      const referrer = input.referralCode ? await findReferrer(system, tenant.id, input.referralCode) : null
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
        },
        ...asSystem(proofOf(req)),
        depth: 0,
        req: system,
      })
      if (referrer) await recordReferral(system, { tenant: tenant.id, referrer, referee: user.id, ip, userAgent, now })
      await enqueue(system, { type: 'mail.welcome', tenant: tenant.id, payload: { userId: user.id }, dedupeKey: `welcome:${user.id}` })
      await enqueue(system, {
        type: 'live.event',
        tenant: tenant.id,
        payload: {
          audience: { staffOfTenant: tenant.id },
          event: 'client.registered',
          data: { user: user.id, name: user.name, email: user.email, referredBy: referrer?.id ?? null },
        },
      })
      return user
    })
  } catch (error) {
    // Two registrations racing past the count: the unique index decides.
    if (isUniqueEmailViolation(error)) throw emailTaken()
    throw error
  }
}

const emailTaken = () =>
  new ClientError('An account with this email already exists.', 409, { errors: [{ path: 'email', message: 'Already registered.' }] })
