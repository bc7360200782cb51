'use client'

import { useField } from '@payloadcms/ui'
import type { JSONFieldClientComponent } from 'payload'

type Warning = { field?: string; message?: string }

const listOf = (value: unknown): Warning[] => (Array.isArray(value) ? value.filter((w): w is Warning => typeof w === 'object' && w !== null) : [])

/**
 * The persisted pre-publish warnings of a post or page (computed on save: no internal
 * link, no primary service, no meta description), as a list in the sidebar instead of
 * raw JSON. They do not block publishing; blockers are refused with a 400 instead.
 */
export const WarningsField: JSONFieldClientComponent = ({ path, field }) => {
  const { value } = useField<unknown>({ path: path ?? field.name })
  const warnings = listOf(value)
  return (
    <div data-content-warnings={warnings.length} className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <div className="field-label" style={{ fontWeight: 600 }}>
        Pre-publish warnings
      </div>
      {warnings.length === 0 ? (
        <p style={{ color: 'var(--theme-elevation-600)', margin: 0 }}>None after the last save.</p>
      ) : (
        <ul style={{ margin: 0, paddingLeft: '1.2em', color: 'var(--theme-warning-700, #a15c00)' }}>
          {warnings.map((w, i) => (
            <li key={i} data-warning-field={w.field ?? ''}>
              {w.message ?? w.field ?? 'warning'}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
