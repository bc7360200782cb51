/**
 * `npm run credentials:reencrypt`: seals every stored class-portal credential that is not
 * under CREDENTIALS_KEY's current (first) key again under it, in batches, printing
 * progress and the counts. Rotation: put the new key first (`new:…,old:…`), deploy, run
 * this, then drop the old key. Idempotent. Exit 0 when nothing failed, 1 when some rows
 * could not be opened (their key is missing or they were altered), 2 when the database
 * or the key ring cannot be read.
 */
import { loadEnvOrExit } from './loadEnv'

// Checked before anything that logs is loaded: a bad CREDENTIALS_KEY is one line, not a stack.
const settings = loadEnvOrExit()
const { default: pg } = await import('pg')
const { reencryptCredentials } = await import('@/operations/credentials/reencrypt')
const { credentialKeyRing } = await import('@/security/credentialKeys')
if (!settings.DATABASE_URL) {
  process.stderr.write('DATABASE_URL is not set: which database should be re-encrypted?\n')
  process.exit(2)
}

const say = (line: string) => process.stdout.write(`${line}\n`)
const pool = new pg.Pool({ connectionString: settings.DATABASE_URL, max: 2 })
let code = 0
try {
  const ring = credentialKeyRing()
  say(`credentials:reencrypt: sealing under key ${ring.current.id} (${ring.keys.size} key(s) in the ring)`)
  const report = await reencryptCredentials(pool, ring, {
    progress: (so) => say(`  ${so.examined} examined, ${so.reencrypted} re-encrypted, ${so.alreadyCurrent} already current, ${so.failed} failed…`),
    failure: (row, problem) => say(`  FAILED class-access ${row}: ${problem}`),
  })
  say(`credentials:reencrypt: examined ${report.examined}, re-encrypted ${report.reencrypted}, already current ${report.alreadyCurrent}, failed ${report.failed}`)
  if (report.failed > 0) code = 1
} catch (error) {
  process.stderr.write(`credentials:reencrypt: ${error instanceof Error ? error.message : String(error)}\n`)
  code = 2
} finally {
  await pool.end()
}
process.exit(code)
