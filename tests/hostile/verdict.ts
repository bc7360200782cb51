/**
 * What every answer to a hostile request must be: never 5xx; a 4xx in the error shape
 * `{ errors: [{ message }] }`; a 400 naming the field at fault (`data.errors[].path`, or
 * a message that names one of the request's fields or parameters) unless it refuses
 * the request as a whole (its body, its content type).
 */

export type Answer = { status: number; body: unknown; headers: Headers }

type ErrorItem = { message?: unknown; data?: { errors?: { path?: unknown; message?: unknown }[] } | null; extensions?: { statusCode?: unknown } }

/** Refusals of the whole request, which no single field can be blamed for. */
const WHOLE_REQUEST = [/not valid JSON/i, /body/i, /content.type/i, /multipart/i, /JSON/i, /form/i, /file/i, /upload/i, /Idempotency-Key/i, /GraphQL/i, /Syntax Error/i, /too (large|many|deep)/i, /is not enabled for this collection/i, /^No User$/, /percent-encoded/i]

/** `field: problem`, or a parameter named in quotes (Payload's "Missing 'where' query…"). */
const NAMES_A_FIELD = /^[\w.[\]-]+: |'[\w.]+'|"[\w.]+"/

const errorsOf = (body: unknown): ErrorItem[] | null => {
  const errors = (body as { errors?: unknown } | null)?.errors
  return Array.isArray(errors) ? (errors as ErrorItem[]) : null
}

/** Problems with the answer (empty: the answer is acceptable). */
export const judge = (answer: Answer, names: string[]): string[] => {
  const problems: string[] = []
  if (answer.status >= 500) return [`answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`]
  if (answer.status < 400) return problems
  const errors = errorsOf(answer.body)
  if (!errors || errors.length === 0) return [`${answer.status} without the error shape: ${JSON.stringify(answer.body).slice(0, 200)}`]
  if (errors.some((e) => typeof e?.message !== 'string' || e.message.length === 0)) problems.push(`${answer.status} with an error without a message: ${JSON.stringify(errors).slice(0, 200)}`)
  if (answer.status === 400) {
    const paths = errors.flatMap((e) => e.data?.errors ?? []).map((e) => e.path)
    const messages = errors.map((e) => String(e.message ?? ''))
    const named =
      paths.some((p) => typeof p === 'string' && p.length > 0) ||
      messages.some((m) => NAMES_A_FIELD.test(m) || names.some((n) => n.length > 1 && m.toLowerCase().includes(n.replace(/\[.*$/, '').toLowerCase()))) ||
      messages.some((m) => WHOLE_REQUEST.some((re) => re.test(m)))
    if (!named) problems.push(`400 naming no field: ${messages.join(' | ').slice(0, 200)}`)
  }
  return problems
}

/** GraphQL answers 200 with `errors` as often as not: each error's own status must be a 4xx. */
export const judgeGraphql = (answer: Answer): string[] => {
  if (answer.status >= 500) return [`answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`]
  const errors = errorsOf(answer.body)
  if (answer.status >= 400 && (!errors || errors.length === 0)) return [`${answer.status} without the error shape`]
  const problems: string[] = []
  for (const error of errors ?? []) {
    if (typeof error?.message !== 'string' || error.message.length === 0) problems.push(`an error without a message: ${JSON.stringify(error).slice(0, 200)}`)
    const status = error?.extensions?.statusCode
    if (typeof status === 'number' && status >= 500) problems.push(`an error with status ${status}: ${String(error.message).slice(0, 200)}`)
    if (status === undefined && /internal|unexpected|cannot read|undefined|is not a function/i.test(String(error?.message))) problems.push(`a server fault as an error: ${String(error.message).slice(0, 200)}`)
  }
  return problems
}

/** Whether a GraphQL answer refused everything it was asked (so it must have written nothing). */
export const graphqlRefusedAll = (answer: Answer): boolean => {
  if (answer.status >= 400) return true
  const body = answer.body as { data?: Record<string, unknown> | null; errors?: unknown[] } | null
  if (!body?.errors?.length) return false
  return !body.data || Object.values(body.data).every((v) => v === null)
}
