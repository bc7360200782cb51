import type { PayloadRequest } from 'payload'

import { ClientError } from '@/errors'

import { requestMember } from '../gate'

import { walletStatement } from './walletStatement'

/**
 * The caller's wallet on the request's website (`GET /api/wallets/me`, GraphQL
 * `myWallet`): `kind` client or writer, by default the one their role holds.
 */
export const myWallet = async (req: PayloadRequest, requested: string | null | undefined) => {
  const { actor, tenant } = await requestMember(req)
  const kind = requested ?? (actor.roles.includes('writer') ? 'writer' : 'client')
  if (kind !== 'client' && kind !== 'writer') throw new ClientError('kind: client or writer.', 400)
  return walletStatement(req, tenant.id, actor.id, kind, tenant.currency ?? 'USD')
}
