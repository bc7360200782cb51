import type { GraphQLExtension, GraphQLInfo } from 'payload'

import { dashboardField } from './dashboardField'
import { moneyFields } from './moneyFields'
import { orderFields } from './orderFields'
import { workflowFields } from './workflowFields'

type Fields = { queries: Record<string, unknown>; mutations: Record<string, unknown> }

// Payload asks for queries and mutations in two calls of one schema build; they share types (an action enum), so build once per build.
const built = new WeakMap<object, Fields>()

const fieldsOf = (info: GraphQLInfo): Fields => {
  let fields = built.get(info.collections)
  if (!fields) {
    const parts = [workflowFields(info), orderFields(info), moneyFields(info)]
    fields = {
      queries: Object.assign({}, ...parts.map((part) => part.queries), { dashboard: { ...dashboardField } }) as Record<string, unknown>,
      mutations: Object.assign({}, ...parts.map((part) => part.mutations)) as Record<string, unknown>,
    }
    built.set(info.collections, fields)
  }
  return fields
}

/**
 * The workflows on GraphQL (issue 12), beside Payload's collection queries: each field
 * calls the operation its REST route calls, so access, the tenant rule, refusals
 * (`extensions.statusCode`, `extensions.data.errors`) and idempotency are the same.
 */
export const workflowQueries: GraphQLExtension = (_graphql, info) => ({ ...fieldsOf(info).queries })
export const workflowMutations: GraphQLExtension = (_graphql, info) => ({ ...fieldsOf(info).mutations })
