'use client'

import { Button } from '@payloadcms/ui'
import { useState } from 'react'

import { error as errorStyle, fieldRow, input, muted } from '@/components/admin/styles'

export type EnrolmentFacts = { otpauthUri: string; qrCode: string; secret: string }

/**
 * Setting up an authenticator app: the QR code (or the seed to type in), then its first
 * code. Used by the sign-in (when staff must enrol) and by the two-factor page.
 */
export const Enrolment = ({ facts, busy, failure, onCode }: { facts: EnrolmentFacts; busy: boolean; failure: string | null; onCode: (code: string) => void }) => {
  const [code, setCode] = useState('')
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        onCode(code)
      }}
    >
      <p>Scan this code with an authenticator app (Google Authenticator, 1Password, Authy…), then enter the six-digit code it shows.</p>
      <img src={facts.qrCode} alt="QR code for your authenticator app" width={200} height={200} style={{ background: '#fff', padding: 8 }} data-testid="two-factor-qr" />
      <p style={muted}>
        Cannot scan? Type this key: <code data-testid="two-factor-secret">{facts.secret}</code>
      </p>
      <label style={fieldRow}>
        Code
        <input style={input} name="code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required />
      </label>
      {failure ? <p style={errorStyle} role="alert">{failure}</p> : null}
      <Button type="submit" disabled={busy}>
        Confirm
      </Button>
    </form>
  )
}

/** The ten recovery codes, shown once. */
export const RecoveryCodes = ({ codes, onDone }: { codes: string[]; onDone: () => void }) => (
  <div>
    <p>
      <strong>Save these recovery codes.</strong> Each signs you in once if you lose your phone. They are shown only now.
    </p>
    <pre data-testid="recovery-codes" style={{ columns: 2, fontSize: 15 }}>
      {codes.join('\n')}
    </pre>
    <Button type="button" onClick={onDone}>
      I saved them — continue
    </Button>
  </div>
)
