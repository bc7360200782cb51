import { z } from 'zod'

import { cacheableWhen } from './cacheable'
import type { RouteDoc } from './describe'
import { json, type JsonSchema } from './jsonSchema'
import type { OperationSpec } from './operation'
import { zodToJsonSchema } from './zodJson'

const isMultipart = (body: RouteDoc['body']): body is { multipart: z.ZodObject } => Boolean(body) && !(body instanceof z.ZodType) && 'multipart' in (body as object)

/** One query parameter per property; objects (a `where`) in the `a[b][c]=v` form Payload reads. */
const queryParameters = (query: z.ZodObject): JsonSchema[] => {
  const schema = zodToJsonSchema(query, 'input')
  const required = new Set((schema.required as string[] | undefined) ?? [])
  return Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    ...(property.type === 'object' ? { style: 'deepObject', explode: true } : {}),
    schema: property,
  }))
}

const requestBodyOf = (body: NonNullable<RouteDoc['body']>): JsonSchema => {
  if (isMultipart(body)) return { required: true, content: { 'multipart/form-data': { schema: zodToJsonSchema(body.multipart, 'input') } } }
  const schema = zodToJsonSchema(body as z.ZodType, 'input')
  // A body whose every field is optional may be left out altogether.
  const required = Array.isArray(schema.required) && schema.required.length > 0
  return { required, content: json(schema) }
}

const responsesOf = (responses: RouteDoc['responses']): Record<string, JsonSchema> =>
  Object.fromEntries(
    Object.entries(responses).map(([status, answer]) => {
      if (status === '204') return [status, { description: 'Done; no body.' }]
      if (answer instanceof z.ZodType) return [status, { description: 'Success.', content: json(zodToJsonSchema(answer, 'output')) }]
      const { contentType, description } = answer as { contentType: string; description: string }
      const redirect = status === '301' || status === '302' || status === '303'
      return [
        status,
        redirect
          ? { description, headers: { Location: { description: 'Where to go next.', schema: { type: 'string' } } } }
          : { description, content: { [contentType]: { schema: contentType.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' } } } },
      ]
    }),
  )

/** A custom endpoint's operation from the `documented(...)` call beside its handler. */
export const customOperation = (doc: RouteDoc, defaultTag: string): OperationSpec => cacheableWhen(doc.cacheable, {
  summary: doc.summary,
  description: doc.description,
  tags: doc.tags ?? [defaultTag],
  auth: doc.auth,
  pathParams: doc.params ? ((zodToJsonSchema(doc.params, 'input').properties ?? {}) as Record<string, JsonSchema>) : undefined,
  parameters: doc.query ? queryParameters(doc.query) : undefined,
  requestBody: doc.body ? requestBodyOf(doc.body) : undefined,
  responses: responsesOf(doc.responses),
  errors: doc.errors,
  idempotent: doc.idempotent,
})
