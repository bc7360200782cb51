/**
 * Who is told of an event: its parties, each once, without empty references and without
 * the one who did it (they know already).
 */
export const partiesBut = (actor: number | null | undefined, parties: readonly (number | null | undefined)[]): number[] => {
  const told = new Set<number>()
  for (const id of parties) if (id != null && id !== actor) told.add(id)
  return [...told]
}
