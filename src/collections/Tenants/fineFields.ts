import type { NamedGroupField } from 'payload'

import { DEFAULT_FINE_SETTINGS } from '@/domain/fines/settings'
import { FINE_BASES } from '@/domain/fines/types'

const step = (name: 'hour1' | 'hour2' | 'hour3' | 'perHourAfter3' | 'perDay', description: string) => ({
  name,
  type: 'number' as const,
  min: 0,
  max: 100,
  defaultValue: DEFAULT_FINE_SETTINGS[name],
  admin: { description },
})

/** Fines (reference §7): the lateness fine issued when a writer submits after the writer deadline. */
export const fineFields: NamedGroupField = {
  name: 'fines',
  type: 'group',
  fields: [
    { name: 'latenessEnabled', type: 'checkbox', defaultValue: DEFAULT_FINE_SETTINGS.latenessEnabled, admin: { description: 'Fine a writer who submits after the writer deadline, once per order.' } },
    {
      name: 'latenessMode',
      type: 'select',
      defaultValue: DEFAULT_FINE_SETTINGS.latenessMode,
      options: ['cumulative', 'progressive'],
      admin: { description: 'Cumulative: every step reached adds up. Progressive: the bracket the lateness falls in.' },
    },
    { name: 'latenessBase', type: 'select', defaultValue: DEFAULT_FINE_SETTINGS.latenessBase, options: [...FINE_BASES], admin: { description: 'What the lateness percentage is of.' } },
    { name: 'latenessMaxPercent', type: 'number', min: 0, max: 100, defaultValue: DEFAULT_FINE_SETTINGS.latenessMaxPercent, admin: { description: 'Cap in %, never above 100.' } },
    step('hour1', '% at 1 hour late.'),
    step('hour2', '% added at 2 hours (cumulative) or the bracket 2–3 hours (progressive).'),
    step('hour3', '% added at 3 hours, or the bracket from 3 hours.'),
    step('perHourAfter3', '% per whole hour after the third, up to hour 24.'),
    step('perDay', '% per day from 24 hours late.'),
  ],
}
