import { spawn, spawnSync, type ChildProcess } from 'node:child_process'

import { Redis } from 'ioredis'

import { freePort } from '../../src/server/embeddedPostgres'

export type PrivateRedis = { url: string; port: number; stop: () => Promise<void>; start: () => Promise<void> }

/** Whether Debian's redis-server is installed (CI installs it; tests that need it say so). */
export const hasRedisServer = (): boolean => spawnSync('redis-server', ['--version']).status === 0

const waitFor = async (port: number, up: boolean) => {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
    client.on('error', () => {})
    const ok = await client
      .connect()
      .then(() => client.ping())
      .then(() => true)
      .catch(() => false)
    client.disconnect()
    if (ok === up) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`redis on ${port} did not come ${up ? 'up' : 'down'}`)
}

/**
 * A redis-server of the test's own, on a free port, that the test may stop and start
 * again (never the machine's shared server).
 */
export const startPrivateRedis = async (): Promise<PrivateRedis> => {
  const port = await freePort()
  let child: ChildProcess | null = null
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
    await waitFor(port, true)
  }
  const stop = async () => {
    const running = child
    child = null
    if (!running) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGKILL')
    await exited
    await waitFor(port, false)
  }
  await start()
  return { url: `redis://127.0.0.1:${port}`, port, start, stop }
}
