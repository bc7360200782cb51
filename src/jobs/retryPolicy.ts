/** How often a handler is tried before its job becomes a dead letter, and how long between. */
export type RetryPolicy = { attempts: number; backoffMs: number }
export const HANDLER_RETRY: RetryPolicy = { attempts: 5, backoffMs: 1000 }

/** How often the relay tries to hand a row to the queue before giving up on it. */
export const RELAY_ATTEMPTS = 20

/** Exponential backoff, capped: 1 s, 2 s, 4 s … 60 s. */
export const backoffMs = (attempt: number, baseMs: number, capMs = 60_000): number =>
  Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))
