/**
 * `npm run drills:campaign [-- --count 5000] [-- --batch 100] [-- --concurrency 4]`
 *
 * A mail campaign at full scale, outside CI: Payload on a scratch database of
 * DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432), migrated and seeded,
 * dropped at the end; `count` clients of website Alpha written by SQL, 1 in 50 of them
 * suppressed; a real SMTP receiver on loopback. The campaign is started (recipients written
 * in one INSERT … SELECT) and sent by the campaigns schedule; midway its sender hangs as a
 * killed worker would, and a restart after the claim lease finishes it. Prints the times,
 * the throughput, and what the receiver counted: every address at most once, none
 * suppressed, and the campaign's counters equal to the rows.
 */
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import { parseArgs } from 'node:util'

import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type Payload } from 'payload'

import { startMailSink } from '../tests/helpers/smtp'

import { scratchPayload } from './scratchPayload'

const { values } = parseArgs({ options: { count: { type: 'string', default: '5000' }, batch: { type: 'string', default: '100' }, concurrency: { type: 'string', default: '4' } }, strict: true })
const count = Number(values.count)
const batch = Number(values.batch)
const concurrency = Number(values.concurrency)
for (const [name, n] of [['count', count], ['batch', batch], ['concurrency', concurrency]] as const) if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`)

const say = (line: string) => process.stdout.write(`${line}\n`)
type Row = Record<string, unknown>
const query = async (payload: Payload, q: ReturnType<typeof sql>) => (await (payload.db as unknown as { drizzle: { execute: (q: ReturnType<typeof sql>) => Promise<{ rows: Row[] }> } }).drizzle.execute(q)).rows
const ms = (since: number) => Date.now() - since

const sink = await startMailSink()
process.env.SMTP_URL = sink.url
const { payload, close } = await scratchPayload('campaign', say)
const { performAction } = await import('@/operations/workflow/performAction')
const { sendCampaign } = await import('@/operations/campaigns/send')
const { runCampaigns } = await import('@/jobs/campaignSchedules')

try {
  const [alpha] = await query(payload, sql`SELECT id FROM tenants WHERE slug = 'alpha'`)
  const alphaId = Number(alpha!.id)
  const tag = `d${randomBytes(3).toString('hex')}`
  let t0 = Date.now()
  await query(
    payload,
    sql`WITH u AS (
          INSERT INTO users (name, email, timezone) SELECT 'Drill ' || g, ${tag}::text || '-' || g || '@drill.example', 'UTC' FROM generate_series(1, ${count}::int) g RETURNING id
        ), r AS (INSERT INTO users_roles ("order", parent_id, value) SELECT 1, id, 'client' FROM u)
        INSERT INTO users_tenants (_order, _parent_id, id, tenant_id) SELECT 1, id, md5(random()::text || id::text), ${alphaId}::int FROM u`,
  )
  await query(payload, sql`INSERT INTO email_suppressions (tenant_id, address, reason) SELECT ${alphaId}::int, ${tag}::text || '-' || g || '@drill.example', 'bounce' FROM generate_series(50, ${count}::int, 50) g`)
  say(`${count} clients and ${Math.floor(count / 50)} suppressions written by SQL in ${ms(t0)} ms`)

  const campaign = await payload.create({
    collection: 'email-campaigns',
    data: {
      tenant: alphaId,
      name: 'Drill',
      subject: `Drill ${tag}`,
      status: 'draft',
      audience: { roles: ['client'] },
      body: { root: { type: 'root', direction: 'ltr', format: '', indent: 0, version: 1, children: [{ type: 'paragraph', direction: 'ltr', format: '', indent: 0, version: 1, textFormat: 0, children: [{ type: 'text', text: 'Hello from the drill.', detail: 0, format: 0, mode: 'normal', style: '', version: 1 }] }] } },
    },
  })
  t0 = Date.now()
  await performAction(await createLocalReq({}, payload), 'email-campaigns', campaign.id, 'sendNow', {}, { system: true })
  const started = await payload.findByID({ collection: 'email-campaigns', id: campaign.id, depth: 0 })
  say(`started: ${started.progress?.total} recipients (${started.progress?.skipped} skipped) written in one INSERT … SELECT, action in ${ms(t0)} ms`)

  // The first sender hands half the mails over, then hangs as a killed worker would.
  const half = Math.floor(((started.progress?.total ?? 0) - (started.progress?.skipped ?? 0)) / 2)
  let handed = 0
  t0 = Date.now()
  void sendCampaign(await createLocalReq({}, payload), campaign.id, {
    batch,
    concurrency,
    mailer: async (mail) => {
      if (handed >= half) return new Promise(() => {})
      handed += 1
      return payload.sendEmail(mail)
    },
  })
  while (handed < half || sink.mails.length < half) await new Promise((resolve) => setTimeout(resolve, 50))
  const firstMs = ms(t0)
  say(`first sender: ${half} mails in ${firstMs} ms (${((half * 1000) / firstMs).toFixed(0)} mails/s), then hung mid-batch`)

  // A restart after the claim lease finishes the campaign.
  t0 = Date.now()
  const run = await runCampaigns(payload, new Date(Date.now() + 11 * 60 * 1000), { batch, concurrency })
  const restartMs = ms(t0)
  say(`restart: ${run.sent.mails} mails in ${restartMs} ms (${((run.sent.mails * 1000) / Math.max(restartMs, 1)).toFixed(0)} mails/s)`)

  const done = await payload.findByID({ collection: 'email-campaigns', id: campaign.id, depth: 0 })
  const perAddress = new Map<string, number>()
  for (const mail of sink.mails) {
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to
    const address = (to?.value[0]?.address ?? '').toLowerCase()
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1)
  }
  const duplicates = [...perAddress.values()].filter((n) => n > 1).length
  const suppressedMailed = (await query(payload, sql`SELECT address FROM email_suppressions WHERE tenant_id = ${alphaId}`)).filter((r) => perAddress.has(String(r.address))).length
  const rows = await query(payload, sql`SELECT status::text AS status, count(*)::int AS n FROM email_recipients WHERE campaign_id = ${campaign.id} GROUP BY status ORDER BY status`)
  say(`\ncampaign ${done.status}: total ${done.progress?.total}, sent ${done.progress?.sent}, failed ${done.progress?.failed} (interrupted), skipped ${done.progress?.skipped}`)
  say(`rows: ${rows.map((r) => `${r.status} ${r.n}`).join(', ')}`)
  say(`SMTP receiver: ${sink.mails.length} mails to ${perAddress.size} addresses; addresses mailed twice: ${duplicates}; suppressed addresses mailed: ${suppressedMailed}`)
  say(`load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores; batch ${batch}, concurrency ${concurrency}`)
  if (duplicates > 0 || suppressedMailed > 0 || done.status !== 'sent' || sink.mails.length !== done.progress?.sent) process.exitCode = 1
} finally {
  await close()
  await sink.close()
}
process.exit()
