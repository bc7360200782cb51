/** A JSON Schema (2020-12) or OpenAPI object as plain JSON. */
export type JsonSchema = { [key: string]: unknown }

/** A copy of `value` with `visit` applied to every object in it, bottom up. */
export const mapObjects = (value: unknown, visit: (object: JsonSchema) => JsonSchema): unknown => {
  if (Array.isArray(value)) return value.map((item) => mapObjects(item, visit))
  if (value && typeof value === 'object') {
    const copy: JsonSchema = {}
    for (const [key, item] of Object.entries(value)) copy[key] = mapObjects(item, visit)
    return visit(copy)
  }
  return value
}

/** A JSON body as the document spells it. */
export const json = (schema: JsonSchema) => ({ 'application/json': { schema } })
