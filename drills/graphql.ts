/**
 * `npm run drills:graphql [-- --seconds 10] [-- --orders 300]`
 *
 * One abusive GraphQL client against one ordinary client, at the same time. The abuser
 * loops over the documents the limits refuse (500 aliases of a list, 30 levels of
 * nesting, a query over the cost limit, more root fields than allowed) as fast as it
 * can; the other client meanwhile lists its orders over REST. Printed: how long each
 * refusal took and what it answered, and the other client's list latency alone and
 * under the abuse, so an operator sees that one request no longer holds the pool.
 *
 * In-process: Payload on a scratch database (drills/scratchPayload.ts) with the demo
 * data and `--orders` more orders for the ordinary client; requests go through the
 * GraphQL route (src/api/graphql/route.ts) and Payload's REST handler. Not part of CI.
 */
import os from 'node:os'
import { parseArgs } from 'node:util'

import { DEMO_PASSWORD } from '@/seed/demoData'

import { scratchPayload } from './scratchPayload'

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, orders: { type: 'string', default: '300' } }, strict: true })
const seconds = Number(values.seconds)
const orders = Number(values.orders)
if (!(seconds > 0) || !Number.isInteger(orders) || orders < 0) throw new Error('--seconds must be positive and --orders a whole number')

const say = (line: string) => process.stdout.write(`${line}\n`)
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
const ms = (n: number) => `${n.toFixed(1)} ms`

const wide = 'id name slug active currency orderPrefix createdAt updatedAt branding { brandName primaryColor supportEmail mailFromName mailFromAddress }'
const ABUSE: Record<string, string> = {
  '500 aliases': `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: Users { totalDocs }`).join(' ')} }`,
  '30 levels': (() => {
    let inner = 'id'
    for (let level = 0; level < 30; level += 3) inner = `branding { logo { tenant { ${inner} } } }`
    return `{ Tenants { docs { ${inner} } } }`
  })(),
  'over the cost': `{ ${Array.from({ length: 10 }, () => `Orders { docs { client { tenants { tenant { branding { logo { tenant { ${wide} } } } } } } } }`).join(' ')} }`,
  '11 root fields': `{ ${['Orders', 'Users', 'Tenants', 'Payments', 'Refunds', 'Tips', 'Wallets', 'Invoices', 'Receipts', 'Installments', 'WriterEarnings'].map((r) => `${r} { totalDocs }`).join(' ')} }`,
}

const { payload, close } = await scratchPayload('graphql', say)
try {
  const { handleEndpoints } = await import('payload')
  const { graphqlPost } = await import('@/api/graphql/route')
  const config = Promise.resolve(payload.config)
  const graphql = graphqlPost(payload.config)
  const rest = (url: string, init: RequestInit & { headers: Record<string, string> }) => handleEndpoints({ config, request: new Request(`http://alpha.test${url}`, init) })
  const login = async (email: string) => {
    const res = await rest('/api/users/login', { method: 'POST', headers: { host: 'alpha.test', 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) })
    return ((await res.json()) as { token: string }).token
  }
  const abuser = await login('client2@alpha.test')
  const client = await login('client@alpha.test')

  const alpha = (await payload.find({ collection: 'tenants', where: { slug: { equals: 'alpha' } }, depth: 0 })).docs[0]!.id
  const clientId = (await payload.find({ collection: 'users', where: { email: { equals: 'client@alpha.test' } }, depth: 0 })).docs[0]!.id
  for (let i = 0; i < orders; i += 1) {
    await payload.create({ collection: 'orders', data: { tenant: alpha, client: clientId, topic: `Drill order ${i}`, instructions: 'x', paperType: 'essay', workType: 'writing', academicLevel: 'undergrad', subject: 'humanities', pages: 2, spacing: 'double', deadlineHours: 72 } as never, depth: 0 })
    if ((i + 1) % 100 === 0) say(`  orders: ${i + 1} / ${orders}`)
  }

  const list = async () => {
    const start = performance.now()
    const res = await rest('/api/orders?limit=20&sort=-createdAt&depth=0', { method: 'GET', headers: { host: 'alpha.test', authorization: `JWT ${client}` } })
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`the ordinary list answered ${res.status}`)
    return performance.now() - start
  }
  const listFor = async (untilMs: number) => {
    const times: number[] = []
    while (performance.now() < untilMs) times.push(await list())
    return times.sort((a, b) => a - b)
  }

  for (let i = 0; i < 20; i += 1) await list()
  const alone = await listFor(performance.now() + seconds * 1000)

  const refusals: Record<string, { times: number[]; statuses: Map<number, number> }> = Object.fromEntries(Object.keys(ABUSE).map((name) => [name, { times: [], statuses: new Map() }]))
  const end = performance.now() + seconds * 1000
  const abuse = (async () => {
    while (performance.now() < end) {
      for (const [name, query] of Object.entries(ABUSE)) {
        const start = performance.now()
        const res = await graphql(new Request('http://alpha.test/api/graphql', { method: 'POST', headers: { host: 'alpha.test', 'content-type': 'application/json', authorization: `JWT ${abuser}` }, body: JSON.stringify({ query }) }))
        await res.arrayBuffer()
        refusals[name]!.times.push(performance.now() - start)
        refusals[name]!.statuses.set(res.status, (refusals[name]!.statuses.get(res.status) ?? 0) + 1)
      }
    }
  })()
  const underAbuse = await listFor(end)
  await abuse

  say(`\n${seconds} s each, load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores; the ordinary client has ${orders} more orders\n`)
  say(`${'abusive document'.padEnd(18)}${'sent'.padStart(6)}${'median'.padStart(11)}${'p99'.padStart(11)}   statuses`)
  for (const [name, { times, statuses }] of Object.entries(refusals)) {
    const sorted = [...times].sort((a, b) => a - b)
    say(`${name.padEnd(18)}${String(times.length).padStart(6)}${ms(percentile(sorted, 50)).padStart(11)}${ms(percentile(sorted, 99)).padStart(11)}   ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`)
  }
  say(`\n${'ordinary list'.padEnd(18)}${'sent'.padStart(6)}${'median'.padStart(11)}${'p99'.padStart(11)}`)
  for (const [name, times] of [['alone', alone], ['under abuse', underAbuse]] as const) {
    say(`${name.padEnd(18)}${String(times.length).padStart(6)}${ms(percentile(times, 50)).padStart(11)}${ms(percentile(times, 99)).padStart(11)}`)
  }
  const refusedAll = Object.values(refusals).every(({ statuses }) => [...statuses.keys()].every((status) => status === 400))
  if (!refusedAll) say('\nsome abusive documents were not refused with 400: see the statuses above.')
} finally {
  await close()
}
process.exit(0)
