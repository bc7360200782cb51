import { type DocumentNode, Kind, parse, type SelectionSetNode, visit } from 'graphql'

/** The fragments a selection spreads, directly or inside inline fragments and fields. */
const spreadsOf = (set: SelectionSetNode): string[] => {
  const names: string[] = []
  visit(set, { FragmentSpread: (node) => void names.push(node.name.value) })
  return names
}

/** The first fragment that spreads itself through a chain of others, or null. */
const fragmentCycle = (document: DocumentNode): string | null => {
  const edges = new Map<string, string[]>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) edges.set(definition.name.value, spreadsOf(definition.selectionSet))
  }
  const done = new Set<string>()
  // Iterative depth-first search: a hostile document may chain thousands of fragments.
  for (const start of edges.keys()) {
    if (done.has(start)) continue
    const path = new Set<string>([start])
    const stack: { name: string; next: number }[] = [{ name: start, next: 0 }]
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const targets = edges.get(top.name) ?? []
      if (top.next >= targets.length) {
        stack.pop()
        path.delete(top.name)
        done.add(top.name)
        continue
      }
      const target = targets[top.next++]!
      if (path.has(target)) return target
      if (done.has(target) || !edges.has(target)) continue
      path.add(target)
      stack.push({ name: target, next: 0 })
    }
  }
  return null
}

/**
 * What Payload's validation cannot be trusted with: its complexity rule runs beside
 * GraphQL's own and fails (a 500) on a subscription (there is no subscription type) and
 * on fragments that spread each other, before NoFragmentCycles reports them. Refused
 * here with GraphQL's words; a document that does not parse is left to Payload's 400.
 */
export const documentRefusal = (query: unknown): string | null => {
  if (typeof query !== 'string') return null
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: 50_000 })
  } catch {
    return null
  }
  if (document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'subscription')) {
    return 'Subscriptions are not served: use GET /api/events (Server-Sent Events) for live updates.'
  }
  const cycle = fragmentCycle(document)
  return cycle ? `Cannot spread fragment "${cycle}" within itself.` : null
}
