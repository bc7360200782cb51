import fc from 'fast-check'

import type { Route, OpenApiDocument } from './openapi'
import { deref } from './openapi'
import { deepJson, deepText, extraFieldNames, hostileFor, hostileIds, hostileNumbers, hostileStrings, nested, plausible, unrepresentableNumbers } from './values'

/** Who sends a request: the campaign's actors (their tokens and hosts live in the context). */
export type ActorName = 'anonymous' | 'client' | 'writer' | 'otherAdmin' | 'otherAdminHere'

/** One hostile request, as sent: text bodies only (multipart is written by hand, to break it). */
export type HostileRequest = {
  actor: ActorName
  method: string
  url: string
  headers: Record<string, string>
  body?: string
  /** What the request did to the route, for the report of a failure. */
  note: string
  /** Every name the request put where a field could be blamed (body keys, query keys, path parameters). */
  names: string[]
}

/** What generation needs from the running system: real records to aim at. */
export type Targets = {
  /** Ids of existing records of the target website, by collection slug. */
  ids: Record<string, number[]>
  /** Ids of the other website's records, by collection slug. */
  otherIds: Record<string, number[]>
  /** Stored file names of upload collections, by slug. */
  filenames: Record<string, string[]>
  /** Collection slugs the config has (to tell `/api/<slug>/…` routes apart). */
  collections: Set<string>
}

/** Percent-encoding that takes any string (a lone surrogate becomes U+FFFD, as a client's encoder would). */
const enc = (value: string) => encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'))

const ACTORS: ActorName[] = ['anonymous', 'client', 'writer', 'otherAdmin', 'otherAdminHere']

const idsOf = (targets: Targets, slug: string | undefined): fc.Arbitrary<number> => {
  const own = (slug && targets.ids[slug]) || []
  const other = (slug && targets.otherIds[slug]) || []
  const real = [...own, ...other]
  return real.length > 0 ? fc.constantFrom(...real) : fc.integer({ min: 1, max: 50 })
}

/** The collection a route belongs to: `/api/<slug>/…` when `slug` is a collection. */
export const collectionOf = (route: Route, targets: Targets): string | undefined => {
  const slug = route.path.split('/')[2]
  return slug && targets.collections.has(slug) ? slug : undefined
}

const pathValue = (doc: OpenApiDocument, route: Route, name: string, targets: Targets): fc.Arbitrary<string> => {
  const param = route.pathParams.find((p) => p.name === name)!
  const schema = deref(doc, param.schema)
  const slug = collectionOf(route, targets)
  if (/id$/i.test(name)) return fc.oneof({ weight: 3, arbitrary: idsOf(targets, slug).map(String) }, { weight: 2, arbitrary: hostileIds })
  if (/file ?name/i.test(name)) {
    const real = (slug && targets.filenames[slug]) || []
    const traversal = fc.constantFrom('../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '....//....//etc/passwd', '..%5C..%5Cwindows%5Cwin.ini', 'a%00.txt', '%2Fetc%2Fpasswd', enc('x'.repeat(5000)))
    return real.length > 0 ? fc.oneof(fc.constantFrom(...real.map(enc)), traversal) : traversal
  }
  const plausibleValue = Array.isArray(schema.enum) && schema.enum.length > 0 ? fc.constantFrom(...schema.enum.map(String)) : fc.string({ minLength: 1, maxLength: 12 })
  return fc.oneof({ weight: 3, arbitrary: plausibleValue.map(enc) }, { weight: 1, arbitrary: fc.oneof(hostileIds, hostileStrings.filter((s) => s.length < 2000).map(enc)) })
}

/** `where` in Payload's bracket syntax: deep trees, unknown operators and fields, hostile values. */
const whereQuery: fc.Arbitrary<[string, string][]> = fc.oneof(
  fc.constantFrom(50, 120).map((depth): [string, string][] => [[`where${'[and][0]'.repeat(depth)}[id][equals]`, '1']]),
  fc.constantFrom(50).map((depth): [string, string][] => [[`where${'[or][0][and][0]'.repeat(depth / 2)}[status][equals]`, 'x']]),
  fc
    .tuple(
      fc.constantFrom('id', 'status', 'client', 'tenant', 'createdAt', 'updatedAt', 'total', 'email', 'hash', 'salt', 'nothing', 'client.email', 'client.tenants.tenant.name', 'tenants.tenant', '__proto__', 'a.b.c.d.e'),
      fc.constantFrom('equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'greater_than', 'less_than_equal', 'like', 'contains', 'near', 'within', 'intersects', 'like_nothing', '$where', '__proto__'),
      fc.oneof(hostileStrings.filter((s) => s.length < 2000), hostileIds, unrepresentableNumbers, fc.constantFrom('1', 'true', '2026-01-01', '1,2,3', '[]', '{}')),
    )
    .map(([field, op, value]): [string, string][] => [[`where[${field}][${op}]`, value]]),
  fc.constantFrom<[string, string][]>(
    [['where', 'abc']],
    [['where', '123']],
    [['where', '{"id":{"equals":{"$gt":1}}}']],
    [['where', JSON.stringify(nested(200, 'object'))]],
    [['where[id][in][]', '1'], ['where[id][in][][]', '2']],
    [['where[and]', 'x']],
    [['where[or][0]', 'x']],
    [['where[id][in]', Array.from({ length: 1000 }, (_, i) => i + 1).join(',')]],
  ),
)

/** Payload's list and read parameters, at their edges and past them. */
const payloadQuery: fc.Arbitrary<[string, string][]> = fc.oneof(
  whereQuery,
  fc.tuple(fc.constantFrom('limit', 'page', 'depth'), fc.constantFrom('1e9', '1000000000', '100', '-1', '0', 'abc', '1.5', 'NaN', 'Infinity', '99999999999999999999', '')).map(([k, v]): [string, string][] => [[k, v]]),
  fc.constantFrom('hash', 'nothing', '-', '--id', 'client.email', 'a,b,c', 'id,-id', '__proto__', 'x'.repeat(5000)).map((v): [string, string][] => [['sort', v]]),
  fc.constantFrom<[string, string][]>(
    [['select[hash]', 'true']],
    [['select[nothing]', 'true']],
    [['select', 'abc']],
    [['populate[users][hash]', 'true']],
    [['draft', 'abc']],
    [['trash', 'true']],
    [['pagination', 'false']],
    [['locale', '../../etc']],
    [['fallback-locale', 'xx']],
    [['joins', 'abc']],
    [['depth', '100']],
    [['limit', '1e9']],
  ),
)

/**
 * Node's HTTP server refuses a request line and headers over 16 kB itself (431, before
 * any of our code): query values stay under that so they reach the routes.
 */
const MAX_QUERY_VALUE = 2000
const MAX_QUERY_STRING = 10_000

const queryString = (entries: [string, string][]) => entries.map(([k, v]) => `${k.replace(/[^[\]]+/g, (part) => enc(part))}=${enc(v)}`).join('&')

const documentedQuery = (doc: OpenApiDocument, route: Route, targets: Targets): fc.Arbitrary<[string, string][]> => {
  if (route.queryParams.length === 0) return fc.constant([])
  const one = route.queryParams.map((param) =>
    fc
      .oneof(
        plausible(doc, param.schema, idsOf(targets, collectionOf(route, targets))).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
        hostileFor(doc, param.schema).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')),
      )
      .map((value): [string, string] => [param.name, value.length > MAX_QUERY_VALUE ? value.slice(0, MAX_QUERY_VALUE) : value]),
  )
  return fc.subarray(one, { minLength: 0 }).chain((picked) => (picked.length === 0 ? fc.constant([]) : fc.tuple(...picked)))
}

type Body = { body?: string; contentType?: string; note: string; names: string[] }

const json = (value: unknown, note: string): Body => ({ body: JSON.stringify(value), contentType: 'application/json', note, names: value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [] })

/** A JSON body from the route's schema with one property (or more) made hostile, fields dropped or added. */
const jsonBody = (doc: OpenApiDocument, route: Route, targets: Targets): fc.Arbitrary<Body> => {
  const schema = route.body && route.body.kind === 'json' ? deref(doc, route.body.schema) : {}
  const ids = idsOf(targets, collectionOf(route, targets))
  const base = plausible(doc, schema, ids)
  const properties = Object.keys(schema.properties ?? {})
  const mutated =
    properties.length === 0
      ? fc.record({ [properties[0] ?? 'value']: hostileFor(doc, {}) }).map((v) => json(v, 'hostile value'))
      : fc.tuple(base, fc.constantFrom(...properties)).chain(([value, name]) =>
          hostileFor(doc, schema.properties![name]).map((bad) => json({ ...(value as object), [name]: bad }, `hostile ${name}`)),
        )
  return fc.oneof(
    { weight: 2, arbitrary: base.map((v) => json(v, 'plausible body')) },
    { weight: 6, arbitrary: mutated },
    { weight: 2, arbitrary: fc.tuple(base, fc.constantFrom(...(properties.length > 0 ? properties : ['x']))).map(([v, drop]) => {
      const copy = { ...(v as Record<string, unknown>) }
      delete copy[drop]
      return json(copy, `without ${drop}`)
    }) },
    { weight: 2, arbitrary: fc.tuple(base, extraFieldNames, fc.oneof(hostileStrings, hostileNumbers, fc.constantFrom(1, 'admin', ['superadmin'], { id: 1 }))).map(([v, name, extra]) => {
      const copy = { ...(v as Record<string, unknown>) }
      Object.defineProperty(copy, name, { value: extra, enumerable: true, configurable: true, writable: true })
      return json(copy, `extra ${name}`)
    }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>([], 'text', 12, null, true, [{}]).map((v) => json(v, 'body not an object')) },
    { weight: 1, arbitrary: deepJson.map((v) => json(v, 'deeply nested body')) },
    { weight: 1, arbitrary: fc.constant(json({ value: 'x'.repeat(1024 * 1024) }, '1 MB field')) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '{not json',
        '',
        'NaN',
        '{"amount": NaN}',
        '{"amount": Infinity, "pages": -Infinity}',
        '{"a":1}garbage',
        '\u0000',
        `{"pages": 1e400, "amount": 123456789012345678901234567890}`,
        '['.repeat(100_000),
        deepText(20_000),
        `{"value": ${deepText(20_000)}}`,
        '{"__proto__": {"isAdmin": true}}',
        '{"a": "\\ud800"}',
      ).map((body): Body => ({ body, contentType: 'application/json', note: `raw body ${JSON.stringify(body.slice(0, 40))}`, names: [] })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(base, fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'multipart/form-data', 'application/octet-stream')).map(([v, contentType]): Body => ({
        body: contentType === 'application/x-www-form-urlencoded' ? 'a=1&b=%00' : JSON.stringify(v),
        contentType,
        note: `content type ${contentType}`,
        names: [],
      })),
    },
    { weight: 1, arbitrary: multipartBody(doc, route) },
  )
}

const BOUNDARY = 'hostileBoundary1234'

const part = (name: string, value: string, filename?: string, type?: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${filename !== undefined ? `; filename="${filename}"` : ''}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n${value}\r\n`

/** Multipart forms: well formed with a traversal file name, or broken (boundary, truncation). */
const multipartBody = (_doc: OpenApiDocument, route: Route): fc.Arbitrary<Body> => {
  const fields = route.body?.kind === 'multipart' ? Object.keys(route.body.schema.properties ?? {}) : []
  const payloadField = fc.oneof(fc.constant('{"note":"x"}'), fc.constant('{not json'), hostileStrings.filter((s) => s.length < 3000).map((s) => JSON.stringify({ note: s, order: s, purpose: s })), fc.constant(deepText(20_000)))
  const filename = fc.constantFrom('../../etc/passwd', '..\\..\\boot.ini', 'a\u0000.txt', '.htaccess', '', 'x'.repeat(5000) + '.txt', 'report.pdf', '%2e%2e%2fpasswd', 'CON', 'a/b/c.txt')
  const wellFormed = fc.tuple(payloadField, filename, fc.constantFrom('text/plain', 'application/pdf', 'image/png', 'application/x-msdownload', '')).map(([payloadValue, name, type]): Body => ({
    body: part('_payload', payloadValue) + fields.filter((f) => f !== 'file').map((f) => part(f, 'x')).join('') + part('file', 'hello', name, type) + `--${BOUNDARY}--\r\n`,
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    note: `multipart file ${JSON.stringify(name.slice(0, 40))}`,
    names: ['_payload', 'file', 'filename', ...fields],
  }))
  const broken = fc.constantFrom<Body>(
    { body: part('_payload', '{}') + part('file', 'hello', 'a.txt'), contentType: `multipart/form-data; boundary=${BOUNDARY}`, note: 'multipart without its closing boundary', names: [] },
    { body: part('file', 'hel', 'a.txt').slice(0, 60), contentType: `multipart/form-data; boundary=${BOUNDARY}`, note: 'multipart truncated', names: [] },
    { body: part('file', 'hello', 'a.txt'), contentType: 'multipart/form-data; boundary=otherBoundary', note: 'multipart with another boundary', names: [] },
    { body: part('file', 'hello', 'a.txt'), contentType: 'multipart/form-data', note: 'multipart without a boundary', names: [] },
    { body: 'garbage', contentType: `multipart/form-data; boundary=${BOUNDARY}`, note: 'multipart garbage', names: [] },
    { body: `--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${BOUNDARY}--\r\n`, contentType: `multipart/form-data; boundary=${BOUNDARY}`, note: 'multipart part without a name', names: [] },
    { body: `--${BOUNDARY}--\r\n`, contentType: `multipart/form-data; boundary=${'x'.repeat(200)}`, note: 'multipart boundary too long', names: [] },
  )
  return fc.oneof(wellFormed, broken)
}

const bodyOf = (doc: OpenApiDocument, route: Route, targets: Targets): fc.Arbitrary<Body> => {
  if (route.method === 'GET' || route.method === 'HEAD') return fc.constant({ note: '', names: [] })
  if (route.body?.kind === 'multipart') return fc.oneof({ weight: 3, arbitrary: multipartBody(doc, route) }, { weight: 1, arbitrary: jsonBody(doc, route, targets) })
  if (route.method === 'DELETE') return fc.oneof({ weight: 3, arbitrary: fc.constant<Body>({ note: '', names: [] }) }, { weight: 1, arbitrary: jsonBody(doc, route, targets) })
  return jsonBody(doc, route, targets)
}

/** The properties the route's body schema names: a refusal may name one the request left out. */
const bodyFields = (doc: OpenApiDocument, route: Route): string[] => (route.body ? Object.keys(deref(doc, route.body.schema).properties ?? {}) : [])

/** Hostile requests for one route of the document. */
export const requestsFor = (doc: OpenApiDocument, route: Route, targets: Targets): fc.Arbitrary<HostileRequest> => {
  const params = route.pathParams.length === 0 ? fc.constant([] as string[]) : fc.tuple(...route.pathParams.map((p) => pathValue(doc, route, p.name, targets)))
  const listsRecords = route.method === 'GET' && collectionOf(route, targets) !== undefined
  const query = fc
    .tuple(documentedQuery(doc, route, targets), listsRecords ? fc.option(payloadQuery, { freq: 2 }) : fc.constant(null), fc.option(fc.tuple(extraFieldNames, hostileStrings.filter((s) => s.length < 1000)), { freq: 4 }))
    .map(([documented, payload, extra]) => [...documented, ...(payload ?? []), ...(extra ? [extra as [string, string]] : [])])
  return fc.record({ actor: fc.constantFrom(...ACTORS), params, query, body: bodyOf(doc, route, targets), idempotencyKey: fc.option(fc.oneof(fc.uuid(), hostileStrings.filter((s) => s.length < 3000)), { freq: 3 }) }).map(({ actor, params, query: generated, body, idempotencyKey }) => {
    const query = [...generated]
    let path = route.path
    route.pathParams.forEach((p, i) => (path = path.replace(`{${p.name}}`, params[i]!)))
    // Node's own limit on the request line and headers (16 kB, a 431 before our code): keep under it.
    while (query.length > 0 && queryString(query).length > MAX_QUERY_STRING) query.pop()
    const qs = queryString(query)
    const headers: Record<string, string> = {}
    if (body.contentType) headers['content-type'] = body.contentType
    // A header carries no line breaks, controls or non-Latin-1 text (Node refuses to send them).
    // eslint-disable-next-line no-control-regex
    if (idempotencyKey !== null && route.method !== 'GET') headers['idempotency-key'] = idempotencyKey.replace(/[\u0000-\u001f\u007f-\uffff]/g, '?')
    return {
      actor,
      method: route.method,
      url: qs ? `${path}?${qs}` : path,
      headers,
      body: body.body,
      note: [body.note, query.length > 0 ? `query ${query.map(([k]) => k).join(',')}` : ''].filter(Boolean).join('; '),
      names: [...route.pathParams.map((p) => p.name), ...query.map(([k]) => k), ...body.names, ...bodyFields(doc, route)],
    }
  })
}
