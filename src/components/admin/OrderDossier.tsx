'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useState } from 'react'

import { formatMoney } from '@/domain/moneyFormat'
import { EXTERNAL_REFERENCE_MAX } from '@/domain/payments/types'

import { ACTION_DONE_EVENT } from './ActionPanel/actionForm'
import { Earnings, Files, Journal, Messages, Payments, Refunds, Timeline } from './dossierSections'
import type { Dossier } from './dossierTypes'
import { MoneyForm } from './MoneyForm'
import { readAnswer } from './moneyRequest'
import { error, muted } from './styles'

const DESTINATIONS = [
  { value: 'wallet', label: "The client's wallet" },
  { value: 'provider', label: 'Back to the card' },
  { value: 'external', label: 'Paid back outside the platform' },
] as const
const DESTINATION_TEXT: Record<string, string> = { wallet: "the client's wallet", provider: 'the card', external: 'the client outside the platform' }
/** A refund paid outside the platform is recorded with the reference of that payment. */
const EXTERNAL_REFERENCE = { name: 'externalReference', label: 'Reference of the payment (bank transfer, receipt)', when: 'external', maxLength: EXTERNAL_REFERENCE_MAX }

/**
 * The order's dossier under its edit form: everything around the order, fetched from
 * `GET /api/orders/:id/dossier` with the staff member's cookie, so the server's read rules
 * decide what shows. Admins get the refund form; after a refund the dossier and the
 * document reload in place.
 */
export const OrderDossier = () => {
  const { id } = useDocumentInfo()
  const router = useRouter()
  const [dossier, setDossier] = useState<Dossier | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const load = useCallback(async () => {
    if (id === undefined || id === null) return
    const answer = await readAnswer<Dossier>(await fetch(`/api/orders/${id}/dossier`, { credentials: 'include' }))
    if (answer.ok) {
      setDossier(answer.body)
      setProblem(null)
    } else setProblem(answer.message)
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  // An action taken in the panel adds a timeline row (and may move money): read again.
  useEffect(() => {
    const reload = () => void load()
    window.addEventListener(ACTION_DONE_EVENT, reload)
    return () => window.removeEventListener(ACTION_DONE_EVENT, reload)
  }, [load])

  if (id === undefined || id === null) return null
  if (problem)
    return (
      <p role="alert" style={error}>
        The dossier could not be read: {problem}
      </p>
    )
  if (!dossier) return <p style={muted}>Loading the dossier…</p>

  const { currency } = dossier.order
  const refundForm = dossier.can.refund ? (
    <MoneyForm<{ refund: { amount: number; destination: string } }>
      testId="refund-form"
      title="Refund"
      currency={currency}
      choice={{ name: 'destination', label: 'To', options: DESTINATIONS }}
      detail={EXTERNAL_REFERENCE}
      submitLabel="Refund"
      url={`/api/orders/${id}/refunds`}
      describe={({ refund }) => `Refunded ${formatMoney(refund.amount, currency)} to ${DESTINATION_TEXT[refund.destination] ?? refund.destination}.`}
      onDone={() => {
        void load()
        router.refresh()
      }}
    />
  ) : null

  return (
    <div data-testid="order-dossier" style={{ marginTop: 'calc(var(--base) * 2)' }}>
      <h2 style={{ marginBottom: 'var(--base)' }}>Dossier</h2>
      <Timeline timeline={dossier.timeline} />
      <Files files={dossier.files} />
      <Messages messages={dossier.messages} />
      <Payments payments={dossier.payments} />
      <Refunds refunds={dossier.refunds} currency={currency} form={refundForm} />
      <Journal journal={dossier.journal} currency={currency} />
      <Earnings earnings={dossier.earnings} currency={currency} />
    </div>
  )
}
