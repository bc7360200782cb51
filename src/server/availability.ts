import type { RequestHandler } from 'express'

import type { ReadinessCheck } from './health'
import { withTimeout } from './withTimeout'

export type Availability = {
  /** Names of the dependencies that failed their last probe. */
  down: () => string[]
  /** Answers 503 at once while a dependency is down, instead of letting requests hang or 500. */
  guard: RequestHandler
  stop: () => void
}

/**
 * Probes every dependency once a second. While one is down, requests to the API, the
 * admin and the website's feeds (sitemap, RSS, robots.txt) fail fast with 503 and
 * Retry-After; the probes notice the recovery and traffic flows again, without a restart.
 */
export const watchAvailability = (checks: ReadinessCheck[], intervalMs = 1000): Availability => {
  let failing: string[] = []
  let probing = false
  const probe = async () => {
    if (probing) return
    probing = true
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          await withTimeout(Math.max(200, intervalMs - 100), 'timeout', check())
          return null
        } catch {
          return name
        }
      }),
    )
    failing = results.filter((name): name is string => name !== null)
    probing = false
  }
  void probe()
  const timer = setInterval(() => void probe(), intervalMs)
  timer.unref()
  return {
    down: () => failing,
    guard: (req, res, next) => {
      if (failing.length === 0 || !/^\/(api|admin)(\/|$)|^\/(sitemap\.xml|rss\.xml|robots\.txt)$/.test(req.path)) return next()
      res.setHeader('Retry-After', '5')
      res.status(503).json({ errors: [{ message: `Service temporarily unavailable: ${failing.join(' and ')} unreachable.` }] })
    },
    stop: () => clearInterval(timer),
  }
}
