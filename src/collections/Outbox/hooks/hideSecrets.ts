import type { CollectionBeforeOperationHook, FieldHook, Where } from 'payload'

import { refuseField } from '@/errors'
import { redactSecrets } from '@/jobs/secrets'

/**
 * API reads (REST, GraphQL, the admin) show a row's payload without its secrets, even
 * while the job is pending. The worker and the relay read with `overrideAccess` and get
 * them whole: the relay's own updates write back the payload they read.
 */
export const hideSecretsOnRead: FieldHook = ({ value, siblingData, overrideAccess }) =>
  overrideAccess ? value : redactSecrets((siblingData as { type?: string } | undefined)?.type, value)

const isPayloadPath = (path: string) => path === 'payload' || path.startsWith('payload.')

const wherePaths = (where: Where | undefined): string[] =>
  !where || typeof where !== 'object'
    ? []
    : Object.entries(where).flatMap(([key, value]) =>
        (key === 'and' || key === 'or') && Array.isArray(value) ? value.flatMap((inner) => wherePaths(inner as Where)) : [key],
      )

const sortPaths = (sort: unknown): string[] =>
  (Array.isArray(sort) ? sort : typeof sort === 'string' ? sort.split(',') : []).map((s) => String(s).trim().replace(/^-/, ''))

/**
 * Nobody filters, sorts or lists distinct values by the payload over the API: a
 * `where[payload.token][like]=…` answered by a count would spell a pending token out.
 */
export const refuseSecretQueries: CollectionBeforeOperationHook<'outbox'> = ({ args, overrideAccess }) => {
  if (overrideAccess) return args
  const query = args as { where?: Where; sort?: unknown; field?: unknown }
  if (wherePaths(query.where).some(isPayloadPath)) throw refuseField('outbox', 'where', 'where: rows cannot be searched by their payload (it may hold secrets).', 400)
  if (sortPaths(query.sort).some(isPayloadPath)) throw refuseField('outbox', 'sort', 'sort: rows cannot be sorted by their payload.', 400)
  if (typeof query.field === 'string' && isPayloadPath(query.field)) throw refuseField('outbox', 'field', 'field: the payload has no distinct values to list.', 400)
  return args
}
