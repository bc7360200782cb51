import type { SanitizedCollectionConfig, SanitizedGlobalConfig } from 'payload'

import { QUERY_LIMITS } from '@/domain/query/limits'

import { json, type JsonSchema } from './jsonSchema'
import type { HttpMethod, OperationSpec } from './operation'

/**
 * Payload's own REST routes (what the installed version adds to every collection,
 * auth collection, upload collection and global while sanitising the config), keyed by
 * method and path as Payload registers them. A route Payload adds that is not here is
 * left out of the document, and the coverage test names it.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

const query = (name: string, schema: JsonSchema, description: string): JsonSchema => ({
  name,
  in: 'query',
  required: false,
  description,
  ...(schema.type === 'object' ? { style: 'deepObject', explode: true } : {}),
  schema,
})

const { maxDepth, maxPageSize, maxPage, maxSortFields } = QUERY_LIMITS

/** Payload's query parameters, shared as `components.parameters` (one definition, referenced by every route). */
export const QUERY_PARAMETERS = {
  Depth: query('depth', { type: 'integer', minimum: 0, maximum: maxDepth }, `How deep relationships are populated (0: ids only). At most ${maxDepth}.`),
  Select: query('select', { type: 'object', additionalProperties: true }, 'The fields to answer with: `select[title]=true`. `id` is always there.'),
  Where: query(
    'where',
    { type: 'object', additionalProperties: true },
    'A filter over the collection’s fields: `where[status][equals]=paid`, `where[or][0][total][greater_than]=1000`. Operators: equals, not_equals, in, not_in, all, exists, greater_than(_equal), less_than(_equal), like, contains, near. Unknown fields or operators are a 400 naming them.',
  ),
  Sort: query('sort', { type: 'string' }, `A field name, \`-\` first for descending; up to ${maxSortFields} separated by commas.`),
  Limit: query('limit', { type: 'integer', minimum: 1, maximum: maxPageSize }, `Documents per page (default 10, at most ${maxPageSize}).`),
  Page: query('page', { type: 'integer', minimum: 1, maximum: maxPage }, 'The page, from 1.'),
  Pagination: query('pagination', { type: 'boolean' }, `false: one page of \`limit\` documents without counting (needs a limit of at most ${maxPageSize}).`),
}

const param = (name: keyof typeof QUERY_PARAMETERS) => ({ $ref: `#/components/parameters/${name}` })
const DEPTH = param('Depth')
const SELECT = param('Select')
const WHERE = param('Where')
const LIST = [WHERE, param('Sort'), param('Limit'), param('Page'), param('Pagination'), DEPTH, SELECT]

const MESSAGE = { type: 'object', required: ['message'], properties: { message: { type: 'string' } } }

const docAndMessage = (schema: JsonSchema) => ({ type: 'object', required: ['doc', 'message'], properties: { doc: schema, message: { type: 'string' } } })

const paginated = (item: JsonSchema) => ({
  type: 'object',
  required: ['docs'],
  properties: {
    docs: { type: 'array', items: item },
    totalDocs: { type: 'integer' },
    limit: { type: 'integer' },
    totalPages: { type: 'integer' },
    page: { type: 'integer' },
    pagingCounter: { type: 'integer' },
    hasPrevPage: { type: 'boolean' },
    hasNextPage: { type: 'boolean' },
    prevPage: { type: ['integer', 'null'] },
    nextPage: { type: ['integer', 'null'] },
  },
})

/** What a bulk update or delete (`PATCH /` or `DELETE /` with a `where`) answers. */
const bulk = (item: JsonSchema) => ({
  type: 'object',
  required: ['docs', 'message'],
  properties: {
    docs: { type: 'array', items: item },
    errors: { type: 'array', items: { type: 'object', properties: { id: {}, message: { type: 'string' } } } },
    message: { type: 'string' },
  },
})

const version = (item: JsonSchema) => ({
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer' }, parent: {}, version: item, createdAt: { type: 'string' }, updatedAt: { type: 'string' }, latest: { type: ['boolean', 'null'] }, autosave: { type: ['boolean', 'null'] } },
})

/** The caller's permissions (what the admin panel draws its buttons from). */
const PERMISSIONS = { type: 'object', additionalProperties: true, description: 'Per operation `{ permission: boolean }`, per field likewise.' }

const ok = (schema: JsonSchema, description = 'Success.') => ({ description, content: json(schema) })
const FILE = { description: 'The file.', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }

const body = (schema: JsonSchema, required = true) => ({ required, content: json(schema) })

/** An upload collection's create: the file and the other fields as JSON in `_payload`. */
const uploadBody = (fields: JsonSchema, fileRequired: boolean) => ({
  required: fileRequired,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        ...(fileRequired ? { required: ['file'] } : {}),
        properties: { file: { type: 'string', format: 'binary' }, _payload: { type: 'string', description: 'The other fields as a JSON object.', contentMediaType: 'application/json' } },
      },
    },
    ...(fileRequired ? {} : json(fields)),
  },
})

const EMAIL = { type: 'string', format: 'email' }

type Ctx = { slug: string; label: string; collection: SanitizedCollectionConfig }
type Route = (ctx: Ctx) => Omit<OperationSpec, 'tags'>

const COLLECTION_ROUTES: Record<string, Route> = {
  'get /': ({ slug, label }) => ({ summary: `List ${label}`, auth: 'optional', parameters: LIST, responses: { 200: ok(paginated(ref(slug))) } }),
  'get /count': ({ label }) => ({ summary: `Count ${label}`, auth: 'optional', parameters: [WHERE], responses: { 200: ok({ type: 'object', required: ['totalDocs'], properties: { totalDocs: { type: 'integer' } } }) } }),
  'post /': ({ slug, label, collection }) => ({
    summary: `Create one of ${label}`,
    description: 'Fields the server owns (status, money, numbers, stamps) are not part of the body; any given are ignored.',
    auth: 'required',
    parameters: [DEPTH],
    requestBody: collection.upload ? uploadBody(ref(`${slug}_create`), true) : body(ref(`${slug}_create`)),
    responses: { 201: ok(docAndMessage(ref(slug)), 'Created.') },
    errors: [403, 409, 422],
  }),
  'get /{id}': ({ slug, label }) => ({ summary: `One of ${label} by id`, auth: 'optional', parameters: [DEPTH, SELECT], responses: { 200: ok(ref(slug)) }, errors: [404] }),
  'patch /{id}': ({ slug, label, collection }) => ({
    summary: `Update one of ${label}`,
    description: 'Only the fields given change. Fields the server owns are not part of the body; any given are ignored.',
    auth: 'required',
    parameters: [DEPTH],
    requestBody: collection.upload ? uploadBody(ref(`${slug}_update`), false) : body(ref(`${slug}_update`)),
    responses: { 200: ok(docAndMessage(ref(slug))) },
    errors: [403, 404, 409, 422],
  }),
  'delete /{id}': ({ slug, label }) => ({ summary: `Delete one of ${label}`, auth: 'required', responses: { 200: ok(docAndMessage(ref(slug))) }, errors: [403, 404, 409] }),
  'patch /': ({ slug, label }) => ({
    summary: `Update every one of ${label} that \`where\` matches`,
    description: 'Answers 400 with the documents it could not update (`errors`) beside those it did.',
    auth: 'required',
    parameters: [WHERE, DEPTH],
    requestBody: body(ref(`${slug}_update`)),
    responses: { 200: ok(bulk(ref(slug))) },
    errors: [403, 409, 422],
  }),
  'delete /': ({ slug, label }) => ({
    summary: `Delete every one of ${label} that \`where\` matches`,
    auth: 'required',
    parameters: [WHERE, DEPTH],
    responses: { 200: ok(bulk(ref(slug))) },
    errors: [403, 409],
  }),
  'post /{id}/duplicate': ({ slug, label }) => ({ summary: `Duplicate one of ${label}`, auth: 'required', responses: { 200: ok(docAndMessage(ref(slug))) }, errors: [403, 404, 422] }),
  'post /access': ({ label }) => ({ summary: `The caller’s permissions on ${label}`, auth: 'optional', responses: { 200: ok(PERMISSIONS) } }),
  'post /access/{id}': ({ label }) => ({ summary: `The caller’s permissions on one of ${label}`, auth: 'optional', responses: { 200: ok(PERMISSIONS) } }),
  'get /versions': ({ slug, label }) => ({ summary: `Versions of ${label}`, description: 'Only collections with versions; others answer 404.', auth: 'optional', parameters: LIST, responses: { 200: ok(paginated(version(ref(`${slug}_version`)))) }, errors: [404] }),
  'get /versions/{id}': ({ slug, label }) => ({ summary: `One version of ${label}`, auth: 'optional', parameters: [DEPTH], responses: { 200: ok(version(ref(`${slug}_version`))) }, errors: [404] }),
  'post /versions/{id}': ({ slug, label }) => ({ summary: `Restore a version of ${label}`, auth: 'required', responses: { 200: ok(docAndMessage(ref(slug))) }, errors: [403, 404] }),

  // Auth collections.
  'post /login': ({ slug }) => ({
    summary: 'Log in',
    description:
      'On a website’s domain (or with `X-Tenant`), only that website’s members log in. Answers the token for `Authorization: Bearer <token>` and sets the session cookie. Repeated failures are slowed down (429 with `Retry-After`). Each login is a session (`GET /api/users/sessions`); past the role’s limit the oldest session ends.\n\nWith two-factor sign-in on for the account (or required of staff by one of their websites), a right password answers `{ mfaRequired: true, enrolRequired, challenge }` instead, without a token or cookie: finish with `POST /api/users/login/mfa` (after `POST /api/users/login/mfa/enrol` when `enrolRequired`).',
    auth: 'none',
    requestBody: body({ type: 'object', required: ['email', 'password'], properties: { email: EMAIL, password: { type: 'string' } } }),
    responses: {
      200: ok(
        {
          oneOf: [
            { type: 'object', required: ['message', 'user'], properties: { message: { type: 'string' }, user: ref(slug), token: { type: 'string' }, exp: { type: 'integer' } } },
            {
              type: 'object',
              required: ['message', 'mfaRequired', 'enrolRequired', 'challenge'],
              additionalProperties: false,
              properties: { message: { type: 'string' }, mfaRequired: { type: 'boolean', enum: [true] }, enrolRequired: { type: 'boolean' }, challenge: { type: 'string', description: 'Good for five minutes, once.' } },
            },
          ],
        },
        'Logged in (the token and its expiry, seconds since the epoch), or a second factor is due.',
      ),
    },
    errors: [401, 403, 429],
  }),
  'post /logout': () => ({ summary: 'Log out', description: 'Ends the session and clears the cookie.', auth: 'required', responses: { 200: ok(MESSAGE) } }),
  'get /me': ({ slug }) => ({
    summary: 'The logged-in user',
    description: '`user` is null when the request carries no valid token or cookie.',
    auth: 'optional',
    responses: {
      200: ok({
        type: 'object',
        required: ['user'],
        properties: { user: { oneOf: [ref(slug), { type: 'null' }] }, collection: { type: 'string' }, strategy: { type: 'string' }, token: { type: 'string' }, exp: { type: 'integer' }, message: { type: 'string' } },
      }),
    },
  }),
  'post /refresh-token': ({ slug }) => ({
    summary: 'A fresh token for the logged-in user',
    auth: 'required',
    responses: { 200: ok({ type: 'object', properties: { message: { type: 'string' }, refreshedToken: { type: 'string' }, exp: { type: 'integer' }, user: ref(slug), strategy: { type: 'string' } } }) },
  }),
  'post /forgot-password': () => ({
    summary: 'Mail a password reset link',
    description: 'Answers the same whether or not the address is known. Counted per address (429 past the limit).',
    auth: 'none',
    requestBody: body({ type: 'object', required: ['email'], properties: { email: EMAIL } }),
    responses: { 200: ok(MESSAGE) },
    errors: [429],
  }),
  'post /reset-password': ({ slug }) => ({
    summary: 'Set a new password with the mailed token',
    auth: 'none',
    requestBody: body({ type: 'object', required: ['token', 'password'], properties: { token: { type: 'string' }, password: { type: 'string' } } }),
    description: 'On a website’s domain (or with `X-Tenant`), only that website’s members: a member of another website is refused (401) as at login.',
    responses: { 200: ok({ type: 'object', required: ['message'], properties: { message: { type: 'string' }, token: { type: 'string' }, user: ref(slug) } }) },
    errors: [401, 403, 429],
  }),
  'post /unlock': () => ({
    summary: 'Unlock an account locked by failed logins',
    description:
      'Lifts every lockout of the account with this email, from every address (failed logins lock one address out of one account), as `POST /api/users/{id}/unlock` does. For an admin of one of the user’s websites, or a superadmin; **403** for anyone else and for an email they cannot unlock.',
    auth: 'required',
    requestBody: body({ type: 'object', required: ['email'], properties: { email: EMAIL } }),
    responses: { 200: ok(MESSAGE) },
    errors: [403],
  }),
  'post /verify/{id}': () => ({
    summary: 'Verify an email address with the mailed token',
    auth: 'none',
    pathParams: { id: { type: 'string', description: 'The verification token.' } },
    responses: { 200: ok(MESSAGE) },
    errors: [403],
  }),
  'get /init': () => ({ summary: 'Whether a first user exists', auth: 'none', responses: { 200: ok({ type: 'object', required: ['initialized'], properties: { initialized: { type: 'boolean' } } }) } }),
  'post /first-register': ({ slug }) => ({
    summary: 'Create the first user',
    description: 'Only while no user exists; refused (403) afterwards.',
    auth: 'none',
    requestBody: body({ allOf: [ref(`${slug}_create`), { type: 'object', required: ['email', 'password'], properties: { email: EMAIL, password: { type: 'string' } } }] }),
    responses: { 200: ok({ type: 'object', properties: { message: { type: 'string' }, user: ref(slug), token: { type: 'string' }, exp: { type: 'integer' } } }) },
    errors: [403],
  }),
  'post /{id}/api-key/reveal': () => ({ summary: 'Reveal an API key', auth: 'required', responses: { 200: ok({ type: 'object', properties: { apiKey: { type: 'string' } } }) }, errors: [403, 404] }),

  // Upload collections.
  'get /file/{filename}': () => ({ summary: 'Download a stored file', auth: 'optional', pathParams: { filename: { type: 'string' } }, responses: { 200: FILE }, errors: [404] }),
  'get /paste-url': () => ({
    summary: 'Fetch a file from a URL for the admin’s upload field',
    auth: 'required',
    parameters: [query('src', { type: 'string' }, 'The file’s URL.')],
    responses: { 200: FILE },
  }),
  'get /paste-url/{id}': () => ({
    summary: 'Fetch a file from a URL for the admin’s upload field (editing a document)',
    auth: 'required',
    parameters: [query('src', { type: 'string' }, 'The file’s URL.')],
    responses: { 200: FILE },
  }),

  // The multi-tenant plugin's website switcher in the admin.
  'get /populate-tenant-options': () => ({
    summary: 'The websites the caller may switch between in the admin',
    auth: 'required',
    responses: { 200: ok({ type: 'object', required: ['tenantOptions'], properties: { tenantOptions: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' }, value: {} } } } } }) },
  }),

  // The admin panel's preferences (Payload's own collection).
  'get /{key}': () => ({
    summary: 'One of the caller’s admin preferences',
    auth: 'required',
    pathParams: { key: { type: 'string' } },
    responses: { 200: ok({ type: 'object', additionalProperties: true }) },
  }),
  'post /{key}': () => ({
    summary: 'Save one of the caller’s admin preferences',
    auth: 'required',
    pathParams: { key: { type: 'string' } },
    requestBody: body({ type: 'object', properties: { value: {} } }),
    responses: { 200: ok({ type: 'object', additionalProperties: true }) },
  }),
  'delete /{key}': () => ({ summary: 'Forget one of the caller’s admin preferences', auth: 'required', pathParams: { key: { type: 'string' } }, responses: { 200: ok(MESSAGE) } }),
}

/** Payload's operation for a collection route (`path` in OpenAPI form, relative to the collection), if it is one of Payload's. */
export const payloadCollectionRoute = (collection: SanitizedCollectionConfig, method: HttpMethod, path: string): OperationSpec | undefined => {
  const route = COLLECTION_ROUTES[`${method} ${path}`]
  if (!route) return undefined
  const label = typeof collection.labels?.plural === 'string' ? collection.labels.plural.toLowerCase() : collection.slug
  if (path.startsWith('/versions') && !collection.versions) return noVersions(collection.slug, label)
  const spec = route({ slug: collection.slug, label, collection })
  return { tags: [collection.slug], ...spec, errors: [...(spec.errors ?? []), ...collectionErrors(method)] }
}

/** Payload registers the version routes on every collection; one without versions answers them 404 (src/api/guardEndpoints.ts). */
const noVersions = (slug: string, label: string): OperationSpec => ({
  tags: [slug],
  summary: `Versions of ${label}: none kept`,
  description: 'This collection keeps no versions: the route always answers 404.',
  auth: 'none',
  responses: {},
  errors: [404],
})

/**
 * What any of Payload's collection routes may answer besides its own: access refused
 * (403, also to an anonymous caller: Payload does not tell the two apart); and on a
 * write, what the collection's hooks refuse: a record the body names that the caller
 * cannot see (404), a state that forbids it (409), a rule (422).
 */
const collectionErrors = (method: HttpMethod): (403 | 404 | 409 | 422)[] => (method === 'get' ? [403] : [403, 404, 409, 422])

type GlobalRoute = (slug: string) => Omit<OperationSpec, 'tags'>

const GLOBAL_ROUTES: Record<string, GlobalRoute> = {
  'get /': (slug) => ({ summary: `Read ${slug}`, auth: 'optional', parameters: [DEPTH], responses: { 200: ok(ref(slug)) } }),
  'post /': (slug) => ({ summary: `Update ${slug}`, auth: 'required', requestBody: body(ref(slug)), responses: { 200: ok(docAndMessage(ref(slug)) as JsonSchema) } }),
  'post /access': (slug) => ({ summary: `The caller’s permissions on ${slug}`, auth: 'optional', responses: { 200: ok(PERMISSIONS) } }),
  'get /versions': (slug) => ({ summary: `Versions of ${slug}`, auth: 'optional', parameters: LIST, responses: { 200: ok(paginated(version(ref(slug)))) } }),
  'get /versions/{id}': (slug) => ({ summary: `One version of ${slug}`, auth: 'optional', responses: { 200: ok(version(ref(slug))) }, errors: [404] }),
  'post /versions/{id}': (slug) => ({ summary: `Restore a version of ${slug}`, auth: 'required', responses: { 200: ok(docAndMessage(ref(slug))) }, errors: [404] }),
}

export const payloadGlobalRoute = (global: SanitizedGlobalConfig, method: HttpMethod, path: string): OperationSpec | undefined => {
  const route = GLOBAL_ROUTES[`${method} ${path}`]
  return route ? { tags: [global.slug], ...route(global.slug) } : undefined
}

const ROOT_ROUTES: Record<string, Omit<OperationSpec, 'tags'>> = {
  'get /access': { summary: 'The caller’s permissions on every collection', auth: 'optional', responses: { 200: ok(PERMISSIONS) } },
}

export const payloadRootRoute = (method: HttpMethod, path: string): OperationSpec | undefined => {
  const route = ROOT_ROUTES[`${method} ${path}`]
  return route ? { tags: ['account'], ...route } : undefined
}
