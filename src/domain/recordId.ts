import { z } from 'zod'

/** Ids are PostgreSQL `serial` (int4): a larger number names nothing and must not reach the database. */
export const MAX_RECORD_ID = 2_147_483_647

/** A body field naming a record by id: a whole number from 1 to the largest id (400 naming the field otherwise). */
export const recordId = (what: string) =>
  z.number({ error: `The id of ${what}.` }).int(`The id of ${what}.`).positive(`The id of ${what}.`).max(MAX_RECORD_ID, `The id of ${what}.`)
