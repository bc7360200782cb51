import { Router } from 'express'

import { withTimeout } from './withTimeout'

export type ReadinessCheck = { name: string; check: () => Promise<unknown> }

/**
 * `/healthz`: the process is up. `/readyz`: every dependency answers, else 503 with the
 * failing ones named, so a load balancer stops sending traffic until they recover.
 */
export const healthRoutes = (checks: ReadinessCheck[], timeoutMs = 2000): Router => {
  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await withTimeout(timeoutMs, `no answer within ${timeoutMs} ms`, check())
          return { name, ok: true as const }
        } catch (error) {
          return { name, ok: false as const, error: (error as Error).message }
        }
      }),
    )
    const failing = results.filter((r) => !r.ok)
    res.status(failing.length ? 503 : 200).json({
      status: failing.length ? 'unavailable' : 'ready',
      checks: Object.fromEntries(results.map((r) => [r.name, r.ok ? 'ok' : r.error])),
    })
  })
  return router
}

/** PostgreSQL answers a trivial query on the given pool. */
export const postgresCheck = (pool: { query: (sql: string) => Promise<unknown> }): ReadinessCheck => ({
  name: 'postgres',
  check: () => pool.query('SELECT 1'),
})

/** Redis answers PING (only checked when Redis is configured). */
export const redisCheck = (client: { ping: () => Promise<unknown> }): ReadinessCheck => ({
  name: 'redis',
  check: () => client.ping(),
})
