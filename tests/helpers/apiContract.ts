import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import type { SanitizedConfig } from 'payload'

import { buildOpenApiDocument } from '../../src/api/openapi/document'

type Json = Record<string, any>

// ajv-formats is CommonJS with a default export.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule

const DOCUMENT_ID = 'https://scriptorium.invalid/openapi.json'

/** A JSON pointer segment, as it goes in a URI fragment (`{id}` percent-encoded). */
const pointer = (segment: string) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'))

type Route = { template: string; pattern: RegExp; concrete: number; methods: Json }

export type ContractAnswer = { method: string; url: string; status: number; body: unknown; contentType: string | null }

export class ContractViolation extends Error {}

/**
 * The API document as a test oracle: every answer the test client receives is checked
 * against the operation it belongs to (method + path template), status by status. The
 * document is built from the same config the server runs, Ajv compiles each response's
 * schema once and keeps it.
 */
export class ApiContract {
  readonly document: Json
  private readonly ajv: Ajv2020
  private readonly routes: Route[]
  private readonly compiled = new Map<string, ValidateFunction>()

  constructor(document: Json) {
    this.document = document
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true })
    addFormats(this.ajv)
    this.ajv.addFormat('binary', true)
    this.ajv.addSchema(document, DOCUMENT_ID)
    this.routes = Object.entries(document.paths as Json)
      .map(([template, methods]) => ({
        template,
        methods,
        concrete: template.split('/').filter((segment) => !segment.startsWith('{')).length,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      }))
      // A concrete path beats a template that also matches (`/actions/accept` before `/actions/{action}`).
      .sort((a, b) => b.concrete - a.concrete)
  }

  /** The path template and operation answering `method url`, if the document has one. */
  operationOf(method: string, url: string): { template: string; operation: Json } | null {
    const path = new URL(url, 'http://localhost').pathname
    for (const route of this.routes) {
      if (!route.pattern.test(path)) continue
      const operation = route.methods[method.toLowerCase()]
      if (operation) return { template: route.template, operation }
    }
    return null
  }

  private resolve(object: Json): Json {
    let current = object
    while (typeof current?.$ref === 'string' && current.$ref.startsWith('#/')) {
      current = current.$ref
        .slice(2)
        .split('/')
        .reduce((node: Json, key: string) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], this.document)
    }
    return current
  }

  private validatorFor(ref: string): ValidateFunction {
    let validate = this.compiled.get(ref)
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}${ref}` })
      this.compiled.set(ref, validate)
    }
    return validate
  }

  /** Throws a `ContractViolation` naming the route, the status and what is wrong, unless `answer` is one the document allows. */
  check(answer: ContractAnswer): void {
    const { url, status, body } = answer
    // HEAD is GET without a body: its status is checked, there is no body to check.
    const head = answer.method.toUpperCase() === 'HEAD'
    const method = head ? 'GET' : answer.method
    const where = `${method.toUpperCase()} ${url} → ${status}`
    const found = this.operationOf(method, url)
    if (!found) {
      // A route nobody serves (404), or a method the route does not take (405): the error shape is the documented answer.
      if (status === 404 || status === 405) return this.checkSchema(where, '#/components/schemas/Error', body)
      throw new ContractViolation(`${where}: the route is not in the API document (add documented(...) beside its handler).`)
    }
    const { template, operation } = found
    const opPointer = `#/paths/${pointer(template)}/${method.toLowerCase()}`
    const response = operation.responses?.[String(status)]
    if (!response) {
      throw new ContractViolation(`${where}: status ${status} is not documented for ${method.toUpperCase()} ${template} (documented: ${Object.keys(operation.responses ?? {}).join(', ')}). Body: ${excerpt(body)}`)
    }
    if (head) return
    const content = this.resolve(response).content as Json | undefined
    const jsonContent = content?.['application/json']
    if (!jsonContent?.schema) return
    if (typeof body === 'string' && !answer.contentType?.includes('json')) {
      throw new ContractViolation(`${where}: the document says JSON, the answer is ${answer.contentType ?? 'untyped'}: ${excerpt(body)}`)
    }
    const schemaPointer = typeof response.$ref === 'string' ? `${response.$ref.slice(1)}/content/application~1json/schema` : `${opPointer.slice(1)}/responses/${status}/content/application~1json/schema`
    this.checkSchema(where, `#${schemaPointer}`, body, template)
  }

  private checkSchema(where: string, ref: string, body: unknown, template?: string) {
    const validate = this.validatorFor(ref)
    if (validate(body)) return
    throw new ContractViolation(
      `${where}${template ? ` (${template})` : ''}: the answer does not match the API document:\n${formatErrors(validate.errors ?? [], body)}\nBody: ${excerpt(body)}`,
    )
  }
}

/** The value at a JSON pointer of `body`, shortened, so the message shows what was wrong. */
const valueAt = (body: unknown, path: string) => {
  const value = path
    .split('/')
    .slice(1)
    .reduce((node: unknown, key) => (node && typeof node === 'object' ? (node as Json)[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), body)
  const text = JSON.stringify(value) ?? 'undefined'
  return text.length > 120 ? `${text.slice(0, 120)}…` : text
}

const formatErrors = (errors: ErrorObject[], body: unknown) =>
  errors
    .slice(0, 12)
    .map((e) => `  ${e.instancePath || '(root)'} ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''} (is ${valueAt(body, e.instancePath)})`)
    .join('\n')

const excerpt = (body: unknown) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return text && text.length > 600 ? `${text.slice(0, 600)}…` : String(text)
}

const contracts = new WeakMap<SanitizedConfig, ApiContract>()

/** The contract of a running config (built and compiled once per config). */
export const contractOf = (config: SanitizedConfig): ApiContract => {
  let contract = contracts.get(config)
  if (!contract) {
    contract = new ApiContract(buildOpenApiDocument(config))
    contracts.set(config, contract)
  }
  return contract
}
