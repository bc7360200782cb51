import type { PayloadRequest } from 'payload'

import { type WalletField, type WalletRefusal, walletRefusal } from '@/domain/payments/walletSwitch'
import { featureOn } from '@/domain/tenancy/featureToggles'
import { ClientError } from '@/errors'
import type { Tenant } from '@/payload-types'

import { websiteFeature } from '../websiteFeature'

/** Whether the website offers its clients a wallet (`allowWallet`): from its row when the caller has it, else read. */
export const clientWalletOn = async (req: PayloadRequest, website: number | Pick<Tenant, 'id' | 'settings'>): Promise<boolean> =>
  typeof website === 'number' ? websiteFeature(req, website, 'allowWallet') : featureOn(website, 'allowWallet')

/** The wallet refusal as the API answers it: 422, the message and `data.errors` naming the field, `data.rule` `wallet_off`. */
export const walletRefusalError = (refusal: Pick<WalletRefusal, 'field' | 'message' | 'rule'>) =>
  new ClientError(refusal.message, 422, { rule: refusal.rule, errors: [{ path: refusal.field, message: refusal.message }] })

/**
 * Refuses a client's use of their wallet (paying, topping up, converting points) on a
 * website that does not offer one, before anything is written: every such refusal comes
 * from here.
 */
export const refuseWithoutWallet = async (req: PayloadRequest, website: number | Pick<Tenant, 'id' | 'settings'>, field: WalletField): Promise<void> => {
  const refusal = walletRefusal(await clientWalletOn(req, website), field)
  if (refusal) throw walletRefusalError(refusal)
}
