import { randomUUID } from 'node:crypto'

import pg from 'pg'

import { ledgerViolationsOf } from '../../src/operations/ledger/invariants'
import { DEMO_PASSWORD, demoEmail } from '../../src/seed/demoData'
import { call } from '../../bench/load'
import { ensureSystemAccount, fundedWallet } from '../../bench/moneyFixtures'
import { ORDER_BODY } from '../../bench/scenarios'

import type { Platform, Web } from './platform'

/**
 * The drills' write load: clients of Alpha each placing an order and paying it from
 * their wallet, over and over, every request with its `Idempotency-Key` and retried with
 * the same key until it gets an answer (a lost connection, a 503, a 500 are retried;
 * a 4xx is the answer). Every acknowledged write is remembered for the count afterwards.
 */

export const HOST = 'alpha.test'
const RETRY_PAUSE_MS = 200

export type Tally = {
  /** Every HTTP attempt's outcome, retries included: `2xx`, `503`, `500`, `4xx`, `connection`. */
  attempts: Record<string, number>
  placed: Map<string, number>
  paid: Map<number, number>
  refused: { what: string; status: number; body: string }[]
  /** When each 2xx came (ms since the epoch), for the time to recovery. */
  successes: number[]
}

export const newTally = (): Tally => ({ attempts: {}, placed: new Map(), paid: new Map(), refused: [], successes: [] })

export type Client = { id: number; email: string; token: string }

/** `count` clients of Alpha with the demo password and a wallet of `funds`, signed in. */
export const prepareClients = async (platform: Platform, web: Web, count: number, funds: number, tag: string): Promise<Client[]> => {
  const db = new pg.Client({ connectionString: platform.databaseUrl })
  await db.connect()
  let made: { id: number; email: string }[]
  try {
    await db.query('BEGIN')
    const { rows: tenant } = await db.query<{ id: number }>("SELECT id FROM tenants WHERE slug = 'alpha'")
    const alpha = tenant[0]!.id
    const { rows: demo } = await db.query<{ hash: string; salt: string }>('SELECT hash, salt FROM users WHERE email = $1', [demoEmail('client', 'alpha')])
    const { rows } = await db.query<{ id: number; email: string }>(
      `INSERT INTO users (name, email, timezone, hash, salt, email_verified_at)
       SELECT 'Drill client ' || g, $1::text || '-' || g || '@drill.example', 'UTC', $2, $3, now() FROM generate_series(1, $4::int) g RETURNING id, email`,
      [tag, demo[0]!.hash, demo[0]!.salt, count],
    )
    made = rows
    await db.query(`INSERT INTO users_roles ("order", parent_id, value) SELECT 1, unnest($1::int[]), 'client'`, [rows.map((r) => r.id)])
    await db.query('INSERT INTO users_tenants (_order, _parent_id, id, tenant_id) SELECT 1, u, md5(random()::text || u::text), $2 FROM unnest($1::int[]) u', [rows.map((r) => r.id), alpha])
    const gateway = await ensureSystemAccount(db, alpha, 'gateway_clearing')
    for (const row of rows) await fundedWallet(db, alpha, row.id, funds, gateway)
    // Every client signs in from the drill's one address. Written beside Payload, so no
    // process hears of it: the drills do this before any request names the website (the
    // website cache would keep the old limit for up to 30 s).
    await db.query('UPDATE tenants SET settings_rate_limits_login_per_ip_per_minute = 10000 WHERE id = $1', [alpha])
    await db.query('COMMIT')
  } catch (error) {
    await db.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    await db.end()
  }
  const clients: Client[] = []
  for (const person of made) {
    const res = await call(web.port, { method: 'POST', path: '/api/users/login', headers: { host: HOST, 'content-type': 'application/json' }, body: JSON.stringify({ email: person.email, password: DEMO_PASSWORD }) })
    const token = (res.body as { token?: string }).token
    if (res.status !== 200 || !token) throw new Error(`login of ${person.email}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
    clients.push({ ...person, token })
  }
  return clients
}

const classOf = (status: number) => (status === 503 ? '503' : status === 500 ? '500' : status >= 200 && status < 300 ? '2xx' : status >= 500 ? '5xx' : String(status))

/**
 * One operation until it is answered: the same body and key on every try, on whichever
 * web process `target()` names at the time (a drill may replace it). Answers the final
 * status and body, or null when `until()` says stop first.
 */
export const untilAnswered = async (
  tally: Tally,
  target: () => Web,
  request: { method: 'POST' | 'GET'; path: string; token: string; body: unknown; key: string },
  until: () => boolean,
): Promise<{ status: number; body: unknown } | null> => {
  for (;;) {
    if (until()) return null
    let status = 0
    let body: unknown = null
    try {
      const res = await call(target().port, {
        method: request.method,
        path: request.path,
        headers: { host: HOST, 'content-type': 'application/json', authorization: `JWT ${request.token}`, 'idempotency-key': request.key },
        body: JSON.stringify(request.body),
      })
      status = res.status
      body = res.body
    } catch {
      tally.attempts.connection = (tally.attempts.connection ?? 0) + 1
      await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS))
      continue
    }
    const kind = classOf(status)
    tally.attempts[kind] = (tally.attempts[kind] ?? 0) + 1
    if (kind === '2xx') tally.successes.push(Date.now())
    // "Still running; retry shortly" is no answer either (docs/api.md, Idempotency).
    const stillRunning = status === 409 && JSON.stringify(body).includes('still running')
    if (status < 500 && !stillRunning) return { status, body }
    await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS))
  }
}

/**
 * A client's loop until `until()`: place (topic = a marker unique to the operation), then
 * pay the order from the wallet. Each acknowledged write goes into the tally.
 */
export const clientLoop = async (tally: Tally, target: () => Web, client: Client, until: () => boolean): Promise<void> => {
  while (!until()) {
    const marker = `drill-${randomUUID()}`
    const placed = await untilAnswered(tally, target, { method: 'POST', path: '/api/orders?depth=0', token: client.token, body: { ...ORDER_BODY, topic: marker }, key: randomUUID() }, () => false)
    if (!placed) return
    if (placed.status >= 300) {
      tally.refused.push({ what: 'placement', status: placed.status, body: JSON.stringify(placed.body).slice(0, 200) })
      continue
    }
    const order = (placed.body as { doc: { id: number } }).doc.id
    tally.placed.set(marker, order)
    const paid = await untilAnswered(tally, target, { method: 'POST', path: '/api/payments/checkout', token: client.token, body: { purpose: 'order', order, provider: 'wallet' }, key: randomUUID() }, () => false)
    if (!paid) return
    if (paid.status >= 300) {
      tally.refused.push({ what: 'wallet payment', status: paid.status, body: JSON.stringify(paid.body).slice(0, 200) })
      continue
    }
    const payment = (paid.body as { payment?: { id: number } }).payment?.id
    if (payment !== undefined) tally.paid.set(order, payment)
  }
}

export type WriteCount = {
  placements: { acknowledged: number; present: number; lost: number; duplicated: number; unacknowledged: number }
  payments: { acknowledged: number; present: number; lost: number; duplicated: number; halfApplied: number }
  ledgerViolations: string[]
}

/** What is in the database against what was acknowledged, for these clients' orders. */
export const countWrites = async (platform: Platform, tally: Tally, clients: readonly Client[]): Promise<WriteCount> => {
  const orders = await platform.query<{ id: number; topic: string; payment_status: string; amount_paid: string; total: string }>(
    "SELECT id, topic, payment_status, amount_paid, total FROM orders WHERE topic LIKE 'drill-%' AND client_id = ANY($1::int[])",
    [clients.map((c) => c.id)],
  )
  const byMarker = new Map<string, number[]>()
  for (const o of orders) byMarker.set(o.topic, [...(byMarker.get(o.topic) ?? []), o.id])
  const acknowledgedOrders = [...tally.placed.entries()]
  const present = acknowledgedOrders.filter(([marker, id]) => byMarker.get(marker)?.includes(id)).length
  const duplicated = [...byMarker.values()].filter((ids) => ids.length > 1).length
  const unacknowledged = [...byMarker.keys()].filter((marker) => !tally.placed.has(marker)).length

  const payments = await platform.query<{ order_id: number; n: number }>(
    "SELECT order_id, count(*)::int AS n FROM payments WHERE purpose = 'order' AND status = 'succeeded' AND order_id = ANY($1::int[]) GROUP BY order_id",
    [orders.map((o) => o.id)],
  )
  const settled = new Map(payments.map((p) => [p.order_id, p.n]))
  const paidOrders = [...tally.paid.keys()]
  const paymentsPresent = paidOrders.filter((order) => (settled.get(order) ?? 0) >= 1).length
  // Half-applied: a settled payment whose order is not paid, or a paid order without one.
  const halfApplied = orders.filter((o) => (settled.get(o.id) ?? 0) > 0 !== (o.payment_status === 'fully_paid')).length
  const client = new pg.Client({ connectionString: platform.databaseUrl })
  await client.connect()
  let ledgerViolations: string[]
  try {
    ledgerViolations = await ledgerViolationsOf(async (text) => (await client.query(text)).rows as Record<string, unknown>[])
  } finally {
    await client.end()
  }
  return {
    placements: { acknowledged: acknowledgedOrders.length, present, lost: acknowledgedOrders.length - present, duplicated, unacknowledged },
    payments: {
      acknowledged: paidOrders.length,
      present: paymentsPresent,
      lost: paidOrders.length - paymentsPresent,
      duplicated: [...settled.values()].filter((n) => n > 1).length,
      halfApplied,
    },
    ledgerViolations,
  }
}

export const formatCount = (count: WriteCount, tally: Tally): string[] => [
  `  attempts: ${Object.entries(tally.attempts)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ')}`,
  `  placements: acknowledged ${count.placements.acknowledged}, present ${count.placements.present}, lost ${count.placements.lost}, duplicated ${count.placements.duplicated}, present but never acknowledged ${count.placements.unacknowledged}`,
  `  wallet payments: acknowledged ${count.payments.acknowledged}, present ${count.payments.present}, lost ${count.payments.lost}, duplicated ${count.payments.duplicated}, half-applied ${count.payments.halfApplied}`,
  `  ledger invariant violations: ${count.ledgerViolations.length}${count.ledgerViolations.length ? ` (${count.ledgerViolations.slice(0, 3).join('; ')})` : ''}`,
  ...(tally.refused.length ? [`  refused (4xx): ${tally.refused.length}, e.g. ${tally.refused[0]!.what} ${tally.refused[0]!.status} ${tally.refused[0]!.body}`] : []),
]

/** Whether the counts are what the drill demands: nothing lost, nothing twice, nothing half done, the ledger sound. */
export const countClean = (count: WriteCount): boolean =>
  count.placements.lost === 0 &&
  count.placements.duplicated === 0 &&
  count.placements.unacknowledged === 0 &&
  count.payments.lost === 0 &&
  count.payments.duplicated === 0 &&
  count.payments.halfApplied === 0 &&
  count.ledgerViolations.length === 0
