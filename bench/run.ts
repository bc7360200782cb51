/**
 * `npm run bench [-- --fresh --connections 10 --duration 10 --rounds 2 --warmup 3 --sql-samples 40 --only quote,create-order --no-save]`
 *
 * Dataset (built once, reused), a fresh copy of it for this run, Payload and the
 * baseline in a child process, then per scenario: load on each server (warm-up, then
 * alternating measured stretches), then SQL statements and CPU time per request from
 * sequential requests. Prints a table with the targets (exit code 1 when one is missed)
 * and saves JSON under bench/results/. See docs/bench.md.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'

import pg from 'pg'

import { DEMO_PASSWORD, demoEmail } from '@/seed/demoData'
import { dropDatabases, onServer, withDatabase } from '@/server/database'
import { START_FLAG } from '@/server/lexicalConditions'

import { BENCH_CREDENTIALS_KEY, BENCH_PAYLOAD_SECRET, benchConfig, DATASET, say } from './config'
import { ensureDataset } from './dataset'
import { call, type LoadSample, runLoad, summarize } from './load'
import { ledgerViolationsOf } from '@/operations/ledger/invariants'

import { BENCH_WEBHOOK_SECRET, type MoneyFixtures, prepareMoneyFixtures } from './moneyFixtures'
import { compareRuns, formatComparison, latestCommitted, MAX_DROP } from './compare'
import { crossChecks, evaluate, formatResults, type ScenarioResult } from './report'
import { type Actors, SCENARIOS, type Scenario } from './scenarios'
import type { LoadRequest } from './load'

const started = Date.now()
const config = benchConfig()
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`
const cores = os.cpus().length
if (os.loadavg()[0]! > cores) {
  say(`warning: load average ${os.loadavg()[0]!.toFixed(1)} on ${cores} cores — other work will distort the figures (CPU ms/req suffers least)`)
}

await ensureDataset({ serverUrl: config.serverUrl, database: config.datasetDb, fresh: config.fresh })

// A fresh copy per run: order creation writes, and every run should start from the same data.
const cloneStarted = Date.now()
await dropDatabases(config.serverUrl, [config.runDb])
await onServer(config.serverUrl, (client) => client.query(`CREATE DATABASE "${config.runDb}" TEMPLATE "${config.datasetDb}"`))
const runUrl = withDatabase(config.serverUrl, config.runDb)
/** How long a scenario waits for the earlier ones' jobs at most, and for one of them to finish. */
const JOB_SETTLE_MAX_MS = 180_000
const JOB_STALL_MS = 10_000
say(`run database ${config.runDb}: copied from ${config.datasetDb} in ${Date.now() - cloneStarted} ms`)

// The callers: alpha's client with the most orders, and alpha's admin (one website).
const tenantSlug = 'alpha'
const host = `${tenantSlug}.test`
const picked = await (async () => {
  const client = new pg.Client({ connectionString: runUrl })
  await client.connect()
  try {
    const { rows: tenant } = await client.query<{ id: number }>('SELECT id FROM tenants WHERE slug = $1', [tenantSlug])
    const tenantId = tenant[0]!.id
    const { rows: heavy } = await client.query<{ id: number; email: string; orders: number }>(
      `SELECT u.id, u.email, count(*)::int AS orders FROM orders o JOIN users u ON u.id = o.client_id
       WHERE o.tenant_id = $1 GROUP BY u.id ORDER BY orders DESC, u.id LIMIT 1`,
      [tenantId],
    )
    const { rows: status } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM orders WHERE tenant_id = $1 AND status = 'in_progress'", [
      tenantId,
    ])
    const { rows: version } = await client.query<{ server_version: string }>('SHOW server_version')
    const { rows: newest } = await client.query<{ id: number }>('SELECT id FROM orders WHERE client_id = $1 ORDER BY created_at DESC LIMIT 1', [heavy[0]!.id])
    return { tenantId, client: heavy[0]!, inProgress: status[0]!.n, postgres: version[0]!.server_version, clientOrderId: newest[0]!.id }
  } finally {
    await client.end()
  }
})()
if (picked.client.orders < 20) throw new Error(`the busiest client of ${tenantSlug} has only ${picked.client.orders} orders`)
const adminEmail = demoEmail('admin', tenantSlug)
say(`callers on ${host}: client ${picked.client.email} (${picked.client.orders} orders), ${adminEmail} (${picked.inProgress} orders in progress)`)

const scenarios = SCENARIOS.filter((s) => config.only.length === 0 || config.only.includes(s.name))
// Enough for warm-up, the measured stretches and the sequential samples of each server.
const money: MoneyFixtures | null = scenarios.some((s) => s.money)
  ? await prepareMoneyFixtures(runUrl, picked.tenantId, { orders: { payload: 120, baseline: 300 }, topUps: { payload: 12000, baseline: 30000 } })
  : null

// The servers under test (uploads, if any, in a scratch directory removed at the end).
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'scriptorium-bench-'))
type Ports = { express: number; payload: number; baseline: number }
const startServer = async (): Promise<{ child: ChildProcess; ports: Ports }> => {
  const child = spawn(process.execPath, ['--import', 'tsx', START_FLAG, path.resolve(import.meta.dirname, 'server.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: runUrl,
      NODE_ENV: 'production',
      PAYLOAD_SECRET: BENCH_PAYLOAD_SECRET,
      CREDENTIALS_KEY: BENCH_CREDENTIALS_KEY,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      DATA_DIR: dataDir,
      BENCH_INSERT_TENANT: String(picked.tenantId),
      BENCH_INSERT_CLIENT: String(picked.client.id),
      // The webhook scenario signs its deliveries with this secret; no request leaves the machine.
      STRIPE_SECRET_KEY: 'sk_test_bench_local_only',
      STRIPE_WEBHOOK_SECRET: BENCH_WEBHOOK_SECRET,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout! })
  const ports = await new Promise<Ports>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
    lines.on('line', (line) => {
      if (line.startsWith('BENCH_READY ')) resolve(JSON.parse(line.slice('BENCH_READY '.length)))
      else process.stdout.write(`  [server] ${line}\n`)
    })
  })
  return { child, ports }
}
const serverStarted = Date.now()
const { child, ports } = await startServer()
say(`servers up in ${Date.now() - serverStarted} ms (production path :${ports.express}, Payload's handler :${ports.payload}, baseline :${ports.baseline})`)

const stopServer = () =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.removeAllListeners('exit')
    child.on('exit', () => resolve())
    child.kill('SIGTERM')
  })

try {
  const login = async (email: string) => {
    const res = await call(ports.express, {
      method: 'POST',
      path: '/api/users/login',
      headers: { host, 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    })
    const token = (res.body as { token?: string }).token
    if (res.status !== 200 || !token) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`)
    return token
  }
  const actors: Actors = { host, clientToken: await login(picked.client.email), adminToken: await login(adminEmail), clientOrderId: picked.clientOrderId, etags: {} }
  for (const path of new Set(scenarios.flatMap((s) => s.etagOf ?? []))) {
    const res = await call(ports.express, { method: 'GET', path, headers: { host } })
    const etag = res.headers.etag
    if (res.status !== 200 || typeof etag !== 'string') throw new Error(`${path}: ${res.status}, ETag ${String(etag)}`)
    actors.etags[path] = etag
  }
  if (money) {
    const payerTokens: string[] = []
    for (const payer of money.payers) payerTokens.push(await login(payer.email))
    actors.money = { ...money, payerTokens }
    say(`logged in ${payerTokens.length} paying clients`)
  }
  // One request (and so one sequence of orders or events) per scenario and server, used by every phase.
  const built = new Map<string, { payload: LoadRequest; baseline: LoadRequest }>()
  const requestsOf = (scenario: Scenario) => {
    if (!built.has(scenario.name)) built.set(scenario.name, { payload: scenario.request(actors, undefined, 'payload'), baseline: scenario.request(actors, undefined, 'baseline') })
    return built.get(scenario.name)!
  }
  /** Where a scenario's "baseline" request goes: the plain-SQL server, or Payload's production path for a reference. */
  const baselinePortOf = (scenario: Scenario) => (scenario.reference ? ports.express : ports.baseline)
  const stats = async () =>
    (await call(ports.payload, { method: 'GET', path: '/__bench/stats', headers: {} })).body as { statements: number; cpuMicros: number }

  // Both servers must answer the same thing before their speeds are compared.
  for (const scenario of scenarios) {
    const requests = requestsOf(scenario)
    const [a, d, b] = [await call(ports.express, requests.payload), await call(ports.payload, requests.payload), await call(baselinePortOf(scenario), requests.baseline)]
    const bad = (status: number) => status >= 300 && status !== scenario.expectStatus
    if (bad(a.status) || bad(d.status) || bad(b.status)) {
      throw new Error(
        `${scenario.name}: production path ${a.status} ${JSON.stringify(a.body).slice(0, 300)}; handler ${d.status} ${JSON.stringify(d.body).slice(0, 300)}; baseline ${b.status} ${JSON.stringify(b.body).slice(0, 300)}`,
      )
    }
    const shape = (body: unknown) => {
      const r = body as { docs?: { id: number }[]; totalDocs?: number; total?: number; doc?: { id: number } }
      const answer = body as { payment?: { status: string }; received?: boolean }
      if (answer.payment) return `payment ${answer.payment.status}`
      if (answer.received) return 'event received'
      return r.docs ? `${r.docs.length} docs of ${r.totalDocs}, first #${r.docs[0]?.id}` : r.doc ? 'one order' : `total ${r.total}`
    }
    // A reference is another request: only the two Payload paths must agree.
    const same = scenario.writes === true || (scenario.reference ? shape(a.body) === shape(d.body) : shape(a.body) === shape(b.body) && shape(d.body) === shape(b.body))
    say(`check ${scenario.name}: production path ${a.status} ${shape(a.body)} | handler ${d.status} ${shape(d.body)} | baseline ${b.status} ${shape(b.body)}${same ? '' : '  ← DIFFERENT'}`)
    if (!same) throw new Error(`${scenario.name}: Payload and the baseline disagree`)
  }

  /**
   * Before a scenario, the due jobs the earlier ones queued (mails, notifications, ledger
   * follow-ups of every placement and payment) run to the end: the bench has no Redis, so
   * they run in the server's process and would share the machine with the next scenario.
   * Retries waiting for their time are not waited for.
   */
  const jobsBefore = await (async () => {
    const db = new pg.Client({ connectionString: runUrl })
    await db.connect()
    try {
      return (await db.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM outbox')).rows[0]?.id ?? 0
    } finally {
      await db.end()
    }
  })()
  const settleJobs = async (before: string) => {
    const db = new pg.Client({ connectionString: runUrl })
    await db.connect()
    try {
      const started = Date.now()
      let announced = 0
      let least = Number.POSITIVE_INFINITY
      let movedAt = Date.now()
      for (;;) {
        // The run's own jobs that are due; rows nothing works on here (a live event wants
        // the Redis relay) stop the wait once the count has not fallen for a while.
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbox WHERE id > $1 AND status IN ('pending', 'dispatched') AND (available_at IS NULL OR available_at <= now())`,
          [jobsBefore],
        )
        const waiting = rows[0]?.n ?? 0
        if (waiting === 0) return
        if (waiting < least) [least, movedAt] = [waiting, Date.now()]
        if (Date.now() - movedAt > JOB_STALL_MS || Date.now() - started > JOB_SETTLE_MAX_MS) return say(`  ${waiting} jobs left that are not moving; ${before} starts`)
        if (Date.now() - announced > 10_000) {
          say(`  ${waiting} jobs of the earlier scenarios still running before ${before}…`)
          announced = Date.now()
        }
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    } finally {
      await db.end()
    }
  }

  const results: ScenarioResult[] = []
  const loadAverages: number[] = []
  for (const scenario of scenarios) {
    await settleJobs(scenario.name)
    // BENCH_PROFILE=<dir>: V8 CPU profiles of the Payload stretches, <dir>/<scenario>-<round>.cpuprofile.
    const profileDir = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : null
    const profiling = async (action: 'start' | 'stop', round: number) => {
      if (!profileDir) return
      await mkdir(profileDir, { recursive: true })
      const file = path.join(profileDir, `${scenario.name}-${round}.cpuprofile`)
      await call(ports.payload, { method: 'POST', path: `/__bench/profile/${action}`, headers: {}, body: file })
    }

    // A warm-up of each, then alternating stretches so that every server meets the same
    // background load (the machine may be shared): the production path (Express →
    // payloadApi → Payload), Payload's handler called directly, the baseline, again…
    const requests = requestsOf(scenario)
    const load = { connections: scenario.connections ?? config.connections }
    const samples = { express: [] as LoadSample[], payload: [] as LoadSample[], baseline: [] as LoadSample[], baselineWithoutUserRead: [] as LoadSample[] }
    const withoutUserRead: LoadRequest = { ...requests.baseline, headers: { ...requests.baseline.headers, 'x-bench-auth': 'cached' } }
    await runLoad(ports.express, requests.payload, { ...load, duration: config.warmup })
    await runLoad(ports.payload, requests.payload, { ...load, duration: config.warmup })
    await runLoad(baselinePortOf(scenario), requests.baseline, { ...load, duration: config.warmup })
    if (scenario.baselineWithoutUserRead) await runLoad(ports.baseline, withoutUserRead, { ...load, duration: config.warmup })
    const stretch = Math.max(1, Math.round(config.duration / config.rounds))
    loadAverages.push(os.loadavg()[0]!)
    for (let round = 1; round <= config.rounds; round++) {
      await profiling('start', round)
      samples.express.push(await runLoad(ports.express, requests.payload, { ...load, duration: stretch }))
      await profiling('stop', round)
      samples.payload.push(await runLoad(ports.payload, requests.payload, { ...load, duration: stretch }))
      samples.baseline.push(await runLoad(baselinePortOf(scenario), requests.baseline, { ...load, duration: stretch }))
      if (scenario.baselineWithoutUserRead) samples.baselineWithoutUserRead.push(await runLoad(ports.baseline, withoutUserRead, { ...load, duration: stretch }))
    }
    loadAverages.push(os.loadavg()[0]!)
    // Targets are the production path's; Payload's handler called directly is reported beside it.
    const payload = summarize(samples.express)
    const direct = summarize(samples.payload)
    const baseline = summarize(samples.baseline)

    // SQL statements per Payload request: N sequential requests (after the load, so with
    // warm code), counted at the pool. The same requests give the servers' process CPU
    // time per request (Payload, then the baseline): a figure far less sensitive to other
    // load on the machine than throughput.
    const statements: Record<string, number> = {}
    const cpu = { payload: 0, direct: 0, baseline: 0 }
    for (const [i, size] of (scenario.pageSizes ?? [undefined]).entries()) {
      const sized = { payload: scenario.request(actors, size, 'payload'), baseline: scenario.request(actors, size, 'baseline') }
      const sequential = async (port: number, side: 'payload' | 'baseline') => {
        const request = size === undefined ? requests[side] : sized[side]
        await call(port, request)
        const before = await stats()
        for (let n = 0; n < config.sqlSamples; n++) {
          const res = await call(port, request)
          if (res.status >= 300 && res.status !== scenario.expectStatus) throw new Error(`${scenario.name}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
        }
        const after = await stats()
        return {
          statements: (after.statements - before.statements) / config.sqlSamples,
          cpuMs: (after.cpuMicros - before.cpuMicros) / 1000 / config.sqlSamples,
        }
      }
      const payloadRun = await sequential(ports.express, 'payload')
      statements[size === undefined ? 'default' : String(size)] = Math.round(payloadRun.statements * 100) / 100
      if (i === 0) {
        cpu.payload = Math.round(payloadRun.cpuMs * 100) / 100
        cpu.direct = Math.round((await sequential(ports.payload, 'payload')).cpuMs * 100) / 100
        cpu.baseline = Math.round((await sequential(baselinePortOf(scenario), 'baseline')).cpuMs * 100) / 100
      }
    }
    const rate = (sample: LoadSample) => (sample.seconds > 0 ? sample.requests / sample.seconds : 0)
    const roundRatios = samples.express.map((sample, i) => (rate(samples.baseline[i]!) > 0 ? rate(sample) / rate(samples.baseline[i]!) : 0))
    const result = evaluate(scenario, payload, direct, baseline, statements, cpu, scenario.baselineWithoutUserRead ? summarize(samples.baselineWithoutUserRead) : undefined, roundRatios)
    results.push(result)
    say(
      `[${elapsed()}] ${scenario.name}: production path ${payload.rps} req/s p99 ${payload.p99} ms, handler ${direct.rps} req/s p99 ${direct.p99} ms, ` +
        `baseline ${baseline.rps} req/s p99 ${baseline.p99} ms, ${result.throughputRatio}× throughput${result.throughputRatioWithoutUserRead !== undefined ? ` (${result.throughputRatioWithoutUserRead}× the baseline without its user read)` : ''} (production ÷ handler ${result.productionOverDirect}×), ` +
        `${Object.values(statements).join(' / ')} SQL/req, CPU ${cpu.payload} / ${cpu.direct} / ${cpu.baseline} ms/req`,
    )
  }

  crossChecks(results, scenarios)
  // Whatever the load did, the money must still add up.
  const violations = await (async () => {
    const db = new pg.Client({ connectionString: runUrl })
    await db.connect()
    try {
      return await ledgerViolationsOf(async (text) => (await db.query(text)).rows as Record<string, unknown>[])
    } finally {
      await db.end()
    }
  })()
  const ledgerCheck = { what: 'ledger invariant violations after the run', value: violations.length, limit: '= 0', pass: violations.length === 0 }
  for (const v of violations.slice(0, 10)) say(`  violation: ${v}`)

  say(`\n${formatResults(results)}\n  ${ledgerCheck.pass ? 'PASS' : 'FAIL'}  ${ledgerCheck.what} = ${ledgerCheck.value} (target ${ledgerCheck.limit})\n`)
  let failed = results.flatMap((r) => r.checks).filter((c) => !c.pass).length + (ledgerCheck.pass ? 0 : 1)
  say(failed === 0 ? 'All targets met.' : `${failed} target(s) missed.`)
  if (config.compare) {
    // The gate: only drops against the committed figures fail it, not targets still missed.
    const committed = await latestCommitted()
    if (!committed) throw new Error('--compare: no results committed under bench/results/')
    const comparisons = compareRuns(results, committed.results)
    say(`\n${formatComparison(committed.file, comparisons)}\n`)
    const dropped = comparisons.filter((c) => !c.pass).length
    say(dropped === 0 ? `No ratio fell more than ${MAX_DROP * 100} %.` : `${dropped} ratio(s) fell more than ${MAX_DROP * 100} %.`)
    failed = dropped
  }

  if (config.save) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const file = path.resolve(import.meta.dirname, 'results', `${stamp}.json`)
    await mkdir(path.dirname(file), { recursive: true })
    const report = {
      startedAt: new Date(started).toISOString(),
      seconds: Math.round((Date.now() - started) / 1000),
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        postgres: picked.postgres,
      },
      settings: { connections: config.connections, duration: config.duration, rounds: config.rounds, warmup: config.warmup, sqlSamples: config.sqlSamples },
      /** 1-minute load average before and after each scenario's measurement (compare with machine.cpus). */
      loadAverages: loadAverages.map((n) => Math.round(n * 100) / 100),
      dataset: { ...DATASET, database: config.datasetDb, client: picked.client, inProgressOnTenant: picked.inProgress },
      results,
      ledger: { violations: violations.length, examples: violations.slice(0, 10) },
    }
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`)
    say(`saved ${path.relative(process.cwd(), file)}`)
  }
  say(`bench finished in ${elapsed()}`)
  process.exitCode = failed === 0 ? 0 : 1
} finally {
  await stopServer()
  await dropDatabases(config.serverUrl, [config.runDb])
  await rm(dataDir, { recursive: true, force: true })
}
