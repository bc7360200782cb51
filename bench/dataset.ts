/**
 * The bench dataset: 10 websites, 20k users, 100k orders in its own database
 * (`scriptorium_bench` on DATABASE_URL's server). The schema comes from the committed
 * migrations and the demo seed (two websites with price lists and known logins); the
 * rest is bulk-inserted with plain SQL. A dataset with the expected shape is reused;
 * `--fresh` builds it again.
 *
 *   tsx bench/dataset.ts [--fresh]
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'

import pg from 'pg'

import { defaultOrderPrefix, formatOrderNumber } from '@/domain/orders/number'
import { ORDER_STATUSES, type OrderStatus } from '@/domain/orders/statuses'
import { defaultPricingConfig } from '@/domain/pricing/defaults'
import { priceOrder } from '@/domain/pricing/priceOrder'
import type { Quote, QuoteInput } from '@/domain/pricing/types'
import { DEMO_TENANTS, demoEmail } from '@/seed/demoData'
import { dropDatabases, ensureDatabase, onServer, withDatabase } from '@/server/database'

import { benchConfig, DATASET, say } from './config'

/** The eight websites added to the demo's two. */
const EXTRA_TENANTS = ['gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa']
const STAFF_PER_TENANT = { admin: 3, editor: 8, support: 12 } as const
const WRITERS_PER_TENANT = 130
const BATCH = 5_000

/** Share of orders in each status (the rest of the lifecycle is rarer). */
const STATUS_WEIGHTS: Partial<Record<OrderStatus, number>> = {
  completed: 30,
  archived: 18,
  in_progress: 10,
  cancelled: 8,
  pending_payment: 8,
  ready_for_staffing: 5,
  submitted: 4,
  pending_writer_acceptance: 2,
  qa_review: 2,
  under_editing: 2,
  revision_requested: 2,
  unpaid: 2,
  on_hold: 1,
  disputed: 1,
  pending_cancellation: 1,
  refunded: 1,
  paid: 1,
  created: 1,
}
const UNPAID: OrderStatus[] = ['created', 'unpaid', 'pending_payment']
const WITH_WRITER: OrderStatus[] = [
  'pending_writer_acceptance',
  'in_progress',
  'on_hold',
  'qa_review',
  'under_editing',
  'submitted',
  'completed',
  'disputed',
  'revision_requested',
  'pending_cancellation',
  'archived',
]

const TOPICS = [
  'The Enlightenment and its critics',
  'Supply chains after the pandemic',
  'CRISPR and the ethics of gene editing',
  'Monetary policy in small open economies',
  'Patient safety in night shifts',
  'Machine learning for credit scoring',
  'The causes of the First World War',
  'Urban heat islands',
  'Social media and adolescent sleep',
  'Contract law: offer and acceptance',
  'Marketing plan for a coffee brand',
  'Shakespeare’s tragic heroes',
]
const INSTRUCTIONS =
  'Use at least five peer-reviewed sources from the last ten years. Follow the rubric attached by the client; ' +
  'keep the introduction short and end with a clear conclusion. Tables and figures are welcome.'

/** Deterministic pseudo-random numbers (mulberry32), so every fresh dataset is the same. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

export type DatasetFingerprint = { version: number; tenants: number; users: number; orders: number; migrations: string[] }

const committedMigrations = async (): Promise<string[]> =>
  (await readdir(path.resolve(import.meta.dirname, '../src/migrations')))
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
    .map((f) => f.slice(0, -3))
    .sort()

const expectedFingerprint = async (): Promise<DatasetFingerprint> => ({ ...DATASET, migrations: await committedMigrations() })

/** The fingerprint stored on the dataset database (its comment), or null. */
const storedFingerprint = async (serverUrl: string, database: string): Promise<DatasetFingerprint | null> =>
  onServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ comment: string | null }>(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
      [database],
    )
    const comment = rows[0]?.comment
    if (!comment?.startsWith('scriptorium-bench ')) return null
    try {
      return JSON.parse(comment.slice('scriptorium-bench '.length)) as DatasetFingerprint
    } catch {
      return null
    }
  })

const countRows = async (url: string) => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ tenants: number; users: number; orders: number }>(
      'SELECT (SELECT count(*) FROM tenants)::int AS tenants, (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM orders)::int AS orders',
    )
    return rows[0]!
  } finally {
    await client.end()
  }
}

/** Migrations and demo seed through Payload, in a child process of its own (Payload reads DATABASE_URL once). */
const migrateAndSeed = async (url: string) => {
  const { spawn } = await import('node:child_process')
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=development', path.resolve(import.meta.dirname, '../src/server/seed.ts')], {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`migrate + seed exited with ${code}`))))
  })
}

type Column = { name: string; type: string; cast?: string }

/** Inserts rows column-wise through `unnest`: one statement per batch, any number of rows. */
const insertColumns = async (client: pg.Client, table: string, columns: Column[], data: unknown[][]) => {
  const list = columns.map((c) => `"${c.name}"`).join(', ')
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')
  const select = columns.map((c, i) => (c.cast ? `c${i}::${c.cast}` : `c${i}`)).join(', ')
  const aliases = columns.map((_, i) => `c${i}`).join(', ')
  await client.query(`INSERT INTO ${table} (${list}) SELECT ${select} FROM unnest(${unnest}) AS t(${aliases})`, data)
}

const progress = (what: string, total: number) => {
  const started = Date.now()
  let next = 10_000
  return (done: number) => {
    if (done < next && done < total) return
    while (next <= done) next += 10_000
    const seconds = (Date.now() - started) / 1000
    say(`  ${what}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.round(done / Math.max(seconds, 0.001)).toLocaleString('en')} rows/s)`)
  }
}

type GeneratedUser = { id: number; tenantId: number; role: 'admin' | 'editor' | 'support' | 'writer' | 'client' }

const generate = async (url: string) => {
  const rnd = random(20261125)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('BEGIN')

    // Websites: the demo's two (with price lists) plus eight copies of alpha's price list.
    const alpha = DEMO_TENANTS[0]!.slug
    const { rows: seeded } = await client.query<{ id: number; slug: string }>('SELECT id, slug FROM tenants ORDER BY id')
    const alphaId = seeded.find((t) => t.slug === alpha)!.id
    const tenants = [...seeded]
    for (const [i, slug] of EXTRA_TENANTS.entries()) {
      const name = `${slug[0]!.toUpperCase()}${slug.slice(1)} Writers`
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO tenants (name, slug, currency, branding_brand_name, branding_primary_color, branding_support_email, branding_mail_from_name, branding_mail_from_address)
         VALUES ($1, $2, 'USD', $1, $3, $4, $1, $5) RETURNING id`,
        [name, slug, `#${(0x204060 + i * 0x101010).toString(16)}`, `support@${slug}.test`, `no-reply@${slug}.test`],
      )
      const id = rows[0]!.id
      tenants.push({ id, slug })
      for (const [order, domain] of [`${slug}.localhost`, `${slug}.test`].entries()) {
        await client.query('INSERT INTO tenants_domains (_order, _parent_id, id, domain) VALUES ($1, $2, $3, $4)', [
          order + 1,
          id,
          `bd${String(id).padStart(6, '0')}${String(order).padStart(16, '0')}`,
          domain,
        ])
      }
      await client.query(
        `INSERT INTO pricing_options (tenant_id, dimension, code, label, multiplier, amount, flat, max_hours, category, sort_order, active)
         SELECT $1, dimension, code, label, multiplier, amount, flat, max_hours, category, sort_order, active FROM pricing_options WHERE tenant_id = $2`,
        [id, alphaId],
      )
    }
    say(`  websites: ${tenants.length} (${tenants.map((t) => t.slug).join(', ')})`)

    // Users: one password for all (the demo's), so any of them can log in.
    const { rows: credential } = await client.query<{ salt: string; hash: string }>('SELECT salt, hash FROM users WHERE email = $1', [
      demoEmail('client', alpha),
    ])
    const { salt, hash } = credential[0]!
    const { rows: existing } = await client.query<{ id: number; role: GeneratedUser['role'] | 'superadmin'; tenant_id: number | null }>(
      'SELECT u.id, r.value AS role, t.tenant_id FROM users u JOIN users_roles r ON r.parent_id = u.id LEFT JOIN users_tenants t ON t._parent_id = u.id',
    )
    const users: GeneratedUser[] = existing
      .filter((u) => u.role !== 'superadmin' && u.tenant_id !== null)
      .map((u) => ({ id: u.id, tenantId: u.tenant_id!, role: u.role as GeneratedUser['role'] }))
    const toMake = DATASET.users - existing.length
    let nextId = Math.max(...existing.map((u) => u.id)) + 1
    const made: (GeneratedUser & { email: string; name: string })[] = []
    const add = (tenant: { id: number; slug: string }, role: GeneratedUser['role'], n: number) => {
      const email = `${role}-${String(n).padStart(5, '0')}@${tenant.slug}.bench.test`
      made.push({ id: nextId++, tenantId: tenant.id, role, email, name: `${tenant.slug} ${role} ${n}` })
    }
    for (const tenant of tenants) {
      for (const [role, count] of Object.entries(STAFF_PER_TENANT)) for (let n = 1; n <= count; n++) add(tenant, role as GeneratedUser['role'], n)
      for (let n = 1; n <= WRITERS_PER_TENANT; n++) add(tenant, 'writer', n)
    }
    for (let n = 1; made.length < toMake; n++) add(tenants[n % tenants.length]!, 'client', n)
    const userProgress = progress('users', made.length)
    const created = Date.now() - 800 * 86_400_000
    for (let start = 0; start < made.length; start += BATCH) {
      const batch = made.slice(start, start + BATCH)
      const at = batch.map((u) => new Date(created + u.id * 60_000).toISOString())
      await insertColumns(
        client,
        'users',
        [
          { name: 'id', type: 'int' },
          { name: 'name', type: 'varchar' },
          { name: 'email', type: 'varchar' },
          { name: 'salt', type: 'varchar' },
          { name: 'hash', type: 'varchar' },
          { name: 'created_at', type: 'timestamptz' },
          { name: 'updated_at', type: 'timestamptz' },
        ],
        [batch.map((u) => u.id), batch.map((u) => u.name), batch.map((u) => u.email), batch.map(() => salt), batch.map(() => hash), at, at],
      )
      await insertColumns(
        client,
        'users_roles',
        [
          { name: 'order', type: 'int' },
          { name: 'parent_id', type: 'int' },
          { name: 'value', type: 'text', cast: 'enum_users_roles' },
        ],
        [batch.map(() => 1), batch.map((u) => u.id), batch.map((u) => u.role)],
      )
      await insertColumns(
        client,
        'users_tenants',
        [
          { name: '_order', type: 'int' },
          { name: '_parent_id', type: 'int' },
          { name: 'id', type: 'varchar' },
          { name: 'tenant_id', type: 'int' },
        ],
        [batch.map(() => 1), batch.map((u) => u.id), batch.map((u) => `bu${u.id.toString(16).padStart(22, '0')}`), batch.map((u) => u.tenantId)],
      )
      userProgress(start + batch.length)
    }
    await client.query("SELECT setval('users_id_seq', (SELECT max(id) FROM users))")
    users.push(...made)

    // Orders: spread over clients (a few heavy ones), statuses and two years, numbered per website in time order.
    const writersByTenant = new Map<number, number[]>()
    for (const u of users) {
      if (u.role !== 'writer') continue
      const list = writersByTenant.get(u.tenantId) ?? []
      list.push(u.id)
      writersByTenant.set(u.tenantId, list)
    }
    const clients = users.filter((u) => u.role === 'client')
    // 70 % of orders from any client, 30 % from one client in fifty (returning customers).
    const heavy = clients.filter(() => rnd() < 0.02)
    const statusBag = ORDER_STATUSES.flatMap((s) => Array.from({ length: STATUS_WEIGHTS[s] ?? 0 }, () => s))
    const config = defaultPricingConfig()
    const quotes: { input: QuoteInput; quote: Quote }[] = []
    while (quotes.length < 64) {
      const input: QuoteInput = {
        pages: 1 + Math.floor(rnd() * 12),
        spacing: rnd() < 0.8 ? 'double' : 'single',
        deadlineHours: pick([24, 48, 72, 120, 168, 240, 336]),
        paperType: pick(config.paperTypes).code,
        workType: pick(['writing', 'writing', 'writing', 'editing', 'research']),
        academicLevel: pick(config.academicLevels).code,
        subject: pick(config.subjects).code,
        analysisLevel: null,
        writerLevel: null,
        preferredWriter: false,
        addons: [],
      }
      const priced = priceOrder({ ...config, version: 'bench' }, input)
      if (priced.ok) quotes.push({ input, quote: priced.quote })
    }
    const now = Date.now()
    const span = 730 * 86_400_000
    const times = Array.from({ length: DATASET.orders }, () => now - 3_600_000 - Math.floor(rnd() * span)).sort((a, b) => a - b)
    const sequence = new Map<number, number>()
    const ordersOf = new Map<number, number>()
    const { rows: maxOrder } = await client.query<{ max: number | null }>('SELECT max(id) AS max FROM orders')
    let orderId = (maxOrder[0]?.max ?? 0) + 1
    const slugOf = new Map(tenants.map((t) => [t.id, t.slug]))
    const orderProgress = progress('orders', DATASET.orders)
    const columns: Column[] = [
      { name: 'id', type: 'int' },
      { name: 'tenant_id', type: 'int' },
      { name: 'number', type: 'varchar' },
      { name: 'client_id', type: 'int' },
      { name: 'topic', type: 'varchar' },
      { name: 'instructions', type: 'varchar' },
      { name: 'paper_type', type: 'varchar' },
      { name: 'work_type', type: 'varchar' },
      { name: 'academic_level', type: 'varchar' },
      { name: 'subject', type: 'varchar' },
      { name: 'formatting_style', type: 'varchar' },
      { name: 'english_type', type: 'varchar' },
      { name: 'pages', type: 'numeric' },
      { name: 'spacing', type: 'text', cast: 'enum_orders_spacing' },
      { name: 'client_deadline', type: 'timestamptz' },
      { name: 'writer_deadline', type: 'timestamptz' },
      { name: 'total', type: 'numeric' },
      { name: 'amount_paid', type: 'numeric' },
      { name: 'currency', type: 'varchar' },
      { name: 'payment_status', type: 'text', cast: 'enum_orders_payment_status' },
      { name: 'status', type: 'text', cast: 'enum_orders_status' },
      { name: 'visibility', type: 'text', cast: 'enum_orders_visibility' },
      { name: 'writer_id', type: 'int' },
      { name: 'price_snapshot', type: 'jsonb' },
      { name: 'flags_urgent', type: 'bool' },
      { name: 'flags_high_value', type: 'bool' },
      { name: 'flags_first_order', type: 'bool' },
      { name: 'flags_returning_client', type: 'bool' },
      { name: 'timestamps_paid_at', type: 'timestamptz' },
      { name: 'timestamps_assigned_at', type: 'timestamptz' },
      { name: 'timestamps_completed_at', type: 'timestamptz' },
      { name: 'timestamps_cancelled_at', type: 'timestamptz' },
      { name: 'timestamps_archived_at', type: 'timestamptz' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'updated_at', type: 'timestamptz' },
    ]
    for (let start = 0; start < times.length; start += BATCH) {
      const rows = times.slice(start, start + BATCH).map((createdMs) => {
        const owner = rnd() < 0.3 ? pick(heavy) : pick(clients)
        const tenantId = owner.tenantId
        const seq = (sequence.get(tenantId) ?? 0) + 1
        sequence.set(tenantId, seq)
        const previous = ordersOf.get(owner.id) ?? 0
        ordersOf.set(owner.id, previous + 1)
        const { input, quote } = pick(quotes)
        const status = pick(statusBag)
        const paid = !UNPAID.includes(status) && !(status === 'cancelled' && rnd() < 0.5)
        const paymentStatus = status === 'refunded' ? 'refunded' : paid ? 'fully_paid' : 'unpaid'
        const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())
        const clientDeadline = createdMs + input.deadlineHours * 3_600_000
        const writerDeadline = createdMs + Math.floor(input.deadlineHours * 3_600_000 * 0.8)
        const writer = WITH_WRITER.includes(status) ? pick(writersByTenant.get(tenantId)!) : null
        const snapshot = { inputs: input, lines: quote.lines, total: quote.total, configVersion: quote.configVersion, pricedAt: iso(createdMs) }
        return [
          orderId++,
          tenantId,
          formatOrderNumber(defaultOrderPrefix(slugOf.get(tenantId)!), seq),
          owner.id,
          `${pick(TOPICS)} (${seq})`,
          INSTRUCTIONS,
          input.paperType,
          input.workType,
          input.academicLevel,
          input.subject,
          pick(['apa', 'mla', 'harvard', 'chicago']),
          pick(['us', 'uk']),
          input.pages,
          input.spacing,
          iso(clientDeadline),
          iso(writerDeadline),
          quote.total,
          paid ? quote.total : 0,
          'USD',
          paymentStatus,
          status,
          status === 'ready_for_staffing' && rnd() < 0.7 ? 'pool' : 'hidden',
          writer,
          JSON.stringify(snapshot),
          input.deadlineHours <= 24,
          quote.total >= 20_000 || input.pages >= 15,
          previous === 0,
          previous > 0,
          iso(paid ? createdMs + 1_800_000 : null),
          iso(writer ? createdMs + 7_200_000 : null),
          iso(status === 'completed' || status === 'archived' ? writerDeadline : null),
          iso(status === 'cancelled' ? createdMs + 86_400_000 : null),
          iso(status === 'archived' ? clientDeadline + 14 * 86_400_000 : null),
          iso(createdMs),
          iso(Math.min(now, createdMs + 3 * 86_400_000)),
        ]
      })
      await insertColumns(
        client,
        'orders',
        columns,
        columns.map((_, i) => rows.map((row) => row[i])),
      )
      orderProgress(start + rows.length)
    }
    await client.query("SELECT setval('orders_id_seq', (SELECT max(id) FROM orders))")
    for (const [tenantId, seq] of sequence) await client.query('UPDATE tenants SET order_sequence = $1 WHERE id = $2', [seq, tenantId])
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    await client.end()
  }
  say('  vacuum analyze …')
  const maintenance = new pg.Client({ connectionString: url })
  await maintenance.connect()
  await maintenance.query('VACUUM ANALYZE')
  await maintenance.end()
}

/**
 * Makes sure the dataset database exists with the expected shape; builds it when it
 * does not (or when `fresh`). Returns whether it was built.
 */
export const ensureDataset = async (options: { serverUrl: string; database: string; fresh: boolean }): Promise<boolean> => {
  const url = withDatabase(options.serverUrl, options.database)
  const expected = await expectedFingerprint()
  if (!options.fresh) {
    const stored = await storedFingerprint(options.serverUrl, options.database)
    if (stored && JSON.stringify(stored) === JSON.stringify(expected)) {
      const counts = await countRows(url)
      if (counts.tenants === expected.tenants && counts.users === expected.users && counts.orders === expected.orders) {
        say(`dataset ${options.database}: reused (${counts.tenants} websites, ${counts.users} users, ${counts.orders} orders)`)
        return false
      }
    }
    if (stored) say(`dataset ${options.database}: other shape or schema, building it again`)
  }
  const started = Date.now()
  say(`dataset ${options.database}: building (${expected.tenants} websites, ${expected.users} users, ${expected.orders} orders)`)
  await dropDatabases(options.serverUrl, [options.database])
  await ensureDatabase(url)
  say('  migrations + demo seed …')
  await migrateAndSeed(url)
  await generate(url)
  const counts = await countRows(url)
  if (counts.tenants !== expected.tenants || counts.users !== expected.users || counts.orders !== expected.orders) {
    throw new Error(`dataset has ${JSON.stringify(counts)}, expected ${JSON.stringify(DATASET)}`)
  }
  await onServer(options.serverUrl, (client) =>
    client.query(`COMMENT ON DATABASE "${options.database}" IS ${client.escapeLiteral(`scriptorium-bench ${JSON.stringify(expected)}`)}`),
  )
  say(`dataset ${options.database}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return true
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = benchConfig()
  await ensureDataset({ serverUrl: config.serverUrl, database: config.datasetDb, fresh: config.fresh })
}
