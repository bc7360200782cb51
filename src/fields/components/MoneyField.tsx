'use client'
import type { NumberFieldClientComponent } from 'payload'
import { FieldDescription, FieldLabel, NumberField, useField, useFormFields } from '@payloadcms/ui'

import { displayMoney, useCurrency } from './useCurrency'

/**
 * A money field in an edit view. Server-owned amounts show formatted in the document's
 * currency (its own `currency`, else its website's); editable ones (price lists) keep
 * Payload's number input in minor units, with the formatted amount beneath it.
 */
export const MoneyField: NumberFieldClientComponent = (props) => {
  const { field, path: givenPath, readOnly } = props
  const path = givenPath ?? field.name
  const { value } = useField<number>({ path })
  const own = useFormFields(([fields]) => fields.currency?.value)
  const tenant = useFormFields(([fields]) => fields.tenant?.value)
  const shown = displayMoney(value, useCurrency(own, tenant))

  if (!(readOnly || field.admin?.readOnly)) {
    return (
      <div className="money-field">
        <NumberField {...props} />
        {shown ? <div className="field-description money-field__formatted">{shown}</div> : null}
      </div>
    )
  }
  const id = `field-${path.replace(/\./g, '__')}`
  return (
    <div className="field-type text read-only money-field" style={field.admin?.width ? { flex: `0 1 ${field.admin.width}` } : undefined}>
      <FieldLabel htmlFor={id} label={field.label ?? field.name} path={path} required={field.required} />
      <div className="field-type__wrap">
        <input id={id} name={path} readOnly type="text" value={shown} />
      </div>
      <FieldDescription description={field.admin?.description} path={path} />
    </div>
  )
}
