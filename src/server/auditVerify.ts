/**
 * `npm run audit:verify`: recomputes every website's audit chain (src/domain/audit/chain.ts)
 * and names the first broken row. Exit 0 when every chain is whole, 1 when one is
 * broken, 2 when the database cannot be read. Rows not linked yet are reported, not
 * counted as breaks (the chain job links them within seconds).
 */
import pg from 'pg'

import { chainsOf, verifyChain } from '@/operations/audit/verify'

const url = process.env.DATABASE_URL
if (!url) {
  process.stderr.write('DATABASE_URL is not set: which database should be verified?\n')
  process.exit(2)
}

const pool = new pg.Pool({ connectionString: url, max: 2 })
const say = (line: string) => process.stdout.write(`${line}\n`)
let code = 0
try {
  const chains = await chainsOf(pool)
  say(`audit:verify: ${chains.length} chain(s) to check`)
  let total = 0
  for (const tenant of chains) {
    const name = tenant === null ? 'platform' : `website ${tenant}`
    const report = await verifyChain(pool, tenant, (checked) => {
      if (checked > 0 && checked % 50_000 === 0) say(`  ${name}: ${checked} rows checked…`)
    })
    total += report.checked
    if (report.broken) {
      say(`BROKEN ${name}: audit row ${report.broken.id} (seq ${report.broken.seq ?? 'none'}): ${report.broken.problem}`)
      process.stderr.write(`audit:verify: the chain of ${name} is broken at audit row ${report.broken.id}\n`)
      code = 1
      continue
    }
    say(`  ${name}: ${report.checked} rows ok${report.pending > 0 ? `, ${report.pending} not linked yet` : ''}`)
  }
  say(code === 0 ? `audit:verify: every chain is whole (${total} rows)` : 'audit:verify: broken chain(s) found')
} catch (error) {
  process.stderr.write(`audit:verify: ${error instanceof Error ? error.message : String(error)}\n`)
  code = 2
} finally {
  await pool.end()
}
process.exit(code)
