import { describe, expect, it } from 'vitest'

import { operationIdOf } from '../../src/api/openapi/operation'
import { openApiPaths, pathParameterNames } from '../../src/api/openapi/paths'

describe('Payload route paths as OpenAPI paths', () => {
  it('templates parameters and joins the base', () => {
    expect(openApiPaths('/api/orders', '/')).toEqual(['/api/orders'])
    expect(openApiPaths('/api/orders', '/:id/actions/:action')).toEqual(['/api/orders/{id}/actions/{action}'])
    expect(openApiPaths('/api', '/docs/:asset')).toEqual(['/api/docs/{asset}'])
    expect(pathParameterNames('/api/orders/{id}/actions/{action}')).toEqual(['id', 'action'])
  })

  it('answers an optional last parameter as two paths (OpenAPI has no optional path parameters)', () => {
    expect(openApiPaths('/api/orders', '/access/:id?')).toEqual(['/api/orders/access', '/api/orders/access/{id}'])
    expect(openApiPaths('/api/media', '/paste-url/:id?')).toEqual(['/api/media/paste-url', '/api/media/paste-url/{id}'])
  })
})

describe('operation ids', () => {
  it('reads as the method and the route, unique within the document', () => {
    const taken = new Set<string>()
    expect(operationIdOf('get', '/api/orders/{id}/actions', taken)).toBe('getOrdersByIdActions')
    expect(operationIdOf('post', '/api/payout-requests/{id}/actions/approve', taken)).toBe('postPayoutRequestsByIdActionsApprove')
    expect(operationIdOf('get', '/api/openapi.json', taken)).toBe('getOpenapiJson')
    expect(operationIdOf('get', '/api/orders/{id}/actions', taken)).toBe('getOrdersByIdActions2')
  })
})
