import { Router } from 'express'

export type ReadinessCheck = { name: string; check: () => Promise<unknown> }

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    )
  })

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
          await withTimeout(check(), timeoutMs)
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
