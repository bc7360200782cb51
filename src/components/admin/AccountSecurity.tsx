'use client'

import { useAuth, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { readAnswer } from './moneyRequest'
import { error, fieldRow, input, muted, panel } from './styles'

type Shown = { ok: boolean; text: string } | null

const post = async (url: string, body: unknown): Promise<Shown> => {
  try {
    const response = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const answer = await readAnswer<{ message: string }>(response)
    return answer.ok ? { ok: true, text: answer.body.message } : { ok: false, text: Object.values(answer.fields)[0] ?? answer.message }
  } catch {
    return { ok: false, text: 'The server could not be reached.' }
  }
}

/**
 * A person's account help on their edit view, for admins and superadmins: lift the
 * lockouts of failed logins (`POST /api/users/:id/unlock`) and reset a lost second
 * factor with the reason (`POST /api/users/:id/2fa/reset`). The server decides who may
 * (its 403 shows here); nothing is offered on one's own account.
 */
export const AccountSecurity = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ id: number; roles?: string[] | null }>()
  const router = useRouter()
  const enabledAt = useFormFields(([fields]) => fields.twoFactorEnabledAt?.value)
  const [reason, setReason] = useState('')
  const [resetting, setResetting] = useState(false)
  // The form's copy of the enrolment date comes back only with the next load of the document.
  const [resetDone, setResetDone] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<Shown>(null)
  const staff = user?.roles?.some((role) => role === 'admin' || role === 'superadmin') ?? false
  if (!staff || id === undefined || id === null || String(id) === String(user?.id)) return null

  const run = async (url: string, body: unknown): Promise<Shown> => {
    setBusy(true)
    const shown = await post(url, body)
    setMessage(shown)
    setBusy(false)
    return shown
  }

  return (
    <div style={panel} data-testid="account-security">
      <strong>Account help</strong>
      <p style={muted}>For a person locked out by failed logins, or who lost their authenticator app and recovery codes.</p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} data-account-action="unlock" onClick={() => void run(`/api/users/${id}/unlock`, {})}>
        Lift login lockouts
      </button>
      {enabledAt && !resetDone ? (
        resetting ? (
          <div style={fieldRow}>
            <label htmlFor="second-factor-reset-reason">How was the person identified? (required)</label>
            <textarea id="second-factor-reset-reason" style={input} rows={3} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
            <div style={{ display: 'flex', gap: 8 }}>
              <button
                type="button"
                className="btn btn--style-primary btn--size-small"
                disabled={busy || reason.trim().length === 0}
                data-account-action="reset-second-factor"
                onClick={async () => {
                  const shown = await run(`/api/users/${id}/2fa/reset`, { reason })
                  if (shown?.ok) setResetDone(true)
                  setResetting(false)
                  setReason('')
                  router.refresh()
                }}
              >
                Reset and sign them out everywhere
              </button>
              <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => setResetting(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => setResetting(true)}>
            Reset two-factor sign-in
          </button>
        )
      ) : (
        <span style={muted}>No two-factor sign-in to reset.</span>
      )}
      </div>
      {message ? (
        <p style={message.ok ? muted : error} role="status">
          {message.text}
        </p>
      ) : null}
    </div>
  )
}
