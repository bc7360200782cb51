'use client'

import { useCallback, useEffect, useState } from 'react'

import { IMPERSONATION_CHANGED } from './events'

type Active = { session: string; user: { id: number; email: string; name: string }; reason: string | null; expiresAt: string }

const banner = {
  background: 'var(--theme-warning-100, #fff3cd)',
  color: 'var(--theme-warning-900, #5c4400)',
  borderBottom: '2px solid var(--theme-warning-500, #f0ad00)',
  padding: '8px var(--gutter-h, 16px)',
  display: 'flex',
  gap: 12,
  alignItems: 'center',
  flexWrap: 'wrap' as const,
}

/**
 * The amber banner above every admin page while the signed-in staff member has an
 * impersonation running (`GET /api/impersonation/active`, checked on load, when one
 * starts or stops in this tab, and every minute), with "Stop" (`POST
 * /api/impersonation/stop`). Nothing shows otherwise (or before signing in).
 */
export const ImpersonationBanner = () => {
  const [active, setActive] = useState<Active[]>([])
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    try {
      // Passive: a banner's polling must not keep an idle staff session alive.
      const response = await fetch('/api/impersonation/active', { credentials: 'include', headers: { 'X-Session-Passive': '1' } })
      setActive(response.ok ? ((await response.json()) as { impersonations: Active[] }).impersonations : [])
    } catch {
      setActive([])
    }
  }, [])

  useEffect(() => {
    void load()
    const every = window.setInterval(() => void load(), 60_000)
    window.addEventListener(IMPERSONATION_CHANGED, load)
    return () => {
      window.clearInterval(every)
      window.removeEventListener(IMPERSONATION_CHANGED, load)
    }
  }, [load])

  if (active.length === 0) return null

  const stop = async (session: string) => {
    setBusy(true)
    try {
      await fetch('/api/impersonation/stop', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ session }) })
    } finally {
      setBusy(false)
      await load()
    }
  }

  return (
    <div role="alert" data-testid="impersonation-banner">
      {active.map((one) => (
        <div key={one.session} style={banner}>
          <strong>{`You are acting as ${one.user.name} (${one.user.email})`}</strong>
          <span>{`until ${new Date(one.expiresAt).toLocaleTimeString()}${one.reason ? ` — ${one.reason}` : ''}`}</span>
          <button type="button" className="btn btn--style-primary btn--size-small" style={{ margin: 0 }} disabled={busy} onClick={() => void stop(one.session)}>
            Stop
          </button>
        </div>
      ))}
    </div>
  )
}
