import { GRAPHQL_PLAYGROUND_GET } from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'

import { env, graphqlSwitches } from '@/env'

/**
 * Payload's GraphQL playground page behind `GRAPHQL_PLAYGROUND` (off in production by
 * default): 404 when switched off, as if there were none.
 */
export const graphqlPlayground = (config: Promise<SanitizedConfig> | SanitizedConfig) => {
  const page = GRAPHQL_PLAYGROUND_GET(config instanceof Promise ? config : Promise.resolve(config))
  return async (request: Request): Promise<Response> => {
    if (!graphqlSwitches(env()).playground) return Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })
    return page(request)
  }
}
