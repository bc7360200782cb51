import type { Field, NamedGroupField } from 'payload'

import { BASIS } from '@/domain/money'
import { defaultPricingConfig } from '@/domain/pricing/defaults'
import { moneyField } from '@/fields/money'

const defaults = defaultPricingConfig()

/** A price of the list, in minor units of the website's currency; never left empty. */
const cents = (name: string, defaultValue: number, description: string): Field =>
  moneyField(name, {
    defaultValue,
    description,
    overrides: { validate: (value) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) || 'Must be a whole number of cents, 0 or more.' },
  })

const multiplier = (name: string, defaultValue: number): Field => ({
  name,
  type: 'number',
  defaultValue,
  validate: (value: number | null | undefined) =>
    (typeof value === 'number' && value > 0 && value <= 10) || 'Must be a number above 0 and at most 10.',
})

/** A website's base prices; the option multipliers live in pricing-options. */
export const pricingFields: NamedGroupField = {
  name: 'pricing',
  type: 'group',
  admin: { description: 'Base prices before the order options’ multipliers.' },
  fields: [
    cents('basePerPage', defaults.basePerPage, 'One double-spaced page.'),
    cents('basePerSlide', 1399, 'One slide.'),
    cents('basePerDiagram', 1999, 'One diagram.'),
    cents('minimumCharge', defaults.minimumCharge, 'No paper order costs less.'),
    cents('preferredWriterFee', defaults.preferredWriterFee, 'Added when the client asks for a preferred writer.'),
    multiplier('singleSpacingMultiplier', defaults.spacing.single / BASIS),
    multiplier('doubleSpacingMultiplier', defaults.spacing.double / BASIS),
  ],
}
