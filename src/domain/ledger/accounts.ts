/** Ledger account types and the side on which each grows. */
export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'revenue', 'expense'] as const
export type AccountType = (typeof ACCOUNT_TYPES)[number]

/** Assets and expenses grow with debits; liabilities, equity and revenue with credits. */
export const growsWithDebit = (type: AccountType): boolean => type === 'asset' || type === 'expense'

/** Balance of an account from its debit and credit totals, on its normal side. */
export const balanceOf = (type: AccountType, debit: number, credit: number): number => (growsWithDebit(type) ? debit - credit : credit - debit)

/** Each website's system accounts (reference §6.8), created on first use. */
export const SYSTEM_ACCOUNTS = {
  platform_cash: { name: 'Platform cash', type: 'asset' },
  gateway_clearing: { name: 'Payment gateway clearing', type: 'asset' },
  platform_revenue: { name: 'Platform revenue', type: 'revenue' },
  refunds: { name: 'Refunds to clients', type: 'expense' },
  writer_payable: { name: 'Writer payable', type: 'liability' },
  writer_tip_payable: { name: 'Writer tip payable', type: 'liability' },
  writer_compensation_expense: { name: 'Writer compensation expense', type: 'expense' },
  platform_tip_margin: { name: 'Platform tip margin', type: 'revenue' },
  manual_adjustments: { name: 'Manual adjustments', type: 'expense' },
  fines_recovery: { name: 'Fines recovery', type: 'revenue' },
  writer_receivable: { name: 'Writer receivable (fines owed)', type: 'asset' },
  fines_written_off: { name: 'Fines written off', type: 'expense' },
  loyalty_expense: { name: 'Loyalty points converted to credit', type: 'expense' },
  // Referral bonuses credited to referrers' wallets: a marketing cost of the website.
  referral_expense: { name: 'Referral bonuses', type: 'expense' },
  // Contra-revenue: discounts given to clients, debit-normal; revenue net = platform_revenue − discounts_given.
  discounts_given: { name: 'Discounts given', type: 'revenue' },
} as const satisfies Record<string, { name: string; type: AccountType }>

export type SystemAccount = keyof typeof SYSTEM_ACCOUNTS

/** A wallet's own account: what the platform owes the wallet's owner (a liability). */
export const walletAccountCode = (walletId: number) => `wallet:${walletId}`
