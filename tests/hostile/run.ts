import { spawn } from 'node:child_process'
import { parseArgs } from 'node:util'

/**
 * `npm run test:hostile [-- --runs N] [--seed S] [--graphql-runs N] [--only REGEX]`: the
 * campaign's long form through vitest (its database setup), its settings passed on in
 * the environment (HOSTILE_RUNS, HOSTILE_SEED, HOSTILE_GRAPHQL_RUNS, HOSTILE_ONLY).
 */
const { values } = parseArgs({
  options: { runs: { type: 'string' }, seed: { type: 'string' }, 'graphql-runs': { type: 'string' }, only: { type: 'string' } },
  strict: true,
})
const env: NodeJS.ProcessEnv = { ...process.env }
if (values.runs) env.HOSTILE_RUNS = values.runs
if (values.seed) env.HOSTILE_SEED = values.seed
if (values['graphql-runs']) env.HOSTILE_GRAPHQL_RUNS = values['graphql-runs']
if (values.only) env.HOSTILE_ONLY = values.only

const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/hostile/vitest.config.ts'], { env, stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 1))
