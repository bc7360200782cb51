import { PUBLIC_CACHE_CONTROL, PUBLIC_VARY } from '@/content/http/cacheable'

import type { JsonSchema } from './jsonSchema'
import type { OperationSpec } from './operation'

const CACHE_HEADERS: Record<string, JsonSchema> = {
  ETag: { description: 'A strong tag of this exact answer: send it back in `If-None-Match`.', schema: { type: 'string' } },
  'Cache-Control': { description: `\`${PUBLIC_CACHE_CONTROL}\`.`, schema: { type: 'string' } },
  Vary: { description: `\`${PUBLIC_VARY}\`: the website comes from them.`, schema: { type: 'string' } },
}

const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'The `ETag` of a copy the client holds: 304 when it is still current.',
  schema: { type: 'string' },
}

/**
 * A public, cacheable GET (src/content/http/cacheable.ts): its 200 carries ETag,
 * Cache-Control and Vary, it takes `If-None-Match`, and answers 304 with no body when the
 * client's copy is current.
 */
export const cacheableOperation = (spec: OperationSpec): OperationSpec => ({
  ...spec,
  parameters: [...(spec.parameters ?? []), IF_NONE_MATCH],
  responses: {
    ...spec.responses,
    200: { ...spec.responses[200], headers: { ...(spec.responses[200]?.headers as object | undefined), ...CACHE_HEADERS } },
    304: { description: 'Not Modified: the copy named by `If-None-Match` is current; no body.', headers: CACHE_HEADERS },
  },
})

/** `spec`, made cacheable when the route says it is. */
export const cacheableWhen = (cacheable: boolean | undefined, spec: OperationSpec): OperationSpec => (cacheable ? cacheableOperation(spec) : spec)
