import { z } from 'zod'

import type { JsonSchema } from './jsonSchema'

/** The component a collection's document is described by. */
export const collectionRef = (slug: string) => `#/components/schemas/${slug}`

/**
 * A zod schema as JSON Schema 2020-12 for the document: `io: 'input'` for what a client
 * sends (bodies, parameters: defaults make a field optional), `'output'` for what it
 * receives. `docOf(slug)` (meta `collectionRef`) becomes a `$ref` to the collection's
 * schema; the dialect line is dropped since the document declares it once.
 */
export const zodToJsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    // A transform or a custom check cannot be said in JSON Schema: the document says
    // "any" there, and the handler's own parse still decides.
    unrepresentable: 'any',
    override: (ctx) => {
      // zod's `z.object` accepts keys it does not name (and drops them when parsing); a
      // handler's answer is not parsed, so an answer may carry more than its schema
      // names (a populated user's `collection`). Only `z.strictObject` closes an answer.
      const def = (ctx.zodSchema as unknown as { _zod: { def: { type: string; catchall?: unknown } } })._zod.def
      if (io === 'output' && def.type === 'object' && def.catchall === undefined) delete (ctx.jsonSchema as JsonSchema).additionalProperties
      // `.int()` bounds a number to JavaScript's safe integers: true of any JSON number a client sends, noise to a reader.
      const json = ctx.jsonSchema as JsonSchema
      if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum
      if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum
      const slug = (z.globalRegistry.get(ctx.zodSchema) as { collectionRef?: unknown } | undefined)?.collectionRef
      if (typeof slug !== 'string') return
      for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as JsonSchema)[key]
      ;(ctx.jsonSchema as JsonSchema).$ref = collectionRef(slug)
    },
  }) as JsonSchema
  delete json.$schema
  return json
}
