'use client'

import { Button, useConfig } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'
import { useState } from 'react'

import { error as errorStyle, fieldRow, input } from '@/components/admin/styles'

import { Enrolment, type EnrolmentFacts, RecoveryCodes } from './Enrolment'
import { postJson } from './request'

type Step = { kind: 'password' } | { kind: 'code'; challenge: string } | { kind: 'enrol'; challenge: string; facts: EnrolmentFacts } | { kind: 'codes'; codes: string[] }

/**
 * The admin panel's sign-in (replaces Payload's login view): the password, then, when the
 * account has a second factor or one of its websites requires it, the authenticator's
 * code — or enrolment first for staff who have none yet (issue 16, docs/two-factor.md).
 * The same endpoints frontends use; the login cookie is set by the last answer.
 */
export const SignInView = () => {
  const {
    config: {
      serverURL,
      routes: { api, admin },
    },
  } = useConfig()
  const params = useSearchParams()
  const [step, setStep] = useState<Step>({ kind: 'password' })
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const users = `${serverURL}${api}/users`
  const redirect = params.get('redirect')
  const enter = () => window.location.assign(redirect && redirect.startsWith('/') && !redirect.startsWith('//') ? redirect : admin || '/admin')

  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setFailure(null)
    try {
      await work()
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(false)
    }
  }

  const signIn = () =>
    run(async () => {
      const answer = await postJson(`${users}/login`, { email, password })
      if (!answer.ok) return setFailure(answer.message)
      if (answer.body.mfaRequired !== true) return enter()
      const challenge = String(answer.body.challenge)
      if (answer.body.enrolRequired !== true) return setStep({ kind: 'code', challenge })
      const setup = await postJson(`${users}/login/mfa/enrol`, { challenge })
      if (!setup.ok) return setFailure(setup.message)
      setStep({ kind: 'enrol', challenge, facts: setup.body as unknown as EnrolmentFacts })
    })

  const finish = (challenge: string, value: string) =>
    run(async () => {
      const answer = await postJson(`${users}/login/mfa`, { challenge, code: value })
      if (!answer.ok) return setFailure(answer.message)
      const codes = answer.body.recoveryCodes as string[] | undefined
      if (codes?.length) setStep({ kind: 'codes', codes })
      else enter()
    })

  return (
    <div style={{ maxWidth: 420, margin: '0 auto', width: '100%' }}>
      <h1 style={{ marginBottom: 'var(--base)' }}>Sign in</h1>
      {step.kind === 'password' ? (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void signIn()
          }}
        >
          <label style={fieldRow}>
            Email
            <input style={input} id="field-email" name="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
          </label>
          <label style={fieldRow}>
            Password
            <input style={input} id="field-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </label>
          {failure ? <p style={errorStyle} role="alert">{failure}</p> : null}
          <Button type="submit" disabled={busy}>
            Login
          </Button>
          <p>
            <a href={`${admin}/forgot`}>Forgot password?</a>
          </p>
        </form>
      ) : null}
      {step.kind === 'code' ? (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void finish(step.challenge, code)
          }}
        >
          <p>Enter the code from your authenticator app, or one of your recovery codes.</p>
          <label style={fieldRow}>
            Code
            <input style={input} name="code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required autoFocus />
          </label>
          {failure ? <p style={errorStyle} role="alert">{failure}</p> : null}
          <Button type="submit" disabled={busy}>
            Verify
          </Button>
        </form>
      ) : null}
      {step.kind === 'enrol' ? (
        <>
          <p>
            <strong>Your website requires two-factor sign-in.</strong> Set it up to continue.
          </p>
          <Enrolment facts={step.facts} busy={busy} failure={failure} onCode={(value) => void finish(step.challenge, value)} />
        </>
      ) : null}
      {step.kind === 'codes' ? <RecoveryCodes codes={step.codes} onDone={enter} /> : null}
    </div>
  )
}
