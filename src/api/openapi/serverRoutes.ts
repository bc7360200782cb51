import { cacheableOperation } from './cacheable'
import { json } from './jsonSchema'
import type { HttpMethod, OperationSpec } from './operation'

const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } })

const READINESS = {
  type: 'object',
  required: ['status', 'checks'],
  properties: { status: { type: 'string', enum: ['ready', 'unavailable'] }, checks: { type: 'object', additionalProperties: { type: 'string' }, description: 'Per dependency `ok` or why not.' } },
}

/** A root document of the request's website (src/server/contentRoutes.ts): public, cacheable, 404 for an unknown website. */
const feed = (summary: string, description: string, contentType: string): OperationSpec =>
  cacheableOperation({
    summary,
    description: `${description}\n\nAnyone (no login), by the request’s website (\`Host\` or \`X-Tenant\`); drafts, scheduled and unpublished content and other websites’ content never appear. Cacheable: \`ETag\`, \`Cache-Control\`, \`Vary: Host, X-Tenant\`; **304** for a current \`If-None-Match\`. **404** naming the unknown host or website.`,
    tags: ['content'],
    auth: 'none',
    api: false,
    parameters: [{ name: 'X-Tenant', in: 'header', required: false, description: 'The website’s slug, when `Host` is not one of its domains.', schema: { type: 'string' } }],
    responses: { 200: { description: 'The document.', content: { [contentType]: { schema: { type: 'string' } } } } },
    errors: [404],
  })

/**
 * Routes the HTTP server answers itself, beside Payload's REST router (src/server:
 * health probes, live events, the queue dashboard, the website's sitemap, RSS and robots.txt; GraphQL's routes, which are not
 * Payload endpoints). Kept here by hand: the coverage test walks the Express app and
 * GraphQL's routes and fails when one is missing.
 */
export const SERVER_ROUTES: { method: HttpMethod; path: string; spec: OperationSpec }[] = [
  {
    method: 'get',
    path: '/healthz',
    spec: { summary: 'Liveness: the process answers', tags: ['operations'], auth: 'none', api: false, responses: { 200: { description: 'Up.', content: json({ type: 'object', required: ['status'], properties: { status: { const: 'ok' } } }) } } },
  },
  {
    method: 'get',
    path: '/readyz',
    spec: {
      summary: 'Readiness: every dependency answers',
      description: '503 names the failing dependencies; a load balancer stops sending traffic until they recover.',
      tags: ['operations'],
      auth: 'none',
      api: false,
      responses: { 200: { description: 'Ready.', content: json(READINESS) }, 503: { description: 'A dependency does not answer.', content: json(READINESS) } },
    },
  },
  {
    method: 'get',
    path: '/api/events',
    spec: {
      summary: 'Live events (Server-Sent Events)',
      description:
        'The caller’s own events, and for staff their websites’ staff events. Every event has an id: reconnect with `Last-Event-ID` (or `?lastEventId=`) to replay what was missed. `EventSource` sends the cookie; other clients send the token.',
      tags: ['events'],
      auth: 'required',
      api: false,
      parameters: [
        { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
        { name: 'lastEventId', in: 'query', required: false, schema: { type: 'string' } },
      ],
      responses: { 200: { description: 'An event stream (`id`, `event`, `data` as JSON).', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
      errors: [401],
    },
  },
  {
    method: 'post',
    path: '/api/events/test',
    spec: {
      summary: 'Send a test event through the outbox and the worker',
      description: 'Superadmins: checks a deployment end to end.',
      tags: ['events'],
      auth: 'required',
      api: false,
      requestBody: { required: true, content: json({ type: 'object', required: ['user', 'message'], properties: { user: { type: 'integer', minimum: 1 }, message: { type: 'string', minLength: 1 } } }) },
      responses: { 202: { description: 'Queued.', content: json({ type: 'object', required: ['message', 'outboxId'], properties: { message: { type: 'string' }, outboxId: {} } }) } },
      errors: [401, 403, 404],
    },
  },
  {
    method: 'get',
    path: '/admin/queues',
    spec: {
      summary: 'The job queue dashboard (HTML)',
      description: 'Superadmins logged in to the admin panel; others are sent to the login page. Its pages and assets live under this path.',
      tags: ['operations'],
      auth: 'required',
      api: false,
      responses: { 200: html('The dashboard.'), 302: { description: 'Not logged in: to the admin login.', headers: { Location: { schema: { type: 'string' } } } } },
    },
  },
  {
    method: 'get',
    path: '/sitemap.xml',
    spec: feed(
      'The website’s sitemap (sitemaps.org XML)',
      'The home page, the blog (`/blog/`) and every published post and page of the website at its canonical URL on the primary domain, with `lastmod` (the last publish).',
      'application/xml',
    ),
  },
  {
    method: 'get',
    path: '/rss.xml',
    spec: feed('The website’s blog feed (RSS 2.0)', 'The 20 newest published posts of the website, newest first, with canonical links, excerpts, authors and categories.', 'application/rss+xml'),
  },
  {
    method: 'get',
    path: '/robots.txt',
    spec: feed(
      'The website’s robots.txt',
      'Allows the site and the public content API (`/api/public/`), disallows `/admin`, the rest of `/api/` and the website’s own extra paths (its content settings), and names the sitemap on the primary domain.',
      'text/plain',
    ),
  },
  {
    method: 'post',
    path: '/api/graphql',
    spec: {
      summary: 'GraphQL',
      description:
        'Every collection, and the workflows (quote, placement, actions, checkout, wallet, dashboard), with the same access and errors as REST. Documents deeper than the depth limit or with too many aliases are refused (400). Money mutations take an `idempotencyKey` argument. The schema is introspectable where `GRAPHQL_INTROSPECTION` allows.',
      tags: ['graphql'],
      auth: 'optional',
      requestBody: {
        required: true,
        content: json({ type: 'object', required: ['query'], properties: { query: { type: 'string' }, variables: { type: ['object', 'null'] }, operationName: { type: ['string', 'null'] } } }),
      },
      responses: {
        200: {
          description: 'A GraphQL answer; field errors are in `errors` beside `data`.',
          content: json({ type: 'object', properties: { data: { type: ['object', 'null'] }, errors: { type: 'array', items: { type: 'object', required: ['message'] } } } }),
        },
      },
    },
  },
  {
    // Next's REST route adds this endpoint to the config the first time it runs; listed
    // here so the document is the same whether or not it has yet.
    method: 'get',
    path: '/api/og',
    spec: {
      summary: 'An Open Graph image for the admin’s pages (PNG)',
      description: 'Served by the admin (Next), not the API.',
      tags: ['operations'],
      auth: 'none',
      parameters: ['title', 'leader', 'description'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
      responses: { 200: { description: 'The image.', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } } },
    },
  },
  {
    method: 'get',
    path: '/api/graphql-playground',
    spec: { summary: 'The GraphQL playground (HTML)', description: 'Where `GRAPHQL_PLAYGROUND` allows it; 404 otherwise.', tags: ['graphql'], auth: 'none', responses: { 200: html('The playground.') }, errors: [404] },
  },
]
