/** A support agent as round-robin sees them: open tickets in hand and when they last got one. */
export type AgentLoad = { id: number; load: number; lastAssignedAt: Date | null }

const byTime = (a: Date | null, b: Date | null): number => {
  const x = a?.getTime() ?? Number.NEGATIVE_INFINITY
  const y = b?.getTime() ?? Number.NEGATIVE_INFINITY
  return x === y ? 0 : x < y ? -1 : 1
}

/**
 * Round-robin by load: the agent with the fewest open tickets; among equals the one
 * assigned least recently (never before first), then the lowest id. Null when the
 * website has no agent.
 */
export const pickAgent = (agents: readonly AgentLoad[]): number | null => {
  const sorted = [...agents].sort((a, b) => a.load - b.load || byTime(a.lastAssignedAt, b.lastAssignedAt) || a.id - b.id)
  return sorted[0]?.id ?? null
}
