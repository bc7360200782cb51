import { validations, type NumberField, type NumberFieldSingleValidation } from 'payload'

import { serverOnlyField } from './serverOnly'

/** A single (not hasMany) number field, the shape every amount has. */
export type MoneyNumberField = Extract<NumberField, { hasMany?: false | undefined }>

export type MoneyOptions = {
  /**
   * The smallest amount, enforced by validation and by the database CHECK of the
   * field's migration: 0 (default: an amount that is never negative), 1 (never zero
   * either), or `null` for an amount that may be negative.
   */
  min?: 0 | 1 | null
  required?: boolean
  defaultValue?: number
  description?: string
  /** Written by the server only (read-only in the admin, ignored in an API body). */
  serverOnly?: boolean
  /** Anything else of the number field (a conditional `validate`, `admin.condition`, `access`…). */
  overrides?: Partial<Omit<MoneyNumberField, 'name' | 'type' | 'hasMany'>>
}

/** Marks a money field for readers of the config (the CSV export formats these cells by it). */
export const MONEY_MARKER = { money: true } as const

export const MONEY_CELL = '/fields/components/MoneyCell#MoneyCell'
export const MONEY_FIELD = '/fields/components/MoneyField#MoneyField'

/** Payload's own number checks (required, min), after the one money adds: a whole number of minor units. */
const wholeMinorUnits: NumberFieldSingleValidation = (value, args) =>
  value != null && !Number.isSafeInteger(value) ? 'Must be a whole number of minor units (cents).' : validations.number(value, args)

/**
 * An amount of money: integer minor units (cents; whole yen for JPY) in the currency of
 * its row (its `currency` field) or else of its website, stored as a number whose
 * database CHECK refuses fractions and amounts below `min` (see
 * src/migrations/sql/moneyChecks.ts). Lists and edit views show it formatted in that
 * currency by admin components; nothing runs on the server to display it.
 */
export const moneyField = (name: string, options: MoneyOptions = {}): MoneyNumberField => {
  const { min = 0, required, defaultValue, description, serverOnly = false, overrides = {} } = options
  // Staff type an editable amount in minor units; a server-owned one is only ever shown formatted.
  const note = serverOnly ? description : [description, 'In minor units (cents) of the currency.'].filter(Boolean).join(' ')
  const field: MoneyNumberField = {
    validate: wholeMinorUnits,
    ...overrides,
    name,
    type: 'number',
    ...(min === null ? {} : { min }),
    ...(required ? { required } : {}),
    ...(defaultValue === undefined ? {} : { defaultValue }),
    custom: { ...overrides.custom, ...MONEY_MARKER },
    admin: {
      ...overrides.admin,
      ...(note ? { description: note } : {}),
      components: { ...overrides.admin?.components, Cell: MONEY_CELL, Field: MONEY_FIELD },
    },
  }
  return serverOnly ? serverOnlyField(field) : field
}
