import { defineConfig, mergeConfig } from 'vitest/config'

import base from '../../vitest.config'

/** The campaign's long form only (`npm run test:hostile`): not part of `npm test`. */
const config = mergeConfig(base, defineConfig({ test: { testTimeout: 0 } }))
// mergeConfig appends arrays: the suite's own files must not come along.
config.test!.include = ['tests/hostile/**/*.test.ts']
export default config
