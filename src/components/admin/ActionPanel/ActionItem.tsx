'use client'
import { Button } from '@payloadcms/ui'
import React, { useMemo, useState } from 'react'

import { type AvailableAction, bodyOf, type FieldValues, initialValues, inputFieldsOf, type Suggestion } from './actionForm'
import { InputControl } from './InputControl'

type Props = {
  entry: AvailableAction
  /** Another action is running: every button waits. */
  busy: boolean
  running: boolean
  open: boolean
  onToggle: () => void
  onRun: (body: Record<string, unknown>) => void
  fieldErrors: Record<string, string>
  /** Choices per input name (the writer to assign), loaded by the panel. */
  suggestions: Record<string, Suggestion[]>
}

/**
 * One available action: a button that runs it at once when it takes no input, or opens a
 * small form drawn from its input schema. No <form> element: the panel sits inside
 * Payload's document form, and a nested form (or a submit button) would save the document.
 */
export const ActionItem = ({ entry, busy, running, open, onToggle, onRun, fieldErrors, suggestions }: Props) => {
  const fields = useMemo(() => inputFieldsOf(entry.input), [entry.input])
  const [values, setValues] = useState<FieldValues>(() => initialValues(fields))
  const formId = `action-panel-form-${entry.action}`
  const run = () => onRun(bodyOf(fields, values))

  if (fields.length === 0) {
    return (
      <Button buttonStyle="secondary" size="small" margin={false} disabled={busy} onClick={run} extraButtonProps={{ 'data-action': entry.action, 'aria-busy': running || undefined }}>
        {running ? `${entry.label}…` : entry.label}
      </Button>
    )
  }
  return (
    <div className="action-panel__item">
      <Button
        buttonStyle="secondary"
        size="small"
        margin={false}
        disabled={busy}
        onClick={onToggle}
        icon={['chevron']}
        iconPosition="right"
        extraButtonProps={{ 'data-action': entry.action, 'aria-expanded': open, 'aria-controls': formId }}
      >
        {entry.label}
      </Button>
      {open && (
        <div className="action-panel__form" id={formId} role="group" aria-label={entry.label} data-action-form={entry.action}>
          {fields.map((field) => (
            <InputControl
              key={field.name}
              field={field}
              idPrefix={formId}
              value={values[field.name] ?? ''}
              onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
              suggestions={suggestions[field.name]}
              error={fieldErrors[field.name]}
              onEnter={run}
            />
          ))}
          <Button buttonStyle="primary" size="small" margin={false} disabled={busy} onClick={run} extraButtonProps={{ 'data-action-submit': entry.action, 'aria-busy': running || undefined }}>
            {running ? `${entry.label}…` : entry.label}
          </Button>
        </div>
      )}
    </div>
  )
}
