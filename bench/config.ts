/** Settings of a bench run: command-line flags win over environment variables over defaults. */
import { parseArgs } from 'node:util'

const parse = (args: string[]) =>
  parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      fresh: { type: 'boolean', default: false },
      connections: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      rounds: { type: 'string' },
      'sql-samples': { type: 'string' },
      only: { type: 'string' },
      'no-save': { type: 'boolean', default: false },
      compare: { type: 'boolean', default: false },
    },
  }).values

const num = (flag: string | undefined, envName: string, fallback: number): number => {
  const raw = flag ?? process.env[envName]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${envName} / its flag must be a positive number, got "${raw}"`)
  return value
}

export type BenchConfig = {
  /** Server holding the bench databases (PostgreSQL 15+). */
  serverUrl: string
  /** The generated dataset; never modified by a run. */
  datasetDb: string
  /** A fresh copy of the dataset per run, so that order creation never accumulates. */
  runDb: string
  fresh: boolean
  connections: number
  /** Seconds of measured load per scenario and server. */
  duration: number
  /** The measured seconds are split into this many alternating stretches per server. */
  rounds: number
  /** Seconds of unmeasured load before each measurement. */
  warmup: number
  /** Sequential requests used to count SQL statements per request. */
  sqlSamples: number
  /** Scenario names to run (all when empty). */
  only: string[]
  save: boolean
  /** Compare the median round's ratios with the latest committed results (bench/compare.ts); at least 3 rounds. */
  compare: boolean
}

export const benchConfig = (args: string[] = process.argv.slice(2)): BenchConfig => {
  const values = parse(args)
  return {
    serverUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    datasetDb: process.env.BENCH_DATASET_DB || 'scriptorium_bench',
    runDb: process.env.BENCH_RUN_DB || 'scriptorium_bench_run',
    fresh: values.fresh ?? false,
    connections: num(values.connections, 'BENCH_CONNECTIONS', 10),
    duration: num(values.duration, 'BENCH_DURATION', 10),
    warmup: num(values.warmup, 'BENCH_WARMUP', 3),
    rounds: Math.max(num(values.rounds, 'BENCH_ROUNDS', 2), values.compare ? COMPARE_ROUNDS : 1),
    sqlSamples: num(values['sql-samples'], 'BENCH_SQL_SAMPLES', 40),
    only: (values.only ?? process.env.BENCH_ONLY ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    save: !(values['no-save'] ?? false),
    compare: values.compare ?? false,
  }
}

/** The fewest rounds a comparison takes the median of. */
export const COMPARE_ROUNDS = 3

/** The dataset's shape; a dataset with other counts is regenerated. */
export const DATASET = {
  version: 1,
  tenants: 10,
  users: 20_000,
  orders: 100_000,
} as const

/** A secret for the bench's Payload only (tokens never leave the machine). */
export const BENCH_PAYLOAD_SECRET = 'scriptorium-bench-secret-local-only-0123456789'
/** The class-portal credentials key of the bench's production-mode server (required in production; local only). */
export const BENCH_CREDENTIALS_KEY = `bench:${Buffer.alloc(32, 42).toString('base64')}`

export const say = (line: string) => process.stdout.write(`${line}\n`)
