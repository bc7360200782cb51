/**
 * Baselines of the money scenarios: the same rows written in one hand-written
 * transaction over node-postgres, with the same locks (order, then wallet), the same
 * checks and a balanced journal entry, so that the ledger invariants hold after the run
 * whichever server did the work. What they leave out is the framework.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

import type pg from 'pg'

import type { BaselineRequest, BaselineResponse } from './baseline'

type Authenticate = (req: BaselineRequest) => Promise<{ id: number; tenantIds: number[] } | null>

const lineId = () => randomBytes(12).toString('hex')

/** Stripe's scheme: `t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, within 300 s. */
export const stripeSignature = (secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) =>
  `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`

const signatureValid = (secret: string, body: string, header: string | undefined): boolean => {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=') as [string, string]))
  const t = Number(parts.t)
  if (!parts.v1 || !Number.isFinite(t) || Math.abs(Date.now() / 1000 - t) > 300) return false
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'))
  const given = Buffer.from(parts.v1)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

const refused = (status: number, message: string): BaselineResponse => ({ status, body: { errors: [{ message }] } })

export const createMoneyBaseline = (pool: pg.Pool, authenticate: Authenticate, webhookSecret: string) => {
  const accounts = new Map<string, number>()
  const systemAccount = async (client: pg.PoolClient, tenant: number, code: string) => {
    const key = `${tenant}:${code}`
    if (!accounts.has(key)) {
      const { rows } = await client.query<{ id: number }>('SELECT id FROM ledger_accounts WHERE tenant_id = $1 AND code = $2', [tenant, code])
      if (!rows[0]) throw new Error(`no ${code} account on website ${tenant} (the bench prepares it)`)
      accounts.set(key, rows[0].id)
    }
    return accounts.get(key)!
  }
  const postEntry = async (client: pg.PoolClient, tenant: number, reference: string, type: string, debit: number, credit: number, amount: number) => {
    const { rows } = await client.query<{ id: number }>('INSERT INTO journal_entries (tenant_id, reference, type) VALUES ($1, $2, $3) RETURNING id', [tenant, reference, type])
    await client.query('INSERT INTO journal_entries_lines (_order, _parent_id, id, account_id, debit, credit) VALUES (1, $1, $2, $3, $5, 0), (2, $1, $4, $6, 0, $5)', [
      rows[0]!.id,
      lineId(),
      debit,
      lineId(),
      amount,
      credit,
    ])
  }
  /** One transaction; a refusal (4xx) rolls back, so it writes nothing. */
  const transaction = async (fn: (client: pg.PoolClient) => Promise<BaselineResponse>): Promise<BaselineResponse> => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const out = await fn(client)
      await client.query(out.status >= 400 ? 'ROLLBACK' : 'COMMIT')
      return out
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  /** POST /api/payments/checkout { purpose: 'order', order, provider: 'wallet', discountCode? } (a fixed code without limits, as the bench's). */
  const walletPay = async (req: BaselineRequest): Promise<BaselineResponse> => {
    const actor = await authenticate(req)
    if (!actor) return refused(401, 'Log in to pay.')
    const body = JSON.parse(req.body.toString() || '{}') as { purpose?: string; order?: number; provider?: string; discountCode?: string }
    if (body.purpose !== 'order' || body.provider !== 'wallet' || !Number.isInteger(body.order)) return refused(400, 'invalid')
    return transaction(async (client) => {
      const { rows: orders } = await client.query<{ id: number; tenant_id: number; client_id: number; total: string; subtotal: string | null; amount_paid: string; status: string }>(
        'SELECT id, tenant_id, client_id, total, subtotal, amount_paid, status FROM orders WHERE id = $1 FOR UPDATE',
        [body.order],
      )
      const order = orders[0]
      if (!order || order.client_id !== actor.id || !actor.tenantIds.includes(order.tenant_id)) return refused(404, 'order: there is no such order of yours here.')
      // The code: read, checked (active, in its window), its usage written, the order's total recomputed.
      let off = 0
      if (body.discountCode) {
        const code = body.discountCode.trim().toUpperCase()
        const { rows: codes } = await client.query<{ id: number; value: string }>(
          "SELECT id, value FROM discounts WHERE tenant_id = $1 AND code = $2 AND active AND NOT archived AND kind = 'fixed' AND (starts_at IS NULL OR starts_at <= now()) AND (ends_at IS NULL OR ends_at > now())",
          [order.tenant_id, code],
        )
        if (!codes[0]) return refused(422, 'discountCode: there is no such code on this website. (unknown_code)')
        const subtotal = Number(order.subtotal ?? order.total)
        off = Math.min(Number(codes[0].value), subtotal)
        await client.query(
          `INSERT INTO discount_usages (tenant_id, discount_id, client_id, payable_type, order_id, payable_key, subtotal, discount_amount, total, origin, code, status)
           VALUES ($1, $2, $3, 'order', $4, $5, $6, $7, $8, 'manual', $9, 'applied')`,
          [order.tenant_id, codes[0].id, actor.id, order.id, `order:${order.id}`, subtotal, off, subtotal - off, code],
        )
        await client.query('UPDATE orders SET subtotal = $2, discount = $3, total = $4 WHERE id = $1', [order.id, subtotal, off, subtotal - off])
        order.total = String(subtotal - off)
      }
      const owed = Number(order.total) - Number(order.amount_paid)
      if (owed <= 0) return refused(422, 'order: nothing is owed on this order.')
      const { rows: wallets } = await client.query<{ id: number; balance: string; account_id: number }>(
        "SELECT id, balance, account_id FROM wallets WHERE tenant_id = $1 AND owner_id = $2 AND kind = 'client' FOR UPDATE",
        [order.tenant_id, actor.id],
      )
      const wallet = wallets[0]
      if (!wallet || Number(wallet.balance) < owed) return refused(422, 'Insufficient funds.')
      const reference = `pay_${randomBytes(12).toString('hex')}`
      const { rows: payments } = await client.query(
        `INSERT INTO payments (tenant_id, reference, client_id, purpose, provider, status, amount, currency, order_id, applied_at)
         VALUES ($1, $2, $3, 'order', 'wallet', 'succeeded', $4, 'USD', $5, now()) RETURNING *`,
        [order.tenant_id, reference, actor.id, owed, order.id],
      )
      await postEntry(client, order.tenant_id, `payment:${reference}`, 'order_payment', wallet.account_id, await systemAccount(client, order.tenant_id, 'platform_revenue'), owed)
      if (off > 0) await postEntry(client, order.tenant_id, `discount:order:${order.id}`, 'discount_given', await systemAccount(client, order.tenant_id, 'discounts_given'), await systemAccount(client, order.tenant_id, 'platform_revenue'), off)
      await client.query('UPDATE wallets SET balance = balance - $2, updated_at = now() WHERE id = $1', [wallet.id, owed])
      await client.query(
        "UPDATE orders SET amount_paid = total, payment_status = 'fully_paid', status = 'ready_for_staffing', visibility = 'pool', timestamps_paid_at = now(), updated_at = now() WHERE id = $1",
        [order.id],
      )
      await client.query(`INSERT INTO order_events (tenant_id, order_id, action, "from", "to", actor_id) VALUES ($1, $2, 'paymentApplied', $3, 'ready_for_staffing', $4)`, [
        order.tenant_id,
        order.id,
        order.status,
        actor.id,
      ])
      await client.query("INSERT INTO outbox (type, tenant_id, payload) VALUES ('live.event', $1, $2)", [
        order.tenant_id,
        JSON.stringify({ audience: { user: actor.id }, event: 'payment.succeeded', data: { reference, amount: owed } }),
      ])
      return { status: 201, body: { payment: payments[0] } }
    })
  }

  /** POST /api/payments/webhooks/stripe: checkout.session.completed of a pending wallet top-up. */
  const stripeWebhook = async (req: BaselineRequest): Promise<BaselineResponse> => {
    const raw = req.body.toString()
    const signature = req.headers['stripe-signature']
    if (!signatureValid(webhookSecret, raw, Array.isArray(signature) ? signature[0] : signature)) return refused(400, 'Invalid signature.')
    const event = JSON.parse(raw) as { id: string; type: string; data: { object: { client_reference_id?: string; payment_intent?: string } } }
    return transaction(async (client) => {
      const { rows: fresh } = await client.query<{ id: number }>(
        "INSERT INTO provider_events (provider, event_id, type) VALUES ('stripe', $1, $2) ON CONFLICT (provider, event_id) DO NOTHING RETURNING id",
        [event.id, event.type],
      )
      if (!fresh[0]) return { status: 200, body: { received: true, duplicate: true } }
      const { rows: payments } = await client.query<{ id: number; tenant_id: number; client_id: number; amount: string; applied_at: Date | null }>(
        'SELECT id, tenant_id, client_id, amount, applied_at FROM payments WHERE reference = $1 FOR UPDATE',
        [event.data.object.client_reference_id],
      )
      const payment = payments[0]
      if (!payment) return { status: 200, body: { received: true, ignored: true } }
      await client.query('UPDATE provider_events SET payment_id = $1 WHERE id = $2', [payment.id, fresh[0].id])
      if (payment.applied_at) return { status: 200, body: { received: true } }
      const { rows: wallets } = await client.query<{ id: number; account_id: number }>(
        "SELECT id, account_id FROM wallets WHERE tenant_id = $1 AND owner_id = $2 AND kind = 'client' FOR UPDATE",
        [payment.tenant_id, payment.client_id],
      )
      const wallet = wallets[0]
      if (!wallet) throw new Error(`client ${payment.client_id} has no wallet (the bench prepares one)`)
      const amount = Number(payment.amount)
      await postEntry(client, payment.tenant_id, `payment:${event.data.object.client_reference_id}`, 'client_wallet_top_up', await systemAccount(client, payment.tenant_id, 'gateway_clearing'), wallet.account_id, amount)
      await client.query('UPDATE wallets SET balance = balance + $2, updated_at = now() WHERE id = $1', [wallet.id, amount])
      await client.query("UPDATE payments SET status = 'succeeded', applied_at = now(), provider_payment_intent = $2, updated_at = now() WHERE id = $1", [
        payment.id,
        event.data.object.payment_intent ?? null,
      ])
      await client.query("INSERT INTO outbox (type, tenant_id, payload) VALUES ('live.event', $1, $2)", [
        payment.tenant_id,
        JSON.stringify({ audience: { user: payment.client_id }, event: 'payment.succeeded', data: { paymentId: payment.id, amount } }),
      ])
      return { status: 200, body: { received: true } }
    })
  }

  return { walletPay, stripeWebhook }
}
