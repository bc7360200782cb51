'use client'

import { Button } from '@payloadcms/ui'
import { type KeyboardEvent, useId, useState } from 'react'

import { minorUnitDigits, parseMajorAmount } from '@/domain/currency'

import { postMoney } from './moneyRequest'
import { error, fieldRow, input, success } from './styles'

export type MoneyFormProps<T> = {
  testId: string
  title: string
  /** The currency the amount is typed in (major units) and sent in (minor units). */
  currency: string
  /** The one choice besides amount and reason (refund destination, adjustment direction). */
  choice: { name: string; label: string; options: readonly { value: string; label: string }[] }
  /** A text field asked for only while the choice is `when` (a refund paid outside the platform: its reference). */
  detail?: { name: string; label: string; when: string; maxLength: number }
  submitLabel: string
  url: string
  /** What the answer says, shown in place. */
  describe: (body: T) => string
  onDone?: () => void
}

type Outcome = { ok: boolean; text: string; fields: Record<string, string> }

/**
 * A small money form inside a document's edit view: amount in major units (converted to
 * minor units by the currency's digits), one choice, a reason; sent with an
 * Idempotency-Key; the answer (or the refusal and the fields it names) shown in place.
 * Not a <form>: it sits inside Payload's own, and Enter must not save the document.
 */
export const MoneyForm = <T,>({ testId, title, currency, choice, detail, submitLabel, url, describe, onDone }: MoneyFormProps<T>) => {
  const id = useId()
  const [amount, setAmount] = useState('')
  const [picked, setPicked] = useState(choice.options[0]?.value ?? '')
  const [reason, setReason] = useState('')
  const [detailText, setDetailText] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const submit = async () => {
    const minor = parseMajorAmount(amount, currency)
    if (minor === null || minor === 0) {
      const digits = minorUnitDigits(currency)
      setOutcome({ ok: false, text: 'Check the amount.', fields: { amount: `An amount in ${currency} above 0${digits ? `, at most ${digits} decimals` : ', whole units'}.` } })
      return
    }
    setBusy(true)
    const detailed = detail && picked === detail.when ? { [detail.name]: detailText } : {}
    const answer = await postMoney<T>(url, { amount: minor, [choice.name]: picked, ...detailed, reason })
    setBusy(false)
    if (answer.ok) {
      setOutcome({ ok: true, text: describe(answer.body), fields: {} })
      setAmount('')
      setReason('')
      setDetailText('')
      onDone?.()
    } else setOutcome({ ok: false, text: answer.message, fields: answer.fields })
  }
  const noEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !(event.target instanceof HTMLTextAreaElement)) event.preventDefault()
  }
  const fieldError = (name: string) =>
    outcome?.fields[name] ? (
      <span role="alert" style={error}>
        {outcome.fields[name]}
      </span>
    ) : null

  return (
    <div role="form" aria-label={title} data-testid={testId} onKeyDown={noEnter}>
      <h4 style={{ margin: '12px 0 8px' }}>{title}</h4>
      <div style={fieldRow}>
        <label htmlFor={`${id}-amount`}>Amount ({currency})</label>
        <input id={`${id}-amount`} name="amount" inputMode="decimal" autoComplete="off" style={input} value={amount} onChange={(e) => setAmount(e.target.value)} />
        {fieldError('amount')}
      </div>
      <div style={fieldRow}>
        <label htmlFor={`${id}-${choice.name}`}>{choice.label}</label>
        <select id={`${id}-${choice.name}`} name={choice.name} style={input} value={picked} onChange={(e) => setPicked(e.target.value)}>
          {choice.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {fieldError(choice.name)}
      </div>
      {detail && picked === detail.when ? (
        <div style={fieldRow}>
          <label htmlFor={`${id}-${detail.name}`}>{detail.label}</label>
          <input id={`${id}-${detail.name}`} name={detail.name} autoComplete="off" maxLength={detail.maxLength} style={input} value={detailText} onChange={(e) => setDetailText(e.target.value)} />
          {fieldError(detail.name)}
        </div>
      ) : null}
      <div style={fieldRow}>
        <label htmlFor={`${id}-reason`}>Reason</label>
        <textarea id={`${id}-reason`} name="reason" rows={2} maxLength={500} style={input} value={reason} onChange={(e) => setReason(e.target.value)} />
        {fieldError('reason')}
      </div>
      <Button type="button" buttonStyle="secondary" size="small" disabled={busy} onClick={() => void submit()}>
        {busy ? 'Sending…' : submitLabel}
      </Button>
      {outcome ? (
        <p role="status" data-testid={`${testId}-answer`} style={outcome.ok ? success : error}>
          {outcome.text}
        </p>
      ) : null}
    </div>
  )
}
