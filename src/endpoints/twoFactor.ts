import type { Endpoint } from 'payload'
import { z } from 'zod'

import { documented, schemas } from '@/api/openapi/describe'
import { completeSecondFactorLogin, enrolByChallenge } from '@/operations/twoFactor/login'
import { confirmMine, disableMine, enrolMine } from '@/operations/twoFactor/manage'
import { resetSecondFactor } from '@/operations/twoFactor/reset'

import { readJsonBody } from './readJsonBody'
import { idParams, routeId } from './routeId'

const ENROLMENT = z.object({
  otpauthUri: z.string().describe('`otpauth://totp/…`: what an authenticator app reads from the QR code.'),
  qrCode: z.string().describe('The URI as a QR code, an SVG `data:` URL to put in an `<img>`.'),
  secret: z.string().describe('The seed in base32, for typing into an app by hand.'),
})
const CHALLENGE = z.object({ challenge: z.string().max(200) })
const CODE = z.object({ code: z.string().max(40) })
const RECOVERY = z.array(z.string()).length(10).describe('Ten single-use recovery codes, shown this once: the person keeps them somewhere safe.')

const bodyOf = async (req: Parameters<Endpoint['handler']>[0]) => {
  const body = await readJsonBody(req)
  return (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
}

/** The second step of a sign-in, and one's own factor (issue 16, docs/two-factor.md). */
export const twoFactorEndpoints: Endpoint[] = [
  documented(
    {
      path: '/login/mfa',
      method: 'post',
      handler: async (req) => {
        const { cookie, ...answer } = await completeSecondFactorLogin(req, await bodyOf(req))
        return Response.json(answer, { headers: { 'Set-Cookie': cookie } })
      },
    },
    {
      summary: 'Finish signing in with a second factor',
      description: [
        'After `POST /api/users/login` answered `{ mfaRequired: true, challenge }`: the `challenge` and the six-digit `code` of the authenticator app (or an unused recovery code). Answers as a login does (`token`, `exp`, `user`, and the login cookie). For an `enrolRequired` challenge the code is the first one of the app just set up with `POST /api/users/login/mfa/enrol`, and the answer carries the ten `recoveryCodes`, shown this once.',
        '**400** naming `code` when it is missing or not right (the challenge stays usable for five minutes); **401** for a challenge that expired, was used or is not genuine; **429** past 10 codes in 15 minutes for the account.',
      ].join('\n\n'),
      tags: ['auth'],
      auth: 'none',
      body: CHALLENGE.extend(CODE.shape),
      responses: { 200: z.object({ message: z.literal('Signed in.'), token: z.string(), exp: z.number().int(), user: schemas.doc, recoveryCodes: RECOVERY.optional() }) },
      errors: [400, 401, 429],
    },
  ),
  documented(
    { path: '/login/mfa/enrol', method: 'post', handler: async (req) => Response.json(await enrolByChallenge(req, (await bodyOf(req)).challenge)) },
    {
      summary: 'Set up a second factor while signing in',
      description: 'For a login that answered `enrolRequired: true` (staff of a website that requires two-factor sign-in, without one yet): a new seed for an authenticator app. Confirm it with its first code at `POST /api/users/login/mfa`. **401** for a challenge that expired or is not genuine; **409** when the account has a factor already.',
      tags: ['auth'],
      auth: 'none',
      body: CHALLENGE,
      responses: { 200: ENROLMENT },
      errors: [400, 401, 409],
    },
  ),
  documented(
    { path: '/2fa/enrol', method: 'post', handler: async (req) => Response.json(await enrolMine(req)) },
    {
      summary: 'Set up my second factor',
      description: 'A new seed for the caller’s authenticator app, pending until `POST /api/users/2fa/confirm` confirms it with a code. Starting again replaces a pending seed. **409** when two-factor sign-in is on already.',
      tags: ['auth'],
      auth: 'required',
      responses: { 200: ENROLMENT },
      errors: [401, 409],
    },
  ),
  documented(
    {
      path: '/2fa/confirm',
      method: 'post',
      handler: async (req) => Response.json({ message: 'Two-factor sign-in is on.', recoveryCodes: await confirmMine(req, (await bodyOf(req)).code) }),
    },
    {
      summary: 'Confirm my second factor',
      description: 'The first code of the app set up with `POST /api/users/2fa/enrol`: two-factor sign-in is on from the next sign-in. Answers the ten recovery codes, this once. **400** naming `code`; **409** without a pending enrolment or when it is on already; **429** past 10 codes in 15 minutes.',
      tags: ['auth'],
      auth: 'required',
      body: CODE,
      responses: { 200: z.object({ message: z.literal('Two-factor sign-in is on.'), recoveryCodes: RECOVERY }) },
      errors: [400, 401, 409, 429],
    },
  ),
  documented(
    {
      path: '/2fa/disable',
      method: 'post',
      handler: async (req) => {
        await disableMine(req, (await bodyOf(req)).code)
        return Response.json({ message: 'Two-factor sign-in is off.' })
      },
    },
    {
      summary: 'Switch off my second factor',
      description: 'Proved by a code of the factor or a recovery code. **400** naming `code`; **403** where a website the caller works on requires two-factor sign-in; **429** past 10 codes in 15 minutes.',
      tags: ['auth'],
      auth: 'required',
      body: CODE,
      responses: { 200: z.object({ message: z.literal('Two-factor sign-in is off.') }) },
      errors: [400, 401, 403, 429],
    },
  ),
  documented(
    {
      path: '/:id/2fa/reset',
      method: 'post',
      handler: async (req) => Response.json(await resetSecondFactor(req, routeId(req), (await bodyOf(req)).reason)),
    },
    {
      summary: 'Reset a person’s lost second factor (staff)',
      description: [
        'For someone who lost their authenticator app and their recovery codes: their second factor is removed and every session of theirs ends; they are told (a critical account notice) and sign in with their password, enrolling again where a website requires it. The audit trail keeps who reset whose and the reason (`second_factor_reset`).',
        'A superadmin resets anyone; an admin the people of their own websites below admin. Nobody resets their own (`POST /api/users/2fa/disable` takes a code).',
        '**400** naming `reason`; **401** when not logged in; **403** for anyone else who can see the person (themselves included) and while impersonating; **404** when the caller cannot see the person; **409** when the person has no second factor.',
      ].join('\n\n'),
      tags: ['auth'],
      auth: 'required',
      params: idParams,
      body: z.object({ reason: z.string().min(1).max(500).describe('How the person was identified, and why the factor is reset.') }),
      responses: { 200: z.object({ message: z.string(), user: z.number().int(), sessionsEnded: z.number().int() }) },
      errors: [400, 401, 403, 404, 409],
    },
  ),
]
