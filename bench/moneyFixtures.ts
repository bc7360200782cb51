/**
 * Data the money scenarios spend: unpaid orders of 50 clients with funded wallets (one
 * pool for Payload, one for the baseline), and pending card top-ups whose webhook
 * deliveries settle them. Written straight into the run's copy of the dataset, as the
 * application would have left it (wallets with their ledger accounts, funding as
 * balanced journal entries), so the ledger invariants hold before and after the run.
 */
import { randomBytes } from 'node:crypto'

import pg from 'pg'

import { SYSTEM_ACCOUNTS, walletAccountCode } from '@/domain/ledger/accounts'

import { say } from './config'

export type Target = 'payload' | 'baseline'

export type MoneyFixtures = {
  /** Per paying client: their email and their unpaid orders, per server. */
  payers: { id: number; email: string; orders: Record<Target, number[]> }[]
  /** References of pending card top-ups, per server. */
  topUps: Record<Target, string[]>
  /** A fixed discount code of the website without limits: every wallet payment enters it. */
  discountCode: string
}

/** The bench's discount code: 1.00 off, no limits, so every payment is discounted. */
export const BENCH_DISCOUNT_CODE = 'BENCHPAY1'

export const BENCH_WEBHOOK_SECRET = 'whsec_bench_local_only'

const PAYERS = 50
const lineId = () => randomBytes(12).toString('hex')

export const ensureSystemAccount = async (db: pg.Client, tenant: number, code: keyof typeof SYSTEM_ACCOUNTS) => {
  const spec = SYSTEM_ACCOUNTS[code]
  const { rows } = await db.query<{ id: number }>('SELECT id FROM ledger_accounts WHERE tenant_id = $1 AND code = $2', [tenant, code])
  if (rows[0]) return rows[0].id
  const created = await db.query<{ id: number }>('INSERT INTO ledger_accounts (tenant_id, code, name, type) VALUES ($1, $2, $3, $4) RETURNING id', [tenant, code, spec.name, spec.type])
  return created.rows[0]!.id
}

/** A client wallet with its ledger account (as ensureWallet makes it), funded by a balanced top-up entry. */
export const fundedWallet = async (db: pg.Client, tenant: number, owner: number, amount: number, gateway: number) => {
  const { rows } = await db.query<{ id: number }>("INSERT INTO wallets (tenant_id, owner_id, kind, currency, balance, held) VALUES ($1, $2, 'client', 'USD', 0, 0) RETURNING id", [tenant, owner])
  const wallet = rows[0]!.id
  const account = await db.query<{ id: number }>("INSERT INTO ledger_accounts (tenant_id, code, name, type) VALUES ($1, $2, $3, 'liability') RETURNING id", [
    tenant,
    walletAccountCode(wallet),
    `client wallet ${wallet}`,
  ])
  await db.query('UPDATE wallets SET account_id = $2, balance = $3 WHERE id = $1', [wallet, account.rows[0]!.id, amount])
  if (amount > 0) {
    const entry = await db.query<{ id: number }>("INSERT INTO journal_entries (tenant_id, reference, type, memo) VALUES ($1, $2, 'client_wallet_top_up', 'bench funding') RETURNING id", [
      tenant,
      `bench:fund:${wallet}`,
    ])
    await db.query('INSERT INTO journal_entries_lines (_order, _parent_id, id, account_id, debit, credit) VALUES (1, $1, $2, $3, $5, 0), (2, $1, $4, $6, 0, $5)', [
      entry.rows[0]!.id,
      lineId(),
      gateway,
      lineId(),
      amount,
      account.rows[0]!.id,
    ])
  }
}

export const prepareMoneyFixtures = async (runUrl: string, tenant: number, perServer: { orders: Record<Target, number>; topUps: Record<Target, number> }): Promise<MoneyFixtures> => {
  const started = Date.now()
  const db = new pg.Client({ connectionString: runUrl })
  await db.connect()
  try {
    await db.query('BEGIN')
    const gateway = await ensureSystemAccount(db, tenant, 'gateway_clearing')
    await ensureSystemAccount(db, tenant, 'platform_revenue')
    await ensureSystemAccount(db, tenant, 'discounts_given')
    await db.query(
      `INSERT INTO discounts (tenant_id, code, name, kind, value, min_payable, min_lifetime_spend, first_order_only, origin, active, archived)
       VALUES ($1, $2, 'Bench: 1.00 off every payment', 'fixed', 100, 0, 0, false, 'manual', true, false) ON CONFLICT DO NOTHING`,
      [tenant, BENCH_DISCOUNT_CODE],
    )

    // 50 clients of the website (not its busiest, whose list is measured), none with a wallet yet.
    const { rows: payers } = await db.query<{ id: number; email: string }>(
      `SELECT u.id, u.email FROM users u JOIN users_tenants t ON t._parent_id = u.id AND t.tenant_id = $1
       JOIN users_roles r ON r.parent_id = u.id AND r.value = 'client'
       WHERE NOT EXISTS (SELECT 1 FROM wallets w WHERE w.owner_id = u.id)
       ORDER BY u.id OFFSET 1 LIMIT ${PAYERS * 3}`,
      [tenant],
    )
    if (payers.length < PAYERS * 3) throw new Error(`website ${tenant} has only ${payers.length} clients without wallets`)
    const paying = payers.slice(0, PAYERS)
    const toppingUp = payers.slice(PAYERS)

    // Unpaid orders for each payer: copies of one unpaid order of the dataset.
    const { rows: template } = await db.query<{ id: number; total: string }>("SELECT id, total FROM orders WHERE tenant_id = $1 AND status = 'unpaid' ORDER BY id LIMIT 1", [tenant])
    if (!template[0]) throw new Error('no unpaid order to copy')
    const { rows: columns } = await db.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ordinal_position")
    const override: Record<string, string> = {
      id: "nextval('orders_id_seq')",
      number: "'BW' || lpad((g + $3)::text, 7, '0')",
      client_id: '$2',
      status: "'unpaid'",
      payment_status: "'unpaid'",
      amount_paid: '0',
      writer_id: 'NULL',
      editor_id: 'NULL',
      preferred_writer_id: 'NULL',
      created_at: 'now()',
      updated_at: 'now()',
    }
    const names = columns.map((c) => `"${c.column_name}"`).join(', ')
    const values = columns.map((c) => override[c.column_name] ?? `o."${c.column_name}"`).join(', ')
    const each = perServer.orders.payload + perServer.orders.baseline
    const out: MoneyFixtures['payers'] = []
    let serial = 0
    for (const payer of paying) {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO orders (${names}) SELECT ${values} FROM orders o, generate_series(1, ${each}) g WHERE o.id = $1 RETURNING id`,
        [template[0].id, payer.id, serial],
      )
      serial += each
      const ids = rows.map((r) => r.id)
      out.push({ ...payer, orders: { payload: ids.slice(0, perServer.orders.payload), baseline: ids.slice(perServer.orders.payload) } })
      await fundedWallet(db, tenant, payer.id, Number(template[0].total) * each, gateway)
    }

    // Pending card top-ups of 10.00 spread over 100 other clients (wallets ready, as after their first top-up).
    for (const client of toppingUp) await fundedWallet(db, tenant, client.id, 0, gateway)
    const topUps: MoneyFixtures['topUps'] = { payload: [], baseline: [] }
    for (const target of ['payload', 'baseline'] as const) {
      const { rows } = await db.query<{ reference: string }>(
        `INSERT INTO payments (tenant_id, reference, client_id, purpose, provider, status, amount, currency)
         SELECT $1, 'pay_bench_${target}_' || g, ($2::int[])[1 + g % $3], 'wallet_top_up', 'stripe', 'pending', 1000, 'USD' FROM generate_series(1, $4) g RETURNING reference`,
        [tenant, toppingUp.map((c) => c.id), toppingUp.length, perServer.topUps[target]],
      )
      topUps[target] = rows.map((r) => r.reference)
    }
    // The bench logs the 50 payers in from one address: lift the website's per-address login limit for this run's copy.
    await db.query('UPDATE tenants SET settings_rate_limits_login_per_ip_per_minute = 10000 WHERE id = $1', [tenant])
    await db.query('COMMIT')
    say(`money fixtures: ${PAYERS} payers × ${each} unpaid orders with funded wallets, ${perServer.topUps.payload} + ${perServer.topUps.baseline} pending top-ups, in ${Date.now() - started} ms`)
    return { payers: out, topUps, discountCode: BENCH_DISCOUNT_CODE }
  } catch (error) {
    await db.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    await db.end()
  }
}
