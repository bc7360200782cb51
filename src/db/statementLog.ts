import type pg from 'pg'

export type StatementLog = {
  /** Statements sent since the log began (or since `reset`). */
  readonly count: number
  /** The text of each statement since the log began, when kept (`keepText`). */
  readonly texts: readonly string[]
  reset: () => void
}

const textOf = (first: unknown): string => (typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? ''))

/**
 * Counts every statement a pool sends (each pooled client's `query`, which `pool.query`
 * goes through too), for the bench's SQL-per-request figures and the tests that hold a
 * path to its number of statements. `onStatement` sees each one with its values.
 */
export const logStatements = (pool: pg.Pool, options: { keepText?: boolean; onStatement?: (text: string, values: unknown[] | undefined) => void } = {}): StatementLog => {
  let count = 0
  let texts: string[] = []
  const watched = new WeakSet<pg.PoolClient>()
  const watch = (client: pg.PoolClient) => {
    if (watched.has(client)) return
    watched.add(client)
    const query = client.query.bind(client) as (...args: unknown[]) => unknown
    ;(client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      count += 1
      if (options.keepText || options.onStatement) {
        const text = textOf(args[0]).replace(/\s+/g, ' ')
        if (options.keepText) texts.push(text)
        const values = Array.isArray(args[1]) ? args[1] : typeof args[0] === 'object' ? (args[0] as { values?: unknown[] }).values : undefined
        options.onStatement?.(text, values)
      }
      return query(...args)
    }
  }
  pool.on('connect', watch)
  for (const client of (pool as unknown as { _clients?: pg.PoolClient[] })._clients ?? []) watch(client)
  return {
    get count() {
      return count
    },
    get texts() {
      return texts
    },
    reset: () => {
      count = 0
      texts = []
    },
  }
}
