/**
 * Browser test of the admin panel: the production build (`npm run build`) served by the
 * compiled server entry with plain node, as `npm start` serves it, driven in Debian's
 * Chromium by playwright-core (no browser download). Screenshots go to test-results/.
 * Prints "N passed, N failed" and exits non-zero on any failure. E2E_SKIP_BUILD=1 uses
 * the build already there (CI builds once for this and the start drill).
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { type Browser, chromium } from 'playwright-core'

import { dropDatabases, ensureDatabase, withDatabase } from '../../src/server/database'
import { type EmbeddedDatabase, freePort, startEmbeddedPostgres } from '../../src/server/embeddedPostgres'
import { missingBuild, projectRoot as root, startCompiled, stopCompiled, waitForReady } from '../helpers/compiledProcess'
import { hasRedisServer, startPrivateRedis } from '../helpers/redis'

import { contentChecks } from './content'
import { dashboardChecks } from './dashboard'
import { type Check, chromiumPath, logIn, results } from './support'
import { impersonationChecks } from './impersonation'
import { incentiveChecks } from './incentives'
import { peopleChecks } from './people'
import { twoFactorChecks } from './twoFactor'
import { accountHelpChecks } from './accountHelp'
import { specialOrderChecks } from './specialOrders'
import { workflowChecks } from './workflows'

import { dossierChecks } from './dossier'
import { edgeChecks } from './edge'
import { exportCsvChecks } from './exportCsv'
const say = (line: string) => process.stdout.write(`${line}\n`)

const checks: Check[] = [
  {
    name: 'the demo admin logs in to /admin and sees the collections of the websites',
    run: async ({ browser, base }) => {
      const page = await browser.newPage()
      await logIn(page, `${base}/admin`, 'admin@alpha.test')
      await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 60_000 })
      for (const label of ['Websites', 'Users', 'Media']) {
        await page.getByRole('link', { name: label, exact: true }).first().waitFor({ timeout: 30_000 })
      }
      await page.screenshot({ path: path.join(results, 'admin-dashboard.png'), fullPage: true })
      await page.goto(`${base}/admin/collections/tenants`)
      await page.getByText('Alpha Essays').first().waitFor({ timeout: 30_000 })
      if (await page.getByText('Beta Papers').count()) throw new Error("Alpha's admin can see Beta Papers")
      await page.screenshot({ path: path.join(results, 'admin-websites.png'), fullPage: true })
      await page.close()
    },
  },
  {
    name: 'a client is refused at /admin on its own website',
    run: async ({ browser, port }) => {
      const page = await browser.newPage()
      const base = `http://alpha.localhost:${port}`
      await logIn(page, `${base}/admin`, 'client@alpha.test')
      // The refusal comes once the login round trip is over: wait for it, not for a fixed time.
      await page.getByText(/unauthorized|not allowed/i).first().waitFor({ timeout: 60_000 })
      await page.screenshot({ path: path.join(results, 'admin-client-refused.png'), fullPage: true })
      const dashboard = await page.getByRole('link', { name: 'Websites', exact: true }).count()
      if (dashboard > 0) throw new Error('a client reached the admin dashboard')
      const body = await page.locator('body').innerText()
      if (!/unauthorized|not allowed/i.test(body)) throw new Error(`expected an unauthorized page, got: ${body.slice(0, 300)}`)
      await page.close()
    },
  },
  {
    name: 'a client is refused at /admin on the platform host with the reason',
    run: async ({ browser, base }) => {
      const page = await browser.newPage()
      await logIn(page, `${base}/admin`, 'client@alpha.test')
      await page.getByText('The email or password is wrong. Clients and writers log in on the website where they registered.', { exact: false }).first().waitFor({ timeout: 30_000 })
      await page.screenshot({ path: path.join(results, 'admin-client-login-refused.png'), fullPage: true })
      if (!page.url().includes('/login')) throw new Error('the client left the login page')
      await page.close()
    },
  },
  {
    name: 'a superadmin sees the job queues at /admin/queues; an admin does not',
    run: async ({ browser, base }) => {
      if (!process.env.E2E_REDIS_URL) throw new Error('redis-server is not installed: the queue dashboard needs Redis')
      const page = await browser.newPage()
      await logIn(page, `${base}/admin`, 'superadmin@scriptorium.test')
      await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 60_000 })
      await page.goto(`${base}/admin/queues`)
      await page.getByText('scriptorium-jobs').first().waitFor({ timeout: 30_000 })
      await page.screenshot({ path: path.join(results, 'admin-queues.png'), fullPage: true })
      await page.close()

      const admin = await browser.newPage()
      await logIn(admin, `${base}/admin`, 'admin@alpha.test')
      await admin.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 60_000 })
      const res = await admin.goto(`${base}/admin/queues`)
      if (res?.status() !== 403) throw new Error(`an admin got ${res?.status()} at /admin/queues`)
      await admin.close()
    },
  },
  ...dashboardChecks,
  ...dossierChecks,
  ...workflowChecks,
  ...specialOrderChecks,
  ...incentiveChecks,
  ...peopleChecks,
  ...impersonationChecks,
  ...exportCsvChecks,
  ...edgeChecks,
  ...contentChecks,
  ...accountHelpChecks,
  // Last: it makes Beta's staff and the superadmin need a second factor while it runs.
  ...twoFactorChecks,
]

const main = async () => {
  await mkdir(results, { recursive: true })
  if (process.env.E2E_SKIP_BUILD !== '1') {
    say('building for production (npm run build)…')
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } })
    if (build.status !== 0) throw new Error('npm run build failed')
  }
  const missing = missingBuild('index')
  if (missing.length > 0) throw new Error(`no production build (${missing.join(', ')} missing): run npm run build first`)

  const scratch = await mkdtemp(path.join(os.tmpdir(), 'scriptorium-e2e-'))
  let embedded: EmbeddedDatabase | null = null
  let serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), ephemeral: true })
    serverUrl = embedded.url
  }
  const dbName = `sc_e2e_${Date.now().toString(36)}`
  const databaseUrl = withDatabase(serverUrl, dbName)
  await ensureDatabase(databaseUrl)

  // A redis-server of the run's own, so the server runs with BullMQ as in production.
  const redis = hasRedisServer() ? await startPrivateRedis() : null
  if (redis) process.env.E2E_REDIS_URL = redis.url
  const port = await freePort()
  const base = `http://localhost:${port}`
  const server = startCompiled('index', {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    CREDENTIALS_KEY: `e2e:${randomBytes(32).toString('base64')}`,
    SEED_DEMO_DATA: 'true',
    DATA_DIR: path.join(scratch, 'data'),
    LOG_LEVEL: 'warn',
    NEXT_TELEMETRY_DISABLED: '1',
    ...(redis ? { REDIS_URL: redis.url } : {}),
  })

  let passed = 0
  let failed = 0
  let browser: Browser | null = null
  try {
    await waitForReady(base, server.child)
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    })
    // E2E_ONLY=<words>: only the checks whose name contains them (while working on one).
    const only = process.env.E2E_ONLY?.toLowerCase()
    for (const check of checks.filter((c) => !only || c.name.toLowerCase().includes(only))) {
      const started = Date.now()
      try {
        await check.run({ browser, base, port })
        passed += 1
        say(`✓ ${check.name} (${Date.now() - started} ms)`)
      } catch (error) {
        failed += 1
        say(`✗ ${check.name}\n  ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  } catch (error) {
    failed += 1
    say(`✗ setup: ${error instanceof Error ? error.message : String(error)}\n${server.output().slice(-4000)}`)
  } finally {
    await browser?.close()
    const code = await stopCompiled(server.child, 15_000)
    if (code !== 0) {
      failed += 1
      say(code === 'timeout' ? '✗ the server did not stop within 15 s of SIGTERM' : `✗ the server ended with ${code} on SIGTERM`)
    }
    await dropDatabases(serverUrl, [dbName]).catch(() => {})
    await embedded?.stop()
    await redis?.stop()
    await rm(scratch, { recursive: true, force: true })
  }
  if (failed > 0) say(server.output().slice(-3000))
  say(`${passed} passed, ${failed} failed`)
  process.exit(failed > 0 ? 1 : 0)
}

main().catch((error: unknown) => {
  say(`e2e run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  say('0 passed, 1 failed')
  process.exit(1)
})
