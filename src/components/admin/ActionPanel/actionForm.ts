/**
 * The action panel's reading of the workflow contract (`GET /api/<collection>/:id/actions`,
 * `POST …/actions/:action`): which controls an action's JSON Schema asks for, the body
 * the controls' values make, and what an answer says. Pure, so it is unit-tested without
 * a browser; the React components only draw what these return.
 */

/** Fired on `window` after an action succeeds, for other panels of the page (timeline, files) to reload. */
export const ACTION_DONE_EVENT = 'workflow:action-done'
export type ActionDoneDetail = { collection: string; id: string; action: string; status?: string }

/** Fired on `window` when the timeline finds a step taken elsewhere (the client over REST, a schedule): the page's panels reload. */
export const RECORD_CHANGED_EVENT = 'workflow:record-changed'
export type RecordChangedDetail = { collection: string; id: string }

/** The parts of a JSON Schema (draft 2020-12, as zod writes it) the panel understands. */
export type JsonSchema = {
  type?: string | string[]
  enum?: readonly unknown[]
  anyOf?: readonly JsonSchema[]
  oneOf?: readonly JsonSchema[]
  title?: string
  description?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  properties?: Record<string, JsonSchema>
  required?: readonly string[]
}

/** What a collection tells its panel (the `clientProps` of `actionPanelField`). */
export type ActionPanelProps = {
  /**
   * Inputs whose choices come from an endpoint of the document, by input name:
   * `{ writer: 'writer-suggestions' }` fills the writer to assign from
   * `GET /api/<collection>/:id/writer-suggestions`. Without an answer there, the plain input stays.
   */
  choices?: Record<string, string>
}

export type AvailableAction = { action: string; label: string; input: JsonSchema; money: boolean }
export type BlockedAction = { action: string; label: string; reason: string }
export type ActionList = { available: AvailableAction[]; blocked: BlockedAction[] }

type Common = { name: string; label: string; required: boolean; hint?: string }
export type InputField =
  | (Common & { kind: 'integer' | 'number'; min?: number; max?: number })
  | (Common & { kind: 'select'; options: string[] })
  | (Common & { kind: 'checkbox' })
  | (Common & { kind: 'text' | 'textarea'; maxLength?: number })

/** A value a control holds: text for every control but a checkbox. */
export type FieldValues = Record<string, string | boolean>

/** A string over this many characters gets a textarea instead of a one-line input. */
export const TEXTAREA_FROM = 200

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** `externalReference` → "External reference", `ready_for_staffing` → "Ready for staffing". */
export const humanize = (name: string): string => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** A nullable or optional property (`anyOf: [{ type: 'string' }, { type: 'null' }]`) read as its non-null side. */
const concrete = (schema: JsonSchema): JsonSchema => {
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) {
    const first = alternatives.find((s) => s.type !== 'null')
    if (first) return { ...first, title: schema.title ?? first.title, description: schema.description ?? first.description }
  }
  if (Array.isArray(schema.type)) return { ...schema, type: schema.type.find((t) => t !== 'null') }
  return schema
}

const fieldOf = (name: string, raw: JsonSchema, required: boolean): InputField => {
  const schema = concrete(raw)
  const common: Common = { name, label: schema.title ?? humanize(name), required, ...(schema.description ? { hint: schema.description } : {}) }
  if (schema.enum) return { ...common, kind: 'select', options: schema.enum.map(String) }
  if (schema.type === 'boolean') return { ...common, kind: 'checkbox' }
  if (schema.type === 'integer' || schema.type === 'number') {
    const min = schema.minimum ?? (schema.exclusiveMinimum === undefined ? undefined : schema.exclusiveMinimum + (schema.type === 'integer' ? 1 : 0))
    const max = schema.maximum ?? (schema.exclusiveMaximum === undefined ? undefined : schema.exclusiveMaximum - (schema.type === 'integer' ? 1 : 0))
    return { ...common, kind: schema.type, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }
  }
  const long = schema.maxLength === undefined || schema.maxLength > TEXTAREA_FROM
  return { ...common, kind: long ? 'textarea' : 'text', ...(schema.maxLength === undefined ? {} : { maxLength: schema.maxLength }) }
}

/** The controls an action's input schema asks for, in the schema's order; none for an action without input. */
export const inputFieldsOf = (input: JsonSchema | undefined): InputField[] => {
  const properties = input?.properties ?? {}
  const required = new Set(input?.required ?? [])
  return Object.entries(properties).map(([name, schema]) => fieldOf(name, schema, required.has(name)))
}

/** The controls' starting values: empty text, unticked boxes, the first option of a required select. */
export const initialValues = (fields: InputField[]): FieldValues =>
  Object.fromEntries(fields.map((f) => [f.name, f.kind === 'checkbox' ? false : f.kind === 'select' && f.required ? (f.options[0] ?? '') : '']))

/**
 * The JSON body for the action. An empty optional control is left out; a number that
 * does not parse is sent as typed, so the server's 400 names the field in its own words.
 */
export const bodyOf = (fields: InputField[], values: FieldValues): Record<string, unknown> => {
  const body: Record<string, unknown> = {}
  for (const field of fields) {
    const value = values[field.name]
    if (field.kind === 'checkbox') {
      body[field.name] = value === true
      continue
    }
    const text = typeof value === 'string' ? value : ''
    if (text.trim() === '') {
      if (field.required && field.kind !== 'integer' && field.kind !== 'number') body[field.name] = text
      continue
    }
    if (field.kind === 'integer' || field.kind === 'number') {
      const n = Number(text.trim())
      body[field.name] = Number.isFinite(n) ? n : text
    } else body[field.name] = text
  }
  return body
}

/** What the panel shows after an action: the new status, or the error and the fields it names. */
export type Answer = { ok: true; message: string; status?: string; link?: string } | { ok: false; message: string; fieldErrors: Record<string, string> }

const statusOf = (body: Record<string, unknown>): string | undefined => {
  const doc = [body.doc, body.record, body.request, body.invoice].find(isRecord)
  const event = isRecord(body.event) ? body.event : {}
  const status = doc?.status ?? event.to
  return typeof status === 'string' ? status : undefined
}

/** Reads an action's answer: `{ doc, event }` on success, Payload's `{ errors: [{ message, data? }] }` otherwise. */
export const answerOf = (label: string, httpStatus: number, body: unknown): Answer => {
  const record = isRecord(body) ? body : {}
  if (httpStatus >= 200 && httpStatus < 300) {
    const status = statusOf(record)
    // An invoice's issue and pay link answer the client's pay link too: staff pass it on.
    const link = typeof record.payUrl === 'string' && record.payUrl ? { link: record.payUrl } : {}
    return status ? { ok: true, status, message: `${label}: done. Status: ${humanize(status)}.`, ...link } : { ok: true, message: `${label}: done.`, ...link }
  }
  const first = Array.isArray(record.errors) && isRecord(record.errors[0]) ? record.errors[0] : {}
  const message = typeof first.message === 'string' && first.message ? first.message : `${label} failed (HTTP ${httpStatus}).`
  const data = isRecord(first.data) ? first.data : {}
  const fieldErrors: Record<string, string> = {}
  for (const entry of Array.isArray(data.errors) ? data.errors : []) {
    if (!isRecord(entry) || typeof entry.message !== 'string') continue
    // A path may be dotted (`writer`, `body.writer`): the control is its last part.
    const path = String(entry.path ?? entry.field ?? '')
    const name = path.split('.').pop() ?? path
    fieldErrors[name] = fieldErrors[name] ? `${fieldErrors[name]} ${entry.message}` : entry.message
  }
  return { ok: false, message, fieldErrors }
}

/** The action list from the endpoint's answer; whatever is malformed is left out rather than drawn wrong. */
export const actionListOf = (body: unknown): ActionList => {
  const record = isRecord(body) ? body : {}
  const entries = (value: unknown) => (Array.isArray(value) ? value.filter(isRecord) : []).filter((e) => typeof e.action === 'string')
  return {
    available: entries(record.available).map((e) => ({
      action: String(e.action),
      label: typeof e.label === 'string' && e.label ? e.label : humanize(String(e.action)),
      input: isRecord(e.input) ? (e.input as JsonSchema) : {},
      money: e.money === true,
    })),
    blocked: entries(record.blocked).map((e) => ({
      action: String(e.action),
      label: typeof e.label === 'string' && e.label ? e.label : humanize(String(e.action)),
      reason: typeof e.reason === 'string' ? e.reason : '',
    })),
  }
}

export type Suggestion = { value: string; label: string; note?: string }

const nameOf = (value: unknown): string | undefined => {
  if (!isRecord(value)) return undefined
  for (const key of ['name', 'email']) if (typeof value[key] === 'string' && value[key]) return value[key] as string
  return undefined
}

/**
 * Choices for a control from a suggestions endpoint (`GET /api/orders/:id/writer-suggestions`):
 * a list of `{ writer: id | { id, name, email }, eligible?, name?, reason? | reasons? }` under
 * `suggestions`, `docs` or as the answer itself. Anything else gives no choices, and the
 * control falls back to its plain input.
 */
export const suggestionsOf = (body: unknown): Suggestion[] => {
  const record = isRecord(body) ? body : {}
  const list = Array.isArray(body) ? body : [record.suggestions, record.docs, record.writers].find(Array.isArray) ?? []
  const out: Suggestion[] = []
  for (const item of list) {
    if (!isRecord(item)) continue
    const person = isRecord(item.writer) ? item.writer : isRecord(item.user) ? item.user : item
    const id = isRecord(item.writer) || isRecord(item.user) ? person.id : (item.writer ?? item.id)
    if (typeof id !== 'number' && typeof id !== 'string') continue
    const reasons = Array.isArray(item.reasons) ? item.reasons.filter((r): r is string => typeof r === 'string') : []
    const note = typeof item.reason === 'string' ? item.reason : reasons.join(' ')
    const label = nameOf(item) ?? nameOf(person) ?? `#${id}`
    out.push({ value: String(id), label: item.eligible === false ? `${label} (not eligible)` : label, ...(note ? { note } : {}) })
  }
  return out
}
