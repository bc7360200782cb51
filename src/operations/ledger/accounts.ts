import type { PayloadRequest } from 'payload'

import { type AccountType, SYSTEM_ACCOUNTS, type SystemAccount } from '@/domain/ledger/accounts'
import { asSystem, proofOf } from '@/access/system'
import { lockKey } from '@/db/locks'

/**
 * The id of a website's account, created on first use. Concurrent first uses serialise
 * on an advisory lock for (website, code), so each account exists once.
 */
export const accountId = async (req: PayloadRequest, tenant: number, code: string, describe?: { name: string; type: AccountType }): Promise<number> => {
  const find = async () => {
    const { docs } = await req.payload.find({ collection: 'ledger-accounts', where: { and: [{ tenant: { equals: tenant } }, { code: { equals: code } }] }, depth: 0, limit: 1, pagination: false, ...asSystem(proofOf(req)), req, select: { code: true } })
    return docs[0]?.id ?? null
  }
  const found = await find()
  if (found) return found
  await lockKey(req, `ledger-account:${tenant}:${code}`)
  const again = await find()
  if (again) return again
  const spec = describe ?? SYSTEM_ACCOUNTS[code as SystemAccount]
  if (!spec) throw new Error(`unknown ledger account ${code}`)
  const doc = await req.payload.create({ collection: 'ledger-accounts', data: { tenant, code, name: spec.name, type: spec.type }, depth: 0, ...asSystem(proofOf(req)), req })
  return doc.id
}
