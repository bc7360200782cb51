import type { Payload } from 'payload'
import type { Pool } from 'pg'

/** The node-postgres pool behind Payload's PostgreSQL adapter. */
export const poolOf = (payload: Payload): Pool | undefined => (payload.db as unknown as { pool?: Pool }).pool
