/**
 * `node scripts/requireBuild.mjs <entry>` runs before the production commands (`npm
 * start`, `npm run worker`, `npm run migrate`): without a build it says so in one line
 * and exits 1, instead of node's module-not-found stack trace.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath, URL } from 'node:url'

import { BUILD_NEEDS, compiledEntry, SERVER_ENTRIES } from './build/serverEntries.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const name = process.argv[2]
if (!name || !(name in SERVER_ENTRIES)) {
  process.stderr.write(`usage: node scripts/requireBuild.mjs ${Object.keys(SERVER_ENTRIES).join('|')}\n`)
  process.exit(2)
}
const missing = [compiledEntry(name), ...BUILD_NEEDS[name]].filter((file) => !existsSync(path.join(root, file)))
if (missing.length > 0) {
  process.stderr.write(`No production build (${missing.join(', ')} missing): run npm run build first\n`)
  process.exit(1)
}
