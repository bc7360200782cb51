import { createRequire } from 'node:module'

import { defineConfig } from 'vitest/config'

const require = createRequire(import.meta.url)

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // One `graphql` for our code and Payload's: Vite would take its ESM build (the package's
    // "module") for our files while Node loads the CommonJS one for Payload and graphql-http,
    // and a GraphQLError of one is not an instanceof the other's (as in production, where
    // Node resolves both).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/int/**/*.test.ts'],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    setupFiles: ['tests/helpers/perTest.ts'],
    pool: 'forks',
    // Lexical (loaded with the Payload config) picks its build with a top-level await that
    // can stall on Node 20; naming the condition loads the build directly (see
    // src/server/lexicalConditions.ts).
    execArgv: ['--conditions=development'],
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})
