import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit'
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql'

/**
 * How much one GraphQL request may ask for. A query of 500 aliases of a list held the
 * database pool for 44 s; these refuse such a document during validation, before any
 * resolver runs. With `limit` capped per list (src/domain/query/limits.ts), they bound
 * the work of a request.
 */
export const GRAPHQL_LIMITS = {
  /** Aliased fields in one operation. */
  maxAliases: 15,
  /** Nesting of selections (a client portal's deepest useful query is about 8). */
  maxDepth: 10,
  /** Fields at the root of one operation, each a query of its own. */
  maxRootFields: 10,
  /** graphql-armor's cost: objects 2, scalars 1, ×1.5 per level. */
  maxCost: 5000,
  /** Bytes of one request body. */
  maxBodyBytes: 100_000,
} as const

const report = (context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)
const armor = { propagateOnRejection: false, onReject: [report] }

/** Counts the root fields of each operation, through fragments, and refuses too many. */
const maxRootFieldsRule =
  (max: number): ValidationRule =>
  (context): ASTVisitor => {
    const count = (set: SelectionSetNode, seen: Set<string>): number =>
      set.selections.reduce((total, selection) => {
        if (selection.kind === Kind.FIELD) return total + (selection.name.value === '__typename' ? 0 : 1)
        if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet, seen)
        if (seen.has(selection.name.value)) return total
        seen.add(selection.name.value)
        const fragment = context.getFragment(selection.name.value)
        return total + (fragment ? count(fragment.selectionSet, seen) : 0)
      }, 0)
    return {
      OperationDefinition(node) {
        const found = count(node.selectionSet, new Set())
        if (found > max) context.reportError(new GraphQLError(`At most ${max} root fields in one request, found ${found}.`, { nodes: [node] }))
      },
    }
  }

/** The rules every GraphQL document must pass, on top of GraphQL's own. */
export const graphqlLimitRules = (): ValidationRule[] => [
  maxAliasesRule({ n: GRAPHQL_LIMITS.maxAliases, ...armor }),
  maxDepthRule({ n: GRAPHQL_LIMITS.maxDepth, ...armor }),
  costLimitRule({ maxCost: GRAPHQL_LIMITS.maxCost, ...armor }),
  maxRootFieldsRule(GRAPHQL_LIMITS.maxRootFields),
]
