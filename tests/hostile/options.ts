import { randomInt } from 'node:crypto'

/** The campaign's settings from the environment (`npm run test:hostile -- --runs N --seed S` sets them). */
export const campaignSettings = (defaultRuns: number, defaultSeed?: number) => {
  const runs = Number(process.env.HOSTILE_RUNS ?? defaultRuns)
  // A fixed default seed keeps `npm test` deterministic; the long form explores a new seed each run.
  const seed = process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : (defaultSeed ?? randomInt(2 ** 31 - 1))
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`HOSTILE_RUNS must be a whole number ≥ 1, not ${process.env.HOSTILE_RUNS}`)
  if (!Number.isInteger(seed)) throw new Error(`HOSTILE_SEED must be a whole number, not ${process.env.HOSTILE_SEED}`)
  const graphqlRuns = process.env.HOSTILE_GRAPHQL_RUNS ? Number(process.env.HOSTILE_GRAPHQL_RUNS) : undefined
  const only = process.env.HOSTILE_ONLY ? new RegExp(process.env.HOSTILE_ONLY) : undefined
  return { runs, seed, graphqlRuns, only }
}
