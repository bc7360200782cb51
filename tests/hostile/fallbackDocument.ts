import type { OpenApiDocument } from './openapi'

const id = { type: 'integer', minimum: 1, maximum: 2147483647 }
const idParam = { name: 'id', in: 'path', required: true, schema: id }
const listParams = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
  { name: 'depth', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 5 } },
  { name: 'sort', in: 'query', schema: { type: 'string' } },
]
const order = {
  type: 'object',
  properties: {
    topic: { type: 'string', maxLength: 200 },
    instructions: { type: 'string' },
    paperType: { type: 'string', enum: ['essay', 'research_paper'] },
    workType: { type: 'string', enum: ['writing', 'editing'] },
    academicLevel: { type: 'string', enum: ['high_school', 'undergrad', 'master', 'phd'] },
    subject: { type: 'string' },
    pages: { type: 'integer', minimum: 1, maximum: 500 },
    spacing: { type: 'string', enum: ['double', 'single'] },
    deadlineHours: { type: 'integer', minimum: 1 },
  },
  required: ['topic', 'paperType', 'pages', 'deadlineHours'],
}

/**
 * A small hand-written OpenAPI 3.1 document of a few routes of each kind (Payload's
 * list, read, update, delete, login; custom JSON, actions and money routes; a multipart
 * upload; a file route): the campaign's input until `buildOpenApiDocument` exists, and
 * the harness's own test input.
 */
export const fallbackDocument: OpenApiDocument = {
  openapi: '3.1.0',
  paths: {
    '/api/orders': {
      get: { operationId: 'listOrders', parameters: listParams },
      post: { operationId: 'placeOrder', requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/orderInput' } } } } },
    },
    '/api/orders/{id}': {
      get: { operationId: 'readOrder', parameters: [idParam] },
      patch: { operationId: 'updateOrder', parameters: [idParam], requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/orderInput' } } } } },
      delete: { operationId: 'deleteOrder', parameters: [idParam] },
    },
    '/api/orders/quote': { post: { operationId: 'quote', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/orderInput' } } } } } },
    '/api/orders/{id}/actions': { get: { operationId: 'orderActions', parameters: [idParam] } },
    '/api/orders/{id}/actions/{action}': {
      post: {
        operationId: 'performOrderAction',
        parameters: [idParam, { name: 'action', in: 'path', required: true, schema: { type: 'string', enum: ['requestCancellation', 'markPaid', 'approve', 'requestRevision'] } }],
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { reason: { type: 'string' }, note: { type: 'string' } } } } } },
      },
    },
    '/api/refunds': {
      post: {
        operationId: 'refund',
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { order: id, amount: { type: 'integer', minimum: 1 }, destination: { type: 'string', enum: ['wallet', 'original'] }, reason: { type: 'string' } }, required: ['order', 'amount'] } } } },
      },
    },
    '/api/users/login': {
      post: { operationId: 'login', requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } }, required: ['email', 'password'] } } } } },
    },
    '/api/users/{id}': { get: { operationId: 'readUser', parameters: [idParam] } },
    '/api/auth/register': {
      post: { operationId: 'register', requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' }, name: { type: 'string' } }, required: ['email', 'password'] } } } } },
    },
    '/api/ledger/summary': { get: { operationId: 'ledgerSummary', parameters: [{ name: 'from', in: 'query', schema: { type: 'string', format: 'date' } }, { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } }] } },
    '/api/order-files': {
      post: { operationId: 'uploadOrderFile', requestBody: { content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, _payload: { type: 'string' } } } } } } },
    },
    '/api/order-files/file/{filename}': { get: { operationId: 'orderFileContent', parameters: [{ name: 'filename', in: 'path', required: true, schema: { type: 'string' } }] } },
    '/api/graphql': { post: { operationId: 'graphql' } },
  },
  components: { schemas: { orderInput: order as never } },
}
