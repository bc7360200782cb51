'use client'

import { useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

import { IMPERSONATION_REASON } from '@/domain/sessions/impersonation'

import { readAnswer } from '../moneyRequest'
import { error, fieldRow, input, muted, panel } from '../styles'
import { announceImpersonationChange } from './events'

type Started = { portalUrl: string | null; expiresAt: string }

/**
 * "Act as this user" on a user's edit view, for admins and superadmins: asks for the
 * reason, starts the impersonation (`POST /api/impersonation`) and opens the person's
 * portal with the session in a new tab. The admin's own session is untouched; the
 * banner above every admin page shows the impersonation and stops it. The server decides
 * who may be impersonated (403 and 422 answers show here).
 */
export const ActAsUser = () => {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ id: number; roles?: string[] | null }>()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const staff = user?.roles?.some((role) => role === 'admin' || role === 'superadmin') ?? false
  if (!staff || id === undefined || id === null || String(id) === String(user?.id)) return null

  const start = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch('/api/impersonation', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: Number(id), reason }),
      })
      const answer = await readAnswer<Started>(response)
      if (!answer.ok) {
        setMessage({ ok: false, text: Object.values(answer.fields)[0] ?? answer.message })
        return
      }
      const until = new Date(answer.body.expiresAt).toLocaleTimeString()
      if (answer.body.portalUrl) window.open(answer.body.portalUrl, '_blank', 'noopener,noreferrer')
      setMessage({ ok: true, text: `Acting as this user until ${until}${answer.body.portalUrl ? ': their portal opened in a new tab.' : ' (they have no website portal).'}` })
      setOpen(false)
      setReason('')
      announceImpersonationChange()
    } catch {
      setMessage({ ok: false, text: 'The server could not be reached.' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={panel} data-testid="act-as-user">
      <strong>Act as this user</strong>
      <p style={muted}>See the portal as they see it, for 30 minutes at most. Money, their email, password, roles and second factor stay out of reach; every request is in the audit trail.</p>
      {open ? (
        <div style={fieldRow}>
          <label htmlFor="impersonation-reason">Reason (required)</label>
          <textarea id="impersonation-reason" style={input} rows={3} maxLength={IMPERSONATION_REASON.max} value={reason} onChange={(event) => setReason(event.target.value)} />
          <div style={{ display: 'flex', gap: 8 }}>
            <button type="button" className="btn btn--style-primary btn--size-small" disabled={busy || reason.trim().length < IMPERSONATION_REASON.min} onClick={start}>
              Start acting as this user
            </button>
            <button type="button" className="btn btn--style-secondary btn--size-small" disabled={busy} onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
          <span style={muted}>{`At least ${IMPERSONATION_REASON.min} characters.`}</span>
        </div>
      ) : (
        <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => setOpen(true)}>
          Act as this user
        </button>
      )}
      {message ? <p style={message.ok ? muted : error} role="status">{message.text}</p> : null}
    </div>
  )
}
