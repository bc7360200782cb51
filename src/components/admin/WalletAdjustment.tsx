'use client'

import { useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'

import { formatMoney } from '@/domain/moneyFormat'

import { MoneyForm } from './MoneyForm'
import { panel } from './styles'

const DIRECTIONS = [
  { value: 'credit', label: 'Credit (add to the balance)' },
  { value: 'debit', label: 'Debit (take from the balance)' },
] as const

type Adjusted = { entry: { reference: string }; wallet: { balance: number; held: number; currency: string } }

/**
 * An admin's credit or debit of the wallet open in the edit view
 * (`POST /api/wallets/:id/adjust`), in the wallet's currency; the new balance is shown
 * in place and the document reloaded. Only admins may adjust: the server refuses anyone
 * else (403), and that answer shows here too.
 */
export const WalletAdjustment = () => {
  const { id } = useDocumentInfo()
  const router = useRouter()
  const { user } = useAuth<{ roles?: string[] | null }>()
  const currency = useFormFields(([fields]) => fields.currency?.value)
  // The server decides (403 for anyone but an admin of the website); the form is only offered to admins.
  const admin = user?.roles?.some((role) => role === 'admin' || role === 'superadmin') ?? false
  if (!admin || id === undefined || id === null || typeof currency !== 'string' || !currency) return null
  return (
    <div style={panel}>
      <MoneyForm<Adjusted>
        testId="wallet-adjustment-form"
        title="Adjust the balance"
        currency={currency}
        choice={{ name: 'direction', label: 'Direction', options: DIRECTIONS }}
        submitLabel="Adjust"
        url={`/api/wallets/${id}/adjust`}
        describe={({ wallet }) => `Done. Balance now ${formatMoney(wallet.balance, wallet.currency)} (held ${formatMoney(wallet.held, wallet.currency)}).`}
        onDone={() => router.refresh()}
      />
    </div>
  )
}
