import { type ASTVisitFn, KnownTypeNamesRule, type NamedTypeNode, specifiedRules, type ValidationRule } from 'graphql'

/**
 * GraphQL's KnownTypeNamesRule lists every type name of the schema up front, for the
 * spelling suggestions of an error that almost never comes: ~5 ms a document on Payload's
 * schema (16,000 types), most of a small query's validation. This one looks each name up
 * and hands only an unknown one to GraphQL's rule, built then: the same errors, words and
 * suggestions (which the route strips anyway).
 */
export const lazyKnownTypeNamesRule: ValidationRule = (context) => {
  const types = context.getSchema().getTypeMap()
  let original: ASTVisitFn<NamedTypeNode> | null = null
  return {
    NamedType(node, key, parent, path, ancestors) {
      if (types[node.name.value]) return
      original ??= (KnownTypeNamesRule(context) as { NamedType: ASTVisitFn<NamedTypeNode> }).NamedType
      return original(node, key, parent, path, ancestors)
    },
  }
}

/** GraphQL's own rules, in their order, with the lazy KnownTypeNamesRule. */
export const schemaRules: readonly ValidationRule[] = specifiedRules.map((rule) => (rule === KnownTypeNamesRule ? lazyKnownTypeNamesRule : rule))
