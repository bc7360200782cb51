import type { SelectField } from 'payload'

import { statusTones, type StatusTone } from '@/domain/statusTone'

import { serverOnlyField } from './serverOnly'

export const STATUS_CELL = '/fields/components/StatusCell#StatusCell'

export type StatusOptions<S extends string> = {
  /** Default `status`. */
  name?: string
  /** The workflow's status list, from its domain module (the select's options, in order). */
  statuses: readonly S[]
  /** Pill colours that differ from the shared defaults (src/domain/statusTone.ts). */
  tones?: Partial<Record<S, StatusTone>>
  defaultValue?: S
  /** Default true. */
  required?: boolean
  /** Default true: lists and dashboards filter by status. */
  index?: boolean
  description?: string
}

/**
 * A workflow's status: a select of the workflow's own statuses, shown as a coloured pill
 * in lists, and never writable over the API — only the workflow's actions and schedules
 * (the server) move it.
 */
export const statusField = <S extends string>({ name = 'status', statuses, tones, defaultValue, required = true, index = true, description }: StatusOptions<S>): SelectField =>
  serverOnlyField({
    name,
    type: 'select',
    options: [...statuses],
    required,
    index,
    ...(defaultValue === undefined ? {} : { defaultValue }),
    admin: {
      ...(description ? { description } : {}),
      components: { Cell: { path: STATUS_CELL, clientProps: { tones: statusTones(statuses, tones) } } },
    },
  })
