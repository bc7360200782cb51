'use client'
import React, { useCallback, useEffect, useRef, useState } from 'react'

import { ACTION_DONE_EVENT, RECORD_CHANGED_EVENT, type RecordChangedDetail } from '../ActionPanel/actionForm'

import { type TimelineEntry, timelineEntriesOf, timelineQuery } from './timelineEntries'

/** How often an open edit view looks for steps taken elsewhere (a client's acceptance over REST, a schedule). */
const POLL_MS = 15_000

/**
 * A record's business timeline (`workflow-events`) under its action panel: every
 * action, by whom, the status change and the reason, newest first. It reloads after an
 * action of the page, when the tab comes back into view, and every 15 seconds as a
 * passive request, so it never keeps an idle session alive. A step it finds that this
 * page did not take (the client's, a schedule's) tells the page's panels to reload.
 */
export const WorkflowTimeline = ({ apiUrl, collection, id }: { apiUrl: string; collection: string; id: string | number }) => {
  const [entries, setEntries] = useState<TimelineEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  // The newest step this page knows of: a newer one found by a poll was taken elsewhere.
  const newest = useRef<number | null>(null)

  const load = useCallback(async (known = false) => {
    try {
      const res = await fetch(`${apiUrl}/workflow-events?${timelineQuery(collection, id)}`, { credentials: 'include', headers: { accept: 'application/json', 'x-session-passive': '1' } })
      if (!res.ok) {
        setError(res.status === 403 || res.status === 401 ? null : `The timeline could not be loaded (${res.status}).`)
        if (res.status === 403 || res.status === 401) setEntries([])
        return
      }
      setError(null)
      const loaded = timelineEntriesOf(await res.json())
      setEntries(loaded)
      const latest = loaded[0]?.id ?? null
      const elsewhere = !known && newest.current !== null && latest !== null && latest > newest.current
      if (latest !== null) newest.current = Math.max(latest, newest.current ?? 0)
      if (elsewhere) {
        const detail: RecordChangedDetail = { collection, id: String(id) }
        window.dispatchEvent(new CustomEvent(RECORD_CHANGED_EVENT, { detail }))
      }
    } catch {
      setError('The timeline could not be loaded: the server did not answer.')
    }
  }, [apiUrl, collection, id])

  useEffect(() => {
    void load()
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void load()
    }, POLL_MS)
    // This page's own action: already reloaded by the panel, so not news.
    const reload = () => void load(true)
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load()
    }
    window.addEventListener(ACTION_DONE_EVENT, reload)
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener(ACTION_DONE_EVENT, reload)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [load])

  return (
    <section className="workflow-timeline" aria-labelledby="workflow-timeline-title" data-testid="workflow-timeline">
      <h3 className="action-panel__title" id="workflow-timeline-title">
        Timeline
      </h3>
      {error && (
        <p className="action-panel__error" role="alert">
          {error}
        </p>
      )}
      {!entries && !error && <p className="action-panel__note">Loading the timeline…</p>}
      {entries && entries.length === 0 && <p className="action-panel__note">Nothing has happened yet.</p>}
      {entries && entries.length > 0 && (
        <ol className="workflow-timeline__list">
          {entries.map((entry) => (
            <li key={entry.id} data-timeline-event={entry.id} data-event-action={entry.action}>
              <strong>{entry.label}</strong>
              {entry.change && <span className="workflow-timeline__change"> · {entry.change}</span>}
              <div className="workflow-timeline__meta">
                {entry.actor} · <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
              </div>
              {entry.reason && <div className="workflow-timeline__reason">{entry.reason}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
