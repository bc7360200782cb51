import type { FieldHook } from 'payload'

import { redactSecrets } from '@/jobs/secrets'

/**
 * API reads (REST, GraphQL, the admin) show a row's payload without its secrets, even
 * while the job is pending; the worker reads with `overrideAccess` and gets them whole.
 * Filtering or sorting by the payload (`where[payload.token][like]=…`, a count spelling
 * a pending token out) is refused by the API guard (src/api), as for every JSON field.
 */
export const hideSecretsOnRead: FieldHook = ({ value, siblingData, overrideAccess }) =>
  overrideAccess ? value : redactSecrets((siblingData as { type?: string } | undefined)?.type, value)
