/**
 * A website's `allowWallet` switch (docs/settings.md): off, its clients have no wallet to
 * pay from, top up, convert points into or be refunded to. What is already in a wallet
 * stays readable, staff adjustments still work, and writers' wallets (earnings, payouts)
 * are not clients' wallets, so the switch leaves them alone.
 */

/** The input each refused use of the client wallet is about, named in the refusal. */
export type WalletField = 'provider' | 'purpose' | 'points' | 'destination'

const INSTEAD: Record<WalletField, string> = {
  provider: 'pay by card or another provider',
  purpose: 'there is no wallet to top up',
  points: 'points are not converted to wallet credit',
  destination: 'refund to the card (provider) or record money paid back outside the platform (external, with externalReference)',
}

export type WalletRefusal = { field: WalletField; rule: 'wallet_off'; message: string }

/** Why `field`'s use of the client wallet is refused (the website's wallet is off: a 422), or null when the wallet is on. */
export const walletRefusal = (walletOn: boolean, field: WalletField): WalletRefusal | null =>
  walletOn ? null : { field, rule: 'wallet_off', message: `${field}: this website does not offer a wallet; ${INSTEAD[field]}.` }
