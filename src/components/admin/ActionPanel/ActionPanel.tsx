'use client'
import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import type { UIFieldClientProps } from 'payload'
import React, { useCallback, useEffect, useState } from 'react'

import { ACTION_DONE_EVENT, type ActionDoneDetail, RECORD_CHANGED_EVENT, type RecordChangedDetail, type ActionList, actionListOf, type ActionPanelProps, type Answer, answerOf, type AvailableAction, humanize, suggestionsOf, type Suggestion } from './actionForm'
import { ActionItem } from './ActionItem'
import { WorkflowTimeline } from '../WorkflowTimeline/WorkflowTimeline'
import './actionPanel.css'

type ShownAnswer = Answer & { action: string }

// The last answer per document outlives a remount: refreshing the route may re-create the field.
const lastAnswers = new Map<string, ShownAnswer>()

/** A key for an action that moves money: fresh per click, so a retried request is not applied twice. */
const idempotencyKey = (): string => {
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

const readJson = async (res: Response): Promise<unknown> => res.json().catch(() => null)

/**
 * The workflow's actions on a document's edit view, from `GET /api/<collection>/:id/actions`:
 * one button per available action, a form where it takes input, the blocked ones greyed
 * with their reason; after an action, its answer in place and the document reloaded.
 * Below it, the record's timeline (every workflow but orders, whose view has its own).
 */
export const ActionPanel = ({ choices = {} }: UIFieldClientProps & ActionPanelProps) => {
  const { id, collectionSlug, lastUpdateTime } = useDocumentInfo()
  const { config } = useConfig()
  const router = useRouter()
  const docUrl = id !== undefined && collectionSlug ? `${config.serverURL}${config.routes.api}/${collectionSlug}/${id}` : null
  const [list, setList] = useState<ActionList | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [answer, setAnswer] = useState<ShownAnswer | undefined>(() => (docUrl ? lastAnswers.get(docUrl) : undefined))
  const [running, setRunning] = useState<string | null>(null)
  const [open, setOpen] = useState<string | null>(null)
  const [suggestions, setSuggestions] = useState<Record<string, Suggestion[]>>({})
  const choiceKey = JSON.stringify(choices)

  const load = useCallback(async () => {
    if (!docUrl) return
    try {
      const res = await fetch(`${docUrl}/actions`, { credentials: 'include', headers: { accept: 'application/json' } })
      const body = await readJson(res)
      if (!res.ok) {
        setLoadError(answerOf('Loading the actions', res.status, body).message)
        return
      }
      setLoadError(null)
      setList(actionListOf(body))
    } catch {
      setLoadError('The actions could not be loaded: the server did not answer.')
    }
  }, [docUrl])

  useEffect(() => {
    void load()
  }, [load, lastUpdateTime])

  // A step taken elsewhere (seen by the timeline): the actions and the form's values come back from the server.
  useEffect(() => {
    const onChanged = (event: Event) => {
      const detail = (event as CustomEvent<RecordChangedDetail>).detail
      if (detail?.collection !== collectionSlug || detail.id !== String(id)) return
      router.refresh()
      void load()
    }
    window.addEventListener(RECORD_CHANGED_EVENT, onChanged)
    return () => window.removeEventListener(RECORD_CHANGED_EVENT, onChanged)
  }, [collectionSlug, id, load, router])

  useEffect(() => {
    if (!docUrl) return
    const wanted = Object.entries(JSON.parse(choiceKey) as Record<string, string>)
    let cancelled = false
    void (async () => {
      const loaded: Record<string, Suggestion[]> = {}
      for (const [input, path] of wanted) {
        const res = await fetch(`${docUrl}/${path}`, { credentials: 'include', headers: { accept: 'application/json' } }).catch(() => null)
        // No endpoint yet, or not for this caller: the plain input stays.
        if (res?.ok) loaded[input] = suggestionsOf(await readJson(res))
      }
      if (!cancelled) setSuggestions(loaded)
    })()
    return () => {
      cancelled = true
    }
  }, [docUrl, choiceKey, lastUpdateTime])

  const perform = async (entry: AvailableAction, body: Record<string, unknown>) => {
    if (!docUrl || !collectionSlug) return
    setRunning(entry.action)
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' }
    if (entry.money) headers['idempotency-key'] = idempotencyKey()
    let shown: ShownAnswer
    try {
      const res = await fetch(`${docUrl}/actions/${encodeURIComponent(entry.action)}`, { method: 'POST', credentials: 'include', headers, body: JSON.stringify(body) })
      shown = { ...answerOf(entry.label, res.status, await readJson(res)), action: entry.action }
    } catch {
      shown = { ok: false, message: `${entry.label} failed: the server did not answer.`, fieldErrors: {}, action: entry.action }
    }
    lastAnswers.set(docUrl, shown)
    setAnswer(shown)
    setRunning(null)
    if (!shown.ok) return
    setOpen(null)
    const detail: ActionDoneDetail = { collection: collectionSlug, id: String(id), action: entry.action, ...(shown.status ? { status: shown.status } : {}) }
    window.dispatchEvent(new CustomEvent(ACTION_DONE_EVENT, { detail }))
    // The server components and the form's values (status, money, writer) come back from the server.
    router.refresh()
    await load()
  }

  if (!docUrl) return null
  const fieldErrors = answer && !answer.ok ? answer.fieldErrors : {}
  return (
    <>
    <section className="action-panel" aria-labelledby="action-panel-title" data-testid="action-panel" data-collection={collectionSlug}>
      <h3 className="action-panel__title" id="action-panel-title">
        Actions
      </h3>
      <div className={`action-panel__answer${answer ? (answer.ok ? ' action-panel__answer--ok' : ' action-panel__answer--error') : ''}`} role="status" aria-live="polite" data-answer={answer ? (answer.ok ? 'ok' : 'error') : undefined} data-status={answer?.ok ? answer.status : undefined}>
        {answer?.message}
        {answer?.ok && answer.link && (
          <>
            {' '}
            <a href={answer.link} target="_blank" rel="noreferrer" data-pay-link>
              Pay link
            </a>
          </>
        )}
        {answer && !answer.ok && Object.keys(answer.fieldErrors).length > 0 && (
          <ul>
            {Object.entries(answer.fieldErrors).map(([name, message]) => (
              <li key={name}>
                {humanize(name)}: {message}
              </li>
            ))}
          </ul>
        )}
      </div>
      {loadError && (
        <p className="action-panel__error" role="alert">
          {loadError}
        </p>
      )}
      {!list && !loadError && <p className="action-panel__note">Loading actions…</p>}
      {list && list.available.length === 0 && list.blocked.length === 0 && <p className="action-panel__note">No actions for you at this status.</p>}
      {list && list.available.length > 0 && (
        <div className="action-panel__list">
          {list.available.map((entry) => (
            <ActionItem
              key={entry.action}
              entry={entry}
              busy={running !== null}
              running={running === entry.action}
              open={open === entry.action}
              onToggle={() => setOpen((current) => (current === entry.action ? null : entry.action))}
              onRun={(body) => void perform(entry, body)}
              fieldErrors={answer?.action === entry.action ? fieldErrors : {}}
              suggestions={suggestions}
            />
          ))}
        </div>
      )}
      {list && list.blocked.length > 0 && (
        <ul className="action-panel__blocked" aria-label="Not possible now">
          {list.blocked.map((entry) => (
            <li key={entry.action} data-blocked-action={entry.action}>
              <button type="button" className="btn btn--style-secondary btn--size-small btn--disabled btn--no-margin" disabled aria-describedby={`action-panel-why-${entry.action}`}>
                <span className="btn__content">
                  <span className="btn__label">{entry.label}</span>
                </span>
              </button>
              <span className="action-panel__reason" id={`action-panel-why-${entry.action}`}>
                {entry.reason}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
    {/* Orders show their own story in the order view (order-events); every other workflow its workflow-events here. */}
    {collectionSlug && collectionSlug !== 'orders' && id !== undefined && <WorkflowTimeline apiUrl={`${config.serverURL}${config.routes.api}`} collection={collectionSlug} id={id} />}
    </>
  )
}
