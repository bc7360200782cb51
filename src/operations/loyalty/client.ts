import type { PayloadRequest } from 'payload'

import type { Actor } from '@/access/actor'
import { ClientError } from '@/errors'
import type { Tenant } from '@/payload-types'

import { requestMember } from '../gate'

/** The signed-in client and the request's website they belong to: points are a client's (403 for other roles). */
export const loyaltyClient = async (req: PayloadRequest): Promise<{ actor: Actor; tenant: Pick<Tenant, 'id' | 'currency'> }> => {
  const { actor, tenant } = await requestMember(req)
  if (!actor.roles.includes('client')) throw new ClientError('Loyalty points are for clients.', 403)
  return { actor, tenant }
}

/** A refusal about the points asked for (422): the message and `data.errors` name `points`, `data.rule` the rule broken. */
export const pointsRefusal = (message: string, rule: string, data: Record<string, unknown> = {}) =>
  new ClientError(`points: ${message}`, 422, { ...data, rule, errors: [{ path: 'points', message }] })
