/**
 * `npm run drills [-- --only pg-kill,pg-stop,web-kill] [-- --clients 8] [-- --outage 30]`
 *
 * Fault drills against real processes: the production build's web process and worker
 * (`npm run build` first), on a PostgreSQL (Debian's postgresql-15 binaries) and a Redis
 * (redis-server) of the drill's own, which it kills. Each drill prints what was
 * acknowledged, what is present, lost and duplicated, and exits 1 when anything
 * acknowledged is missing, anything happened twice or half, or the ledger check fails.
 *
 * - `pg-kill`: PostgreSQL SIGKILLed under a write load of placements and wallet payments
 *   (every request with its Idempotency-Key, retried with it until answered), started
 *   again after 3 s; the web process must come back by itself and answer 503 (never 500)
 *   to what was cut off.
 * - `pg-stop`: PostgreSQL stopped for `--outage` seconds (30) under reads: 503 within a
 *   second, every answer meanwhile a 503, back by itself after the restart.
 * - `web-kill`: the web process SIGKILLed while wallet checkouts are in flight, the same
 *   request retried with its key on another web process: one payment each.
 * - `redis-kill`, `worker-kill`: Redis, or the worker, SIGKILLed while the payments' jobs
 *   (notifications and their mails, to a real SMTP receiver) run, started again 3 s
 *   later: every job done once, every mail received once (none lost, none twice).
 *
 * Not part of `npm test` or CI. See docs/bench.md ("Fault drills").
 */
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'

import { startMailSink, type MailSink } from '../tests/helpers/smtp'
import { call } from '../bench/load'
import { ORDER_BODY } from '../bench/scenarios'

import { type Platform, preflight, startPlatform, type Web } from './faults/platform'
import { type Client, clientLoop, countClean, countWrites, formatCount, HOST, newTally, prepareClients, untilAnswered } from './faults/writeLoad'

const DRILLS = ['pg-kill', 'pg-stop', 'web-kill', 'redis-kill', 'worker-kill'] as const
type Drill = (typeof DRILLS)[number]

const say = (line: string) => process.stdout.write(`${line}\n`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

const options = (() => {
  const { values } = parseArgs({ options: { only: { type: 'string' }, clients: { type: 'string', default: '8' }, outage: { type: 'string', default: '30' }, tries: { type: 'string', default: '10' } }, strict: true })
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...DRILLS]
  for (const name of only) if (!(DRILLS as readonly string[]).includes(name)) throw new Error(`--only: unknown drill ${name} (${DRILLS.join(', ')})`)
  const whole = (name: string, raw: string) => {
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1, not ${raw}`)
    return n
  }
  return { only: only as Drill[], clients: whole('clients', values.clients), outage: whole('outage', values.outage), tries: whole('tries', values.tries) }
})()

if (!preflight(say)) process.exit(1)

/** Polls until `check` holds; the time it took, or null at the deadline. */
const timeUntil = async (check: () => Promise<boolean>, limitMs: number, everyMs = 50): Promise<number | null> => {
  const started = Date.now()
  while (Date.now() - started < limitMs) {
    if (await check().catch(() => false)) return Date.now() - started
    await sleep(everyMs)
  }
  return null
}

const ready = (web: Web) => async () => (await fetch(`${web.base}/readyz`)).status === 200

/** PostgreSQL SIGKILLed under placements and wallet payments. */
const pgKill = async (platform: Platform, web: Web): Promise<boolean> => {
  say(`pg-kill: ${options.clients} clients placing and paying from their wallets; PostgreSQL SIGKILLed after 5 s, started again 3 s later`)
  const clients = await prepareClients(platform, web, options.clients, 1_000_000, `pgkill${Date.now().toString(36)}`)
  const tally = newTally()
  let stopping = false
  const loops = clients.map((client) => clientLoop(tally, () => web, client, () => stopping))
  await sleep(5_000)
  const before = tally.placed.size
  await platform.postgres.kill()
  const killedAt = Date.now()
  say(`  SIGKILL after ${before} acknowledged placements`)
  await sleep(3_000)
  await platform.postgres.start()
  const restartedAt = Date.now()
  const back = await timeUntil(ready(web), 60_000)
  await sleep(8_000)
  stopping = true
  await Promise.all(loops)
  const firstWrite = tally.successes.find((at) => at > restartedAt)
  const count = await countWrites(platform, tally, clients)
  say(`  PostgreSQL down ${seconds(restartedAt - killedAt)}; /readyz 200 again ${back === null ? 'NEVER (60 s)' : `${back} ms`} after its restart; first acknowledged write ${firstWrite ? `${firstWrite - restartedAt} ms` : 'none'} after it`)
  for (const line of formatCount(count, tally)) say(line)
  const clean = countClean(count) && (tally.attempts['500'] ?? 0) === 0 && back !== null && (tally.attempts['2xx'] ?? 0) > 0
  say(`  pg-kill ${clean ? 'passed' : 'FAILED'}`)
  return clean
}

/** PostgreSQL stopped for the outage under reads: 503 quickly, back by itself. */
const pgStop = async (platform: Platform, web: Web, reader: Client): Promise<boolean> => {
  say(`pg-stop: PostgreSQL stopped for ${options.outage} s while a client reads its orders every 50 ms`)
  const statuses: Record<string, number> = {}
  let stopping = false
  let stoppedAt = Number.POSITIVE_INFINITY
  let first503: number | null = null
  let restartedAt = Number.POSITIVE_INFINITY
  let first200After: number | null = null
  const read = async () => {
    while (!stopping) {
      let status = 0
      try {
        status = (await call(web.port, { method: 'GET', path: '/api/orders?limit=1&depth=0', headers: { host: HOST, authorization: `JWT ${reader.token}` } })).status
      } catch {
        status = -1
      }
      const now = Date.now()
      if (now > stoppedAt && now < restartedAt) statuses[status === -1 ? 'connection' : String(status)] = (statuses[status === -1 ? 'connection' : String(status)] ?? 0) + 1
      if (status === 503 && first503 === null && now > stoppedAt) first503 = now - stoppedAt
      if (status === 200 && first200After === null && now > restartedAt) first200After = now - restartedAt
      await sleep(50)
    }
  }
  const reading = read()
  await sleep(2_000)
  stoppedAt = Date.now()
  await platform.postgres.stop()
  await sleep(options.outage * 1000)
  await platform.postgres.start()
  restartedAt = Date.now()
  await timeUntil(async () => first200After !== null, 60_000)
  stopping = true
  await reading
  say(`  first 503 ${first503 === null ? 'NEVER' : `${first503} ms`} after the stop; answers during the outage: ${Object.entries(statuses).map(([s, n]) => `${s} ${n}`).join(', ')}`)
  say(`  first 200 ${first200After === null ? 'NEVER (60 s)' : `${first200After} ms`} after the restart`)
  const outageAnswers = Object.entries(statuses).filter(([status]) => status !== '200')
  const clean = first503 !== null && first503 <= 1_000 && first200After !== null && outageAnswers.every(([status]) => status === '503')
  say(`  pg-stop ${clean ? 'passed' : 'FAILED'}`)
  return clean
}

/** The web process SIGKILLed mid-checkout; the same request with its key on another one. */
const webKill = async (platform: Platform, first: Web): Promise<{ passed: boolean; web: Web }> => {
  say(`web-kill: ${options.tries} wallet checkouts, each with its web process SIGKILLed 0–45 ms after the request left, then retried with its key on another web process`)
  const clients = await prepareClients(platform, first, options.tries, 1_000_000, `webkill${Date.now().toString(36)}`)
  const tally = newTally()
  let current = first
  let standby = await platform.startWeb()
  let cutOff = 0
  const answeredAfter: number[] = []
  for (const [i, client] of clients.entries()) {
    const marker = `drill-${randomUUID()}`
    const placed = await untilAnswered(tally, () => current, { method: 'POST', path: '/api/orders?depth=0', token: client.token, body: { ...ORDER_BODY, topic: marker }, key: randomUUID() }, () => false)
    const order = (placed!.body as { doc: { id: number } }).doc.id
    tally.placed.set(marker, order)
    const request = { method: 'POST' as const, path: '/api/payments/checkout', token: client.token, body: { purpose: 'order', order, provider: 'wallet' }, key: randomUUID() }
    const victim = current
    const inFlight = untilAnswered(tally, () => current, request, () => false)
    await sleep((i * 5) % 50)
    victim.process.child.kill('SIGKILL')
    const killedAt = Date.now()
    cutOff += 1
    current = standby
    const paid = await inFlight
    answeredAfter.push(Date.now() - killedAt)
    if (paid && paid.status < 300) tally.paid.set(order, (paid.body as { payment: { id: number } }).payment.id)
    else tally.refused.push({ what: 'wallet payment', status: paid?.status ?? 0, body: JSON.stringify(paid?.body).slice(0, 200) })
    await platform.stop(victim.process)
    standby = await platform.startWeb()
  }
  await platform.stop(standby.process)
  const count = await countWrites(platform, tally, clients)
  // An attempt killed before its commit holds its key until the lease (15 s) runs out; one killed after it is answered from the key at once.
  say(`  ${cutOff} web processes killed mid-checkout; the retry answered ${answeredAfter.map((ms) => seconds(ms)).join(', ')} after each kill`)
  for (const line of formatCount(count, tally)) say(line)
  const passed = countClean(count) && count.payments.acknowledged === options.tries
  say(`  web-kill ${passed ? 'passed' : 'FAILED'}`)
  return { passed, web: current }
}

/**
 * Payments (and so their jobs: notifications, mails) under a fault of the job system:
 * `fault` runs 3 s into the load. Then the outbox must drain: every row done, every
 * notification mail received once.
 */
const jobsUnderFault = async (name: Drill, platform: Platform, web: Web, sink: MailSink, fault: () => Promise<void>): Promise<boolean> => {
  const clients = await prepareClients(platform, web, options.clients, 1_000_000, `${name.replace('-', '')}${Date.now().toString(36)}`)
  const since = (await platform.query<{ since: string }>('SELECT now()::text AS since'))[0]!.since
  const tally = newTally()
  let stopping = false
  const loops = clients.map((client) => clientLoop(tally, () => web, client, () => stopping))
  await sleep(3_000)
  await fault()
  await sleep(6_000)
  stopping = true
  await Promise.all(loops)
  const pending = async () => (await platform.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE created_at >= $1 AND status NOT IN ('done', 'failed')", [since]))[0]!.n
  const drained = await timeUntil(async () => (await pending()) === 0, 180_000, 500)
  // The last mails are on their way once their rows say sent: give the receiver a moment.
  await sleep(1_000)
  const outbox = await platform.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM outbox WHERE created_at >= $1 GROUP BY status', [since])
  const ids = clients.map((c) => c.id)
  const notes = await platform.query<{ email_status: string; n: number }>(
    'SELECT email_status, count(*)::int AS n FROM notifications WHERE recipient_id = ANY($1::int[]) GROUP BY email_status',
    [ids],
  )
  const sentNotes = notes.find((n) => n.email_status === 'sent')?.n ?? 0
  const queuedNotes = notes.find((n) => n.email_status === 'queued')?.n ?? 0
  const addresses = new Set(clients.map((c) => c.email))
  const mails = sink.mails.filter((mail) => [mail.to].flat().some((to) => to?.value.some((a) => a.address && addresses.has(a.address))))
  const received = mails.length
  const count = await countWrites(platform, tally, clients)
  say(`  outbox rows since the start: ${outbox.map((o) => `${o.status} ${o.n}`).join(', ')}; drained ${drained === null ? 'NEVER (180 s)' : `${seconds(drained)} after the load`}`)
  say(`  notification mails: ${sentNotes} marked sent, ${queuedNotes} still queued; ${received} received (lost ${Math.max(0, sentNotes - received) + queuedNotes}, twice ${Math.max(0, received - sentNotes)})`)
  if (received !== sentNotes) {
    // Which mails came how often, against the notifications marked sent with that title.
    const bySubject = new Map<string, number>()
    for (const mail of mails) bySubject.set(mail.subject ?? '', (bySubject.get(mail.subject ?? '') ?? 0) + 1)
    const titles = await platform.query<{ title: string; event: string; n: number }>(
      "SELECT title, event, count(*)::int AS n FROM notifications WHERE recipient_id = ANY($1::int[]) AND email_status = 'sent' GROUP BY title, event",
      [ids],
    )
    for (const [subject, n] of bySubject) say(`    mail "${subject}": ${n} received`)
    for (const t of titles) say(`    notification ${t.event} "${t.title}": ${t.n} sent`)
  }
  for (const line of formatCount(count, tally)) say(line)
  const failed = outbox.find((o) => o.status === 'failed')?.n ?? 0
  const clean = countClean(count) && drained !== null && failed === 0 && queuedNotes === 0 && received === sentNotes && sentNotes > 0
  say(`  ${name} ${clean ? 'passed' : 'FAILED'}`)
  return clean
}

const started = Date.now()
let passed = true
const sink = await startMailSink()
const platform = await startPlatform(say, { SMTP_URL: sink.url })
let worker: Awaited<ReturnType<Platform['startWorker']>> | null = null
try {
  let web = await platform.startWeb({ seed: true })
  say(`web process ready on ${web.base} (seeded), ${seconds(Date.now() - started)} since start`)
  worker = await platform.startWorker()
  say('worker started')
  for (const drill of options.only) {
    if (drill === 'pg-kill') passed = (await pgKill(platform, web)) && passed
    if (drill === 'pg-stop') {
      const [reader] = await prepareClients(platform, web, 1, 0, `pgstop${Date.now().toString(36)}`)
      passed = (await pgStop(platform, web, reader!)) && passed
    }
    if (drill === 'web-kill') {
      const result = await webKill(platform, web)
      passed = result.passed && passed
      web = result.web
    }
    if (drill === 'redis-kill') {
      say(`redis-kill: ${options.clients} clients paying (each payment notifies by mail); Redis SIGKILLed 3 s in, started again 3 s later`)
      passed =
        (await jobsUnderFault(drill, platform, web, sink, async () => {
          await platform.redis.stop()
          await sleep(3_000)
          await platform.redis.start()
        })) && passed
    }
    if (drill === 'worker-kill') {
      say(`worker-kill: ${options.clients} clients paying (each payment notifies by mail); the worker SIGKILLed 3 s in, a new one started 3 s later`)
      passed =
        (await jobsUnderFault(drill, platform, web, sink, async () => {
          worker?.child.kill('SIGKILL')
          await sleep(3_000)
          worker = await platform.startWorker()
        })) && passed
    }
  }
} catch (error) {
  passed = false
  say(`drills: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
} finally {
  await platform.close()
  await sink.close()
}
say(`drills ${passed ? 'passed' : 'FAILED'} in ${seconds(Date.now() - started)}`)
process.exit(passed ? 0 : 1)
