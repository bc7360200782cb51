import { randomUUID } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { asSystem, proofOf } from '@/access/system'
import { ClientError } from '@/errors'
import type { LoyaltyTransaction } from '@/payload-types'

import { adminOf, requestMember } from '../gate'
import { changePoints } from './award'

/**
 * An admin of the request's website gives or takes a client's points with a reason (an
 * `admin` row): taking never goes below zero (422 naming `points`). Each call is a new
 * row; the caller's Idempotency-Key makes a retry safe. 422 naming `client` when the
 * person is not a client of the website.
 */
export const adjustPoints = async (req: PayloadRequest, input: { client: number; points: number; reason: string }): Promise<{ transaction: LoyaltyTransaction; points: number }> => {
  const { actor, tenant } = await requestMember(req)
  if (!adminOf(actor, tenant.id)) throw new ClientError('Only an admin of the website adjusts points.', 403)
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { and: [{ id: { equals: input.client } }, { roles: { equals: 'client' } }, { 'tenants.tenant': { equals: tenant.id } }] },
    depth: 0,
    limit: 1,
    pagination: false,
    ...asSystem(proofOf(req)),
    req,
  })
  if (!docs[0]) throw new ClientError('client: not a client of this website.', 422, { rule: 'not_a_client', errors: [{ path: 'client', message: 'Not a client of this website.' }] })
  const row = await changePoints(req, { tenant: tenant.id, client: input.client, points: input.points, kind: 'admin', reason: `${input.reason} (by user ${actor.id})`, reference: `loyalty:admin:${randomUUID()}` })
  if (!row) throw new Error('an adjustment with a fresh reference wrote nothing')
  return { transaction: row, points: row.balanceAfter }
}
