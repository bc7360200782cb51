'use client'
import React from 'react'

import type { InputField, Suggestion } from './actionForm'

type Props = {
  field: InputField
  /** Prefix that makes the control's id unique in the page (one form per action). */
  idPrefix: string
  value: string | boolean
  onChange: (value: string | boolean) => void
  /** Choices from a suggestions endpoint: a select instead of the plain input when there are any. */
  suggestions?: Suggestion[]
  error?: string
  /** Enter in a one-line control runs the action instead of saving the whole document. */
  onEnter: () => void
}

/** One control of an action's form, drawn from its JSON Schema property, with its label, hint and error. */
export const InputControl = ({ field, idPrefix, value, onChange, suggestions, error, onEnter }: Props) => {
  const id = `${idPrefix}-${field.name}`
  const text = typeof value === 'string' ? value : ''
  // A chosen suggestion's reason (load, on-time rate, deadline) replaces the generic hint.
  const hint = suggestions?.find((s) => s.value === text)?.note ?? field.hint
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  const common = { id, name: field.name, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, required: field.required }
  // The panel sits inside Payload's document form: Enter would submit (save) that form.
  const enter = (event: React.KeyboardEvent) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    onEnter()
  }

  let control: React.ReactNode
  if (field.kind === 'checkbox') {
    control = <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} onKeyDown={enter} />
  } else if (suggestions && suggestions.length > 0) {
    control = (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose…</option>
        {suggestions.map((s) => (
          <option key={s.value} value={s.value}>
            {s.note ? `${s.label} — ${s.note}` : s.label}
          </option>
        ))}
      </select>
    )
  } else if (field.kind === 'select') {
    control = (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        {!field.required && <option value="">—</option>}
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    )
  } else if (field.kind === 'textarea') {
    control = <textarea {...common} rows={3} maxLength={field.maxLength} value={text} onChange={(e) => onChange(e.target.value)} />
  } else if (field.kind === 'text') {
    control = <input {...common} type="text" maxLength={field.maxLength} value={text} onChange={(e) => onChange(e.target.value)} onKeyDown={enter} />
  } else if (field.kind === 'integer' || field.kind === 'number') {
    control = <input {...common} type="number" inputMode="numeric" step={field.kind === 'integer' ? 1 : 'any'} min={field.min} max={field.max} value={text} onChange={(e) => onChange(e.target.value)} onKeyDown={enter} />
  }

  return (
    <div className={`action-panel__field action-panel__field--${field.kind}${error ? ' action-panel__field--error' : ''}`}>
      {field.kind === 'checkbox' ? (
        <label className="action-panel__check" htmlFor={id}>
          {control} {field.label}
        </label>
      ) : (
        <>
          <label className="field-label" htmlFor={id}>
            {field.label}
            {field.required && <span className="required">*</span>}
          </label>
          {control}
        </>
      )}
      {hint && (
        <div className="field-description" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="action-panel__field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </div>
  )
}
