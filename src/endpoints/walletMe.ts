import type { Endpoint } from 'payload'

import { ClientError } from '@/errors'
import { walletStatement } from '@/operations/ledger/walletStatement'
import { requestMember } from '@/operations/gate'

/** GET /api/wallets/me?kind=client|writer → `{ balance, held, currency, entries }` of the caller's wallet on the request's website. */
export const walletMeEndpoint: Endpoint = {
  path: '/me',
  method: 'get',
  handler: async (req) => {
    const { actor, tenant } = await requestMember(req)
    const kind = req.searchParams.get('kind') ?? (actor.roles.includes('writer') ? 'writer' : 'client')
    if (kind !== 'client' && kind !== 'writer') throw new ClientError('kind: client or writer.', 400)
    return Response.json(await walletStatement(req, tenant.id, actor.id, kind, tenant.currency ?? 'USD'))
  },
}
