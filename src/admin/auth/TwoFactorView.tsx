'use client'

import { Button, Gutter, useAuth, useConfig } from '@payloadcms/ui'
import { useState } from 'react'

import { error as errorStyle, fieldRow, input, panel, success } from '@/components/admin/styles'

import { Enrolment, type EnrolmentFacts, RecoveryCodes } from './Enrolment'
import { postJson } from './request'

/**
 * `/admin/two-factor`: one's own second factor — set it up (QR code, first code, the
 * recovery codes once) or switch it off with a code where no website requires it.
 */
export const TwoFactorView = () => {
  const {
    config: {
      serverURL,
      routes: { api },
    },
  } = useConfig()
  const { user } = useAuth()
  const [on, setOn] = useState<boolean>(Boolean((user as { twoFactorEnabledAt?: string | null } | null)?.twoFactorEnabledAt))
  const [facts, setFacts] = useState<EnrolmentFacts | null>(null)
  const [codes, setCodes] = useState<string[] | null>(null)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const base = `${serverURL}${api}/users/2fa`

  const call = async (path: string, body: unknown) => {
    setBusy(true)
    setFailure(null)
    setNotice(null)
    const answer = await postJson(`${base}/${path}`, body)
    setBusy(false)
    if (!answer.ok) setFailure(answer.message)
    return answer
  }

  return (
    <Gutter>
      <h1>Two-factor sign-in</h1>
      <div style={{ ...panel, maxWidth: 560 }}>
        {codes ? (
          <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
        ) : facts ? (
          <Enrolment
            facts={facts}
            busy={busy}
            failure={failure}
            onCode={(value) =>
              void call('confirm', { code: value }).then((answer) => {
                if (!answer.ok) return
                setFacts(null)
                setOn(true)
                setCodes(answer.body.recoveryCodes as string[])
              })
            }
          />
        ) : on ? (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              void call('disable', { code }).then((answer) => {
                if (!answer.ok) return
                setOn(false)
                setCode('')
                setNotice('Two-factor sign-in is off.')
              })
            }}
          >
            <p style={success}>Two-factor sign-in is on: every sign-in asks for a code of your authenticator app.</p>
            <label style={fieldRow}>
              To switch it off, enter a code
              <input style={input} name="code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required />
            </label>
            {failure ? <p style={errorStyle} role="alert">{failure}</p> : null}
            <Button type="submit" buttonStyle="secondary" disabled={busy}>
              Switch off
            </Button>
          </form>
        ) : (
          <div>
            <p>Two-factor sign-in is off. With it on, a stolen password alone does not open your account.</p>
            {notice ? <p style={success}>{notice}</p> : null}
            {failure ? <p style={errorStyle} role="alert">{failure}</p> : null}
            <Button type="button" disabled={busy} onClick={() => void call('enrol', {}).then((answer) => answer.ok && setFacts(answer.body as unknown as EnrolmentFacts))}>
              Set up two-factor sign-in
            </Button>
          </div>
        )}
      </div>
    </Gutter>
  )
}

/** The nav's link to the page above. */
export const TwoFactorNavLink = () => {
  const {
    config: {
      routes: { admin },
    },
  } = useConfig()
  return (
    <a href={`${admin}/two-factor`} className="nav__link" style={{ marginTop: 'var(--base)' }}>
      Two-factor sign-in
    </a>
  )
}
