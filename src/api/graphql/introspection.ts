import { GraphQLError, type ValidationRule } from 'graphql'

import { env, graphqlSwitches } from '@/env'

const INTROSPECTION = new Set(['__schema', '__type'])

/**
 * Refuses `__schema` and `__type` while introspection is switched off
 * (`GRAPHQL_INTROSPECTION`, off in production by default), so the schema is not handed
 * to whoever asks. Read per request: the setting is the process's, tests switch it.
 * (`__typename` stays: clients need it to tell union members apart.)
 */
export const introspectionRule: ValidationRule = (context) => {
  const allowed = graphqlSwitches(env()).introspection
  return {
    Field(node) {
      if (!allowed && INTROSPECTION.has(node.name.value)) {
        context.reportError(new GraphQLError('GraphQL introspection is switched off on this server (GRAPHQL_INTROSPECTION).', { nodes: [node] }))
      }
    },
  }
}
