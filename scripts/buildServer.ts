/**
 * `npm run build` (before `next build`): compiles the long-running entries to JavaScript
 * so that production starts them with plain `node`, no TypeScript loader at run time.
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'

import { build } from 'esbuild'

import { SERVER_ENTRIES, SERVER_OUTDIR } from './build/serverEntries.mjs'
import { serverBuildOptions } from './build/serverBuildOptions'

const root = path.resolve(import.meta.dirname, '..')
const outdir = path.join(root, SERVER_OUTDIR)

const started = Date.now()
await rm(outdir, { recursive: true, force: true })
const result = await build(serverBuildOptions(root, outdir, SERVER_ENTRIES))
const bytes = Object.values(result.metafile?.outputs ?? {}).reduce((sum, output) => sum + output.bytes, 0)
process.stdout.write(
  `server entries (${Object.keys(SERVER_ENTRIES).join(', ')}) built in ${SERVER_OUTDIR}/ in ${Date.now() - started} ms, ${Math.round(bytes / 1024)} KiB\n`,
)
