import { readdir, readFile } from 'node:fs/promises'

import type { Redis } from 'ioredis'

import type { Platform } from '../faults/platform'

/**
 * What the soak watches while it runs, every sample: each process's heap right after a
 * full collection (the preloaded heapProbe.mjs answers SIGUSR2), its open file
 * descriptors (sockets included), PostgreSQL's connections to the database, Redis's
 * clients and keys.
 */
export type Sample = {
  at: number
  heap: Record<string, number>
  rss: Record<string, number>
  fds: Record<string, number>
  postgresConnections: number
  redisClients: number
  redisKeys: number
}

export type Watched = Record<string, number>

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const latestHeapOf = async (file: string, pid: number, after: number) => {
  const lines = (await readFile(file, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean)
  const mine = lines.map((line) => JSON.parse(line) as { pid: number; at: number; heapUsed: number; rss: number }).filter((m) => m.pid === pid && m.at >= after)
  return mine.at(-1) ?? null
}

export const takeSample = async (processes: Watched, heapFile: string, platform: Platform, redis: Redis): Promise<Sample> => {
  const asked = Date.now()
  for (const pid of Object.values(processes)) process.kill(pid, 'SIGUSR2')
  const heap: Record<string, number> = {}
  const rss: Record<string, number> = {}
  const deadline = Date.now() + 10_000
  for (const [name, pid] of Object.entries(processes)) {
    for (;;) {
      const memory = await latestHeapOf(heapFile, pid, asked)
      if (memory) {
        heap[name] = memory.heapUsed
        rss[name] = memory.rss
        break
      }
      if (Date.now() > deadline) throw new Error(`${name} (pid ${pid}) did not report its heap within 10 s`)
      await sleep(100)
    }
  }
  const fds: Record<string, number> = {}
  for (const [name, pid] of Object.entries(processes)) fds[name] = (await readdir(`/proc/${pid}/fd`)).length
  const [connections] = await platform.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')
  const clients = /connected_clients:(\d+)/.exec(await redis.info('clients'))
  return {
    at: Date.now(),
    heap,
    rss,
    fds,
    postgresConnections: connections!.n,
    // Less the soak's own connection.
    redisClients: Number(clients?.[1] ?? 0) - 1,
    redisKeys: await redis.dbsize(),
  }
}

export type Verdict = { what: string; early: number; late: number; limit: string; pass: boolean }

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0
}

/**
 * The soak's judgement, comparing the window after warm-up with the last one: each
 * heap floor (the least post-GC heap of the window) grows at most 10 %; connections,
 * descriptors and Redis keys grow not at all — the late window's median is at most the
 * early window's highest (a leak pushes the median past it; the in-flight requests of a
 * sample only wobble around it).
 */
export const judge = (early: Sample[], late: Sample[]): Verdict[] => {
  const verdicts: Verdict[] = []
  for (const name of Object.keys(early[0]?.heap ?? {})) {
    const before = Math.min(...early.map((s) => s.heap[name]!))
    const after = Math.min(...late.map((s) => s.heap[name]!))
    verdicts.push({ what: `${name} heap floor after GC (MB)`, early: mb(before), late: mb(after), limit: '≤ +10 %', pass: after <= before * 1.1 })
  }
  const flat = (what: string, of: (s: Sample) => number) => {
    const before = Math.max(...early.map(of))
    const after = median(late.map(of))
    verdicts.push({ what, early: before, late: after, limit: 'late median ≤ early max', pass: after <= before })
  }
  for (const name of Object.keys(early[0]?.fds ?? {})) flat(`${name} open file descriptors`, (s) => s.fds[name]!)
  flat('PostgreSQL connections', (s) => s.postgresConnections)
  flat('Redis clients', (s) => s.redisClients)
  flat('Redis keys', (s) => s.redisKeys)
  return verdicts
}

export const formatSample = (s: Sample) =>
  `heap ${Object.entries(s.heap)
    .map(([name, bytes]) => `${name} ${mb(bytes)} MB`)
    .join(', ')}; fds ${Object.entries(s.fds)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ')}; pg ${s.postgresConnections}; redis clients ${s.redisClients}, keys ${s.redisKeys}`
