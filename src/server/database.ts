import pg from 'pg'

/** The same server's URL with another database name. */
export const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

export const databaseName = (url: string): string => decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres'

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Runs one statement on the server's maintenance database. */
export const onServer = async <T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') })
  client.on('error', () => {})
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** Creates the URL's database when it does not exist yet (optionally as a copy of a template). */
export const ensureDatabase = async (url: string, template?: string): Promise<boolean> => {
  const name = databaseName(url)
  return onServer(url, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (rowCount) return false
    await client.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`)
    return true
  })
}

/** Drops databases (ending their sessions first). */
export const dropDatabases = async (url: string, names: string[]): Promise<void> => {
  if (names.length === 0) return
  await onServer(url, async (client) => {
    for (const name of names) {
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name])
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`)
    }
  })
}

/** Ends every session of a database, e.g. before it is used as a template. */
export const disconnectAll = (url: string, name: string) =>
  onServer(url, (client) =>
    client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]),
  )
