import { configToSchema } from '@payloadcms/graphql'
import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql'
import { createHandler } from 'graphql-http/lib/use/fetch'
import {
  addDataAndFileToRequest,
  addLocalesToRequestFromData,
  createPayloadRequest,
  headersWithCors,
  logError,
  mergeHeaders,
  type PayloadRequest,
  type SanitizedConfig,
  unlinkClientUploadTempFile,
} from 'payload'

import { cachedParse, cachedValidate } from './documentCache'
import { schemaRules } from './schemaRules'

type Built = ReturnType<typeof configToSchema>
type StatusError = Error & { status?: number; data?: unknown }

// Payload builds its schema once per process (per request in development, for hot reload);
// here once per config object, which hot reload replaces.
const schemas = new WeakMap<SanitizedConfig, Built>()
const schemaOf = (config: SanitizedConfig): Built => {
  let built = schemas.get(config)
  if (!built) {
    built = configToSchema(config)
    schemas.set(config, built)
  }
  return built
}

/**
 * An execution error as Payload's handler formats it (status and data of the original
 * error, no message of a 500 unless `debug`, the `afterError` hooks). It reads
 * `originalError` unguarded as Payload's does, so an error without one (none a resolver
 * throws) fails the request as it did there.
 */
const formatError = async (err: GraphQLError, req: PayloadRequest): Promise<GraphQLFormattedError> => {
  const { payload } = req
  const original = err.originalError as StatusError
  const status = original.status || 500
  logError({ err, payload })
  let response: GraphQLFormattedError = {
    extensions: { name: original.name || undefined, data: original.data || undefined, stack: payload.config.debug ? err.stack : undefined, statusCode: status },
    locations: err.locations,
    message: !payload.config.debug && status === 500 ? 'Something went wrong.' : err.message,
    path: err.path,
  }
  for (const hook of payload.config.hooks.afterError ?? []) {
    const result = await hook({ context: req.context, error: err, graphqlResult: response, req })
    if (result) response = result.graphqlResult || response
  }
  return response
}

/**
 * Payload's `GRAPHQL_POST` (@payloadcms/next/dist/routes/graphql/handler.js, 3.90.1) step
 * for step — its request (auth), body and locales, schema and validation rules, context
 * `{ headers, req }`, `payload.extensions`, error formatting, CORS and response headers,
 * the upload clean-up — with graphql-http handed the cached `parse` and `validate` of
 * ./documentCache and GraphQL's rules of ./schemaRules: Payload's handler takes no
 * options, and GraphQL's own rules cost more than the rest of a small query (~30 % of its
 * CPU, KnownTypeNamesRule listing the schema's 16,000 types on every request). Compare
 * with Payload's file on every upgrade.
 */
export const payloadGraphqlPost = (config: Promise<SanitizedConfig>) => async (request: Request): Promise<Response> => {
  const originalRequest = request.clone()
  const req = await createPayloadRequest({ canSetHeaders: true, config, request })
  const { payload } = req
  if (payload.config.graphQL?.disable) return new Response(null, { status: 404 })
  try {
    await addDataAndFileToRequest(req)
    addLocalesToRequestFromData(req)
    const { schema, validationRules } = schemaOf(await config)
    const headers: Record<string, string> = {}
    const apiResponse = await createHandler({
      context: { headers, req },
      onOperation: async (_request, args, result: ExecutionResult) => {
        const response = (typeof payload.extensions === 'function' ? await payload.extensions({ args, req: _request, result }) : result) as ExecutionResult
        if (!response.errors) return response
        const errors = await Promise.all((result.errors ?? []).map((error) => formatError(error, req)))
        // Formatted errors where graphql-http types GraphQLErrors: it serialises either alike.
        return { ...response, errors } as unknown as ExecutionResult
      },
      parse: cachedParse,
      schema,
      validate: cachedValidate,
      // GraphQL's own rules (graphql-http's default) with the lazy KnownTypeNamesRule, then Payload's and ours.
      validationRules: (_request, args) => schemaRules.concat(validationRules(args)),
    })(originalRequest)
    const resHeaders = headersWithCors({ headers: new Headers(apiResponse.headers), req })
    for (const key in headers) resHeaders.append(key, headers[key]!)
    return new Response(apiResponse.body, { headers: req.responseHeaders ? mergeHeaders(req.responseHeaders, resHeaders) : resHeaders, status: apiResponse.status })
  } finally {
    // As Payload: GraphQL reads the body itself, and an operation writing no document never reaches the operation's clean-up.
    await unlinkClientUploadTempFile({ req })
  }
}
