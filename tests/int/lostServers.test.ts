import pg from 'pg'
import { APIError, type PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'

import { lostServer, mapLostServers, RETRY_AFTER_SECONDS } from '@/api/mapDatabaseErrors'

/**
 * A request cut off by a lost server answers 503 with Retry-After, not 500 (issue 18's
 * drill: a client must be able to tell "try again" from "failed"). The errors are the
 * real ones: a backend terminated under a live connection, a refused connection.
 */
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const failureOf = async (work: () => Promise<unknown>): Promise<Error> => {
  try {
    await work()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a failure')
}

const answer = async (error: Error, graphql = false) => {
  const req = {} as PayloadRequest
  const result = await mapLostServers({ error, req, context: {}, ...(graphql ? { graphqlResult: { message: error.message } } : {}) })
  return { result, retryAfter: req.responseHeaders?.get('Retry-After') ?? null }
}

describe('lost servers', () => {
  it('a backend terminated under a live connection (57P01) answers 503 with Retry-After, over REST and GraphQL', async () => {
    const victim = new pg.Client({ connectionString: url })
    victim.on('error', () => undefined)
    await victim.connect()
    const { rows } = await victim.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
    const killer = new pg.Client({ connectionString: url })
    await killer.connect()
    await killer.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid])
    await killer.end()
    // Wrapped as Drizzle wraps it: the driver's error is the cause.
    const lost = new Error('Failed query: SELECT 1', { cause: await failureOf(() => victim.query('SELECT 1')) })
    await victim.end().catch(() => undefined)
    expect(lostServer(lost)).toBe(true)
    const rest = await answer(lost)
    expect(rest.result).toMatchObject({ status: 503, response: { errors: [{ message: expect.stringContaining('Idempotency-Key') }] } })
    expect(rest.retryAfter).toBe(String(RETRY_AFTER_SECONDS))
    const graphql = await answer(lost, true)
    expect(graphql.result).toMatchObject({ graphqlResult: { extensions: { statusCode: 503 } } })
  })

  it('a refused connection answers 503', async () => {
    const refused = await failureOf(async () => {
      const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:1/postgres', connectionTimeoutMillis: 2000 })
      await client.connect()
    })
    expect((await answer(refused)).result).toMatchObject({ status: 503 })
  })

  it('a real deadlock (40P01) answers 503 with Retry-After 1: the undone request may be sent again', async () => {
    const a = new pg.Client({ connectionString: url })
    const b = new pg.Client({ connectionString: url })
    await a.connect()
    await b.connect()
    await a.query('DROP TABLE IF EXISTS dl_rows; CREATE TABLE dl_rows (id int PRIMARY KEY, v int); INSERT INTO dl_rows VALUES (1, 0), (2, 0)')
    await a.query('BEGIN')
    await b.query('BEGIN')
    await a.query('UPDATE dl_rows SET v = 1 WHERE id = 1')
    await b.query('UPDATE dl_rows SET v = 1 WHERE id = 2')
    // Each now waits for the other's row: PostgreSQL picks one and undoes it.
    const outcomes = await Promise.allSettled([a.query('UPDATE dl_rows SET v = 2 WHERE id = 2'), b.query('UPDATE dl_rows SET v = 2 WHERE id = 1')])
    await a.query('ROLLBACK')
    await b.query('ROLLBACK')
    await a.query('DROP TABLE dl_rows')
    await a.end()
    await b.end()
    const deadlock = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!.reason as Error
    expect((deadlock as { code?: string }).code).toBe('40P01')
    const rest = await answer(new Error('Failed query: UPDATE …', { cause: deadlock }))
    expect(rest.result).toMatchObject({ status: 503, response: { errors: [{ message: expect.stringContaining('undone') }] } })
    expect(rest.retryAfter).toBe('1')
  })

  it('a data error, a plain bug and an answer we chose are left alone', async () => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const dataError = await failureOf(() => client.query("SELECT 'x'::int"))
    await client.end()
    expect(lostServer(dataError)).toBe(false)
    expect((await answer(new TypeError('undefined is not a function'))).result).toBeUndefined()
    const provider = new APIError('The card processor did not answer.', 502)
    ;(provider as Error).cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
    const chosen = await answer(provider)
    expect(chosen.result).toBeUndefined()
    expect(chosen.retryAfter).toBeNull()
  })
})
