/**
 * `npm run soak [-- --minutes 10 --clients 20 --concurrency 16 --capacity-seconds 30 --sample-seconds 30]`
 *
 * The long run, outside CI: the production build's web process and worker on a
 * PostgreSQL and a Redis of the drill's own (`npm run build` first). It measures the
 * capacity of the mixed workload of drills/soak/workload.ts (`--concurrency` callers
 * back to back for `--capacity-seconds`), then sends that mix at half the measured rate
 * for `--minutes`, sampling every `--sample-seconds` each process's heap after a full
 * collection, its descriptors, PostgreSQL's connections and Redis's clients and keys.
 * Passes when no request failed, every acknowledged placement and payment is there once
 * with the ledger sound, the queue drained, each heap floor grew ≤ 10 % from the window
 * after warm-up to the last window, and connections, descriptors and Redis keys did not
 * grow. Prints progress, the samples and a `SOAK_RESULT {json}` line; exits 1 on a miss.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

import { Redis } from 'ioredis'

import { call } from '../bench/load'
import { DEMO_PASSWORD, demoEmail } from '../src/seed/demoData'

import { preflight, startPlatform } from './faults/platform'
import { countClean, countWrites, formatCount, newTally, prepareClients } from './faults/writeLoad'
import { formatSample, judge, type Sample, takeSample } from './soak/probes'
import { HOST, newOutcome, type Outcome, runOne, type SoakContext, totalErrors, totalRequests } from './soak/workload'

const say = (line: string) => process.stdout.write(`${line}\n`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const options = (() => {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '10' },
      clients: { type: 'string', default: '20' },
      concurrency: { type: 'string', default: '16' },
      'capacity-seconds': { type: 'string', default: '30' },
      'sample-seconds': { type: 'string', default: '30' },
    },
    strict: true,
  })
  const positive = (name: string, raw: string) => {
    const n = Number(raw)
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not ${raw}`)
    return n
  }
  return {
    minutes: positive('minutes', values.minutes),
    clients: Math.round(positive('clients', values.clients)),
    concurrency: Math.round(positive('concurrency', values.concurrency)),
    capacitySeconds: positive('capacity-seconds', values['capacity-seconds']),
    sampleSeconds: positive('sample-seconds', values['sample-seconds']),
  }
})()
if (!preflight(say)) process.exit(1)

const started = Date.now()
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`
const scratch = await mkdtemp(path.join(os.tmpdir(), 'scriptorium-soak-'))
const heapFile = path.join(scratch, 'heap.jsonl')
const probe = path.resolve(import.meta.dirname, 'soak/heapProbe.mjs')
const platform = await startPlatform(say, { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(probe).href}`.trim(), SOAK_HEAP_FILE: heapFile })
const redis = new Redis(platform.redis.url, { maxRetriesPerRequest: 1 })
let passed = false
// Interrupted, the drill still stops its processes, PostgreSQL and Redis.
let closing: Promise<void> | null = null
const closeAll = () => (closing ??= (async () => {
  redis.disconnect()
  await platform.close()
  await rm(scratch, { recursive: true, force: true })
})())
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void closeAll().finally(() => process.exit(130)))
try {
  const web = await platform.startWeb({ seed: true })
  const worker = await platform.startWorker()
  say(`[${elapsed()}] web ${web.base} and worker up`)
  const clients = await prepareClients(platform, web, options.clients, 100_000_000, `soak${Date.now().toString(36)}`)
  const admin = await call(web.port, {
    method: 'POST',
    path: '/api/users/login',
    headers: { host: HOST, 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoEmail('admin', 'alpha'), password: DEMO_PASSWORD }),
  })
  const adminToken = (admin.body as { token?: string }).token
  if (!adminToken) throw new Error(`the admin's login: ${admin.status}`)
  const [page] = await platform.query<{ slug: string }>(
    "SELECT p.slug FROM pages p JOIN tenants t ON t.id = p.tenant_id WHERE t.slug = 'alpha' AND p._status = 'published' ORDER BY p.id LIMIT 1",
  )
  if (!page) throw new Error('the demo data has no published page on alpha')
  const tally = newTally()
  const ctx: SoakContext = { port: web.port, clients: clients.map((c) => ({ id: c.id, token: c.token, lastOrder: null })), adminToken, pageSlug: page.slug, tally }
  say(`[${elapsed()}] ${clients.length} clients and an admin signed in; public page /${page.slug}`)

  // Capacity: callers back to back, as fast as the platform answers.
  const capacityOutcome = newOutcome()
  const capacityUntil = Date.now() + options.capacitySeconds * 1000
  const t0 = performance.now()
  let capacityOps = 0
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (Date.now() < capacityUntil) {
        await runOne(ctx, capacityOutcome)
        capacityOps += 1
      }
    }),
  )
  const capacity = totalRequests(capacityOutcome) / ((performance.now() - t0) / 1000)
  const rate = capacity / 2
  // Requests per operation of the mix (a placement is two): operations start at rate ÷ this.
  const requestsPerOp = totalRequests(capacityOutcome) / Math.max(1, capacityOps)
  say(
    `[${elapsed()}] capacity ${capacity.toFixed(1)} requests/s with ${options.concurrency} callers (${requestsPerOp.toFixed(2)} requests per operation, ${totalErrors(capacityOutcome)} errors); soaking at ${rate.toFixed(1)} requests/s for ${options.minutes} min`,
  )

  // The soak: operations started on a clock at half that rate, open loop (a slow answer
  // does not slow the callers). An operation due while as many as the capacity run's
  // callers × 4 are still unanswered is not started but counted: the platform fell behind.
  const outcome: Outcome = newOutcome()
  const maxInFlightAllowed = options.concurrency * 4
  let behind = 0
  const watched = { web: web.process.child.pid!, worker: worker.child.pid! }
  const samples: Sample[] = []
  const soakStarted = Date.now()
  const soakEnds = soakStarted + options.minutes * 60_000
  const inFlight = new Set<Promise<void>>()
  let maxInFlight = 0
  let nextSample = soakStarted
  let launched = 0
  while (Date.now() < soakEnds) {
    const due = (((Date.now() - soakStarted) / 1000) * rate) / requestsPerOp
    while (launched < due) {
      launched += 1
      if (inFlight.size >= maxInFlightAllowed) {
        behind += 1
        continue
      }
      const op = runOne(ctx, outcome).finally(() => inFlight.delete(op))
      inFlight.add(op)
    }
    maxInFlight = Math.max(maxInFlight, inFlight.size)
    if (Date.now() >= nextSample) {
      nextSample += options.sampleSeconds * 1000
      const sample = await takeSample(watched, heapFile, platform, redis)
      samples.push(sample)
      say(`[${elapsed()}] ${totalRequests(outcome)} requests, ${totalErrors(outcome)} errors, ${inFlight.size} in flight; ${formatSample(sample)}`)
    }
    await sleep(20)
  }
  await Promise.all(inFlight)
  const seconds = (Date.now() - soakStarted) / 1000
  samples.push(await takeSample(watched, heapFile, platform, redis))
  say(`[${elapsed()}] soak over: ${totalRequests(outcome)} requests in ${seconds.toFixed(0)} s (${(totalRequests(outcome) / seconds).toFixed(1)}/s), at most ${maxInFlight} in flight, ${behind} operations not started (behind)`)

  // The queue drains: every job the soak caused is done (none pending, none failed).
  const drainUntil = Date.now() + 120_000
  let outbox: { status: string; n: number }[] = []
  for (;;) {
    outbox = await platform.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM outbox GROUP BY status ORDER BY status')
    if (outbox.every((row) => row.status === 'done') || Date.now() > drainUntil) break
    await sleep(1000)
  }
  const drained = outbox.every((row) => row.status === 'done')
  say(`outbox: ${outbox.map((row) => `${row.status} ${row.n}`).join(', ')}${drained ? '' : '  ← NOT DRAINED'}`)

  const count = await countWrites(platform, tally, clients)
  // (The first line of the count is the retry tally of the fault drills; the soak retries nothing.)
  for (const line of formatCount(count, tally).slice(1)) say(line)

  // Windows: warm-up is the first fifth; the early window the next 30 %, the late the last 30 %.
  const inWindow = (from: number, to: number) => samples.filter((s) => s.at >= soakStarted + from * seconds * 1000 && s.at <= soakStarted + to * seconds * 1000 + 5000)
  const early = inWindow(0.2, 0.5)
  const late = inWindow(0.7, 1)
  const verdicts = judge(early, late)
  for (const v of verdicts) say(`  ${v.pass ? 'PASS' : 'FAIL'}  ${v.what}: ${v.early} → ${v.late} (${v.limit})`)
  const perOp = [...outcome.stats.entries()].map(([name, s]) => {
    const sorted = [...s.latencies].sort((a, b) => a - b)
    return { name, requests: s.count, errors: s.errors, p50: Math.round(sorted[Math.floor(sorted.length * 0.5)] ?? 0), p99: Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0) }
  })
  for (const op of perOp) say(`  ${op.name.padEnd(15)} ${String(op.requests).padStart(7)} requests, ${op.errors} errors, p50 ${op.p50} ms, p99 ${op.p99} ms`)
  for (const example of outcome.errorExamples) say(`  error: ${example}`)
  const errors = totalErrors(outcome)
  passed = errors === 0 && behind === 0 && drained && countClean(count) && verdicts.every((v) => v.pass)
  say(
    `SOAK_RESULT ${JSON.stringify({ minutes: options.minutes, capacity: Math.round(capacity * 10) / 10, rate: Math.round(rate * 10) / 10, requests: totalRequests(outcome), errors, behind, maxInFlight, drained, writes: count, verdicts, perOp, samples })}`,
  )
} catch (error) {
  say(`soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
} finally {
  await closeAll()
}
say(`soak ${passed ? 'passed' : 'FAILED'} in ${elapsed()}`)
process.exit(passed ? 0 : 1)
