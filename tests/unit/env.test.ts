import { describe, expect, it } from 'vitest'

import { assertProductionReady, graphqlSwitches, parseEnv } from '@/env'

describe('parseEnv', () => {
  it('fills defaults for a bare development environment', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 3000, DATA_DIR: '.data', EMBEDDED_PG_PORT: 54329 })
    expect(env.DATABASE_URL).toBeUndefined()
  })
  it('names a malformed variable in one line', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/^Environment variable PORT is invalid: /)
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow('Environment variable DATABASE_URL is invalid: must be a postgres:// URL')
    expect(() => parseEnv({ PAYLOAD_SECRET: 'short' })).toThrow(/PAYLOAD_SECRET is invalid: must be at least 32 characters/)
  })
  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
  })
  it('requires a secret and a database in production', () => {
    expect(() => assertProductionReady(parseEnv({ NODE_ENV: 'production' }))).toThrow(
      'Environment variable PAYLOAD_SECRET is missing: required in production',
    )
    expect(() =>
      assertProductionReady(parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(32) })),
    ).toThrow(/DATABASE_URL is missing/)
    expect(() =>
      assertProductionReady(
        parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://h/db', CREDENTIALS_KEY: `k1:${Buffer.alloc(32, 7).toString('base64')}` }),
      ),
    ).not.toThrow()
  })
})

describe('graphqlSwitches', () => {
  it('introspection and the playground are on outside production and off in it, unless set', () => {
    expect(graphqlSwitches(parseEnv({}))).toEqual({ introspection: true, playground: true })
    expect(graphqlSwitches(parseEnv({ NODE_ENV: 'test' }))).toEqual({ introspection: true, playground: true })
    expect(graphqlSwitches(parseEnv({ NODE_ENV: 'production' }))).toEqual({ introspection: false, playground: false })
    expect(graphqlSwitches(parseEnv({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', GRAPHQL_PLAYGROUND: 'true' }))).toEqual({ introspection: true, playground: true })
    expect(graphqlSwitches(parseEnv({ GRAPHQL_INTROSPECTION: 'false', GRAPHQL_PLAYGROUND: 'false' }))).toEqual({ introspection: false, playground: false })
  })
  it('takes only true or false', () => {
    expect(() => parseEnv({ GRAPHQL_INTROSPECTION: 'yes' })).toThrow(/^Environment variable GRAPHQL_INTROSPECTION is invalid/)
  })
})
