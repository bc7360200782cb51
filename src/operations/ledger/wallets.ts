import type { PayloadRequest } from 'payload'

import { walletAccountCode } from '@/domain/ledger/accounts'
import { lockKey } from '@/db/locks'
import type { Wallet } from '@/payload-types'
import { asSystem, proofOf } from '@/access/system'

import { accountId } from './accounts'

/**
 * The user's wallet of this kind on this website, created with its ledger account on
 * first use (serialised per user, website and kind).
 */
export const ensureWallet = async (req: PayloadRequest, tenant: number, owner: number, kind: 'client' | 'writer'): Promise<Wallet> => {
  const find = async () =>
    (await req.payload.find({ collection: 'wallets', where: { and: [{ tenant: { equals: tenant } }, { owner: { equals: owner } }, { kind: { equals: kind } }] }, depth: 0, limit: 1, pagination: false, ...asSystem(proofOf(req)), req })).docs[0]
  const found = await find()
  if (found) return found
  await lockKey(req, `wallet:${tenant}:${owner}:${kind}`)
  const again = await find()
  if (again) return again
  const website = await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, ...asSystem(proofOf(req)), req, select: { currency: true } })
  const wallet = await req.payload.create({ collection: 'wallets', data: { tenant, owner, kind, currency: website.currency ?? 'USD', balance: 0, held: 0 }, depth: 0, ...asSystem(proofOf(req)), req })
  const account = await accountId(req, tenant, walletAccountCode(wallet.id), { name: `${kind} wallet ${wallet.id}`, type: 'liability' })
  return req.payload.update({ collection: 'wallets', id: wallet.id, data: { account }, depth: 0, ...asSystem(proofOf(req)), req })
}
