import { z } from 'zod'

import { EXTERNAL_REFERENCE_MAX, REFUND_DESTINATIONS, type RefundDestination } from './types'
import { walletRefusal } from './walletSwitch'

/** How a refund is asked to go back; both optional (the website decides the default). */
export const refundRouteInput = {
  destination: z
    .enum(REFUND_DESTINATIONS, { error: 'One of wallet, provider (back to the card), external (paid back outside the platform).' })
    .optional()
    .describe('`wallet` (the default where the website offers a wallet), `provider` (back to the card; the default where it does not) or `external` (money already paid back outside the platform, recorded with `externalReference`).'),
  externalReference: z
    .string({ error: 'Text: the reference of the payment made outside the platform.' })
    .trim()
    .min(1, 'The reference of the payment made outside the platform (bank transfer, cash receipt).')
    .max(EXTERNAL_REFERENCE_MAX, `At most ${EXTERNAL_REFERENCE_MAX} characters.`)
    .optional()
    .describe('With `destination: external` only, and then required: the reference of the bank transfer or other payment that gave the money back.'),
}

export type RefundAsk = { destination?: RefundDestination | null; externalReference?: string | null }

export type RefundRoute =
  | { destination: 'wallet' | 'provider'; externalReference: null; defaulted: boolean }
  | { destination: 'external'; externalReference: string; defaulted: false }

export type RefundRouteRefusal = { field: 'externalReference'; message: string; status: 400 } | { field: 'destination'; message: string; status: 422; rule: 'wallet_off' }

/**
 * Where a refund goes, from what was asked and whether the website offers a wallet:
 * unasked, to the wallet where there is one, else back to the card; the wallet asked for
 * where there is none is the wallet refusal (422 naming `destination`); `external` needs
 * its reference, which no other destination takes (400 naming `externalReference`).
 */
export const refundRoute = (ask: RefundAsk, walletOn: boolean): { route: RefundRoute } | { refusal: RefundRouteRefusal } => {
  const reference = ask.externalReference?.trim() || null
  if (ask.destination === 'external') {
    if (!reference) return { refusal: { field: 'externalReference', status: 400, message: 'externalReference: required for a refund paid outside the platform (the bank transfer’s or receipt’s reference).' } }
    return { route: { destination: 'external', externalReference: reference, defaulted: false } }
  }
  if (reference) return { refusal: { field: 'externalReference', status: 400, message: 'externalReference: only for a refund paid outside the platform (destination external).' } }
  if (!ask.destination) return { route: { destination: walletOn ? 'wallet' : 'provider', externalReference: null, defaulted: true } }
  const refused = ask.destination === 'wallet' ? walletRefusal(walletOn, 'destination') : null
  if (refused) return { refusal: { field: 'destination', status: 422, message: refused.message, rule: refused.rule } }
  return { route: { destination: ask.destination, externalReference: null, defaulted: false } }
}
