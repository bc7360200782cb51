/**
 * `npm run drills:sse [-- --connections 1000] [-- --users 100] [-- --rounds 5]`
 *
 * Live events at scale, outside CI: two web processes of the production build (`npm run
 * build` first) on one Redis and one PostgreSQL of the drill's own, `--connections` SSE
 * streams (`GET /api/events`) spread over both, `--users` clients each holding
 * connections/users of them. Each round publishes one event to every user through the
 * event bus (Redis pub/sub, as a job handler does), so every connection is owed one
 * event per round. Prints the delivery time (publish → the line read by the client) p50 /
 * p99 / max over all deliveries and the events missed (owed, not received within 10 s);
 * exits 1 on any miss. The npm script raises the open-file limit first.
 */
import http from 'node:http'
import { parseArgs } from 'node:util'

import { redisEventBus } from '../src/events/bus'
import { createRedis } from '../src/jobs/redis'

import { preflight, startPlatform, type Web } from './faults/platform'
import { prepareClients } from './faults/writeLoad'

const say = (line: string) => process.stdout.write(`${line}\n`)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const options = (() => {
  const { values } = parseArgs({ options: { connections: { type: 'string', default: '1000' }, users: { type: 'string', default: '100' }, rounds: { type: 'string', default: '5' } }, strict: true })
  const whole = (name: string, raw: string) => {
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number of at least 1, not ${raw}`)
    return n
  }
  return { connections: whole('connections', values.connections), users: whole('users', values.users), rounds: whole('rounds', values.rounds) }
})()
if (options.connections < options.users) throw new Error('--connections must be at least --users (every user holds one or more)')
if (!preflight(say)) process.exit(1)

type Stream = { user: number; web: Web; received: Map<string, number>; opened: Promise<void>; close: () => void }

/** One SSE connection: every `data:` line of a `drill.ping` event is stamped with its arrival. */
const openStream = (web: Web, user: number, token: string): Stream => {
  const received = new Map<string, number>()
  let close = () => {}
  const opened = new Promise<void>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: web.port, path: '/api/events', agent: false, headers: { authorization: `JWT ${token}`, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`GET /api/events: ${res.statusCode}`))
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        if (buffer.includes('retry:')) resolve()
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = block.split('\n').find((line) => line.startsWith('data: '))
          if (block.includes('event: drill.ping') && data) {
            const { round } = JSON.parse(data.slice(6)) as { round: string }
            received.set(round, Date.now())
          }
          end = buffer.indexOf('\n\n')
        }
      })
    })
    req.on('error', reject)
    close = () => req.destroy()
  })
  return { user, web, received, opened, close: () => close() }
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! : 0)

const started = Date.now()
let passed = false
const platform = await startPlatform(say)
const streams: Stream[] = []
try {
  const first = await platform.startWeb({ seed: true })
  const second = await platform.startWeb()
  say(`two web processes: ${first.base}, ${second.base}`)
  const clients = await prepareClients(platform, first, options.users, 0, `sse${Date.now().toString(36)}`)
  say(`${clients.length} clients signed in`)
  const t0 = Date.now()
  for (let i = 0; i < options.connections; i += 1) {
    const client = clients[i % clients.length]!
    streams.push(openStream(i % 2 === 0 ? first : second, client.id, client.token))
    // Opened in batches: a thousand logins checked at once would only measure the queue.
    if (i % 100 === 99) await Promise.all(streams.slice(i - 99, i + 1).map((s) => s.opened))
  }
  await Promise.all(streams.map((s) => s.opened))
  say(`${streams.length} streams open (${streams.filter((s) => s.web === first).length} on one process, ${streams.filter((s) => s.web === second).length} on the other) in ${Date.now() - t0} ms`)

  // The drill publishes as a job handler would: through the bus on the platform's Redis.
  const redisUrl = platform.redis.url
  const bus = redisEventBus(createRedis(redisUrl, 'producer', 'drill-sse'), createRedis(redisUrl, 'worker', 'drill-sse-sub'), process.env.REDIS_PREFIX ?? 'scriptorium')
  await bus.ready()
  const delays: number[] = []
  let missed = 0
  for (let round = 1; round <= options.rounds; round += 1) {
    const sentAt = new Map<number, number>()
    for (const client of clients) {
      sentAt.set(client.id, Date.now())
      await bus.publish({ event: 'drill.ping', data: { round: String(round) }, audience: { user: client.id } })
    }
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline && streams.some((s) => !s.received.has(String(round)))) await sleep(20)
    let roundMissed = 0
    for (const stream of streams) {
      const at = stream.received.get(String(round))
      if (at === undefined) roundMissed += 1
      else delays.push(at - sentAt.get(stream.user)!)
    }
    missed += roundMissed
    say(`  round ${round}: ${streams.length - roundMissed} of ${streams.length} delivered`)
    await sleep(500)
  }
  await bus.close()
  const sorted = [...delays].sort((a, b) => a - b)
  say(`deliveries: ${delays.length}, missed ${missed}; delivery ms p50 ${percentile(sorted, 0.5)}, p99 ${percentile(sorted, 0.99)}, max ${sorted.at(-1) ?? 0}`)
  passed = missed === 0
} catch (error) {
  say(`drills:sse: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
} finally {
  for (const stream of streams) stream.close()
  await platform.close()
}
say(`sse drill ${passed ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
process.exit(passed ? 0 : 1)
