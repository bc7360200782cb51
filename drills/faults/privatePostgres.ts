import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { freePort } from '../../src/server/embeddedPostgres'

/**
 * A PostgreSQL server of the drill's own (Debian's postgresql-15 binaries), started as
 * a child process so the drill can SIGKILL it under load or stop it for a while, then
 * start it again on the same data: what a crashed or restarted database server does to
 * the platform. As root it runs as the `postgres` OS user (PostgreSQL refuses root).
 */
export type PrivatePostgres = {
  url: string
  /** SIGKILL to the postmaster: no shutdown, no checkpoint (crash recovery on the next start). */
  kill: () => Promise<void>
  /** A fast shutdown (SIGINT): sessions ended, a checkpoint, then exit. */
  stop: () => Promise<void>
  /** Starts it again on the same data; resolves once it accepts connections. */
  start: () => Promise<void>
  destroy: () => Promise<void>
}

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'

export const hasPostgresBinaries = () => existsSync(path.join(BIN, 'postgres')) && existsSync(path.join(BIN, 'initdb'))

const isRoot = () => process.getuid?.() === 0
const postgresUser = () => ({ uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) })

const accepts = async (url: string) => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null

export const startPrivatePostgres = async (): Promise<PrivatePostgres> => {
  if (!hasPostgresBinaries()) throw new Error(`no PostgreSQL binaries under ${BIN} (Debian package postgresql-15, or PG_BIN)`)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scriptorium-drill-pg-'))
  const owner = isRoot() ? postgresUser() : null
  if (owner) {
    await chmod(dir, 0o700)
    await chown(dir, owner.uid, owner.gid)
  }
  const data = path.join(dir, 'data')
  execFileSync(path.join(BIN, 'initdb'), ['-D', data, '--auth=trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'], { stdio: 'ignore', ...(owner ?? {}) })
  const port = await freePort()
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  let child: ChildProcess | null = null

  const start = async () => {
    const deadline = Date.now() + 60_000
    // After a SIGKILL the old backends take a moment to notice; until then a new
    // postmaster refuses the old shared memory and exits: try again.
    while (Date.now() < deadline) {
      const next = spawn(path.join(BIN, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'], {
        stdio: 'ignore',
        ...(owner ?? {}),
      })
      child = next
      while (Date.now() < deadline && !exited(next)) {
        if (await accepts(url)) return
        await new Promise((r) => setTimeout(r, 100))
      }
      await new Promise((r) => setTimeout(r, 250))
    }
    throw new Error('the private PostgreSQL did not start within 60 s')
  }

  const ended = (signal: NodeJS.Signals) => async () => {
    const running = child
    if (!running || exited(running)) return
    const gone = new Promise((resolve) => running.once('exit', resolve))
    running.kill(signal)
    await gone
  }

  await start()
  return {
    url,
    kill: ended('SIGKILL'),
    stop: ended('SIGINT'),
    start,
    destroy: async () => {
      await ended('SIGINT')()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
