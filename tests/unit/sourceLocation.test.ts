import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { serverBuildOptions } from '../../scripts/build/serverBuildOptions'

/**
 * The compiled server finds files by `import.meta` (the config: migrations and the import
 * map; the web entry: the project root, where Next's `.next` is). Built with the server's
 * own build options, a module imported lazily from an entry (so it lands in a chunk)
 * still sees its source file's location, also after the project folder is moved.
 */
let scratch: string
const run = (project: string) => {
  const result = spawnSync(process.execPath, [path.join(project, 'out/server/main.js')], { encoding: 'utf8' })
  expect(result.stderr).toBe('')
  return JSON.parse(result.stdout) as { url: string; dirname: string; filename: string; root: string }
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'scriptorium-source-location-'))
  const project = path.join(scratch, 'project')
  await mkdir(path.join(project, 'src/deep'), { recursive: true })
  await writeFile(path.join(project, 'package.json'), JSON.stringify({ type: 'module' }))
  await writeFile(
    path.join(project, 'src/deep/where.ts'),
    'import path from "node:path"\nexport const where = { url: import.meta.url, dirname: import.meta.dirname, filename: import.meta.filename, root: path.resolve(import.meta.dirname, "../..") }\n',
  )
  await writeFile(path.join(project, 'src/main.ts'), "const { where } = await import('./deep/where')\nprocess.stdout.write(JSON.stringify(where))\n")
  await build(serverBuildOptions(project, path.join(project, 'out/server'), { main: 'src/main.ts' }))
})

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

describe('compiled entries keep their source files’ import.meta', () => {
  it('url, dirname and filename name the source file, not the bundle', () => {
    const project = path.join(scratch, 'project')
    const source = path.join(project, 'src/deep/where.ts')
    expect(run(project)).toEqual({ url: pathToFileURL(source).href, dirname: path.dirname(source), filename: source, root: project })
  })

  it('follow the project when its folder moves (a Docker stage copies it)', async () => {
    const moved = path.join(scratch, 'moved')
    await rename(path.join(scratch, 'project'), moved)
    expect(run(moved).root).toBe(moved)
    await rename(moved, path.join(scratch, 'project'))
  })
})
