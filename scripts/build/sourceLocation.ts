import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Plugin } from 'esbuild'

const META = /\bimport\.meta\.(url|dirname|filename)\b/g
const OWN_CODE = /\.(?:[cm]?ts|tsx|[cm]?js)$/
const LOADERS = { ts: 'ts', mts: 'ts', cts: 'ts', tsx: 'tsx', js: 'js', mjs: 'js', cjs: 'js' } as const

/** A path relative to the output folder, in URL form. */
const fromOutput = (outdir: string, target: string): string => {
  const relative = path.relative(outdir, target).split(path.sep).join('/')
  return relative.startsWith('.') ? relative : `./${relative}`
}

/**
 * Keeps `import.meta.url`, `.dirname` and `.filename` pointing at each source file
 * rather than at the bundle: the config finds `src/migrations` and the import map by
 * them, and the web entry finds the project root (Next's `.next`) by them.
 *
 * Each occurrence becomes the source file's location relative to the bundle's own
 * `import.meta.url`, so the build stays valid wherever the project folder is moved (a
 * Docker stage copies it elsewhere). Every output file (entries and shared chunks)
 * must therefore sit directly in `outdir`.
 *
 * The helper imports go on the file's first line so that source-map line numbers stay
 * those of the original file.
 */
export const sourceLocationPlugin = (outdir: string): Plugin => ({
  name: 'source-location',
  setup(build) {
    build.onLoad({ filter: OWN_CODE }, async (args) => {
      if (args.path.split(path.sep).includes('node_modules')) return undefined
      const source = await readFile(args.path, 'utf8')
      if (!source.includes('import.meta')) return undefined
      const file = JSON.stringify(fromOutput(outdir, args.path))
      const url = `new URL(${file}, import.meta.url)`
      const replaced = source.replace(META, (_, property: string) => {
        if (property === 'url') return `${url}.href`
        if (property === 'filename') return `__sourceLocationPath(${url})`
        return `__sourceLocationDirname(__sourceLocationPath(${url}))`
      })
      if (replaced === source) return undefined
      const helpers = "import { fileURLToPath as __sourceLocationPath } from 'node:url'; import { dirname as __sourceLocationDirname } from 'node:path'; "
      const extension = path.extname(args.path).slice(1) as keyof typeof LOADERS
      return { contents: helpers + replaced, loader: LOADERS[extension], resolveDir: path.dirname(args.path) }
    })
  },
})
