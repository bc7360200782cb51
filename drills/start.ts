/**
 * `npm run drills:start [-- --runs N] [-- --only web|worker]`: starts the production
 * build's compiled web process N times in a row (default 20), each on a fresh port, and
 * the compiled worker N times, the way `npm start` and `npm run worker` start them. Each
 * start must answer `/readyz` 200 (web) or log "worker started" (worker) within 120 s,
 * then end with code 0 on SIGTERM. Prints each start's time to ready and min / median /
 * max; exits 1 if any start fails or takes longer.
 *
 * Needs an existing build (`npm run build`), a PostgreSQL server (DATABASE_URL's, else
 * 127.0.0.1:5432 as postgres, else an embedded one) on which it creates and drops a
 * scratch database, and Debian's redis-server (a private one on a free port). Not part
 * of `npm test`: CI runs it with `--runs 5` after the browser test.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { dropDatabases, ensureDatabase, onServer, withDatabase } from '../src/server/database'
import { type EmbeddedDatabase, freePort, startEmbeddedPostgres } from '../src/server/embeddedPostgres'
import { type EntryName, missingBuild, startCompiled, stopCompiled, waitForExit, waitForOutput, waitForReady } from '../tests/helpers/compiledProcess'
import { hasRedisServer, startPrivateRedis } from '../tests/helpers/redis'

import { productionEnv } from './productionEnv'

const LIMIT_MS = 120_000
const KINDS = { web: 'index', worker: 'worker' } as const satisfies Record<string, EntryName>
type Kind = keyof typeof KINDS

const say = (line: string) => process.stdout.write(`${line}\n`)
const fail = (line: string): never => {
  process.stderr.write(`${line}\n`)
  process.exit(1)
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

const options = (() => {
  try {
    const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, only: { type: 'string' } } })
    const runs = Number(values.runs)
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not ${values.runs}`)
    if (values.only !== undefined && !(values.only in KINDS)) throw new Error(`--only must be web or worker, not ${values.only}`)
    return { runs, kinds: values.only ? [values.only as Kind] : (Object.keys(KINDS) as Kind[]) }
  } catch (error) {
    return fail(`drills:start: ${error instanceof Error ? error.message : String(error)}`)
  }
})()

for (const name of ['migrate', ...options.kinds.map((kind) => KINDS[kind])] as EntryName[]) {
  const missing = missingBuild(name)
  if (missing.length > 0) fail(`No production build (${missing.join(', ')} missing): run npm run build first`)
}
if (!hasRedisServer()) fail('drills:start needs redis-server (Debian package redis-server)')

type Outcome = { run: number; ms: number; error?: string }

const median = (sorted: number[]) => {
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const scratch = await mkdtemp(path.join(os.tmpdir(), 'scriptorium-drill-start-'))
const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres'
const answers = (url: string) => onServer(url, (client) => client.query('SELECT 1')).then(() => true, () => false)
let embedded: EmbeddedDatabase | null = null
let serverUrl = process.env.DATABASE_URL ?? LOCAL_SERVER
if (!process.env.DATABASE_URL && !(await answers(LOCAL_SERVER))) {
  embedded = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), ephemeral: true })
  serverUrl = embedded.url
}
const dbName = `sc_drill_start_${Date.now().toString(36)}`
const databaseUrl = withDatabase(serverUrl, dbName)
const redis = await startPrivateRedis()
const env = productionEnv({ databaseUrl, redisUrl: redis.url, scratch })

/** One start: time to ready, then SIGTERM and a clean exit. */
const startOnce = async (kind: Kind, run: number): Promise<Outcome> => {
  const port = await freePort()
  const started = Date.now()
  const running = startCompiled(KINDS[kind], { ...env, PORT: String(port) })
  let ms = 0
  try {
    if (kind === 'web') await waitForReady(`http://127.0.0.1:${port}`, running.child, LIMIT_MS)
    else await waitForOutput(running, 'worker started', LIMIT_MS)
    ms = Date.now() - started
  } catch (error) {
    await stopCompiled(running.child, 5_000)
    return { run, ms: Date.now() - started, error: `${error instanceof Error ? error.message : String(error)}\n${running.output().slice(-2000)}` }
  }
  const code = await stopCompiled(running.child)
  if (code !== 0) return { run, ms, error: `ended with ${code} on SIGTERM\n${running.output().slice(-2000)}` }
  return { run, ms }
}

/** Every start of one kind, printed as it goes; whether all became ready in time and stopped cleanly. */
const drill = async (kind: Kind): Promise<boolean> => {
  say(`${kind}: ${options.runs} starts`)
  const outcomes: Outcome[] = []
  for (let run = 1; run <= options.runs; run += 1) {
    const outcome = await startOnce(kind, run)
    outcomes.push(outcome)
    say(`  ${kind} #${run}: ${outcome.error ? `FAILED after ${seconds(outcome.ms)}: ${outcome.error}` : `ready in ${seconds(outcome.ms)}`}`)
  }
  const times = outcomes.filter((o) => !o.error).map((o) => o.ms).sort((a, b) => a - b)
  if (times.length > 0) {
    say(`  ${kind}: min ${seconds(times[0]!)}, median ${seconds(median(times))}, max ${seconds(times.at(-1)!)} (${times.length} of ${outcomes.length} ready)`)
  }
  const bad = outcomes.filter((o) => o.error || o.ms > LIMIT_MS).length
  if (bad > 0) say(`  ${kind}: ${bad} of ${outcomes.length} starts failed or took more than ${seconds(LIMIT_MS)}`)
  return bad === 0
}

let passed = true
try {
  await ensureDatabase(databaseUrl)
  // The compiled migrate prepares the scratch database, so the worker starts on a migrated one.
  const migrating = startCompiled('migrate', env)
  const migrated = await waitForExit(migrating.child, LIMIT_MS)
  if (migrated !== 0) {
    migrating.child.kill('SIGKILL')
    throw new Error(`the compiled migrate ended with ${migrated}\n${migrating.output().slice(-2000)}`)
  }
  for (const kind of options.kinds) passed = (await drill(kind)) && passed
} catch (error) {
  passed = false
  say(`drills:start: ${error instanceof Error ? error.message : String(error)}`)
} finally {
  await dropDatabases(serverUrl, [dbName]).catch(() => {})
  await embedded?.stop()
  await redis.stop()
  await rm(scratch, { recursive: true, force: true })
}

say(passed ? 'start drill passed' : 'start drill FAILED')
process.exit(passed ? 0 : 1)
